import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AUDIT_JOURNEYS } from '../audit/audit.interceptor';
import { CurrentPrincipal } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { PersonRefPipe } from '../common/pipes/pattern-param.pipes';
import { BAD_INPUT, DB_DOWN, MALFORMED, TOO_LARGE } from '../journeys/journey-openapi';
import { PersonJourneysDto } from './dto/person-journeys.response';
import { SearchPersonDto } from './dto/search-person.dto';
import { PeopleService } from './people.service';

const SCOPE =
  "Episodes in the caller's offices are listed in full, oldest first (each with `previousJourneyId` / `nextJourneyId` linking a transfer); " +
  'episodes other offices follow are not listed: `elsewhere` only counts them and says whether one is open. From the read model (eventually consistent, usually within a second). ' +
  'Operators, supervisors and administrators; audited like every read.';

/** A person's episodes (issue 14): by their reference (`prs_…`) in the path, or by fiscal code in a POST body, never in a URL. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

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
}

/** The audit entry names the journeys the answer shows. */
function audited(request: Record<string, unknown>, answer: PersonJourneysDto): PersonJourneysDto {
  request[AUDIT_JOURNEYS] = answer.journeys.map((j) => j.journeyId);
  return answer;
}
