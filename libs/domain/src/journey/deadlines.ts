import { toMillis } from '../dates';
import { appointments } from '../appointments';
import { REMINDER_DEADLINE_KINDS } from '../appointments/reminders';
import { conditionality } from '../conditionality';
import { LAPSE_DEADLINE_KINDS } from '../conditionality/lapses';
import { contacts } from '../contacts';
import { CONTACT_DEADLINE_KINDS } from '../contacts/agreed-contacts';
import { intake } from '../intake';
import { FIRST_CONTACT_DEADLINE_KINDS } from '../intake/first-contact';
import { offers } from '../offers';
import { outcomes } from '../outcomes';
import { pact } from '../pact';
import { ACTION_DEADLINE_KINDS } from '../pact/actions';
import { PACT_DEADLINE_KINDS } from '../pact/pact-deadline';
import { progress, PROGRESS_DEADLINE_KINDS } from '../progress';
import { referrals } from '../referrals';
import { services } from '../services';
import type { JourneyState } from './model';

export { contactDueAt } from '../contacts/agreed-contacts';
export { firstContactDueAt } from '../intake/first-contact';
export { pactDeadlineAt } from '../pact/pact-deadline';
export { stallOf, type Stall } from './stall';

export const DEADLINE_KINDS = [
  ...ACTION_DEADLINE_KINDS,
  ...CONTACT_DEADLINE_KINDS,
  ...PACT_DEADLINE_KINDS,
  ...PROGRESS_DEADLINE_KINDS,
  ...FIRST_CONTACT_DEADLINE_KINDS,
  ...REMINDER_DEADLINE_KINDS,
  ...LAPSE_DEADLINE_KINDS,
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Something a journey waits for in time. One timer per journey sleeps until the earliest. */
export interface Deadline {
  at: string;
  kind: DeadlineKind;
  actionId?: string;
  appointmentId?: string;
  lapseId?: string;
}

/** In this order deadlines falling due at the same instant are processed (a round sorts them stably by time). */
const FEATURES = [pact, contacts, intake, services, appointments, offers, conditionality, referrals, outcomes, progress];

/**
 * Every deadline still ahead of the journey, from its state alone: completing an action, recording a contact or
 * signing the pact removes the deadlines they satisfy, so nothing needs cancelling.
 */
export function pendingDeadlines(state: JourneyState): Deadline[] {
  if (state.status === 'closed') return [];
  return FEATURES.flatMap((feature) => feature.deadlines(state));
}

/** The earliest deadline still ahead of the journey, or null when nothing is pending. */
export function nextDeadline(state: JourneyState): Deadline | null {
  let next: Deadline | null = null;
  for (const d of pendingDeadlines(state)) if (!next || toMillis(d.at) < toMillis(next.at)) next = d;
  return next;
}
