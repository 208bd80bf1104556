import { legalDeadline } from '../clocks/legal-deadline';
import type { Deadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice } from '../journey/notice';
import type { FirstContactMissed } from './model';

/** The first contact the law expects before the presa in carico (art. 20 c.1, art. 21 c.2). */

export const FIRST_CONTACT_DEADLINE_KINDS = ['first_contact'] as const;
export const FIRST_CONTACT_NOTICE_KINDS = [
  /** The person did not contact the office within the legal period of the DID or benefit claim: the office convenes them. */
  'first_contact_missed',
] as const;

/**
 * When the person must have contacted the office: 15 days from a NASpI/DIS-COLL claim (art. 21 c.2), otherwise 30
 * days from the DID (art. 20 c.1), as the catalogue's legal clocks say. Null when the catalogue sets neither.
 */
export function firstContactDueAt(state: JourneyState): string | null {
  const fromClaim = state.benefit ? legalDeadline(state, 'firstContactAfterBenefitClaim', state.benefit.applicationDate) : null;
  return fromClaim ?? legalDeadline(state, 'firstContactAfterDid', state.didDate);
}

export function firstContactDeadlines(state: JourneyState): Deadline[] {
  if (state.stage !== 'awaiting_intake' || state.firstContactMissedAt !== null) return [];
  const at = firstContactDueAt(state);
  return at ? [{ at, kind: 'first_contact' }] : [];
}

export const firstContactDrafters: Record<(typeof FIRST_CONTACT_DEADLINE_KINDS)[number], Drafter> = {
  first_contact: (_state, d) => [{ type: 'FirstContactMissed', data: { dueAt: d.at } }],
};

export function firstContactMissed(state: JourneyState, event: FirstContactMissed): JourneyState {
  return { ...state, firstContactMissedAt: event.at };
}

export function firstContactMissedNotices(event: FirstContactMissed, state: JourneyState) {
  return notice(state, event, 'first_contact_missed', ['supervisor'], `first-contact@${event.data.dueAt}`, { firstContactDueAt: event.data.dueAt });
}

export function firstContactStall(state: JourneyState): string | null {
  return state.stage === 'awaiting_intake' ? state.firstContactMissedAt : null;
}
