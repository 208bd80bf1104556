import type { Feature } from '../journey/feature';
import { attendance } from './attendance';
import { booking } from './booking';
import type { AppointmentsCommand, AppointmentsEvent } from './model';
import { REMINDER_DEADLINE_KINDS, reminders } from './reminders';

export const appointments: Feature<AppointmentsCommand['type'], AppointmentsEvent['type'], (typeof REMINDER_DEADLINE_KINDS)[number], never> = {
  deciders: { ...booking.deciders, ...attendance.deciders },
  evolvers: { ...booking.evolvers, ...attendance.evolvers, ...reminders.evolvers },
  notices: { ...booking.notices, ...attendance.notices, ...reminders.notices },
  deadlines: reminders.deadlines,
  drafters: reminders.drafters,
  stallCauses: {},
};
