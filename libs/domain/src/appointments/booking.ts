import { toMillis } from '../dates';
import { lapseFor } from '../conditionality/lapses';
import type { JourneyState } from '../journey/model';
import { futureInstant, nextId, optionalText, refusal, requireOneOf, requireText, type Outcome, type Refused } from '../journey/rules';
import { serviceAvailability } from '../services/availability';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_PURPOSES,
  CONVOCATION_METHODS,
  type AppointmentChannel,
  type AppointmentState,
  type CancelAppointmentCommand,
  type RecordAppointmentOutcomeCommand,
  type RescheduleAppointmentCommand,
  type ScheduleAppointmentCommand,
} from './model';

/** Books an appointment for a service, convening the person by the given method. */
export function scheduleAppointment(state: JourneyState, c: ScheduleAppointmentCommand, now: string): Outcome {
  const unavailable = serviceAvailability(state, c.service, true);
  if (unavailable) return unavailable;
  const invalid =
    requireOneOf(c.purpose, APPOINTMENT_PURPOSES, 'purpose') ??
    requireOneOf(c.channel, APPOINTMENT_CHANNELS, 'channel') ??
    requireOneOf(c.convocation, CONVOCATION_METHODS, 'convocation') ??
    requireText(c.operatorId, 'operatorId', 100) ??
    validateLocation(c.channel, c.location ?? null);
  if (invalid) return invalid;
  const at = futureInstant(c.at, now, 'at');
  if (typeof at !== 'string') return at;
  const appointmentId = nextId('AP', state.appointments.map((a) => a.appointmentId));
  return [
    {
      type: 'AppointmentScheduled',
      data: { appointmentId, service: c.service, purpose: c.purpose, at, channel: c.channel, location: c.location ?? null, convocation: c.convocation, operatorId: c.operatorId },
    },
  ];
}

/** Moves a scheduled appointment; its reminder is due again before the new time. */
export function rescheduleAppointment(state: JourneyState, c: RescheduleAppointmentCommand, now: string): Outcome {
  const found = scheduledAppointment(state, c.appointmentId);
  if ('refusal' in found) return found;
  const channel = c.channel ?? found.channel;
  const location = c.location ?? (channel === found.channel ? found.location : null);
  const convocation = c.convocation ?? found.convocation;
  const invalid =
    requireOneOf(channel, APPOINTMENT_CHANNELS, 'channel') ??
    requireOneOf(convocation, CONVOCATION_METHODS, 'convocation') ??
    requireText(c.operatorId, 'operatorId', 100) ??
    optionalText(c.reason, 'reason') ??
    validateLocation(channel, location);
  if (invalid) return invalid;
  const at = futureInstant(c.at, now, 'at');
  if (typeof at !== 'string') return at;
  return [
    {
      type: 'AppointmentRescheduled',
      data: { appointmentId: found.appointmentId, previousAt: found.at, at, channel, location, convocation, operatorId: c.operatorId, reason: c.reason ?? null },
    },
  ];
}

export function cancelAppointment(state: JourneyState, c: CancelAppointmentCommand): Outcome {
  const found = scheduledAppointment(state, c.appointmentId);
  if ('refusal' in found) return found;
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? requireText(c.reason, 'reason');
  if (invalid) return invalid;
  return [{ type: 'AppointmentCancelled', data: { appointmentId: found.appointmentId, operatorId: c.operatorId, reason: c.reason } }];
}

/**
 * Held, or a no-show. A no-show opens the justification window on the ladder of the appointment's purpose
 * (interviews and workshops count on `appointments`, training and other activation on `training`).
 */
export function recordAppointmentOutcome(state: JourneyState, c: RecordAppointmentOutcomeCommand, now: string): Outcome {
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
      data: { appointmentId: found.appointmentId, operatorId: c.operatorId, lapse: lapseFor(state, ladder, 'justificationWindow', found.at, found.convocation) },
    },
  ];
}

function scheduledAppointment(state: JourneyState, appointmentId: unknown): AppointmentState | Refused {
  const found = state.appointments.find((a) => a.appointmentId === appointmentId);
  if (!found) return refusal('APPOINTMENT_NOT_FOUND', `the journey has no appointment ${String(appointmentId)}`);
  if (found.status !== 'scheduled') return refusal('APPOINTMENT_NOT_SCHEDULED', `appointment ${found.appointmentId} is ${found.status}`);
  return found;
}

function validateLocation(channel: AppointmentChannel, location: string | null): Refused | null {
  if (channel === 'in_person' && location === null) return refusal('INVALID_VALUE', 'an appointment in person needs its place', 'location');
  return location === null ? null : requireText(location, 'location', 300);
}
