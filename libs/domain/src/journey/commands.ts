import type { ClosureReason, PactActionKind, PactAvailability, ProfilingClass } from './model';

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

/** Raised by the journey's own timer: every pending action whose due instant has passed becomes overdue. */
export interface MarkOverdueActionsCommand {
  type: 'MarkOverdueActions';
}

/** A command an operator sends (as a Temporal Update). */
export type OperatorCommand = RecordIntakeCommand | SignPactCommand | CompletePactActionCommand | CloseJourneyCommand;
export type JourneyCommand = OperatorCommand | MarkOverdueActionsCommand;
