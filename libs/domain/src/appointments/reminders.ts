import { subtractDuration, toMillis } from '../dates';
import type { Deadline } from '../journey/deadlines';
import type { Drafter, NoticeMakers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import type { AppointmentsEvent } from './model';

/** What the person is told of their appointments, and the reminder before each. */

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

export function appointmentDeadlines(state: JourneyState): Deadline[] {
  const before = state.clocks.appointmentReminderBefore;
  if (!before) return [];
  return state.appointments
    .filter((a) => a.status === 'scheduled' && a.reminderSentAt === null)
    .map((a) => ({ at: subtractDuration(a.at, before), kind: 'appointment_reminder', appointmentId: a.appointmentId }));
}

export const appointmentDrafters: Record<(typeof APPOINTMENT_DEADLINE_KINDS)[number], Drafter> = {
  appointment_reminder: (state, d) => {
    const a = state.appointments.find((x) => x.appointmentId === d.appointmentId)!;
    return [{ type: 'AppointmentReminderDue', data: { appointmentId: a.appointmentId, at: a.at } }];
  },
};

function about(state: JourneyState, appointmentId: string) {
  const a = state.appointments.find((x) => x.appointmentId === appointmentId)!;
  return { ref: `${a.appointmentId}@${a.at}`, at: a.at, subject: { appointmentId: a.appointmentId, appointmentAt: a.at, service: a.service, channel: a.channel, location: a.location } };
}

export const appointmentNotices: NoticeMakers<AppointmentsEvent['type']> = {
  AppointmentScheduled: (event, state) => {
    const { ref, subject } = about(state, event.data.appointmentId);
    return notice(state, event, 'appointment_scheduled', ['beneficiary'], ref, subject);
  },
  AppointmentRescheduled: (event, state) => {
    const { ref, subject } = about(state, event.data.appointmentId);
    return notice(state, event, 'appointment_rescheduled', ['beneficiary'], ref, subject);
  },
  AppointmentCancelled: (event, state) => {
    const { ref, subject } = about(state, event.data.appointmentId);
    return notice(state, event, 'appointment_cancelled', ['beneficiary'], ref, subject);
  },
  AppointmentReminderDue: (event, state) => {
    const { ref, at, subject } = about(state, event.data.appointmentId);
    // A reminder decided after the appointment (a worker down past it) would mislead: the event stays, the message does not.
    return toMillis(event.at) < toMillis(at) ? notice(state, event, 'appointment_reminder', ['beneficiary'], ref, subject) : [];
  },
  AppointmentHeld: silent,
  AppointmentMissed: (event, state) => {
    const { ref, subject } = about(state, event.data.appointmentId);
    const due = event.data.lapse.justificationDueAt;
    return due ? notice(state, event, 'appointment_missed', ['beneficiary'], ref, { ...subject, justificationDueAt: due }) : [];
  },
};
