import { addClockDuration } from '../clocks/clock-durations';
import { canonicalInstant, isIsoInstant, toMillis } from '../dates';
import type { ClockedDeadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { optionalString, refusal, requireOneOf, requireText, type Draft, type Outcome } from '../journey/rules';
import { lapseFor, openLapse } from '../conditionality/lapses';
import { edition } from '../journey/rules-edition';
import { subjectToConditionality } from '../benefits/running';
import { contactClockStart } from '../pact/versions';
import { progressed } from '../progress';
import { CONTACT_CHANNELS, type ContactMissed, type ContactMissedEscalated, type ContactRecorded, type ContactState, type RecordContactCommand, type CONTACT_DEADLINE_KINDS } from './model';

export const NO_CONTACT: ContactState = { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null };

function recordContact(state: JourneyState, c: RecordContactCommand, now: string): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'agreed contacts start with the signed pact');
  const invalid = requireText(c.operatorId, 'operatorId') ?? requireOneOf(c.channel, CONTACT_CHANNELS, 'channel') ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  const at = c.contactedAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'contactedAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'contactedAt');
  if (toMillis(at) < toMillis(state.pact!.signedAt)) return refusal('INVALID_DATE', 'cannot precede the signing of the pact', 'contactedAt');
  const last = state.contact.lastContactAt;
  if (last && toMillis(at) < toMillis(last)) return refusal('INVALID_DATE', `cannot precede the last recorded contact (${last})`, 'contactedAt');
  return [{ type: 'ContactRecorded', data: { operatorId: c.operatorId, contactedAt: canonicalInstant(at), channel: c.channel, note: c.note ?? null } }];
}

/**
 * When the next agreed contact is due: the pact's contact frequency after the last contact, or after version 1 came
 * into force (its signing in edition 1, the person's acceptance in edition 2).
 */
export function contactDueAt(state: JourneyState): string | null {
  if (!state.pact) return null;
  return addClockDuration(state, state.contact.lastContactAt ?? contactClockStart(state)!, state.pact.contactFrequency);
}

/**
 * Edition 2: a benefit recipient's missed agreed contact counts on the appointments ladder (art. 21 c.7 lett. a
 * D.lgs. 150/2015: not showing up to the contacts agreed in the pact, art. 20 c.2 lett. d), like a no-show. The
 * convocation is valid: the contacts were agreed with the operator and signed in the pact. Others, and recipients whose
 * benefit does not run when the contact was due (refused, suspended, ended), are only escalated.
 */
function contactMissed(state: JourneyState, dueAt: string): Draft[] {
  const lapse = edition(state) >= 2 && subjectToConditionality(state, dueAt) ? lapseFor(state, 'appointments', dueAt, 'agreed_signed') : null;
  return [{ type: 'ContactMissed', data: lapse ? { dueAt, lapse } : { dueAt } }];
}

function contactDeadlines(state: JourneyState): ClockedDeadline[] {
  if (state.stage !== 'pact_active' || !state.pact) return [];
  const { contact, clocks } = state;
  if (contact.missedDueAt === null) return [{ at: contactDueAt(state)!, since: contact.lastContactAt ?? contactClockStart(state)!, kind: 'contact_due' }];
  if (clocks.escalationAfter && contact.escalatedAt === null) {
    return [{ at: addClockDuration(state, contact.missedDueAt, clocks.escalationAfter), since: contact.missedSince ?? contact.missedDueAt, kind: 'contact_escalation' }];
  }
  return [];
}

const drafters: Record<(typeof CONTACT_DEADLINE_KINDS)[number], Drafter> = {
  contact_due: (state, d) => contactMissed(state, d.at),
  contact_escalation: (state) => [{ type: 'ContactMissedEscalated', data: { dueAt: state.contact.missedDueAt! } }],
};

const evolvers = {
  ContactRecorded: (state: JourneyState, event: ContactRecorded): JourneyState => ({ ...progressed(state, event.at), contact: { ...NO_CONTACT, lastContactAt: event.data.contactedAt } }),
  ContactMissed: (state: JourneyState, event: ContactMissed): JourneyState => {
    const missed = { ...state, contact: { ...state.contact, missedDueAt: event.data.dueAt, missedSince: event.at } };
    return event.data.lapse ? openLapse(missed, event.data.lapse, { appointmentId: null, offerId: null, contactDueAt: event.data.dueAt }, event.at) : missed;
  },
  ContactMissedEscalated: (state: JourneyState, event: ContactMissedEscalated): JourneyState => ({ ...state, contact: { ...state.contact, escalatedAt: event.at } }),
};

const notices = {
  ContactRecorded: silent,
  ContactMissed: (event: ContactMissed, state: JourneyState) =>
    notice(state, event, 'contact_missed', ['beneficiary', 'operator'], `contact@${event.data.dueAt}`, {
      contactDueAt: event.data.dueAt,
      ...(event.data.lapse?.justificationDueAt ? { justificationDueAt: event.data.lapse.justificationDueAt } : {}),
    }),
  ContactMissedEscalated: (event: ContactMissedEscalated, state: JourneyState) =>
    notice(state, event, 'contact_missed_escalation', ['supervisor'], `contact@${event.data.dueAt}`, { contactDueAt: event.data.dueAt }),
};

function missedContactStall(state: JourneyState): string | null {
  return state.stage === 'pact_active' ? state.contact.missedSince : null;
}

export const agreedContacts = {
  deciders: { RecordContact: recordContact },
  evolvers,
  notices,
  deadlines: contactDeadlines,
  drafters,
  stallCauses: { missed_contact: missedContactStall },
};
