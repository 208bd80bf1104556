import { lapseFor, openLapse } from '../conditionality/lapses';
import { toMillis } from '../dates';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import { appointmentNotice, scheduledAppointment, updateAppointment } from './appointment';
import type { AppointmentHeld, AppointmentMissed, RecordAppointmentOutcomeCommand } from './model';

/** Whether the person came: held, or a no-show that opens a justification window. */

/**
 * Held, or a no-show. A no-show opens the justification window on the ladder of the appointment's purpose
 * (interviews and workshops count on `appointments`, training and other activation on `training`).
 */
function recordAppointmentOutcome(state: JourneyState, c: RecordAppointmentOutcomeCommand, now: string): Outcome {
  const found = scheduledAppointment(state, c.appointmentId);
  if ('refusal' in found) return found;
  const invalid = requireOneOf(c.outcome, ['held', 'no_show'] as const, 'outcome') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (toMillis(now) < toMillis(found.at)) return refusal('APPOINTMENT_NOT_YET_HELD', `appointment ${found.appointmentId} is at ${found.at}: its outcome comes after`);
  if (c.outcome === 'held') return [{ type: 'AppointmentHeld', data: { appointmentId: found.appointmentId, operatorId: c.operatorId } }];
  const ladder = found.purpose === 'interview' || found.purpose === 'workshop' ? 'appointments' : 'training';
  return [
    {
      type: 'AppointmentMissed',
      data: { appointmentId: found.appointmentId, operatorId: c.operatorId, lapse: lapseFor(state, ladder, found.at, found.convocation) },
    },
  ];
}

export const attendance = {
  deciders: { RecordAppointmentOutcome: recordAppointmentOutcome },
  evolvers: {
    AppointmentHeld: (state: JourneyState, event: AppointmentHeld): JourneyState =>
      updateAppointment(progressed(state, event.at), event.data.appointmentId, (a) => ({ ...a, status: 'held', closedAt: event.at })),
    AppointmentMissed: (state: JourneyState, event: AppointmentMissed): JourneyState => {
      const withLapse = openLapse(state, event.data.lapse, { appointmentId: event.data.appointmentId, offerId: null }, event.at);
      return updateAppointment(withLapse, event.data.appointmentId, (a) => ({ ...a, status: 'no_show', closedAt: event.at }));
    },
  },
  notices: {
    AppointmentHeld: silent,
    AppointmentMissed: (event: AppointmentMissed, state: JourneyState) => {
      const due = event.data.lapse.justificationDueAt;
      return due ? appointmentNotice(state, event, 'appointment_missed', event.data.appointmentId, { justificationDueAt: due }) : [];
    },
  },
};
