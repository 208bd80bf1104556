import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JourneyEvent } from '@sal/domain';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { JourneyIdPipe } from '../common/pipes/pattern-param.pipes';
import { CreateJourneyDto } from './dto/create-journey.dto';
import { JourneyCreatedDto } from './dto/journey-created.response';
import { JourneyEventDto } from './dto/journey-event.response';
import { JourneyPageDto } from './dto/journey-page.response';
import { JourneyViewDto } from './dto/journey-view.response';
import { ListJourneysQuery } from './dto/list-journeys.query';
import { JourneysService } from './journeys.service';
import { JOURNEY_ID_PARAM } from './journey-params';
import { AUDIT_DOWN, BAD_INPUT, DB_DOWN, MALFORMED, NOT_FOUND, TEMPORAL_DOWN, TOO_LARGE } from './journey-openapi';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  @Post()
  @ApiOperation({
    summary: 'Start a journey',
    description:
      "Starts the person's journey in a programme from the DID: one episode, until its closure. The journey id is a keyed hash of the fiscal code and the DID date (no personal data): " +
      'the same person and DID give the same id, so a repeated start answers 409 `JOURNEY_ALREADY_EXISTS` naming it, and a new DID after a closure starts a new episode ' +
      "(the person's episodes: `GET /people/{personRef}/journeys`, `personRef` in the answer's journey). A person has at most one open journey, across programmes: " +
      'a start while one is open answers 409, naming it when your offices cover its office (`JOURNEY_ALREADY_EXISTS`), else `PERSON_FOLLOWED_ELSEWHERE` (naming nothing). ' +
      "The start reserves the person's open journey before it starts the workflow; a reservation whose journey never started (the API stopped in between) is replaced after a minute, " +
      'and the same person and DID retried simply start again. To change programme, transfer the journey (`POST /journeys/{journeyId}/transfer`). ' +
      "The journey pins the latest version of the programme's catalogue (`GET /programmes/{code}`) and runs with its clocks, services and working-day clocks until it ends, whatever versions are published later. " +
      'A person who claims NASpI or DIS-COLL with the DID is started with `benefit` ("claimed at start", running); a claim made later is recorded with ' +
      '`POST /journeys/{journeyId}/benefit`, and INPS\'s grant, refusal, suspension, resumption and end with `benefit/grant`, `benefit/refusal`, `benefit/suspension`, ' +
      '`benefit/resumption`, `benefit/end`. Only while the benefit runs (claimed or granted) can a lapse lead to a conditionality step. ' +
      'The journey also pins its office from the directory of offices (`GET /offices/{officeId}`: kind, competent CPI, calendar), shown as `office`: ' +
      "its legal deadlines move off that office's closed days and only its competent CPI decides its sanctions. An office the directory does not list is refused " +
      '(400 naming `officeId`) unless the API runs with `API_UNLISTED_OFFICES=national` (the journey then pins none).',
  })
  @ApiCreatedResponse({ description: 'The journey started', type: JourneyCreatedDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: `${BAD_INPUT}; an unknown \`programmeCode\` (no catalogue, see \`GET /programmes\`) is one, and an \`officeId\` the directory of offices does not list`,
    MALFORMED_JSON: MALFORMED,
    PAYLOAD_TOO_LARGE: TOO_LARGE,
    JOURNEY_ALREADY_EXISTS: 'the person already has an open journey (any programme), or this episode (same person and DID) was started already, in an office of yours; `journeyId` names it',
    PERSON_FOLLOWED_ELSEWHERE: 'the person already has an open journey followed by an office outside yours: the answer names no journey and says to ask for a transfer',
    TEMPORAL_UNAVAILABLE: TEMPORAL_DOWN,
    READ_MODEL_UNAVAILABLE: AUDIT_DOWN,
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not an operator or administrator, or `officeId` is outside your offices',
  })
  @Roles('operator', 'administrator')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateJourneyDto): Promise<JourneyCreatedDto> {
    return this.journeys.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'Search journeys', description: 'From the read model: eventually consistent with the journeys (usually within a second). Newest first. Supervisors\' views of stalled cases and overdue actions are under `/supervisor`.' })
  @ApiOkResponse({ description: 'A page of journeys', type: JourneyPageDto })
  @ApiErrorResponses({ VALIDATION_FAILED: BAD_INPUT, READ_MODEL_UNAVAILABLE: DB_DOWN })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListJourneysQuery): Promise<JourneyPageDto> {
    return this.journeys.list(principal, query);
  }

  @Get(':journeyId')
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: "A journey's live state",
    description:
      "Asks the journey's workflow. When Temporal no longer retains the workflow, the state is rebuilt from the read model's events and marked `source: read-model`. " +
      "Staff of the journey's competent CPI read the journeys of the accredited operators under it (to decide their sanctions), as well as their own offices'.",
  })
  @ApiOkResponse({ description: 'The journey', type: JourneyViewDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the journey id is malformed',
    JOURNEY_NOT_FOUND: NOT_FOUND,
    PERSONAL_DATA_ERASED: "the journey's personal data was erased past its catalogue's retention (issue 15); its statistics stay in the KPIs",
    TEMPORAL_UNAVAILABLE: TEMPORAL_DOWN,
    WORKER_UNAVAILABLE: "the journey's worker did not answer the query within the deadline",
    READ_MODEL_UNAVAILABLE: 'Temporal does not know the journey and PostgreSQL cannot be reached to look for it',
  })
  get(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string): Promise<JourneyViewDto> {
    return this.journeys.get(principal, journeyId);
  }

  @Get(':journeyId/events')
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: "A journey's timeline",
    description: 'The recorded events, oldest first, from the read model. Eventually consistent: an event appears usually within a second; a journey just started may answer `[]`.',
  })
  @ApiOkResponse({ description: 'The events, oldest first', type: JourneyEventDto, isArray: true })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the journey id is malformed',
    JOURNEY_NOT_FOUND: 'no event is recorded and Temporal does not know the journey',
    PERSONAL_DATA_ERASED: "the journey's personal data was erased past its catalogue's retention: its events keep only their types and dates",
    READ_MODEL_UNAVAILABLE: DB_DOWN,
    TEMPORAL_UNAVAILABLE: 'no event is recorded yet and Temporal cannot be reached to tell whether the journey exists',
  })
  events(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string): Promise<JourneyEvent[]> {
    return this.journeys.events(principal, journeyId);
  }
}
