import type { CancelAppointmentCommand, RecordAppointmentOutcomeCommand, RescheduleAppointmentCommand, ScheduleAppointmentCommand } from '../appointments/model';
import type { ConfirmConditionalityStepCommand, DismissConditionalityStepCommand, JustifyLapseCommand } from '../conditionality/model';
import type { RecordContactCommand } from '../contacts/model';
import type { RecordIntakeCommand } from '../intake/model';
import type { RecordJobOfferCommand, RecordOfferResponseCommand } from '../offers/model';
import type { CloseJourneyCommand, RecordPlacementCommand } from '../outcomes/model';
import type { AmendPactCommand, CompletePactActionCommand, SignPactCommand } from '../pact/model';
import type { MakeReferralCommand, RecordReferralOutcomeCommand } from '../referrals/model';
import type { RecordServiceDeliveryCommand } from '../services/model';

/**
 * Raised by the journey's own timer: every deadline that has passed is processed (reminders, overdue actions, missed
 * contacts, a missed pact deadline, escalations, no progress).
 */
export interface ProcessDeadlinesCommand {
  type: 'ProcessDeadlines';
}

/** A command an operator sends (as a Temporal Update). Each is defined by its feature. */
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
