import type { EventEnvelope } from '../journey/event';
import type { ReferralTarget } from '../referrals/model';

/** The Patto di servizio personalizzato: its signing, its versions, its actions and its deadline. */

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

/** The person's availability clauses in the pact (art. 20 c.3). */
export interface PactAvailability {
  workshops: boolean;
  training: boolean;
  suitableOffers: boolean;
}

/**
 * How the person accepted a version of the pact (edition 2): signed on paper at the office, a graphometric signature
 * on a tablet, a one-time password sent to the person, or the signed copy of the pact's document uploaded back
 * (`signed_copy`: a scan or a digitally signed PDF, stored outside the journey, which keeps only its id and hash).
 * A version is in force from its acceptance.
 */
export const PACT_ACCEPTANCE_METHODS = ['signed_in_person', 'graphometric', 'otp', 'signed_copy'] as const;
export type PactAcceptanceMethod = (typeof PACT_ACCEPTANCE_METHODS)[number];

/** The signed copy of a pact version's document, as the journey knows it: the stored document's id and SHA-256, never its bytes. */
export interface SignedCopyRef {
  documentId: string;
  sha256: string;
}

export interface PactAcceptance {
  acceptedAt: string;
  method: PactAcceptanceMethod;
  /** With `signed_copy`: the uploaded copy the acceptance rests on. */
  signedCopy?: SignedCopyRef;
}

/** The person's acceptance as an operator records it: when (defaults to now) and how. */
export interface PactAcceptanceInput {
  acceptedAt?: string;
  method: PactAcceptanceMethod;
  /** Set by the API on upload of the signed copy (method `signed_copy`), never by a client. */
  signedCopy?: SignedCopyRef;
}

/** A referral to another service that a version of the pact agrees (DOMAIN: the pact records any referral). */
export interface PactReferralInput {
  to: ReferralTarget;
  organisation: string;
  reason: string;
}

export interface PactReferral extends PactReferralInput {
  referralId: string;
}

export interface PactActionPlan {
  actionId: string;
  kind: PactActionKind;
  description: string;
  /** The instant the action falls due; a date given without a time falls due at the end of that day in Rome. */
  dueAt: string;
}

export interface PactSignedData {
  version: number;
  responsibleOperatorId: string;
  profilingClass: ProfilingClass;
  /** How often the person must contact the operator, as an ISO-8601 duration (e.g. P30D). */
  contactFrequency: string;
  /** How the person proves job search (art. 20 c.2 lett. e D.lgs. 150/2015; required in edition 2). */
  jobSearchProof: string | null;
  availability: PactAvailability;
  actions: PactActionPlan[];
  signedAt: string;
  /**
   * Edition 2: the person's acceptance when given at signing, or null when the version waits for it. Absent in
   * journeys of edition 1, whose pact is in force at signing.
   */
  acceptance?: PactAcceptance | null;
  /** Edition 2: the referrals this version agrees (numbered R1, R2, … after the journey's others). */
  referrals?: PactReferral[];
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
  /** As in `PactSignedData`: edition 2 only; a version awaiting acceptance leaves the one in force as it is. */
  acceptance?: PactAcceptance | null;
  referrals?: PactReferral[];
}

/** The person accepted a version of the pact that waited for it: it is in force from `acceptance.acceptedAt`. */
export interface PactVersionAcceptedData {
  version: number;
  acceptance: PactAcceptance;
  operatorId: string;
}

/** A version waited for acceptance past the catalogue's `pactAcceptanceWindow`: the supervisors are told. */
export interface PactAcceptanceOverdueData {
  version: number;
  dueAt: string;
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

export interface PactDeadlineData {
  deadlineAt: string;
}

export interface PactActionInput {
  kind: PactActionKind;
  description: string;
  /** YYYY-MM-DD (due at the end of that day in Rome) or an ISO-8601 date-time with offset. */
  dueDate: string;
}

/** Signing the Patto di servizio personalizzato (art. 20 D.lgs. 150/2015). */
export interface SignPactCommand {
  type: 'SignPact';
  responsibleOperatorId: string;
  profilingClass: ProfilingClass;
  /** ISO-8601; defaults to the catalogue's `defaultContactFrequency` when it has one. */
  contactFrequency?: string;
  jobSearchProof?: string;
  availability: PactAvailability;
  actions: PactActionInput[];
  /** Edition 2: the person's acceptance at signing; left out, the version waits for `AcceptPactVersion`. */
  acceptance?: PactAcceptanceInput;
  /** Referrals to other services the pact agrees. */
  referrals?: PactReferralInput[];
}

/** The person accepts a version of the pact that waits for it (edition 2). */
export interface AcceptPactVersionCommand {
  type: 'AcceptPactVersion';
  /** The version number (from the API's path, as digits). */
  version: number | string;
  method: PactAcceptanceMethod;
  /** When the person accepted; defaults to now. */
  acceptedAt?: string;
  operatorId: string;
  /** Method `signed_copy`: the uploaded signed copy (set by the API, which stores it). */
  signedCopy?: SignedCopyRef;
}

export interface CompletePactActionCommand {
  type: 'CompletePactAction';
  actionId: string;
  operatorId: string;
  /** When the person completed it; defaults to now. */
  completedAt?: string;
  note?: string;
}

/** A new version of the pact: changed fields, changed or added actions, withdrawn actions. Every deadline is recomputed. */
export interface AmendPactCommand {
  type: 'AmendPact';
  operatorId: string;
  reason: string;
  responsibleOperatorId?: string;
  profilingClass?: ProfilingClass;
  contactFrequency?: string;
  jobSearchProof?: string;
  availability?: PactAvailability;
  changeActions?: { actionId: string; dueDate?: string; description?: string }[];
  addActions?: PactActionInput[];
  withdrawActionIds?: string[];
  acceptance?: PactAcceptanceInput;
  referrals?: PactReferralInput[];
}

export type PactCommand = SignPactCommand | CompletePactActionCommand | AmendPactCommand | AcceptPactVersionCommand;

export type PactSigned = EventEnvelope<'PactSigned', PactSignedData>;
export type PactAmended = EventEnvelope<'PactAmended', PactAmendedData>;
export type PactActionCompleted = EventEnvelope<'PactActionCompleted', PactActionCompletedData>;
export type PactActionOverdue = EventEnvelope<'PactActionOverdue', PactActionOverdueData>;
export type PactActionReminderDue = EventEnvelope<'PactActionReminderDue', ActionDeadlineData>;
export type PactActionEscalated = EventEnvelope<'PactActionEscalated', ActionDeadlineData>;
export type PactDeadlineMissed = EventEnvelope<'PactDeadlineMissed', PactDeadlineData>;
export type PactDeadlineEscalated = EventEnvelope<'PactDeadlineEscalated', PactDeadlineData>;
export type PactVersionAccepted = EventEnvelope<'PactVersionAccepted', PactVersionAcceptedData>;
export type PactAcceptanceOverdue = EventEnvelope<'PactAcceptanceOverdue', PactAcceptanceOverdueData>;
export type PactEvent =
  | PactVersionAccepted
  | PactAcceptanceOverdue
  | PactSigned
  | PactAmended
  | PactActionCompleted
  | PactActionOverdue
  | PactActionReminderDue
  | PactActionEscalated
  | PactDeadlineMissed
  | PactDeadlineEscalated;

export interface PactActionState extends PactActionPlan {
  status: PactActionStatus;
  overdueSince: string | null;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
  reminderSentAt: string | null;
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
  /**
   * The person's acceptance (edition 2), or null: not recorded (edition 1, in force at signing) or still awaited.
   * Absent in states carried from before pact acceptance (read as null).
   */
  acceptance?: PactAcceptance | null;
  /** When it came into force (edition 1: at signing or amendment; edition 2: at acceptance); null while awaited. */
  inForceSince?: string | null;
  /** Whether it is the version in force now (the one `pact` shows); false while awaited and once superseded. */
  inForce?: boolean;
  /** When the version was signed or amended (the acceptance window counts from it). */
  proposedAt?: string;
  /** When the supervisors were told it waited past the acceptance window. */
  acceptanceEscalatedAt?: string | null;
  /** The referrals the version contains: those it agrees and those made outside the pact since the previous one. */
  referrals?: PactReferral[];
}

export interface PactSlice {
  pact: PactState | null;
  actions: PactActionState[];
  /** Every version of the pact, oldest first (the current one last). */
  pactVersions: PactVersion[];
  pactDeadlineMissedAt: string | null;
  pactDeadlineEscalatedAt: string | null;
}

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const PACT_ACTION_DEADLINE_KINDS = ['action_reminder', 'action_due', 'action_escalation'] as const;

export const PACT_ACTION_NOTICE_KINDS = [
  /** Before a pact action falls due. */
  'action_due_reminder',
  /** A pact action fell due without being completed. */
  'action_overdue',
  /** A pact action stayed overdue past the escalation period. */
  'action_overdue_escalation',
] as const;

export const PACT_SIGNING_DEADLINE_KINDS = ['pact_deadline', 'pact_escalation'] as const;

export const PACT_ACCEPTANCE_DEADLINE_KINDS = ['pact_acceptance_due'] as const;

export const PACT_ACCEPTANCE_NOTICE_KINDS = [
  /** A version of the pact waited for the person's acceptance past the catalogue's acceptance window. */
  'pact_acceptance_overdue',
] as const;

export const PACT_SIGNING_NOTICE_KINDS = [
  /** The pact was not signed by its deadline. */
  'pact_deadline_missed',
  'pact_deadline_escalation',
] as const;
