import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ServiceCode } from '@sal/domain';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { JourneyIdPipe } from '../common/pipes/pattern-param.pipes';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { AmendPactDto } from './dto/amend-pact.dto';
import { CancelAppointmentDto, RecordAppointmentOutcomeDto, RescheduleAppointmentDto, ScheduleAppointmentDto } from './dto/appointments.dto';
import { ConfirmConditionalityStepDto, DismissConditionalityStepDto, JustifyLapseDto } from './dto/conditionality.dto';
import { JourneyViewDto } from './dto/journey-view.response';
import { RecordJobOfferDto, RecordOfferResponseDto } from './dto/offers.dto';
import { RecordPlacementDto } from './dto/placement.dto';
import { MakeReferralDto, RecordReferralOutcomeDto } from './dto/referrals.dto';
import { RecordServiceDeliveryDto } from './dto/service-delivery.dto';
import { journeyCommands as to } from './journey-commands';
import { COMMAND_ACCESS, COMMAND_ERRORS } from './journey-openapi';
import {
  APPOINTMENT_ID_PARAM,
  AppointmentIdPipe,
  JOURNEY_ID_PARAM,
  LAPSE_ID_PARAM,
  LapseIdPipe,
  OFFER_ID_PARAM,
  OfferIdPipe,
  REFERRAL_ID_PARAM,
  ReferralIdPipe,
  SERVICE_PARAM,
  ServiceCodePipe,
  STEP_ID_PARAM,
  StepIdPipe,
} from './journey-params';
import { JourneysService } from './journeys.service';
import { Idempotent } from './idempotency';

const BAD_ID = (what: string) => `${COMMAND_ERRORS.VALIDATION_FAILED}, or the ${what} id in the path is malformed`;
const APPOINTMENT_GONE = {
  APPOINTMENT_NOT_FOUND: 'the journey has no such appointment',
  APPOINTMENT_NOT_SCHEDULED: 'the appointment is no longer scheduled (held, no-show or cancelled)',
};
const STEP_GONE = { STEP_NOT_FOUND: 'the journey has no such conditionality step', STEP_ALREADY_DECIDED: 'the step was already confirmed or dismissed' };
const SERVICE_REFUSALS = {
  SERVICE_NOT_IN_PROGRAMME: "the journey's catalogue does not include the service",
  SERVICE_ALREADY_COMPLETED: 'the service is completed',
  INTAKE_REQUIRED: 'every service but reception follows the presa in carico',
  PACT_NOT_SIGNED: '`tutoring` and `job_search` run under the signed pact',
};
const CREATED = (what: string, list: string, id: string) =>
  `The journey after the command: the new ${what} is the last of \`${list}\` (its \`${id}\` is what later commands name in their path)`;

/**
 * The journey's commands added with the six services: service deliveries, appointments, job offers, justifications,
 * conditionality decisions, pact amendments, referrals and the placement. Each becomes one command of the journey's
 * generic update; the journey refuses what its stage, catalogue or rules do not allow, with a stable code.
 */
@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
@Roles('operator', 'administrator')
export class JourneyCommandsController {
  constructor(private readonly journeys: JourneysService) {}

  @Idempotent()
  @Post(':journeyId/services/:service/deliveries')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @SERVICE_PARAM
  @ApiOperation({
    summary: 'Record a session of a service',
    description:
      "Records the hours delivered and what the session produced (`outputs`, fields per service). Only services the journey's catalogue lists are accepted, " +
      'each once its prerequisites are completed; the interview, the plan and the assessment after the presa in carico, tutoring and job search under the signed pact. ' +
      '`completesService: true` completes the service (its required outputs must be recorded by then). ' +
      COMMAND_ACCESS,
  })
  @ApiBody({ type: RecordServiceDeliveryDto })
  @ApiOkResponse({ description: 'The journey after the delivery (`serviceProgress`, `pendingServices`, `totalServiceHours`)', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: `${COMMAND_ERRORS.VALIDATION_FAILED}, or the service in the path is not one of the six`,
    INVALID_VALUE: 'an output is not a field of the service or breaks its rule, hours are out of range, or `completesService` on reception (`fields` names it, e.g. `outputs.cv`)',
    ...SERVICE_REFUSALS,
    SERVICE_PREREQUISITE_PENDING: 'a service the catalogue puts before this one is not completed',
    SERVICE_OUTPUTS_MISSING: 'completing the service needs outputs not recorded yet (`fields` names the first, e.g. `outputs.cv`)',
    INVALID_DATE: '`deliveredAt` is in the future or before the DID date',
  })
  recordServiceDelivery(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('service', ServiceCodePipe) service: string,
    @Body() body: RecordServiceDeliveryDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.recordServiceDelivery(service as ServiceCode, body));
  }

  @Idempotent()
  @Post(':journeyId/appointments')
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Schedule an appointment',
    description:
      "Books an appointment for a service the journey's catalogue lists (ahead of its prerequisites if need be), with how the person was convened. " +
      "The person is reminded the catalogue's `appointmentReminderBefore` ahead. Only a convocation by PEC, registered letter or agreed and signed can lead " +
      'to a sanction if the person does not come. Answers 201 with the journey. ' +
      COMMAND_ACCESS,
  })
  @ApiBody({ type: ScheduleAppointmentDto })
  @ApiCreatedResponse({ description: CREATED('appointment', 'appointments', 'appointmentId'), type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    INVALID_VALUE: 'an appointment in person has no `location` (`fields` names it)',
    ...SERVICE_REFUSALS,
    INVALID_DATE: '`at` is not in the future',
  })
  scheduleAppointment(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: ScheduleAppointmentDto): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.scheduleAppointment(body));
  }

  @Idempotent()
  @Post(':journeyId/appointments/:appointmentId/reschedule')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @APPOINTMENT_ID_PARAM
  @ApiOperation({ summary: 'Move an appointment', description: `Moves a scheduled appointment to a new time (and channel, place, convocation); its reminder is due again before the new time. ${COMMAND_ACCESS}` })
  @ApiBody({ type: RescheduleAppointmentDto })
  @ApiOkResponse({ description: 'The journey after the move', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: BAD_ID('appointment'),
    INVALID_VALUE: 'the appointment becomes in person without a `location`',
    ...APPOINTMENT_GONE,
    INVALID_DATE: '`at` is not in the future',
  })
  rescheduleAppointment(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('appointmentId', AppointmentIdPipe) appointmentId: string,
    @Body() body: RescheduleAppointmentDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.rescheduleAppointment(appointmentId, body));
  }

  @Idempotent()
  @Post(':journeyId/appointments/:appointmentId/cancel')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @APPOINTMENT_ID_PARAM
  @ApiOperation({ summary: 'Cancel an appointment', description: `Cancels a scheduled appointment; nothing follows from it. ${COMMAND_ACCESS}` })
  @ApiBody({ type: CancelAppointmentDto })
  @ApiOkResponse({ description: 'The journey after the cancellation', type: JourneyViewDto })
  @ApiErrorResponses({ ...COMMAND_ERRORS, VALIDATION_FAILED: BAD_ID('appointment'), ...APPOINTMENT_GONE })
  cancelAppointment(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('appointmentId', AppointmentIdPipe) appointmentId: string,
    @Body() body: CancelAppointmentDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.cancelAppointment(appointmentId, body));
  }

  @Idempotent()
  @Post(':journeyId/appointments/:appointmentId/outcome')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @APPOINTMENT_ID_PARAM
  @ApiOperation({
    summary: 'Record what happened at an appointment',
    description:
      "Once its time has come: `held`, or `no_show`. A no-show opens a lapse (`lapses`) on the ladder of the appointment's purpose, with the catalogue's " +
      '`justificationWindow` from the appointment. Justified in time (`POST …/lapses/{lapseId}/justification`), nothing follows; when the window closes without ' +
      'an excuse, the journey proposes a conditionality step (`conditionalitySteps`) for the operator to confirm or dismiss — only for benefit recipients and ' +
      `only when the convocation was valid. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: RecordAppointmentOutcomeDto })
  @ApiOkResponse({ description: 'The journey after the outcome (a no-show: the new lapse is the last of `lapses`)', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: BAD_ID('appointment'),
    ...APPOINTMENT_GONE,
    APPOINTMENT_NOT_YET_HELD: "the appointment's time has not come yet",
  })
  recordAppointmentOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('appointmentId', AppointmentIdPipe) appointmentId: string,
    @Body() body: RecordAppointmentOutcomeDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.recordAppointmentOutcome(appointmentId, body));
  }

  @Idempotent()
  @Post(':journeyId/offers')
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Record a job offer',
    description: `Records an offer put to the person under the signed pact, whether it is an offerta congrua and how it was communicated. Answers 201 with the journey. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: RecordJobOfferDto })
  @ApiCreatedResponse({ description: CREATED('offer', 'offers', 'offerId'), type: JourneyViewDto })
  @ApiErrorResponses({ ...COMMAND_ERRORS, PACT_NOT_SIGNED: 'job offers are recorded under the signed pact' })
  recordJobOffer(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: RecordJobOfferDto): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.recordJobOffer(body));
  }

  @Idempotent()
  @Post(':journeyId/offers/:offerId/response')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @OFFER_ID_PARAM
  @ApiOperation({
    summary: "Record the person's answer to a job offer",
    description:
      "`accepted`, or `refused`. Refusing a suitable offer opens a lapse on the suitable-offer ladder whose excuse is due within the catalogue's `offerExcuseWindow`; " +
      `refusing another offer has no consequence. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: RecordOfferResponseDto })
  @ApiOkResponse({ description: 'The journey after the answer', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: BAD_ID('offer'),
    OFFER_NOT_FOUND: 'the journey has no such offer',
    OFFER_ALREADY_ANSWERED: 'the answer to the offer is already recorded',
  })
  recordOfferResponse(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('offerId', OfferIdPipe) offerId: string,
    @Body() body: RecordOfferResponseDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.recordOfferResponse(offerId, body));
  }

  @Idempotent()
  @Post(':journeyId/lapses/:lapseId/justification')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @LAPSE_ID_PARAM
  @ApiOperation({
    summary: 'Justify a lapse (giustificato motivo)',
    description:
      'Records a valid excuse from the closed list for a no-show or a refused suitable offer. Accepted while the window is open: nothing follows. After it, only ' +
      'with `impedimentEndedAt` and within the window counted from it, while no sanction is confirmed: a proposed step is then withdrawn. Keep evidence out: ' +
      `give only a reference to it. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: JustifyLapseDto })
  @ApiOkResponse({ description: 'The journey after the justification', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: BAD_ID('lapse'),
    LAPSE_NOT_FOUND: 'the journey has no such lapse',
    LAPSE_NOT_OPEN: 'the lapse is already justified, or its sanction was confirmed (contested by appeal)',
    JUSTIFICATION_WINDOW_CLOSED: 'the window closed and no `impedimentEndedAt` was given, or the excuse comes too late after it',
    INVALID_DATE: '`impedimentEndedAt` is in the future or before the lapse',
  })
  justifyLapse(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('lapseId', LapseIdPipe) lapseId: string,
    @Body() body: JustifyLapseDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.justifyLapse(lapseId, body));
  }

  @Idempotent()
  @Post(':journeyId/conditionality-steps/:stepId/confirm')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @STEP_ID_PARAM
  @ApiOperation({
    summary: 'Confirm a proposed conditionality step',
    description:
      "The operator decides the sanction: the ladder's next one now (appointments: a quarter of a monthly payment, one month, decadenza; training: one month, " +
      "decadenza; suitable offer: decadenza). The step records the last day to appeal (the catalogue's `appealWindow`). Decadenza closes the journey " +
      `(reason \`decadenza\`). ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: ConfirmConditionalityStepDto })
  @ApiOkResponse({ description: 'The journey after the decision', type: JourneyViewDto })
  @ApiErrorResponses({ ...COMMAND_ERRORS, VALIDATION_FAILED: BAD_ID('step'), ...STEP_GONE })
  confirmConditionalityStep(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() body: ConfirmConditionalityStepDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.confirmConditionalityStep(stepId, body));
  }

  @Idempotent()
  @Post(':journeyId/conditionality-steps/:stepId/dismiss')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @STEP_ID_PARAM
  @ApiOperation({ summary: 'Dismiss a proposed conditionality step', description: `The operator decides that no sanction follows, and says why. ${COMMAND_ACCESS}` })
  @ApiBody({ type: DismissConditionalityStepDto })
  @ApiOkResponse({ description: 'The journey after the decision', type: JourneyViewDto })
  @ApiErrorResponses({ ...COMMAND_ERRORS, VALIDATION_FAILED: BAD_ID('step'), ...STEP_GONE })
  dismissConditionalityStep(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() body: DismissConditionalityStepDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.dismissConditionalityStep(stepId, body));
  }

  @Idempotent()
  @Post(':journeyId/pact/amendments')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Amend the pact',
    description:
      'Makes a new version of the signed pact: changed fields, changed due dates or descriptions of pending and overdue actions, added actions (numbered after the ' +
      'existing ones), withdrawn actions. The journey keeps every version (`pactVersions`) and recomputes every deadline from the new one. An amendment changes ' +
      `at least one thing. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: AmendPactDto })
  @ApiOkResponse({ description: 'The journey after the amendment (`pact.version` is the new version)', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    INVALID_VALUE: 'the amendment changes nothing, names an action twice, or withdraws the last action (`fields` names it when it can)',
    PACT_NOT_SIGNED: 'only a signed pact can be amended',
    PACT_ACTION_NOT_FOUND: 'a changed or withdrawn action does not exist',
    PACT_ACTION_ALREADY_COMPLETED: 'a changed or withdrawn action is completed (it stays as it is)',
    PACT_ACTION_WITHDRAWN: 'a changed or withdrawn action was withdrawn by an earlier amendment',
    INVALID_DATE: 'a new or added due date is not in the future (`fields` names it)',
    INVALID_DURATION: '`contactFrequency` is not a positive ISO-8601 duration',
  })
  amendPact(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: AmendPactDto): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.amendPact(body));
  }

  @Idempotent()
  @Post(':journeyId/referrals')
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Refer the person to another service',
    description: `A training body, the social services (GOL path 4), health services, another employment service. Answers 201 with the journey. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: MakeReferralDto })
  @ApiCreatedResponse({ description: CREATED('referral', 'referrals', 'referralId'), type: JourneyViewDto })
  @ApiErrorResponses({ ...COMMAND_ERRORS, INTAKE_REQUIRED: 'referrals follow the presa in carico' })
  makeReferral(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: MakeReferralDto): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.makeReferral(body));
  }

  @Idempotent()
  @Post(':journeyId/referrals/:referralId/outcome')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @REFERRAL_ID_PARAM
  @ApiOperation({ summary: 'Record what came of a referral', description: `Taken up, completed or declined; recorded once. ${COMMAND_ACCESS}` })
  @ApiBody({ type: RecordReferralOutcomeDto })
  @ApiOkResponse({ description: 'The journey after the outcome', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    VALIDATION_FAILED: BAD_ID('referral'),
    REFERRAL_NOT_FOUND: 'the journey has no such referral',
    REFERRAL_OUTCOME_RECORDED: "the referral's outcome is already recorded",
  })
  recordReferralOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('referralId', ReferralIdPipe) referralId: string,
    @Body() body: RecordReferralOutcomeDto,
  ): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.recordReferralOutcome(referralId, body));
  }

  @Idempotent()
  @Post(':journeyId/placement')
  @HttpCode(200)
  @JOURNEY_ID_PARAM
  @ApiOperation({
    summary: 'Record the placement',
    description: `Records the employer, contract type and start date (and the offer it comes from, if recorded), and closes the journey as \`placed\`. ${COMMAND_ACCESS}`,
  })
  @ApiBody({ type: RecordPlacementDto })
  @ApiOkResponse({ description: 'The closed journey, with `placement` and `closure.reason` `placed`', type: JourneyViewDto })
  @ApiErrorResponses({
    ...COMMAND_ERRORS,
    INTAKE_REQUIRED: 'a placement is recorded for a person taken in charge',
    INVALID_DATE: '`startDate` is before the DID date',
    OFFER_NOT_FOUND: '`offerId` names no offer of the journey',
  })
  recordPlacement(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string, @Body() body: RecordPlacementDto): Promise<JourneyViewDto> {
    return this.journeys.send(principal, journeyId, to.recordPlacement(body));
  }
}
