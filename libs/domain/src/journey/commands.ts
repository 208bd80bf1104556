import type { ServiceCode } from '../programme/catalogue';
import type {
  AppointmentChannel,
  AppointmentPurpose,
  ClosureReason,
  ContactChannel,
  ContractType,
  ConvocationMethod,
  JustificationReason,
  PactActionKind,
  PactAvailability,
  ProfilingClass,
  ReferralOutcome,
  ReferralTarget,
  ServiceOutput,
} from './model';

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

/** A session of one of the six services, with the hours delivered and what it produced. */
export interface RecordServiceDeliveryCommand {
  type: 'RecordServiceDelivery';
  service: ServiceCode;
  operatorId: string;
  /** When it happened; defaults to now. */
  deliveredAt?: string;
  hours: number;
  outputs?: ServiceOutput;
  /** Whether this session completes the service (then its required outputs must be there). */
  completesService?: boolean;
}

export interface ScheduleAppointmentCommand {
  type: 'ScheduleAppointment';
  service: ServiceCode;
  purpose: AppointmentPurpose;
  /** ISO-8601 date-time with offset, in the future. */
  at: string;
  channel: AppointmentChannel;
  /** Where (required in person). */
  location?: string;
  convocation: ConvocationMethod;
  operatorId: string;
}

export interface RescheduleAppointmentCommand {
  type: 'RescheduleAppointment';
  appointmentId: string;
  at: string;
  channel?: AppointmentChannel;
  location?: string;
  /** How the new date was communicated; defaults to the original convocation's method. */
  convocation?: ConvocationMethod;
  operatorId: string;
  reason?: string;
}

export interface CancelAppointmentCommand {
  type: 'CancelAppointment';
  appointmentId: string;
  operatorId: string;
  reason: string;
}

export interface RecordAppointmentOutcomeCommand {
  type: 'RecordAppointmentOutcome';
  appointmentId: string;
  outcome: 'held' | 'no_show';
  operatorId: string;
}

export interface RecordJobOfferCommand {
  type: 'RecordJobOffer';
  employer: string;
  position: string;
  suitable: boolean;
  communicatedBy: ConvocationMethod;
  operatorId: string;
}

export interface RecordOfferResponseCommand {
  type: 'RecordOfferResponse';
  offerId: string;
  response: 'accepted' | 'refused';
  operatorId: string;
}

/** A justification (giustificato motivo) for a no-show or a refused suitable offer. */
export interface JustifyLapseCommand {
  type: 'JustifyLapse';
  lapseId: string;
  reason: JustificationReason;
  evidenceRef?: string;
  operatorId: string;
  /** For an excuse after the window: when the impediment ended (the excuse is due by the next day). */
  impedimentEndedAt?: string;
}

export interface ConfirmConditionalityStepCommand {
  type: 'ConfirmConditionalityStep';
  stepId: string;
  operatorId: string;
  note?: string;
}

export interface DismissConditionalityStepCommand {
  type: 'DismissConditionalityStep';
  stepId: string;
  operatorId: string;
  reason: string;
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

export interface MakeReferralCommand {
  type: 'MakeReferral';
  to: ReferralTarget;
  organisation: string;
  reason: string;
  operatorId: string;
}

export interface RecordReferralOutcomeCommand {
  type: 'RecordReferralOutcome';
  referralId: string;
  outcome: ReferralOutcome;
  operatorId: string;
  note?: string;
}

/** The placement: recorded with its details, it closes the journey as `placed`. */
export interface RecordPlacementCommand {
  type: 'RecordPlacement';
  employer: string;
  contractType: ContractType;
  startDate: string;
  hoursPerWeek?: number;
  offerId?: string;
  operatorId: string;
}

/**
 * Raised by the journey's own timer: every deadline that has passed is processed (reminders, overdue actions, missed
 * contacts, a missed pact deadline, escalations, no progress).
 */
export interface ProcessDeadlinesCommand {
  type: 'ProcessDeadlines';
}

/** A command an operator sends (as a Temporal Update). */
export type OperatorCommand =
  | RecordIntakeCommand
  | SignPactCommand
  | CompletePactActionCommand
  | RecordContactCommand
  | CloseJourneyCommand
  | RecordServiceDeliveryCommand
  | ScheduleAppointmentCommand
  | RescheduleAppointmentCommand
  | CancelAppointmentCommand
  | RecordAppointmentOutcomeCommand
  | RecordJobOfferCommand
  | RecordOfferResponseCommand
  | JustifyLapseCommand
  | ConfirmConditionalityStepCommand
  | DismissConditionalityStepCommand
  | AmendPactCommand
  | MakeReferralCommand
  | RecordReferralOutcomeCommand
  | RecordPlacementCommand;

/** The operator commands sent through the one generic `journeyCommand` update (those added with the six services). */
export const JOURNEY_COMMAND_TYPES = [
  'RecordServiceDelivery',
  'ScheduleAppointment',
  'RescheduleAppointment',
  'CancelAppointment',
  'RecordAppointmentOutcome',
  'RecordJobOffer',
  'RecordOfferResponse',
  'JustifyLapse',
  'ConfirmConditionalityStep',
  'DismissConditionalityStep',
  'AmendPact',
  'MakeReferral',
  'RecordReferralOutcome',
  'RecordPlacement',
] as const satisfies readonly OperatorCommand['type'][];
export type GenericJourneyCommand = Extract<OperatorCommand, { type: (typeof JOURNEY_COMMAND_TYPES)[number] }>;
export type JourneyCommand = OperatorCommand | ProcessDeadlinesCommand;
