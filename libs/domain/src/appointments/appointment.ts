import type { JourneyEvent, JourneyState } from '../journey/model';
import { notice } from '../journey/notice';
import type { JourneyNotice, NoticeKind } from '../journey/notices';
import { refusal, type Refused } from '../journey/rules';
import type { AppointmentState } from './model';

/** What the appointment rules share: finding one that is still scheduled, changing one, telling the person of one. */

export function scheduledAppointment(state: JourneyState, appointmentId: unknown): AppointmentState | Refused {
  const found = state.appointments.find((a) => a.appointmentId === appointmentId);
  if (!found) return refusal('APPOINTMENT_NOT_FOUND', `the journey has no appointment ${String(appointmentId)}`);
  if (found.status !== 'scheduled') return refusal('APPOINTMENT_NOT_SCHEDULED', `appointment ${found.appointmentId} is ${found.status}`);
  return found;
}

export function updateAppointment(state: JourneyState, id: string, change: (a: AppointmentState) => AppointmentState): JourneyState {
  return { ...state, appointments: state.appointments.map((a) => (a.appointmentId === id ? change(a) : a)) };
}

export function appointmentOf(state: JourneyState, appointmentId: string): AppointmentState {
  return state.appointments.find((x) => x.appointmentId === appointmentId)!;
}

/** A notice to the person about an appointment as it stands after the batch, keyed by the appointment and its time. */
export function appointmentNotice(state: JourneyState, event: JourneyEvent, kind: NoticeKind, appointmentId: string, extra: JourneyNotice['subject'] = {}): JourneyNotice[] {
  const a = appointmentOf(state, appointmentId);
  const subject = { appointmentId: a.appointmentId, appointmentAt: a.at, service: a.service, channel: a.channel, location: a.location, ...extra };
  return notice(state, event, kind, ['beneficiary'], `${a.appointmentId}@${a.at}`, subject);
}
