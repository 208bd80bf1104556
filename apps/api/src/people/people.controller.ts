import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AUDIT_JOURNEYS, AUDIT_PERSON } from '../audit/audit.interceptor';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { PersonRefPipe } from '../common/pipes/pattern-param.pipes';
import { BAD_INPUT, DB_DOWN, MALFORMED, TOO_LARGE } from '../journeys/journey-openapi';
import { PersonExportDto } from './dto/person-export.response';
import { PersonJourneysDto } from './dto/person-journeys.response';
import { SearchPersonDto } from './dto/search-person.dto';
import { PeopleService } from './people.service';
import { PersonExportService } from './person-export.service';

const SCOPE =
  "Episodes in the caller's offices are listed in full, oldest first (each with `previousJourneyId` / `nextJourneyId` linking a transfer); " +
  'episodes other offices follow are not listed: `elsewhere` only counts them and says whether one is open. From the read model (eventually consistent, usually within a second). ' +
  'Operators, supervisors and administrators; audited like every read.';

interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

const EXPORT =
  'Sections: the episodes (read-model rows), each with its events in order, pact actions, appointments, conditionality steps, services, ' +
  'the notifications sent to or about the person (with bodies and delivery attempts), side-effect failures and the audit entries about it; ' +
  'then the audit entries naming the person without a journey. `contents` in the file says what each section holds. ' +
  'Administrators only (403 otherwise). Audited: the request is recorded with the person reference and the journeys exported (never the fiscal code); ' +
  'the file itself is never logged. One consistent snapshot of the read model.';

const EXPORT_HEADERS = {
  'Content-Disposition': { description: '`attachment; filename="person-<personRef>.json"`', schema: { type: 'string', example: 'attachment; filename="person-prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a.json"' } },
};

const EXPORT_ERRORS = {
  UNAUTHENTICATED: 'no valid bearer token',
  FORBIDDEN: 'not an administrator',
  PERSON_NOT_FOUND: 'the product holds no journey of this person',
  READ_MODEL_UNAVAILABLE: DB_DOWN,
};

/** A person's episodes (issue 14): by their reference (`prs_…`) in the path, or by fiscal code in a POST body, never in a URL. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly exports: PersonExportService,
  ) {}

  @Get(':personRef/journeys')
  @ApiParam({ name: 'personRef', description: 'The person: `prs_` and 32 hex characters (`personRef` of a journey)', example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a' })
  @ApiOperation({ summary: "A person's episodes", description: `The person's journeys, one per episode (from a DID, or a transfer, to its closure). ${SCOPE}` })
  @ApiOkResponse({ description: "The person's episodes", type: PersonJourneysDto })
  @ApiErrorResponses({ VALIDATION_FAILED: 'the person reference is malformed (a fiscal code never goes in a URL: `POST /people/search`)', READ_MODEL_UNAVAILABLE: DB_DOWN })
  async journeys(@CurrentPrincipal() principal: Principal, @Param('personRef', PersonRefPipe) personRef: string, @Req() request: Record<string, unknown>): Promise<PersonJourneysDto> {
    return audited(request, await this.people.journeys(principal, personRef));
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find a person by fiscal code', description: `The same answer as \`GET /people/{personRef}/journeys\`, for the person whose fiscal code the body gives. ${SCOPE}` })
  @ApiOkResponse({ description: "The person's episodes", type: PersonJourneysDto })
  @ApiErrorResponses({ VALIDATION_FAILED: `${BAD_INPUT}; \`fiscalCode\` is validated as at a start`, MALFORMED_JSON: MALFORMED, PAYLOAD_TOO_LARGE: TOO_LARGE, READ_MODEL_UNAVAILABLE: DB_DOWN })
  async search(@CurrentPrincipal() principal: Principal, @Body() body: SearchPersonDto, @Req() request: Record<string, unknown>): Promise<PersonJourneysDto> {
    return audited(request, await this.people.search(principal, body.fiscalCode));
  }

  @Get(':personRef/export')
  @Roles('administrator')
  @ApiParam({ name: 'personRef', description: 'The person: `prs_` and 32 hex characters (`personRef` of a journey)', example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a' })
  @ApiProduces('application/json')
  @ApiOperation({ summary: "Export a person's data (GDPR art. 15)", description: `Everything the product holds about the person, as one JSON file. ${EXPORT}` })
  @ApiOkResponse({ description: "The person's file", type: PersonExportDto, headers: EXPORT_HEADERS })
  @ApiErrorResponses({ VALIDATION_FAILED: 'the person reference is malformed (a fiscal code never goes in a URL: `POST /people/export`)', ...EXPORT_ERRORS })
  async exportByRef(@Param('personRef', PersonRefPipe) personRef: string, @Req() request: Record<string, unknown>, @Res({ passthrough: true }) response: HeaderSettable): Promise<PersonExportDto> {
    return this.exportFile(personRef, request, response);
  }

  @Post('export')
  @HttpCode(200)
  @Roles('administrator')
  @ApiProduces('application/json')
  @ApiOperation({ summary: "Export a person's data by fiscal code (GDPR art. 15)", description: `The same file as \`GET /people/{personRef}/export\`, for the person whose fiscal code the body gives. ${EXPORT}` })
  @ApiOkResponse({ description: "The person's file", type: PersonExportDto, headers: EXPORT_HEADERS })
  @ApiErrorResponses({ VALIDATION_FAILED: `${BAD_INPUT}; \`fiscalCode\` is validated as at a start`, MALFORMED_JSON: MALFORMED, PAYLOAD_TOO_LARGE: TOO_LARGE, ...EXPORT_ERRORS })
  async exportByFiscalCode(@Body() body: SearchPersonDto, @Req() request: Record<string, unknown>, @Res({ passthrough: true }) response: HeaderSettable): Promise<PersonExportDto> {
    return this.exportFile(this.exports.personRefOf(body.fiscalCode), request, response);
  }

  /** The file, as an attachment; the audit entry names the person (always) and the journeys the file holds. */
  private async exportFile(personRef: string, request: Record<string, unknown>, response: HeaderSettable): Promise<PersonExportDto> {
    request[AUDIT_PERSON] = personRef;
    const file = await this.exports.export(personRef);
    request[AUDIT_JOURNEYS] = file.episodes.map((e) => e.journey.journeyId);
    response.setHeader('Content-Disposition', `attachment; filename="person-${personRef}.json"`);
    return file;
  }
}

/** The audit entry names the person and the journeys the answer shows. */
function audited(request: Record<string, unknown>, answer: PersonJourneysDto): PersonJourneysDto {
  request[AUDIT_PERSON] = answer.personRef;
  request[AUDIT_JOURNEYS] = answer.journeys.map((j) => j.journeyId);
  return answer;
}
