import type { ClosureReason, ContactChannel, PactActionKind, PactAvailability, ProfilingClass } from './model';

/** The presa in carico: an operator formally takes the person in charge after the reception interview. */
export interface RecordIntakeCommand {
  type: 'RecordIntake';
  operatorId: string;
  /** When it happened; defaults to now. */
  takenInChargeAt?: string;
  notes?: string;
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
  contactFrequency: string;
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

export interface CloseJourneyCommand {
  type: 'CloseJourney';
  reason: ClosureReason;
  operatorId: string;
  details?: string;
}

/** A contact between the person and the operator, as the pact's contact frequency asks. */
export interface RecordContactCommand {
  type: 'RecordContact';
  operatorId: string;
  channel: ContactChannel;
  /** When it happened; defaults to now. */
  contactedAt?: string;
  note?: string;
}

/**
 * Raised by the journey's own timer: every deadline that has passed is processed (reminders, overdue actions, missed
 * contacts, a missed pact deadline, escalations, no progress).
 */
export interface ProcessDeadlinesCommand {
  type: 'ProcessDeadlines';
}

/** A command an operator sends (as a Temporal Update). */
export type OperatorCommand = RecordIntakeCommand | SignPactCommand | CompletePactActionCommand | RecordContactCommand | CloseJourneyCommand;
export type JourneyCommand = OperatorCommand | ProcessDeadlinesCommand;
