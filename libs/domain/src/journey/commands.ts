import type { AppointmentsCommand } from '../appointments/model';
import type { AssessmentCommand } from '../assessment/model';
import type { ConditionalityCommand } from '../conditionality/model';
import type { ContactsCommand } from '../contacts/model';
import type { EpisodesCommand } from '../episodes/model';
import type { IntakeCommand } from '../intake/model';
import type { OffersCommand } from '../offers/model';
import type { OutcomesCommand } from '../outcomes/model';
import type { PactCommand } from '../pact/model';
import type { PausesCommand } from '../pauses/model';
import type { ReferralsCommand } from '../referrals/model';
import type { ServicesCommand } from '../services/model';
import type { BenefitsCommand } from '../benefits/model';
import type { MonitoringCommand } from '../monitoring/model';
import type { ObligationsCommand } from '../obligations/model';

/**
 * Raised by the journey's own timer: every deadline that has passed is processed (reminders, overdue actions, missed
 * contacts, a missed pact deadline, escalations, no progress).
 */
export interface ProcessDeadlinesCommand {
  type: 'ProcessDeadlines';
}

/** A command an operator sends (as a Temporal Update). Each is defined by its feature. */
export type OperatorCommand =
  | IntakeCommand
  | PactCommand
  | ContactsCommand
  | OutcomesCommand
  | ServicesCommand
  | AppointmentsCommand
  | OffersCommand
  | ConditionalityCommand
  | ReferralsCommand
  | PausesCommand
  | BenefitsCommand
  | AssessmentCommand
  | EpisodesCommand
  | MonitoringCommand
  | ObligationsCommand;

/** The operator commands sent through the one generic `journeyCommand` update (those added with the six services). */
export const JOURNEY_COMMAND_TYPES = [
  'RecordServiceDelivery',
  'ScheduleAppointment',
  'RescheduleAppointment',
  'CancelAppointment',
  'RecordAppointmentOutcome',
  'RecordJobOffer',
  'RecordOfferResponse',
  'RecordOfferHearing',
  'JustifyLapse',
  'ConfirmConditionalityStep',
  'DismissConditionalityStep',
  'RecordStepNotification',
  'RecordAppeal',
  'RecordAppealOutcome',
  'AmendPact',
  'MakeReferral',
  'RecordReferralOutcome',
  'RecordPlacement',
  'AcceptPactVersion',
  // Suspension by a job and justified absences (issue 14, `pauses/`).
  'SuspendForJob',
  'EndSuspension',
  'RecordAbsence',
  'EndAbsence',
  // The benefit's lifecycle (issue 14).
  'ClaimBenefit',
  'RecordBenefitGranted',
  'RecordBenefitRefused',
  'SuspendBenefit',
  'ResumeBenefit',
  'EndBenefit',
  'RecordProfiling',
  'RecordQualitativeAssessment',
  'ChooseGolPath',
  'TransferJourney',
  // GOL monitoring (issue 15).
  'RecordMonitoringData',
  // ADI and SFL: the periodic presentation and its exemptions (issue 15).
  'RecordPresentation',
  'RecordPresentationExemption',
  'WithdrawPresentationExemption',
] as const satisfies readonly OperatorCommand['type'][];
export type GenericJourneyCommand = Extract<OperatorCommand, { type: (typeof JOURNEY_COMMAND_TYPES)[number] }>;
export type JourneyCommand = OperatorCommand | ProcessDeadlinesCommand;
