import type { LapseOpened } from '../conditionality/model';
import type { EventEnvelope } from '../journey/event';
import type { ServiceCode } from '../services/service-table';

/** Appointments for a service: booked with a convocation, moved, cancelled, held or missed. */

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

export type AppointmentsCommand = ScheduleAppointmentCommand | RescheduleAppointmentCommand | CancelAppointmentCommand | RecordAppointmentOutcomeCommand;

export type AppointmentScheduled = EventEnvelope<'AppointmentScheduled', AppointmentScheduledData>;
export type AppointmentRescheduled = EventEnvelope<'AppointmentRescheduled', AppointmentRescheduledData>;
export type AppointmentCancelled = EventEnvelope<'AppointmentCancelled', AppointmentCancelledData>;
export type AppointmentReminderDue = EventEnvelope<'AppointmentReminderDue', AppointmentReminderData>;
export type AppointmentHeld = EventEnvelope<'AppointmentHeld', AppointmentHeldData>;
export type AppointmentMissed = EventEnvelope<'AppointmentMissed', AppointmentMissedData>;
export type AppointmentsEvent =
  | AppointmentScheduled
  | AppointmentRescheduled
  | AppointmentCancelled
  | AppointmentReminderDue
  | AppointmentHeld
  | AppointmentMissed;

export interface AppointmentState extends AppointmentScheduledData {
  status: AppointmentStatus;
  reminderSentAt: string | null;
  rescheduledCount: number;
  /** When the outcome or cancellation was recorded. */
  closedAt: string | null;
  cancellationReason: string | null;
}

export interface AppointmentsSlice {
  appointments: AppointmentState[];
}

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const APPOINTMENT_DEADLINE_KINDS = ['appointment_reminder'] as const;
export const APPOINTMENT_NOTICE_KINDS = [
  /** An appointment was booked, moved or cancelled (an information; the legal convocation travels by PEC or letter). */
  'appointment_scheduled',
  'appointment_rescheduled',
  'appointment_cancelled',
  /** Before an appointment. */
  'appointment_reminder',
  /** A no-show: how long the person has to justify it. */
  'appointment_missed',
] as const;
