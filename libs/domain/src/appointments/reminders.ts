import { subtractClockDuration } from '../clocks/clock-durations';
import { toMillis } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { appointmentNotice, appointmentOf, updateAppointment } from './appointment';
import type { AppointmentReminderDue } from './model';

/** The reminder before each appointment still scheduled. */

export const reminders = {
  deadlines: (state: JourneyState): ClockedDeadline[] => {
    const before = state.clocks.appointmentReminderBefore;
    if (!before) return [];
    return state.appointments
      .filter((a) => a.status === 'scheduled' && a.reminderSentAt === null)
      // An appointment keeps its hour whatever the pauses: a suspension cancels the appointments it covers instead.
      .map((a) => ({ at: subtractClockDuration(state, a.at, before), since: a.at, fixed: true as const, kind: 'appointment_reminder', appointmentId: a.appointmentId }));
  },
  drafters: {
    appointment_reminder: (state: JourneyState, d: Deadline) => {
      const a = appointmentOf(state, d.appointmentId!);
      return [{ type: 'AppointmentReminderDue' as const, data: { appointmentId: a.appointmentId, at: a.at } }];
    },
  },
  evolvers: {
    AppointmentReminderDue: (state: JourneyState, event: AppointmentReminderDue): JourneyState =>
      updateAppointment(state, event.data.appointmentId, (a) => ({ ...a, reminderSentAt: event.at })),
  },
  notices: {
    AppointmentReminderDue: (event: AppointmentReminderDue, state: JourneyState) =>
      // A reminder decided after the appointment (a worker down past it) would mislead: the event stays, the message does not.
      toMillis(event.at) < toMillis(appointmentOf(state, event.data.appointmentId).at) ? appointmentNotice(state, event, 'appointment_reminder', event.data.appointmentId) : [],
  },
};
