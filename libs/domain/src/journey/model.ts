import type { JourneyClocks } from '../programme/catalogue';

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

export const PACT_ACTION_STATUSES = ['pending', 'overdue', 'completed'] as const;
export type PactActionStatus = (typeof PACT_ACTION_STATUSES)[number];

/** Why a journey ended. */
/** How a contact between the person and the operator happened. */
export const CONTACT_CHANNELS = ['in_person', 'phone', 'email', 'video'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Why a journey counts as stalled: a business condition for supervisors, not an engine incident. */
export const STALL_REASONS = ['overdue_action', 'missed_contact', 'pact_not_signed', 'no_progress'] as const;
export type StallReason = (typeof STALL_REASONS)[number];

export const CLOSURE_REASONS = ['placed', 'withdrawn', 'transferred', 'unreachable', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

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
  | JourneyClosed;
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
  pactDeadlineMissedAt: string | null;
  pactDeadlineEscalatedAt: string | null;
  /** The last intake, pact, completed action or contact. */
  lastProgressAt: string;
  noProgressSince: string | null;
  /** Sequence number of the last event folded in. */
  lastSeq: number;
  updatedAt: string;
}
