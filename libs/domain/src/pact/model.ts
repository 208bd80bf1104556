import type { EventEnvelope } from '../journey/event';

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
  /** How the person proves job search (art. 20 c.2 lett. d). */
  jobSearchProof: string | null;
  availability: PactAvailability;
  actions: PactActionPlan[];
  signedAt: string;
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
}

export type PactCommand = SignPactCommand | CompletePactActionCommand | AmendPactCommand;

export type PactSigned = EventEnvelope<'PactSigned', PactSignedData>;
export type PactAmended = EventEnvelope<'PactAmended', PactAmendedData>;
export type PactActionCompleted = EventEnvelope<'PactActionCompleted', PactActionCompletedData>;
export type PactActionOverdue = EventEnvelope<'PactActionOverdue', PactActionOverdueData>;
export type PactActionReminderDue = EventEnvelope<'PactActionReminderDue', ActionDeadlineData>;
export type PactActionEscalated = EventEnvelope<'PactActionEscalated', ActionDeadlineData>;
export type PactDeadlineMissed = EventEnvelope<'PactDeadlineMissed', PactDeadlineData>;
export type PactDeadlineEscalated = EventEnvelope<'PactDeadlineEscalated', PactDeadlineData>;
export type PactEvent =
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

export const PACT_SIGNING_NOTICE_KINDS = [
  /** The pact was not signed by its deadline. */
  'pact_deadline_missed',
  'pact_deadline_escalation',
] as const;
