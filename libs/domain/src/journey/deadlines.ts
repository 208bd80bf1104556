import { addDuration, subtractDuration, toMillis } from '../dates';
import { legalDeadline } from './legal-clocks';
import type { JourneyState, StallReason } from './model';

export const DEADLINE_KINDS = [
  'action_reminder',
  'action_due',
  'action_escalation',
  'contact_due',
  'contact_escalation',
  'pact_deadline',
  'pact_escalation',
  'no_progress',
  'first_contact',
  'appointment_reminder',
  'justification_due',
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

/**
 * Every deadline still ahead of the journey, from its state alone: completing an action, recording a contact or
 * signing the pact removes the deadlines they satisfy, so nothing needs cancelling.
 */
export function pendingDeadlines(state: JourneyState): Deadline[] {
  if (state.status === 'closed') return [];
  const { clocks } = state;
  const deadlines: Deadline[] = [];
  for (const a of state.actions) {
    if (a.status === 'pending') {
      if (clocks.reminderBeforeDue && a.reminderSentAt === null) {
        deadlines.push({ at: subtractDuration(a.dueAt, clocks.reminderBeforeDue), kind: 'action_reminder', actionId: a.actionId });
      }
      deadlines.push({ at: a.dueAt, kind: 'action_due', actionId: a.actionId });
    } else if (a.status === 'overdue' && clocks.escalationAfter && a.escalatedAt === null) {
      deadlines.push({ at: addDuration(a.dueAt, clocks.escalationAfter), kind: 'action_escalation', actionId: a.actionId });
    }
  }
  if (state.stage === 'pact_active' && state.pact) {
    const { contact } = state;
    if (contact.missedDueAt === null) {
      deadlines.push({ at: contactDueAt(state)!, kind: 'contact_due' });
    } else if (clocks.escalationAfter && contact.escalatedAt === null) {
      deadlines.push({ at: addDuration(contact.missedDueAt, clocks.escalationAfter), kind: 'contact_escalation' });
    }
  }
  if (state.stage === 'awaiting_pact' && state.intake && clocks.pactDeadline) {
    const deadlineAt = pactDeadlineAt(state)!;
    if (state.pactDeadlineMissedAt === null) deadlines.push({ at: deadlineAt, kind: 'pact_deadline' });
    else if (clocks.escalationAfter && state.pactDeadlineEscalatedAt === null) {
      deadlines.push({ at: addDuration(deadlineAt, clocks.escalationAfter), kind: 'pact_escalation' });
    }
  }
  if (state.stage === 'awaiting_intake' && state.firstContactMissedAt === null) {
    const at = firstContactDueAt(state);
    if (at) deadlines.push({ at, kind: 'first_contact' });
  }
  if (clocks.appointmentReminderBefore) {
    for (const a of state.appointments) {
      if (a.status === 'scheduled' && a.reminderSentAt === null) {
        deadlines.push({ at: subtractDuration(a.at, clocks.appointmentReminderBefore), kind: 'appointment_reminder', appointmentId: a.appointmentId });
      }
    }
  }
  for (const l of state.lapses) {
    if (l.status === 'awaiting_justification' && l.justificationDueAt) deadlines.push({ at: l.justificationDueAt, kind: 'justification_due', lapseId: l.lapseId });
  }
  if (clocks.stallAfter && state.noProgressSince === null) {
    deadlines.push({ at: addDuration(state.lastProgressAt, clocks.stallAfter), kind: 'no_progress' });
  }
  return deadlines;
}

/** The earliest deadline still ahead of the journey, or null when nothing is pending. */
export function nextDeadline(state: JourneyState): Deadline | null {
  let next: Deadline | null = null;
  for (const d of pendingDeadlines(state)) if (!next || toMillis(d.at) < toMillis(next.at)) next = d;
  return next;
}

/** When the next agreed contact is due: the pact's contact frequency after the last contact (or the signing). */
export function contactDueAt(state: JourneyState): string | null {
  if (!state.pact) return null;
  return addDuration(state.contact.lastContactAt ?? state.pact.signedAt, state.pact.contactFrequency);
}

/** When the pact must be signed by: the catalogue's pact deadline after the presa in carico. */
export function pactDeadlineAt(state: JourneyState): string | null {
  if (!state.intake || !state.clocks.pactDeadline) return null;
  return addDuration(state.intake.takenInChargeAt, state.clocks.pactDeadline);
}

/**
 * When the person must have contacted the office: 15 days from a NASpI/DIS-COLL claim (art. 21 c.2), otherwise 30
 * days from the DID (art. 20 c.1), as the catalogue's legal clocks say. Null when the catalogue sets neither.
 */
export function firstContactDueAt(state: JourneyState): string | null {
  const fromClaim = state.benefit ? legalDeadline(state, 'firstContactAfterBenefitClaim', state.benefit.applicationDate) : null;
  return fromClaim ?? legalDeadline(state, 'firstContactAfterDid', state.didDate);
}

export interface Stall {
  since: string;
  reasons: StallReason[];
}

/** Whether, why and since when an open journey is stalled; null when it is not. Cleared by progress. */
export function stallOf(state: JourneyState): Stall | null {
  if (state.status === 'closed') return null;
  const causes: [StallReason, string][] = [];
  const overdue = state.actions.filter((a) => a.status === 'overdue' && a.overdueSince).map((a) => a.overdueSince!);
  if (overdue.length > 0) causes.push(['overdue_action', overdue.sort()[0]]);
  if (state.stage === 'pact_active' && state.contact.missedSince) causes.push(['missed_contact', state.contact.missedSince]);
  if (state.stage === 'awaiting_pact' && state.pactDeadlineMissedAt) causes.push(['pact_not_signed', state.pactDeadlineMissedAt]);
  if (state.noProgressSince) causes.push(['no_progress', state.noProgressSince]);
  if (state.stage === 'awaiting_intake' && state.firstContactMissedAt) causes.push(['first_contact_missed', state.firstContactMissedAt]);
  if (causes.length === 0) return null;
  return { since: causes.map(([, since]) => since).sort((a, b) => toMillis(a) - toMillis(b))[0], reasons: causes.map(([reason]) => reason) };
}
