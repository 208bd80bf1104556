import { addClockDuration } from '../clocks/clock-durations';
import { canonicalInstant, isIsoInstant, toMillis } from '../dates';
import type { Deadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { optionalString, refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
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

/** When the next agreed contact is due: the pact's contact frequency after the last contact (or the signing). */
export function contactDueAt(state: JourneyState): string | null {
  if (!state.pact) return null;
  return addClockDuration(state, state.contact.lastContactAt ?? state.pact.signedAt, state.pact.contactFrequency);
}

function contactDeadlines(state: JourneyState): Deadline[] {
  if (state.stage !== 'pact_active' || !state.pact) return [];
  const { contact, clocks } = state;
  if (contact.missedDueAt === null) return [{ at: contactDueAt(state)!, kind: 'contact_due' }];
  if (clocks.escalationAfter && contact.escalatedAt === null) return [{ at: addClockDuration(state, contact.missedDueAt, clocks.escalationAfter), kind: 'contact_escalation' }];
  return [];
}

const drafters: Record<(typeof CONTACT_DEADLINE_KINDS)[number], Drafter> = {
  contact_due: (_state, d) => [{ type: 'ContactMissed', data: { dueAt: d.at } }],
  contact_escalation: (state) => [{ type: 'ContactMissedEscalated', data: { dueAt: state.contact.missedDueAt! } }],
};

const evolvers = {
  ContactRecorded: (state: JourneyState, event: ContactRecorded): JourneyState => ({ ...progressed(state, event.at), contact: { ...NO_CONTACT, lastContactAt: event.data.contactedAt } }),
  ContactMissed: (state: JourneyState, event: ContactMissed): JourneyState => ({ ...state, contact: { ...state.contact, missedDueAt: event.data.dueAt, missedSince: event.at } }),
  ContactMissedEscalated: (state: JourneyState, event: ContactMissedEscalated): JourneyState => ({ ...state, contact: { ...state.contact, escalatedAt: event.at } }),
};

const notices = {
  ContactRecorded: silent,
  ContactMissed: (event: ContactMissed, state: JourneyState) =>
    notice(state, event, 'contact_missed', ['beneficiary', 'operator'], `contact@${event.data.dueAt}`, { contactDueAt: event.data.dueAt }),
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
