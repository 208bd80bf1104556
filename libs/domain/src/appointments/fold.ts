import { openLapse } from '../conditionality/lapses';
import type { Evolvers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { progressed } from '../progress';
import type { AppointmentsEvent, AppointmentState } from './model';

function updateAppointment(state: JourneyState, id: string, change: (a: AppointmentState) => AppointmentState): JourneyState {
  return { ...state, appointments: state.appointments.map((a) => (a.appointmentId === id ? change(a) : a)) };
}

export const appointmentEvolvers: Evolvers<AppointmentsEvent['type']> = {
  AppointmentScheduled: (state, event) => ({
    ...state,
    appointments: [...state.appointments, { ...event.data, status: 'scheduled', reminderSentAt: null, rescheduledCount: 0, closedAt: null, cancellationReason: null }],
  }),
  AppointmentRescheduled: (state, event) => {
    const d = event.data;
    return updateAppointment(state, d.appointmentId, (a) => ({
      ...a,
      at: d.at,
      channel: d.channel,
      location: d.location,
      convocation: d.convocation,
      reminderSentAt: null,
      rescheduledCount: a.rescheduledCount + 1,
    }));
  },
  AppointmentCancelled: (state, event) =>
    updateAppointment(state, event.data.appointmentId, (a) => ({ ...a, status: 'cancelled', closedAt: event.at, cancellationReason: event.data.reason })),
  AppointmentReminderDue: (state, event) => updateAppointment(state, event.data.appointmentId, (a) => ({ ...a, reminderSentAt: event.at })),
  AppointmentHeld: (state, event) => updateAppointment(progressed(state, event.at), event.data.appointmentId, (a) => ({ ...a, status: 'held', closedAt: event.at })),
  AppointmentMissed: (state, event) => {
    const withLapse = openLapse(state, event.data.lapse, { appointmentId: event.data.appointmentId, offerId: null }, event.at);
    return updateAppointment(withLapse, event.data.appointmentId, (a) => ({ ...a, status: 'no_show', closedAt: event.at }));
  },
};
