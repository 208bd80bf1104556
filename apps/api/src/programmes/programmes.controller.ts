import { Roles } from '../auth/decorators';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ProgrammeCodePipe } from '../common/pipes/pattern-param.pipes';
import { ProgrammeCatalogueDto } from './dto/programme-catalogue.response';
import { ProgrammeRegionQuery, ProgrammeVersionQuery } from './dto/programme-version.query';
import type { RegionKey } from '@sal/domain';
import { PublishCatalogueDto } from './dto/publish-catalogue.dto';
import { ProgrammesService } from './programmes.service';

const CODE_PARAM = ApiParam({ name: 'code', description: 'Programme code: 2-32 of A-Z 0-9 _ -', example: 'GOL-1' });
const DB_DOWN = 'PostgreSQL cannot be reached';
const PINNED =
  'A journey pins the latest version of its programme when it starts and keeps that version, with its clocks, until it ' +
  'ends: publishing a new version changes only journeys started afterwards.';
const REGIONS =
  "Issue 15: a catalogue is national (`scope` `national`: the defaults, for every region) or a region's own (`scope` the region's key, published " +
  "with `?region=`); a journey pins the latest version its office's region published of the code, else the latest national one — when it starts, " +
  'when its GOL path is chosen and when it is transferred — so a regional version changes neither running journeys nor those of other regions. ' +
  'Versions are numbered per scope and code.';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @ApiOperation({
    summary: 'Programme catalogues',
    description: `The latest version of every programme, by code: the national ones, or with \`region\` the one each code resolves to in that region (its own, else the national one; \`scope\` says which). ${PINNED}\n\n${REGIONS}`,
  })
  @ApiOkResponse({ description: 'The latest (effective) version of each programme', type: ProgrammeCatalogueDto, isArray: true })
  @ApiErrorResponses({ VALIDATION_FAILED: '`region` is not a region key', READ_MODEL_UNAVAILABLE: DB_DOWN })
  list(@Query() query: ProgrammeRegionQuery): Promise<ProgrammeCatalogueDto[]> {
    return this.programmes.list(query.region as RegionKey | undefined);
  }

  @Get(':code/versions')
  @CODE_PARAM
  @ApiOperation({
    summary: "Every version of a programme catalogue",
    description:
      "Every version of the code, oldest first: the national ones, or with `region` the region's own (not the national ones it falls back to). " +
      `Versions never change, so two of them can be compared field by field. ${PINNED}\n\n${REGIONS}`,
  })
  @ApiOkResponse({ description: 'The versions, oldest first', type: ProgrammeCatalogueDto, isArray: true })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the code is malformed, or `region` is not a region key',
    PROGRAMME_NOT_FOUND: 'no version of this code in the scope asked',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  versions(@Param('code', ProgrammeCodePipe) code: string, @Query() query: ProgrammeRegionQuery): Promise<ProgrammeCatalogueDto[]> {
    return this.programmes.versions(code, query.region as RegionKey | undefined);
  }

  @Get(':code')
  @CODE_PARAM
  @ApiOperation({
    summary: 'A programme catalogue',
    description:
      "The latest national version — with `region`, the one the region's journeys pin (its own latest, else the national one) —, or the " +
      `version \`version\` asks for (of the region's own versions with \`region\`, else of the national ones). ${PINNED}\n\n${REGIONS}`,
  })
  @ApiOkResponse({ description: 'The catalogue version', type: ProgrammeCatalogueDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the code or the version is malformed, or `region` is not a region key',
    PROGRAMME_NOT_FOUND: 'no programme has this code (in the region, nor nationally), or it has no such version',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  get(@Param('code', ProgrammeCodePipe) code: string, @Query() query: ProgrammeVersionQuery): Promise<ProgrammeCatalogueDto> {
    return this.programmes.get(code, query.version, query.region as RegionKey | undefined);
  }

  @Put(':code')
  @Roles('administrator')
  @CODE_PARAM
  @ApiOperation({
    summary: 'Publish a new version of a programme catalogue',
    description:
      `Stores the definition as the programme's next version (version 1 for a new code) and answers it. ${PINNED} ` +
      'Versions are never changed or deleted.\n\n' +
      "With `?region=` (a region's key) the version is the region's own, numbered on its own: it applies to the journeys of that region's offices " +
      'started, choosing their GOL path or transferred afterwards, and to no other region\'s. A region may so publish its own version of a national ' +
      `programme (e.g. GOL-1) or a programme of its own. ${REGIONS}\n\n` +
      'A definition states the title, the clocks (the four core ones required, the seven legal and appointment clocks optional), ' +
      'optionally the services the path requires in order (`services`: `{ service, after }`, starting with `reception`) and the legal ' +
      'clocks that count working days (`workingDayClocks`, whole days only), the legal clocks whose last day moves off the office\'s closed days ' +
      '(`rollForwardClocks`, each with `saturdaysClosed`), and optionally the thresholds of a congrua offer (`offerSuitability`, ' +
      "any left out: the D.M. 10 aprile 2018's), and optionally the justified long absences that pause the clocks (`absenceReasons`; absent: the GOL list). " +
      'It is checked with the same rules the journeys rely on; ' +
      'every problem is named by its field.\n\n' +
      'For administrators only (403 `FORBIDDEN` otherwise), national and regional versions alike: tokens tie operators and supervisors to offices, ' +
      'administrators to none (a per-region administrator is not modelled).',
  })
  @ApiBody({ type: PublishCatalogueDto })
  @ApiOkResponse({ description: 'The new version', type: ProgrammeCatalogueDto })
  @ApiErrorResponses({
    VALIDATION_FAILED:
      'the code is malformed, the title is missing or too long, a clock is missing (core ones), unknown, or not a positive ISO-8601 duration or null, ' +
      'a service is unknown, listed twice, not first `reception` or after a service not listed before it, or a working-day clock is not a legal clock ' +
      'or not whole days, or a roll-forward setting is not a legal clock\'s `{ saturdaysClosed }`, or a threshold of `offerSuitability` is unknown or not a number from 0 to 100000, or an absence reason is unknown or listed twice ' +
      'or `region` is not a region key ' +
      '(`fields` names each, e.g. `clocks.stallAfter`, `services[2].after`, `workingDayClocks[0]`, `rollForwardClocks.appealWindow.saturdaysClosed`, `offerSuitability.maxDistanceKm`, `absenceReasons[1]`, ' +
      'each with the code of its rule and its `params`: `invalid_duration`, `unknown_field`, `invalid_value`, `repeated_value`, `prerequisite_not_before`, `first_service_not_reception`, `not_whole_days`, `not_legal_clock`, …)',
    MALFORMED_JSON: 'the body is not well-formed JSON',
    PAYLOAD_TOO_LARGE: 'the body exceeds the size limit (100kb by default)',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not an administrator',
  })
  publish(@Param('code', ProgrammeCodePipe) code: string, @Query() query: ProgrammeRegionQuery, @Body() body: PublishCatalogueDto): Promise<ProgrammeCatalogueDto> {
    return this.programmes.publish(code, body, query.region as RegionKey | undefined);
  }
}
