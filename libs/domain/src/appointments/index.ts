import { feature, type Feature } from '../journey/feature';
import { attendance } from './attendance';
import { booking } from './booking';
import type { APPOINTMENT_DEADLINE_KINDS, AppointmentsCommand, AppointmentsEvent } from './model';
import { reminders } from './reminders';

export const appointments: Feature<AppointmentsCommand['type'], AppointmentsEvent['type'], (typeof APPOINTMENT_DEADLINE_KINDS)[number], never> = feature(
  booking,
  attendance,
  reminders,
);
