import { legalDeadline } from '../clocks/legal-deadline';
import { romeStartOfDay } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { notice } from '../journey/notice';
import type { FirstContactMissed } from './model';
import { conditionalityBenefitRunsNow } from '../benefits/running';

/** The first contact the law expects before the presa in carico (art. 20 c.1, art. 21 c.2). */

/**
 * Whether the journey waits for the presa in carico: in `awaiting_intake`, or in GOL's `assessment` stage with no
 * intake recorded yet (issue 14: the presa in carico happens at the first interview, during the assessment).
 */
export function awaitingPresaInCarico(state: Pick<JourneyState, 'stage' | 'intake'>): boolean {
  return state.stage === 'awaiting_intake' || (state.stage === 'assessment' && state.intake === null);
}

/**
 * The claim whose 15 days count (art. 21 c.2): the latest, while it runs. A claim recorded late, while the journey
 * waits for the presa in carico, counts from its application date; a refused, suspended or ended one counts no more
 * and the DID's 30 days apply again. Null when none counts or the catalogue sets no such clock.
 */
function countingClaim(state: JourneyState): { applicationDate: string; dueAt: string } | null {
  if (!conditionalityBenefitRunsNow(state)) return null;
  const dueAt = legalDeadline(state, 'firstContactAfterBenefitClaim', state.benefit!.applicationDate);
  return dueAt ? { applicationDate: state.benefit!.applicationDate, dueAt } : null;
}

/**
 * When the person must have contacted the office: 15 days from a running NASpI/DIS-COLL claim (art. 21 c.2),
 * otherwise 30 days from the DID (art. 20 c.1), as the catalogue's legal clocks say. Null when the catalogue sets neither.
 */
export function firstContactDueAt(state: JourneyState): string | null {
  return countingClaim(state)?.dueAt ?? legalDeadline(state, 'firstContactAfterDid', state.didDate);
}

/** When the first-contact clock started: the benefit claim when it counts from it, otherwise the DID. */
export function firstContactClockStart(state: JourneyState): string {
  return romeStartOfDay(countingClaim(state)?.applicationDate ?? state.didDate);
}

export const firstContact = {
  deadlines: (state: JourneyState): ClockedDeadline[] => {
    if (!awaitingPresaInCarico(state) || state.firstContactMissedAt !== null) return [];
    const at = firstContactDueAt(state);
    return at ? [{ at, since: firstContactClockStart(state), kind: 'first_contact' }] : [];
  },
  drafters: {
    first_contact: (_state: JourneyState, d: Deadline) => [{ type: 'FirstContactMissed' as const, data: { dueAt: d.at } }],
  },
  evolvers: {
    FirstContactMissed: (state: JourneyState, event: FirstContactMissed): JourneyState => ({ ...state, firstContactMissedAt: event.at }),
  },
  notices: {
    FirstContactMissed: (event: FirstContactMissed, state: JourneyState) =>
      notice(state, event, 'first_contact_missed', ['supervisor'], `first-contact@${event.data.dueAt}`, { firstContactDueAt: event.data.dueAt }),
  },
  stallCauses: {
    first_contact_missed: (state: JourneyState) => (awaitingPresaInCarico(state) ? state.firstContactMissedAt : null),
  },
};
