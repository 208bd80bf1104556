import type { JourneyState } from '../journey/model';
import { futureInstant, nextId, optionalText, refusal, requireOneOf, requireText, type Outcome, type Refused } from '../journey/rules';
import { serviceAvailability } from '../services/availability';
import { appointmentNotice, scheduledAppointment, updateAppointment } from './appointment';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_PURPOSES,
  CONVOCATION_METHODS,
  type AppointmentCancelled,
  type AppointmentChannel,
  type AppointmentRescheduled,
  type AppointmentScheduled,
  type CancelAppointmentCommand,
  type RescheduleAppointmentCommand,
  type ScheduleAppointmentCommand,
} from './model';

/** Booking an appointment, moving it, cancelling it. */

/** Books an appointment for a service, convening the person by the given method. */
function scheduleAppointment(state: JourneyState, c: ScheduleAppointmentCommand, now: string): Outcome {
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
function rescheduleAppointment(state: JourneyState, c: RescheduleAppointmentCommand, now: string): Outcome {
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

function cancelAppointment(state: JourneyState, c: CancelAppointmentCommand): Outcome {
  const found = scheduledAppointment(state, c.appointmentId);
  if ('refusal' in found) return found;
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? requireText(c.reason, 'reason');
  if (invalid) return invalid;
  return [{ type: 'AppointmentCancelled', data: { appointmentId: found.appointmentId, operatorId: c.operatorId, reason: c.reason } }];
}

function validateLocation(channel: AppointmentChannel, location: string | null): Refused | null {
  if (channel === 'in_person' && location === null) return refusal('INVALID_VALUE', 'an appointment in person needs its place', 'location');
  return location === null ? null : requireText(location, 'location', 300);
}

export const booking = {
  deciders: { ScheduleAppointment: scheduleAppointment, RescheduleAppointment: rescheduleAppointment, CancelAppointment: cancelAppointment },
  evolvers: {
    AppointmentScheduled: (state: JourneyState, event: AppointmentScheduled): JourneyState => ({
      ...state,
      appointments: [...state.appointments, { ...event.data, status: 'scheduled', reminderSentAt: null, rescheduledCount: 0, closedAt: null, cancellationReason: null }],
    }),
    AppointmentRescheduled: (state: JourneyState, event: AppointmentRescheduled): JourneyState => {
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
    AppointmentCancelled: (state: JourneyState, event: AppointmentCancelled): JourneyState =>
      updateAppointment(state, event.data.appointmentId, (a) => ({ ...a, status: 'cancelled', closedAt: event.at, cancellationReason: event.data.reason })),
  },
  notices: {
    AppointmentScheduled: (event: AppointmentScheduled, state: JourneyState) => appointmentNotice(state, event, 'appointment_scheduled', event.data.appointmentId),
    AppointmentRescheduled: (event: AppointmentRescheduled, state: JourneyState) => appointmentNotice(state, event, 'appointment_rescheduled', event.data.appointmentId),
    AppointmentCancelled: (event: AppointmentCancelled, state: JourneyState) => appointmentNotice(state, event, 'appointment_cancelled', event.data.appointmentId),
  },
};
