import type { Feature } from '../journey/feature';
import { cancelAppointment, recordAppointmentOutcome, rescheduleAppointment, scheduleAppointment } from './booking';
import { appointmentEvolvers } from './fold';
import type { AppointmentsEvent } from './model';
import { APPOINTMENT_DEADLINE_KINDS, appointmentDeadlines, appointmentDrafters, appointmentNotices } from './reminders';

export const appointments: Feature<
  'ScheduleAppointment' | 'RescheduleAppointment' | 'CancelAppointment' | 'RecordAppointmentOutcome',
  AppointmentsEvent['type'],
  (typeof APPOINTMENT_DEADLINE_KINDS)[number],
  never
> = {
  deciders: {
    ScheduleAppointment: scheduleAppointment,
    RescheduleAppointment: rescheduleAppointment,
    CancelAppointment: cancelAppointment,
    RecordAppointmentOutcome: recordAppointmentOutcome,
  },
  evolvers: appointmentEvolvers,
  notices: appointmentNotices,
  deadlines: appointmentDeadlines,
  drafters: appointmentDrafters,
  stallCauses: {},
};
