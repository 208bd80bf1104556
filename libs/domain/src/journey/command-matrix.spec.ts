import { JOURNEY_COMMAND_TYPES, type JourneyCommand } from './commands';
import { decide } from './decide';
import { activeJourney, assessmentJourney, awaitingPactJourney, OP, run, startJourney } from './journey.test-fixture';
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
  // The benefit's lifecycle (issue 14): the fixture's journeys claim NASpI at start (2026-03-05).
  ClaimBenefit: { type: 'ClaimBenefit', kind: 'dis_coll', applicationDate: '2026-03-05', operatorId: OP },
  RecordBenefitGranted: { type: 'RecordBenefitGranted', grantedOn: '2026-03-05', operatorId: OP },
  RecordBenefitRefused: { type: 'RecordBenefitRefused', refusedOn: '2026-03-05', operatorId: OP },
  SuspendBenefit: { type: 'SuspendBenefit', suspendedOn: '2026-03-05', reason: 'short_employment', operatorId: OP },
  ResumeBenefit: { type: 'ResumeBenefit', resumedOn: '2026-03-05', operatorId: OP },
  EndBenefit: { type: 'EndBenefit', endedOn: '2026-03-05', reason: 'exhausted', operatorId: OP },
  TransferJourney: { type: 'TransferJourney', toProgrammeCode: 'GOL-2', reason: 'profile changed', operatorId: OP, nextEpisode: NEXT_EPISODE },
  ProcessDeadlines: { type: 'ProcessDeadlines' },
  // Suspension by a job and justified absences (issue 14)
  SuspendForJob: { type: 'SuspendForJob', employer: 'E', contractType: 'fixed_term', startDate: '2026-03-05', expectedEndDate: '2026-06-30', operatorId: OP },
  EndSuspension: { type: 'EndSuspension', endDate: '2026-03-05', operatorId: OP },
  RecordAbsence: { type: 'RecordAbsence', reason: 'illness', fromDate: '2026-03-05', toDate: '2026-03-20', operatorId: OP },
  EndAbsence: { type: 'EndAbsence', pauseId: 'P9', endDate: '2026-03-05', operatorId: OP },
  RecordProfiling: { type: 'RecordProfiling', score: 0.42, profilingClass: 'medium', profiledOn: '2026-03-04', operatorId: OP },
  RecordQualitativeAssessment: { type: 'RecordQualitativeAssessment', findings: [{ area: 'job_search_autonomy', level: 'to_strengthen' }], summary: 's', operatorId: OP },
  ChooseGolPath: { type: 'ChooseGolPath', path: 1, reason: 'r', operatorId: OP, catalogue: { code: 'GOL-1', version: 5, clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null }, services: null, workingDayClocks: [] } },
  // GOL monitoring (issue 15)
  RecordPresentation: { type: 'RecordPresentation', operatorId: OP },
  RecordPresentationExemption: { type: 'RecordPresentationExemption', reason: 'aged_60_or_over', operatorId: OP },
  WithdrawPresentationExemption: { type: 'WithdrawPresentationExemption', operatorId: OP },
  RecordMonitoringData: { type: 'RecordMonitoringData', birthDate: '1990-04-02', sex: 'F', disabled: false, longTermUnemployed: true, neet: false, socialServicesReferral: false, operatorId: OP },
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
  ClaimBenefit: ['BENEFIT_ALREADY_CLAIMED', 'BENEFIT_ALREADY_CLAIMED', 'BENEFIT_ALREADY_CLAIMED', C],
  RecordBenefitGranted: ['ok', 'ok', 'ok', C],
  RecordBenefitRefused: ['ok', 'ok', 'ok', C],
  SuspendBenefit: ['ok', 'ok', 'ok', C],
  ResumeBenefit: ['BENEFIT_NOT_SUSPENDED', 'BENEFIT_NOT_SUSPENDED', 'BENEFIT_NOT_SUSPENDED', C],
  EndBenefit: ['ok', 'ok', 'ok', C],
  TransferJourney: ['ok', 'ok', 'ok', C],
  ProcessDeadlines: ['ok', 'ok', 'ok', C],
  // Issue 14: journeys started under a path have no GOL assessment.
  RecordProfiling: ['NOT_IN_ASSESSMENT', 'NOT_IN_ASSESSMENT', 'NOT_IN_ASSESSMENT', C],
  RecordQualitativeAssessment: ['NOT_IN_ASSESSMENT', 'NOT_IN_ASSESSMENT', 'NOT_IN_ASSESSMENT', C],
  ChooseGolPath: ['NOT_IN_ASSESSMENT', 'NOT_IN_ASSESSMENT', 'NOT_IN_ASSESSMENT', C],
  SuspendForJob: ['ok', 'ok', 'ok', C],
  EndSuspension: ['JOURNEY_NOT_SUSPENDED', 'JOURNEY_NOT_SUSPENDED', 'JOURNEY_NOT_SUSPENDED', C],
  RecordAbsence: ['ok', 'ok', 'ok', C],
  EndAbsence: ['ABSENCE_NOT_FOUND', 'ABSENCE_NOT_FOUND', 'ABSENCE_NOT_FOUND', C],
  RecordMonitoringData: ['ok', 'ok', 'ok', C],
  // Issue 15: the fixture's GOL-1 catalogue and NASpI set no presentation obligation (ADI, SFL: obligations.spec.ts).
  RecordPresentation: ['PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED', C],
  RecordPresentationExemption: ['PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED', C],
  WithdrawPresentationExemption: ['PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED', C],
};

/** Issue 14: a journey suspended by a job takes only the end of the suspension, a closure, a placement and its timer. */
const S = 'JOURNEY_SUSPENDED';
const WHILE_SUSPENDED: Record<keyof typeof COMMANDS, string> = {
  ...(Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, S])) as Record<keyof typeof COMMANDS, string>),
  CloseJourney: 'ok',
  RecordPlacement: 'ok',
  ProcessDeadlines: 'ok',
  EndSuspension: 'ok',
  // what INPS decides about the benefit meanwhile, and a sanction's notification and appeal, still reach it
  ClaimBenefit: 'BENEFIT_ALREADY_CLAIMED',
  RecordBenefitGranted: 'ok',
  RecordBenefitRefused: 'ok',
  SuspendBenefit: 'ok',
  ResumeBenefit: 'BENEFIT_NOT_SUSPENDED',
  EndBenefit: 'ok',
  RecordStepNotification: 'STEP_NOT_FOUND',
  RecordAppeal: 'STEP_NOT_FOUND',
  RecordAppealOutcome: 'STEP_NOT_FOUND',
  // issue 15: the monitoring data describe the person at the DID, not an action of the journey
  RecordMonitoringData: 'ok',
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

  const suspendedJourney = () => run(activeJourney(), COMMANDS.SuspendForJob, NOW);
  it.each(Object.entries(WHILE_SUSPENDED))('%s in suspended → %s', (name, expected) => {
    const state = suspendedJourney();
    expect(state.stage).toBe('suspended');
    const decision = decide(state, COMMANDS[name], NOW);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
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

/**
 * Issue 14: every command in GOL's `assessment` stage, before the presa in carico (the `GOL` catalogue: reception and
 * the second-level interview), and after it (recorded during the assessment, the journey stays there).
 */
const G = 'GOL_PATH_NOT_CHOSEN';
const IN_ASSESSMENT: Record<keyof typeof COMMANDS, [before_intake: string, after_intake: string]> = {
  RecordIntake: ['ok', 'INTAKE_ALREADY_RECORDED'],
  SignPact: [G, G],
  CompletePactAction: [G, G],
  RecordContact: [G, G],
  CloseJourney: ['ok', 'ok'],
  'RecordServiceDelivery reception': ['ok', 'SERVICE_ALREADY_COMPLETED'],
  'RecordServiceDelivery second_level_interview': ['INTAKE_REQUIRED', 'ok'],
  'RecordServiceDelivery job_search': ['SERVICE_NOT_IN_PROGRAMME', 'SERVICE_NOT_IN_PROGRAMME'],
  'ScheduleAppointment reception': ['ok', 'SERVICE_ALREADY_COMPLETED'],
  'ScheduleAppointment second_level_interview': ['INTAKE_REQUIRED', 'ok'],
  RescheduleAppointment: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND'],
  CancelAppointment: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND'],
  RecordAppointmentOutcome: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_FOUND'],
  RecordJobOffer: [G, G],
  RecordOfferResponse: ['OFFER_NOT_FOUND', 'OFFER_NOT_FOUND'],
  RecordOfferHearing: ['OFFER_NOT_FOUND', 'OFFER_NOT_FOUND'],
  JustifyLapse: ['LAPSE_NOT_FOUND', 'LAPSE_NOT_FOUND'],
  ConfirmConditionalityStep: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND'],
  DismissConditionalityStep: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND'],
  RecordStepNotification: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND'],
  RecordAppeal: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND'],
  RecordAppealOutcome: ['STEP_NOT_FOUND', 'STEP_NOT_FOUND'],
  AmendPact: [G, G],
  MakeReferral: ['INTAKE_REQUIRED', 'ok'],
  RecordReferralOutcome: ['REFERRAL_NOT_FOUND', 'REFERRAL_NOT_FOUND'],
  RecordPlacement: ['INTAKE_REQUIRED', 'ok'],
  AcceptPactVersion: [G, G],
  ProcessDeadlines: ['ok', 'ok'],
  RecordProfiling: ['ok', 'ok'],
  RecordQualitativeAssessment: ['ok', 'ok'],
  ChooseGolPath: ['PROFILING_REQUIRED', 'PROFILING_REQUIRED'],
  // the benefit's lifecycle and the pauses run in the assessment as in any open stage
  ClaimBenefit: ['BENEFIT_ALREADY_CLAIMED', 'BENEFIT_ALREADY_CLAIMED'],
  RecordBenefitGranted: ['ok', 'ok'],
  RecordBenefitRefused: ['ok', 'ok'],
  SuspendBenefit: ['ok', 'ok'],
  ResumeBenefit: ['BENEFIT_NOT_SUSPENDED', 'BENEFIT_NOT_SUSPENDED'],
  EndBenefit: ['ok', 'ok'],
  SuspendForJob: ['ok', 'ok'],
  EndSuspension: ['JOURNEY_NOT_SUSPENDED', 'JOURNEY_NOT_SUSPENDED'],
  RecordAbsence: ['ok', 'ok'],
  EndAbsence: ['ABSENCE_NOT_FOUND', 'ABSENCE_NOT_FOUND'],
  TransferJourney: [G, G],
  RecordMonitoringData: ['ok', 'ok'],
  // issue 15: the GOL catalogue sets no presentation obligation
  RecordPresentation: ['PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED'],
  RecordPresentationExemption: ['PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED'],
  WithdrawPresentationExemption: ['PRESENTATION_NOT_REQUIRED', 'PRESENTATION_NOT_REQUIRED'],
};

describe('every command in the assessment stage (issue 14)', () => {
  const builds = [
    ['before the intake', () => assessmentJourney()],
    ['after the intake', () => run(assessmentJourney(), { type: 'RecordIntake', operatorId: OP }, NOW)],
  ] as const;
  const cases = Object.entries(IN_ASSESSMENT).flatMap(([name, row]) => builds.map(([when, build], i) => [name, when, row[i], build] as const));
  it.each(cases)('%s in assessment %s → %s', (name, _when, expected, build) => {
    const state = build();
    expect(state.stage).toBe('assessment');
    const decision = decide(state, COMMANDS[name], NOW);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
    if (!decision.ok) expect(decision.refusal.message.length).toBeGreaterThan(0);
  });
});

describe('the matrices (issue 14)', () => {
  it('each lists every command of the table, no more', () => {
    const names = Object.keys(COMMANDS).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(names);
    expect(Object.keys(WHILE_SUSPENDED).sort()).toEqual(names);
    expect(Object.keys(IN_ASSESSMENT).sort()).toEqual(names);
  });
});
