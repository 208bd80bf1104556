import { JOURNEY_COMMAND_TYPES, type JourneyCommand } from './commands';
import { decide } from './decide';
import { activeJourney, awaitingPactJourney, OP, run, startJourney } from './journey.test-fixture';
import { NEXT_EPISODE } from '../episodes/episodes.test-fixture';
import type { JourneyStage, JourneyState } from './model';

/**
 * Every operator command in every stage: accepted (`ok`) or refused with the code a client sees. One valid instance
 * of each command, so the stage (and the entities the journey has) alone decides.
 */
const FUTURE = '2026-05-20T09:00:00.000Z';
const NOW_ = '2026-03-05T09:00:00.000Z';
const COMMANDS: Record<string, JourneyCommand> = {
  RecordIntake: { type: 'RecordIntake', operatorId: OP },
  SignPact: {
    type: 'SignPact',
    responsibleOperatorId: OP,
    profilingClass: 'low',
    jobSearchProof: 'weekly log',
    availability: { workshops: true, training: false, suitableOffers: true },
    actions: [{ kind: 'job_search_act', description: 'apply', dueDate: '2026-06-30' }],
  },
  CompletePactAction: { type: 'CompletePactAction', actionId: 'A1', operatorId: OP },
  RecordContact: { type: 'RecordContact', operatorId: OP, channel: 'phone' },
  CloseJourney: { type: 'CloseJourney', reason: 'withdrawn', operatorId: OP },
  'RecordServiceDelivery reception': { type: 'RecordServiceDelivery', service: 'reception', operatorId: OP, hours: 1 },
  'RecordServiceDelivery second_level_interview': { type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: OP, hours: 1 },
  'RecordServiceDelivery job_search': { type: 'RecordServiceDelivery', service: 'job_search', operatorId: OP, hours: 1 },
  'ScheduleAppointment reception': { type: 'ScheduleAppointment', service: 'reception', purpose: 'interview', at: FUTURE, channel: 'phone', convocation: 'pec', operatorId: OP },
  'ScheduleAppointment second_level_interview': {
    type: 'ScheduleAppointment',
    service: 'second_level_interview',
    purpose: 'interview',
    at: FUTURE,
    channel: 'video',
    convocation: 'agreed_signed',
    operatorId: OP,
  },
  RescheduleAppointment: { type: 'RescheduleAppointment', appointmentId: 'AP9', at: FUTURE, operatorId: OP },
  CancelAppointment: { type: 'CancelAppointment', appointmentId: 'AP9', operatorId: OP, reason: 'x' },
  RecordAppointmentOutcome: { type: 'RecordAppointmentOutcome', appointmentId: 'AP9', outcome: 'held', operatorId: OP },
  RecordJobOffer: { type: 'RecordJobOffer', employer: 'E', position: 'P', suitable: true, communicatedBy: 'pec', operatorId: OP },
  RecordOfferResponse: { type: 'RecordOfferResponse', offerId: 'O9', response: 'accepted', operatorId: OP },
  RecordOfferHearing: { type: 'RecordOfferHearing', offerId: 'O9', outcome: 'heard', summary: 's', operatorId: OP },
  JustifyLapse: { type: 'JustifyLapse', lapseId: 'L9', reason: 'force_majeure', operatorId: OP },
  ConfirmConditionalityStep: { type: 'ConfirmConditionalityStep', stepId: 'S9', operatorId: OP },
  DismissConditionalityStep: { type: 'DismissConditionalityStep', stepId: 'S9', operatorId: OP, reason: 'x' },
  RecordStepNotification: { type: 'RecordStepNotification', stepId: 'S9', method: 'pec_delivery_receipt', reference: 'PEC-1', notifiedAt: NOW_, operatorId: OP },
  RecordAppeal: { type: 'RecordAppeal', stepId: 'S9', lodgedOn: '2026-03-05', body: 'ministry_of_labour', operatorId: OP },
  RecordAppealOutcome: { type: 'RecordAppealOutcome', stepId: 'S9', outcome: 'annulled', decidedOn: '2026-03-05', operatorId: OP },
  AmendPact: { type: 'AmendPact', operatorId: OP, reason: 'r', profilingClass: 'very_high' },
  MakeReferral: { type: 'MakeReferral', to: 'training_body', organisation: 'Ente', reason: 'course', operatorId: OP },
  RecordReferralOutcome: { type: 'RecordReferralOutcome', referralId: 'R9', outcome: 'completed', operatorId: OP },
  RecordPlacement: { type: 'RecordPlacement', employer: 'E', contractType: 'permanent', startDate: '2026-05-04', operatorId: OP },
  AcceptPactVersion: { type: 'AcceptPactVersion', version: 1, method: 'otp', operatorId: OP },
  TransferJourney: { type: 'TransferJourney', toProgrammeCode: 'GOL-2', reason: 'profile changed', operatorId: OP, nextEpisode: NEXT_EPISODE },
  ProcessDeadlines: { type: 'ProcessDeadlines' },
};

type Row = [awaiting_intake: string, awaiting_pact: string, pact_active: string, closed: string];
const C = 'JOURNEY_CLOSED';
const EXPECTED: Record<keyof typeof COMMANDS, Row> = {
  RecordIntake: ['ok', 'INTAKE_ALREADY_RECORDED', 'INTAKE_ALREADY_RECORDED', C],
  SignPact: ['INTAKE_REQUIRED', 'ok', 'PACT_ALREADY_SIGNED', C],
  CompletePactAction: ['PACT_NOT_SIGNED', 'PACT_NOT_SIGNED', 'ok', C],
  RecordContact: ['PACT_NOT_SIGNED', 'PACT_NOT_SIGNED', 'ok', C],
  CloseJourney: ['ok', 'ok', 'ok', C],
  'RecordServiceDelivery reception': ['ok', 'SERVICE_ALREADY_COMPLETED', 'SERVICE_ALREADY_COMPLETED', C],
  'RecordServiceDelivery second_level_interview': ['INTAKE_REQUIRED', 'ok', 'ok', C],
  'RecordServiceDelivery job_search': ['INTAKE_REQUIRED', 'PACT_NOT_SIGNED', 'SERVICE_PREREQUISITE_PENDING', C],
  'ScheduleAppointment reception': ['ok', 'SERVICE_ALREADY_COMPLETED', 'SERVICE_ALREADY_COMPLETED', C],
  'ScheduleAppointment second_level_interview': ['INTAKE_REQUIRED', 'ok', 'ok', C],
  RescheduleAppointment: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND', C],
  CancelAppointment: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND', C],
  RecordAppointmentOutcome: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND', C],
  RecordJobOffer: ['PACT_NOT_SIGNED', 'PACT_NOT_SIGNED', 'ok', C],
  RecordOfferResponse: ['OFFER_NOT_FOUND', 'OFFER_NOT_FOUND', 'OFFER_NOT_FOUND', C],
  RecordOfferHearing: ['OFFER_NOT_FOUND', 'OFFER_NOT_FOUND', 'OFFER_NOT_FOUND', C],
  JustifyLapse: ['LAPSE_NOT_FOUND', 'LAPSE_NOT_FOUND', 'LAPSE_NOT_FOUND', C],
  ConfirmConditionalityStep: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND', 'STEP_NOT_FOUND', C],
  DismissConditionalityStep: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND', 'STEP_NOT_FOUND', C],
  RecordStepNotification: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND', 'STEP_NOT_FOUND', C],
  RecordAppeal: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND', 'STEP_NOT_FOUND', C],
  RecordAppealOutcome: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND', 'STEP_NOT_FOUND', C],
  AmendPact: ['PACT_NOT_SIGNED', 'PACT_NOT_SIGNED', 'ok', C],
  MakeReferral: ['INTAKE_REQUIRED', 'ok', 'ok', C],
  RecordReferralOutcome: ['REFERRAL_NOT_FOUND', 'REFERRAL_NOT_FOUND', 'REFERRAL_NOT_FOUND', C],
  RecordPlacement: ['INTAKE_REQUIRED', 'ok', 'ok', C],
  AcceptPactVersion: ['PACT_VERSION_NOT_FOUND', 'PACT_VERSION_NOT_FOUND', 'PACT_VERSION_ALREADY_ACCEPTED', C],
  TransferJourney: ['ok', 'ok', 'ok', C],
  ProcessDeadlines: ['ok', 'ok', 'ok', C],
};

const NOW = '2026-03-05T10:00:00.000Z';
const STAGES: [JourneyStage, () => JourneyState][] = [
  ['awaiting_intake', () => startJourney()],
  ['awaiting_pact', () => awaitingPactJourney()],
  ['pact_active', () => activeJourney()],
  ['closed', () => run(activeJourney(), { type: 'CloseJourney', reason: 'transferred', operatorId: OP }, NOW)],
];

describe('every command in every stage', () => {
  it('the matrix covers every command type', () => {
    // the five foundation commands, the fifteen of the generic update, and the timer's own
    expect(new Set(Object.values(COMMANDS).map((c) => c.type))).toEqual(new Set(['RecordIntake', 'SignPact', 'CompletePactAction', 'RecordContact', 'CloseJourney', ...JOURNEY_COMMAND_TYPES, 'ProcessDeadlines']));
  });

  const cases = Object.entries(EXPECTED).flatMap(([name, row]) => STAGES.map(([stage, build], i) => [name, stage, row[i], build] as const));
  it.each(cases)('%s in %s → %s', (name, stage, expected, build) => {
    const state = build();
    expect(state.stage).toBe(stage);
    const decision = decide(state, COMMANDS[name], NOW);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
    if (!decision.ok) expect(decision.refusal.message.length).toBeGreaterThan(0);
  });

  it('an unknown command type is refused, naming the field', () => {
    expect(decide(activeJourney(), { type: 'Teleport' } as unknown as JourneyCommand, NOW)).toEqual({
      ok: false,
      refusal: { code: 'INVALID_VALUE', message: 'unknown command type Teleport', field: 'type' },
    });
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])('a type named like a property every object has (%s) is refused the same way', (type) => {
    expect(decide(activeJourney(), { type } as unknown as JourneyCommand, NOW)).toEqual({
      ok: false,
      refusal: { code: 'INVALID_VALUE', message: `unknown command type ${type}`, field: 'type' },
    });
  });

  it.each([[undefined], [42], [null], [['RecordContact']]])('a type that is not a string (%p) is refused naming the field', (type) => {
    expect(decide(activeJourney(), { type } as unknown as JourneyCommand, NOW)).toEqual({
      ok: false,
      refusal: { code: 'INVALID_VALUE', message: `unknown command type ${String(type)}`, field: 'type' },
    });
  });
});
