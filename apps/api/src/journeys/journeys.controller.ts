import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { JourneyEvent } from '@sal/domain';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ActionIdPipe, JourneyIdPipe } from '../common/pipes/pattern-param.pipes';
import { CloseJourneyDto } from './dto/close-journey.dto';
import { CompletePactActionDto } from './dto/complete-action.dto';
import { CreateJourneyDto } from './dto/create-journey.dto';
import { JourneyCreatedDto } from './dto/journey-created.response';
import { JourneyEventDto } from './dto/journey-event.response';
import { JourneyPageDto } from './dto/journey-page.response';
import { JourneyViewDto } from './dto/journey-view.response';
import { ListJourneysQuery } from './dto/list-journeys.query';
import { RecordContactDto } from './dto/record-contact.dto';
import { RecordIntakeDto } from './dto/record-intake.dto';
import { SignPactDto } from './dto/sign-pact.dto';
import { JourneysService } from './journeys.service';
import { JOURNEY_ID_PARAM } from './journey-params';
import { AUDIT_DOWN, BAD_INPUT, COMMAND_ERRORS, DB_DOWN, MALFORMED, NOT_FOUND, TEMPORAL_DOWN, TOO_LARGE } from './journey-openapi';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { Idempotent } from './idempotency';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  @Post()
  @ApiOperation({
    summary: 'Start a journey',
    description:
      "Starts the person's journey in a programme from the DID. The journey id is derived from fiscal code and programme, so a second start is recognised. " +
      "The journey pins the latest version of the programme's catalogue (`GET /programmes/{code}`) and runs with its clocks, services and working-day clocks until it ends, whatever versions are published later. " +
      'A person who claims NASpI or DIS-COLL is started with `benefit`: only then can a lapse lead to a conditionality step.',
  })
  @ApiCreatedResponse({ description: 'The journey started', type: JourneyCreatedDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: `${BAD_INPUT}; an unknown \`programmeCode\` (no catalogue, see \`GET /programmes\`) is one`,
    MALFORMED_JSON: MALFORMED,
    PAYLOAD_TOO_LARGE: TOO_LARGE,
    JOURNEY_ALREADY_EXISTS: 'the person already has a journey in this programme, in an office of yours; `journeyId` names it',
    PERSON_FOLLOWED_ELSEWHERE: 'the person already has a journey in this programme, followed by an office outside yours: the answer names no journey and says to ask for a transfer',
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
    description: "Asks the journey's workflow. When Temporal no longer retains the workflow, the state is rebuilt from the read model's events and marked `source: read-model`.",
  })
  @ApiOkResponse({ description: 'The journey', type: JourneyViewDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the journey id is malformed',
    JOURNEY_NOT_FOUND: NOT_FOUND,
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
    READ_MODEL_UNAVAILABLE: DB_DOWN,
    TEMPORAL_UNAVAILABLE: 'no event is recorded yet and Temporal cannot be reached to tell whether the journey exists',
  })
  events(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string): Promise<JourneyEvent[]> {
    return this.journeys.events(principal, journeyId);
  }

  @Idempotent()
  @Post(':journeyId/intake')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiOperation({ summary: 'Record the presa in carico', description: 'An operator takes the person in charge; the journey moves to `awaiting_pact`.' })
  @ApiBody({ type: RecordIntakeDto })
  @ApiOkResponse({ description: 'The journey after the intake', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    INTAKE_ALREADY_RECORDED: 'the person was already taken in charge',
    INVALID_DATE: '`takenInChargeAt` is in the future or before the DID date',
  })
  @Roles('operator', 'administrator')
  recordIntake(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: RecordIntakeDto): Promise<JourneyViewDto> {
    return this.journeys.recordIntake(principal, journeyId, body);
  }

  @Idempotent()
  @Post(':journeyId/pact')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Sign the Patto di servizio personalizzato',
    description:
      "Records the pact (version 1) and its actions (numbered A1, A2, …); the journey moves to `pact_active` and watches the due dates. `contactFrequency` defaults to the catalogue's `defaultContactFrequency`. " +
      'Amend it later with `POST /journeys/{journeyId}/pact/amendments`.',
  })
  @ApiBody({ type: SignPactDto })
  @ApiOkResponse({ description: 'The journey after the signing', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    INTAKE_REQUIRED: 'the intake must be recorded first',
    PACT_ALREADY_SIGNED: 'the pact is already signed',
    INVALID_DATE: 'a due date is not after the signing (`fields` names it)',
    INVALID_DURATION: "`contactFrequency` is not a positive ISO-8601 duration, or is missing and the journey's catalogue has no `defaultContactFrequency`",
  })
  @Roles('operator', 'administrator')
  signPact(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: SignPactDto): Promise<JourneyViewDto> {
    return this.journeys.signPact(principal, journeyId, body);
  }

  @Idempotent()
  @Post(':journeyId/pact/actions/:actionId/complete')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiParam({ name: 'actionId', description: 'Pact action id: A followed by 1-3 digits', example: 'A1' })
  @ApiOperation({ summary: 'Complete a pact action', description: 'Records that the person completed the action (also when it is overdue).' })
  @ApiBody({ type: CompletePactActionDto })
  @ApiOkResponse({ description: 'The journey after the completion', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: `${BAD_INPUT}, or the action id is malformed`,
    PACT_NOT_SIGNED: 'the pact is not signed yet',
    PACT_ACTION_NOT_FOUND: 'the pact has no such action',
    PACT_ACTION_ALREADY_COMPLETED: 'the action is already completed',
    INVALID_DATE: '`completedAt` is in the future or before the signing',
  })
  @Roles('operator', 'administrator')
  completePactAction(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('actionId', ActionIdPipe) actionId: string,
    @Body() body: CompletePactActionDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.completePactAction(principal, journeyId, actionId, body);
  }

  @Idempotent()
  @Post(':journeyId/contacts')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Record a contact',
    description:
      "Records a contact between the person and the operator, as the pact's contact frequency asks: the next contact falls due that frequency after it " +
      '(`nextContactDueAt`), and a missed contact is cleared (the journey is no longer stalled for it).',
  })
  @ApiBody({ type: RecordContactDto })
  @ApiOkResponse({ description: 'The journey after the contact', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    PACT_NOT_SIGNED: 'agreed contacts start with the signed pact',
    INVALID_DATE: '`contactedAt` is in the future, before the signing or before the last recorded contact',
  })
  @Roles('operator', 'administrator')
  recordContact(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: RecordContactDto): Promise<JourneyViewDto> {
    return this.journeys.recordContact(principal, journeyId, body);
  }

  @Idempotent()
  @Post(':journeyId/close')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Close the journey',
    description:
      'Ends the journey for a reason of its own; it accepts no more commands afterwards (409 JOURNEY_CLOSED). A placement is better recorded with ' +
      '`POST /journeys/{journeyId}/placement`, which keeps its details and closes the journey as `placed`. `decadenza` only follows a confirmed conditionality step.',
  })
  @ApiBody({ type: CloseJourneyDto })
  @ApiOkResponse({ description: 'The closed journey', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    CLOSURE_NOT_ALLOWED: '`decadenza` is not closed by hand: it follows a confirmed conditionality step',
    PATH_NOT_COMPLETED: "`path_completed` while services of the journey's catalogue are not completed (the message lists them)",
  })
  @Roles('operator', 'administrator')
  close(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: CloseJourneyDto): Promise<JourneyViewDto> {
    return this.journeys.close(principal, journeyId, body);
  }
}
