import { subtractClockDuration } from '../clocks/clock-durations';
import { toMillis } from '../dates';
import type { Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { appointmentNotice, appointmentOf, updateAppointment } from './appointment';
import type { AppointmentReminderDue } from './model';

/** The reminder before each appointment still scheduled. */

export const reminders = {
  deadlines: (state: JourneyState): Deadline[] => {
    const before = state.clocks.appointmentReminderBefore;
    if (!before) return [];
    return state.appointments
      .filter((a) => a.status === 'scheduled' && a.reminderSentAt === null)
      .map((a) => ({ at: subtractClockDuration(state, a.at, before), kind: 'appointment_reminder', appointmentId: a.appointmentId }));
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
