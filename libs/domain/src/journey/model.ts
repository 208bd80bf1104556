import type { JourneyClocks, LegalClockName, ServiceCode, ServiceStep } from '../programme/catalogue';

/**
 * The journey's vocabulary: stages, the pact, its actions, the domain events and the state they fold into.
 * Everything here is plain JSON (dates as ISO-8601 strings) so it can cross Temporal and PostgreSQL unchanged.
 */

/**
 * Where a journey stands.
 * - `awaiting_intake`: started from the DID, waiting for the presa in carico (the operator taking the person in charge);
 * - `awaiting_pact`: taken in charge, waiting for the Patto di servizio personalizzato to be signed;
 * - `pact_active`: the pact is signed and its actions are under way;
 * - `closed`: ended (placement or another reason).
 */
export const JOURNEY_STAGES = ['awaiting_intake', 'awaiting_pact', 'pact_active', 'closed'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const JOURNEY_STATUSES = ['open', 'closed'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** Profiling class: the person's distance from the labour market, from the (GOL quantitative and qualitative) profiling. */
export const PROFILING_CLASSES = ['low', 'medium', 'high', 'very_high'] as const;
export type ProfilingClass = (typeof PROFILING_CLASSES)[number];

/** What a pact action asks of the person (art. 20 c.2–3 D.lgs. 150/2015 and the six services). */
export const PACT_ACTION_KINDS = [
  'job_search_act',
  'workshop',
  'training',
  'interview',
  'skills_assessment',
  'tutoring',
  'company_scouting',
  'other',
] as const;
export type PactActionKind = (typeof PACT_ACTION_KINDS)[number];

/** `withdrawn`: a pact amendment removed it (it stays in the history and in the earlier pact versions). */
export const PACT_ACTION_STATUSES = ['pending', 'overdue', 'completed', 'withdrawn'] as const;
export type PactActionStatus = (typeof PACT_ACTION_STATUSES)[number];

/** How a contact between the person and the operator happened. */
export const CONTACT_CHANNELS = ['in_person', 'phone', 'email', 'video'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Why a journey counts as stalled: a business condition for supervisors, not an engine incident. */
export const STALL_REASONS = ['overdue_action', 'missed_contact', 'pact_not_signed', 'no_progress', 'first_contact_missed'] as const;
export type StallReason = (typeof STALL_REASONS)[number];

/**
 * Why a journey ended: `placed` (with the placement recorded), `path_completed` (every required service done),
 * `withdrawn` (the person left the path), `transferred` (to another office or operator), `unreachable`,
 * `status_lost` (the person is no longer unemployed for another reason), `decadenza` (only from a confirmed
 * conditionality step), `other`.
 */
export const CLOSURE_REASONS = ['placed', 'path_completed', 'withdrawn', 'transferred', 'unreachable', 'status_lost', 'decadenza', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The unemployment benefit a person claims: its recipients are subject to conditionality (art. 21). */
export const BENEFIT_KINDS = ['naspi', 'dis_coll'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export interface BenefitClaim {
  kind: BenefitKind;
  /** YYYY-MM-DD: the 15-day clock of art. 21 c.2 starts from it. */
  applicationDate: string;
}

/** What an appointment is for; it decides the conditionality ladder a no-show counts on. */
export const APPOINTMENT_PURPOSES = ['interview', 'workshop', 'training', 'activation'] as const;
export type AppointmentPurpose = (typeof APPOINTMENT_PURPOSES)[number];

/** How the person was convened. Only PEC, registered letter, or an appointment agreed and signed make a valid convocation. */
export const CONVOCATION_METHODS = ['pec', 'registered_letter', 'agreed_signed', 'email', 'phone', 'ordinary_mail'] as const;
export type ConvocationMethod = (typeof CONVOCATION_METHODS)[number];
export const VALID_CONVOCATION_METHODS: readonly ConvocationMethod[] = ['pec', 'registered_letter', 'agreed_signed'];

export const APPOINTMENT_CHANNELS = ['in_person', 'phone', 'video'] as const;
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];

export const APPOINTMENT_STATUSES = ['scheduled', 'held', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The valid excuses (giustificato motivo), a closed list. Evidence is referenced, never stored: it is often health data. */
export const JUSTIFICATION_REASONS = [
  'illness_or_injury',
  'civil_or_military_service',
  'pregnancy_leave',
  'court_summons',
  'serious_family_reasons',
  'mobility_restriction',
  'force_majeure',
] as const;
export type JustificationReason = (typeof JUSTIFICATION_REASONS)[number];

/** The conditionality ladders of art. 21 c.7, counted separately. */
export const CONDITIONALITY_LADDERS = ['appointments', 'training', 'suitable_offer'] as const;
export type ConditionalityLadder = (typeof CONDITIONALITY_LADDERS)[number];

export const SANCTION_EFFECTS = ['quarter_month_cut', 'one_month_cut', 'decadenza'] as const;
export type SanctionEffect = (typeof SANCTION_EFFECTS)[number];

/** A missed obligation (a no-show, a refused suitable offer) waiting for its justification. */
export const LAPSE_STATUSES = ['awaiting_justification', 'justified', 'unjustified'] as const;
export type LapseStatus = (typeof LAPSE_STATUSES)[number];

export const STEP_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const TUTORING_TOPICS = ['orientation', 'job_search_tools', 'cv_update', 'cover_letter', 'interview_preparation', 'accompaniment', 'placement_support'] as const;
export type TutoringTopic = (typeof TUTORING_TOPICS)[number];

export const SERVICE_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const REFERRAL_TARGETS = ['training_body', 'social_services', 'health_services', 'other_employment_service', 'other'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_OUTCOMES = ['taken_up', 'completed', 'declined'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'temporary_agency', 'self_employment', 'other'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * What each service produces. Texts are short summaries or references to documents kept elsewhere (the scheda, the
 * CV, the skills sheet): the journey history is immutable, so it holds no documents.
 */
export interface ServiceOutputs {
  reception?: { orientationNotes?: string };
  second_level_interview?: { developmentAreasSheet?: string; cv?: string };
  path_definition?: { trainingNeeds?: string[]; trainingBodies?: string[]; trainingModules?: string[]; targetSectors?: string[] };
  skills_assessment?: { skillsSheet?: string; actionPlan?: string };
  tutoring?: { topics?: TutoringTopic[] };
  job_search?: { offersFound?: number; offersEvaluated?: number; applicationsSent?: number; companiesContacted?: number; companiesVisited?: number };
}
export type ServiceOutput = NonNullable<ServiceOutputs[ServiceCode]>;

/** The person taken in charge. Personal data: it lives in encrypted payloads and the read model, never in ids. */
export interface Beneficiary {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email?: string;
  phone?: string;
}

/** The person's availability clauses in the pact (art. 20 c.3). */
export interface PactAvailability {
  workshops: boolean;
  training: boolean;
  suitableOffers: boolean;
}

export interface PactActionPlan {
  actionId: string;
  kind: PactActionKind;
  description: string;
  /** The instant the action falls due; a date given without a time falls due at the end of that day in Rome. */
  dueAt: string;
}

export interface JourneyStartedData {
  journeyId: string;
  programmeCode: string;
  officeId: string;
  /** Date of the DID (dichiarazione di immediata disponibilità), YYYY-MM-DD: it starts the legal clocks. */
  didDate: string;
  beneficiary: Beneficiary;
  /** The catalogue version the journey pinned at start, with its clocks (absent on journeys started before catalogues). */
  catalogueVersion?: number;
  clocks?: JourneyClocks;
  /** The services the pinned catalogue requires (absent: any service, any order) and its working-day clocks. */
  services?: ServiceStep[] | null;
  workingDayClocks?: LegalClockName[];
  /** The benefit the person claims, if any: it makes them subject to conditionality. */
  benefit?: BenefitClaim | null;
}

export interface IntakeRecordedData {
  operatorId: string;
  takenInChargeAt: string;
  notes: string | null;
}

export interface PactSignedData {
  version: number;
  responsibleOperatorId: string;
  profilingClass: ProfilingClass;
  /** How often the person must contact the operator, as an ISO-8601 duration (e.g. P30D). */
  contactFrequency: string;
  /** How the person proves job search (art. 20 c.2 lett. d). */
  jobSearchProof: string | null;
  availability: PactAvailability;
  actions: PactActionPlan[];
  signedAt: string;
}

export interface PactActionCompletedData {
  actionId: string;
  operatorId: string;
  completedAt: string;
  note: string | null;
}

export interface PactActionOverdueData {
  actionId: string;
  dueAt: string;
}

export interface ActionDeadlineData {
  actionId: string;
  dueAt: string;
}

export interface ContactRecordedData {
  operatorId: string;
  contactedAt: string;
  channel: ContactChannel;
  note: string | null;
}

export interface ContactDeadlineData {
  /** The instant by which the agreed contact was due. */
  dueAt: string;
}

export interface PactDeadlineData {
  deadlineAt: string;
}

export interface NoProgressDetectedData {
  /** The last progress before the stall. */
  lastProgressAt: string;
}

export interface JourneyClosedData {
  reason: ClosureReason;
  operatorId: string;
  details: string | null;
  closedAt: string;
}

export interface FirstContactMissedData {
  /** When the person should have contacted the office (30 days from the DID, 15 from a benefit claim). */
  dueAt: string;
}

export interface ServiceDeliveredData {
  deliveryId: string;
  service: ServiceCode;
  operatorId: string;
  deliveredAt: string;
  /** Hours delivered in this session. */
  hours: number;
  outputs: ServiceOutput;
  /** Whether this delivery completes the service. */
  completesService: boolean;
}

export interface AppointmentScheduledData {
  appointmentId: string;
  service: ServiceCode;
  purpose: AppointmentPurpose;
  at: string;
  channel: AppointmentChannel;
  location: string | null;
  convocation: ConvocationMethod;
  operatorId: string;
}

export interface AppointmentRescheduledData {
  appointmentId: string;
  previousAt: string;
  at: string;
  channel: AppointmentChannel;
  location: string | null;
  convocation: ConvocationMethod;
  operatorId: string;
  reason: string | null;
}

export interface AppointmentCancelledData {
  appointmentId: string;
  operatorId: string;
  reason: string;
}

export interface AppointmentReminderData {
  appointmentId: string;
  at: string;
}

export interface AppointmentHeldData {
  appointmentId: string;
  operatorId: string;
}

/** A no-show: it opens the justification window (a lapse). */
export interface AppointmentMissedData {
  appointmentId: string;
  operatorId: string;
  lapse: LapseOpened;
}

export interface LapseOpened {
  lapseId: string;
  ladder: ConditionalityLadder;
  /** Until when a justification is accepted (null: the catalogue sets no window, it never expires). */
  justificationDueAt: string | null;
  /** Whether the convocation (or the offer) was sent in a way that allows a sanction. */
  convocationValid: boolean;
}

export interface JobOfferRecordedData {
  offerId: string;
  employer: string;
  position: string;
  /** Whether the offer is an offerta congrua (art. 25): refusing it counts on the suitable-offer ladder. */
  suitable: boolean;
  communicatedBy: ConvocationMethod;
  operatorId: string;
}

export interface OfferAcceptedData {
  offerId: string;
  operatorId: string;
}

export interface OfferRefusedData {
  offerId: string;
  operatorId: string;
  /** Absent when the offer was not a suitable one: refusing it has no consequence. */
  lapse: LapseOpened | null;
}

export interface LapseJustifiedData {
  lapseId: string;
  reason: JustificationReason;
  /** A reference to the evidence kept elsewhere (protocol number), never the evidence itself. */
  evidenceRef: string | null;
  operatorId: string;
  /** When the impediment ended, for an excuse given after the window (the day after the impediment ends). */
  impedimentEndedAt: string | null;
}

/** The justification window closed without a valid excuse. */
export interface LapseUnjustifiedData {
  lapseId: string;
  /** Why no conditionality step follows, when none does. */
  noStepBecause: 'not_benefit_recipient' | 'invalid_convocation' | null;
}

export interface ConditionalityStepProposedData {
  stepId: string;
  lapseId: string;
  ladder: ConditionalityLadder;
  /** 1st, 2nd, 3rd… confirmed step on this ladder if confirmed now, and the sanction it would carry. */
  ordinal: number;
  effect: SanctionEffect;
}

export interface ConditionalityStepConfirmedData {
  stepId: string;
  ladder: ConditionalityLadder;
  ordinal: number;
  effect: SanctionEffect;
  operatorId: string;
  note: string | null;
  /** The last day to appeal (30 days): the notice to the person states it. */
  appealDueAt: string | null;
}

export interface ConditionalityStepDismissedData {
  stepId: string;
  operatorId: string;
  reason: string;
}

export interface PactAmendedData {
  version: number;
  operatorId: string;
  reason: string;
  responsibleOperatorId: string;
  profilingClass: ProfilingClass;
  contactFrequency: string;
  jobSearchProof: string | null;
  availability: PactAvailability;
  /** The actions changed (new due date or description) or added by this version. */
  changedActions: PactActionPlan[];
  /** Actions the amendment removes (pending or overdue ones only). */
  withdrawnActionIds: string[];
  amendedAt: string;
}

export interface ReferralMadeData {
  referralId: string;
  to: ReferralTarget;
  organisation: string;
  reason: string;
  operatorId: string;
}

export interface ReferralOutcomeRecordedData {
  referralId: string;
  outcome: ReferralOutcome;
  operatorId: string;
  note: string | null;
}

export interface PlacementRecordedData {
  employer: string;
  contractType: ContractType;
  /** YYYY-MM-DD. */
  startDate: string;
  hoursPerWeek: number | null;
  operatorId: string;
  /** The offer this placement comes from, if one was recorded. */
  offerId: string | null;
}

interface EventEnvelope<T extends string, D> {
  /** Position in the journey's history, from 1, without gaps: the projection's idempotency key. */
  seq: number;
  type: T;
  /** When the engine recorded the event. */
  at: string;
  data: D;
}

export type JourneyStarted = EventEnvelope<'JourneyStarted', JourneyStartedData>;
export type IntakeRecorded = EventEnvelope<'IntakeRecorded', IntakeRecordedData>;
export type PactSigned = EventEnvelope<'PactSigned', PactSignedData>;
export type PactActionCompleted = EventEnvelope<'PactActionCompleted', PactActionCompletedData>;
export type PactActionOverdue = EventEnvelope<'PactActionOverdue', PactActionOverdueData>;
export type PactActionReminderDue = EventEnvelope<'PactActionReminderDue', ActionDeadlineData>;
export type PactActionEscalated = EventEnvelope<'PactActionEscalated', ActionDeadlineData>;
export type ContactRecorded = EventEnvelope<'ContactRecorded', ContactRecordedData>;
export type ContactMissed = EventEnvelope<'ContactMissed', ContactDeadlineData>;
export type ContactMissedEscalated = EventEnvelope<'ContactMissedEscalated', ContactDeadlineData>;
export type PactDeadlineMissed = EventEnvelope<'PactDeadlineMissed', PactDeadlineData>;
export type PactDeadlineEscalated = EventEnvelope<'PactDeadlineEscalated', PactDeadlineData>;
export type NoProgressDetected = EventEnvelope<'NoProgressDetected', NoProgressDetectedData>;
export type JourneyClosed = EventEnvelope<'JourneyClosed', JourneyClosedData>;
export type FirstContactMissed = EventEnvelope<'FirstContactMissed', FirstContactMissedData>;
export type ServiceDelivered = EventEnvelope<'ServiceDelivered', ServiceDeliveredData>;
export type AppointmentScheduled = EventEnvelope<'AppointmentScheduled', AppointmentScheduledData>;
export type AppointmentRescheduled = EventEnvelope<'AppointmentRescheduled', AppointmentRescheduledData>;
export type AppointmentCancelled = EventEnvelope<'AppointmentCancelled', AppointmentCancelledData>;
export type AppointmentReminderDue = EventEnvelope<'AppointmentReminderDue', AppointmentReminderData>;
export type AppointmentHeld = EventEnvelope<'AppointmentHeld', AppointmentHeldData>;
export type AppointmentMissed = EventEnvelope<'AppointmentMissed', AppointmentMissedData>;
export type JobOfferRecorded = EventEnvelope<'JobOfferRecorded', JobOfferRecordedData>;
export type OfferAccepted = EventEnvelope<'OfferAccepted', OfferAcceptedData>;
export type OfferRefused = EventEnvelope<'OfferRefused', OfferRefusedData>;
export type LapseJustified = EventEnvelope<'LapseJustified', LapseJustifiedData>;
export type LapseUnjustified = EventEnvelope<'LapseUnjustified', LapseUnjustifiedData>;
export type ConditionalityStepProposed = EventEnvelope<'ConditionalityStepProposed', ConditionalityStepProposedData>;
export type ConditionalityStepConfirmed = EventEnvelope<'ConditionalityStepConfirmed', ConditionalityStepConfirmedData>;
export type ConditionalityStepDismissed = EventEnvelope<'ConditionalityStepDismissed', ConditionalityStepDismissedData>;
export type PactAmended = EventEnvelope<'PactAmended', PactAmendedData>;
export type ReferralMade = EventEnvelope<'ReferralMade', ReferralMadeData>;
export type ReferralOutcomeRecorded = EventEnvelope<'ReferralOutcomeRecorded', ReferralOutcomeRecordedData>;
export type PlacementRecorded = EventEnvelope<'PlacementRecorded', PlacementRecordedData>;

export type JourneyEvent =
  | JourneyStarted
  | IntakeRecorded
  | PactSigned
  | PactActionCompleted
  | PactActionOverdue
  | PactActionReminderDue
  | PactActionEscalated
  | ContactRecorded
  | ContactMissed
  | ContactMissedEscalated
  | PactDeadlineMissed
  | PactDeadlineEscalated
  | NoProgressDetected
  | JourneyClosed
  | FirstContactMissed
  | ServiceDelivered
  | AppointmentScheduled
  | AppointmentRescheduled
  | AppointmentCancelled
  | AppointmentReminderDue
  | AppointmentHeld
  | AppointmentMissed
  | JobOfferRecorded
  | OfferAccepted
  | OfferRefused
  | LapseJustified
  | LapseUnjustified
  | ConditionalityStepProposed
  | ConditionalityStepConfirmed
  | ConditionalityStepDismissed
  | PactAmended
  | ReferralMade
  | ReferralOutcomeRecorded
  | PlacementRecorded;
export type JourneyEventType = JourneyEvent['type'];

export interface PactActionState extends PactActionPlan {
  status: PactActionStatus;
  overdueSince: string | null;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
  reminderSentAt: string | null;
  escalatedAt: string | null;
}

/** The agreed contacts (the pact's contact frequency). */
export interface ContactState {
  lastContactAt: string | null;
  /** Set when an agreed contact was missed: the instant it was due, and when the journey noticed. */
  missedDueAt: string | null;
  missedSince: string | null;
  escalatedAt: string | null;
}

export interface PactState {
  version: number;
  responsibleOperatorId: string;
  profilingClass: ProfilingClass;
  contactFrequency: string;
  jobSearchProof: string | null;
  availability: PactAvailability;
  signedAt: string;
}

/** A version of the pact as signed or amended: the state keeps every one. */
export interface PactVersion extends PactState {
  actions: PactActionPlan[];
  /** Who amended it and why (null for the signed version 1). */
  amendedBy: string | null;
  reason: string | null;
}

export interface ServiceProgress {
  service: ServiceCode;
  status: ServiceStatus;
  /** Hours delivered so far, and in how many sessions. */
  hours: number;
  sessions: number;
  startedAt: string | null;
  completedAt: string | null;
  /** What the service produced so far (later deliveries add to or replace earlier outputs). */
  outputs: ServiceOutput;
}

export interface AppointmentState extends AppointmentScheduledData {
  status: AppointmentStatus;
  reminderSentAt: string | null;
  rescheduledCount: number;
  /** When the outcome or cancellation was recorded. */
  closedAt: string | null;
  cancellationReason: string | null;
}

export interface JobOfferState extends JobOfferRecordedData {
  recordedAt: string;
  response: 'accepted' | 'refused' | null;
  respondedAt: string | null;
}

export interface LapseState extends LapseOpened {
  /** The no-show's appointment or the refused offer. */
  appointmentId: string | null;
  offerId: string | null;
  occurredAt: string;
  status: LapseStatus;
  justification: Omit<LapseJustifiedData, 'lapseId'> | null;
  closedAt: string | null;
}

export interface ConditionalityStepState extends ConditionalityStepProposedData {
  status: StepStatus;
  proposedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The confirmation note or the dismissal reason. */
  decisionNote: string | null;
  appealDueAt: string | null;
}

export interface ReferralState extends ReferralMadeData {
  madeAt: string;
  outcome: ReferralOutcome | null;
  outcomeAt: string | null;
  outcomeNote: string | null;
}

export interface JourneyState {
  journeyId: string;
  programmeCode: string;
  officeId: string;
  didDate: string;
  beneficiary: Beneficiary;
  stage: JourneyStage;
  status: JourneyStatus;
  startedAt: string;
  intake: IntakeRecordedData | null;
  pact: PactState | null;
  actions: PactActionState[];
  closure: JourneyClosedData | null;
  catalogueVersion: number | null;
  clocks: JourneyClocks;
  contact: ContactState;
  /** The catalogue's services (null: any service, any order) and its working-day clocks. */
  services: ServiceStep[] | null;
  workingDayClocks: LegalClockName[];
  benefit: BenefitClaim | null;
  /** When the first contact was due and missed (before the presa in carico). */
  firstContactMissedAt: string | null;
  /** Every version of the pact, oldest first (the current one last). */
  pactVersions: PactVersion[];
  serviceProgress: ServiceProgress[];
  appointments: AppointmentState[];
  offers: JobOfferState[];
  lapses: LapseState[];
  conditionalitySteps: ConditionalityStepState[];
  referrals: ReferralState[];
  placement: (PlacementRecordedData & { recordedAt: string }) | null;
  pactDeadlineMissedAt: string | null;
  pactDeadlineEscalatedAt: string | null;
  /** The last intake, pact, completed action or contact. */
  lastProgressAt: string;
  noProgressSince: string | null;
  /** Sequence number of the last event folded in. */
  lastSeq: number;
  updatedAt: string;
}
