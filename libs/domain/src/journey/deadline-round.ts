import { toMillis } from '../dates';
import { pendingDeadlines, type DeadlineKind } from './deadlines';
import { applyEvents } from './evolve';
import { JOURNEY } from './features';
import type { Drafter } from './handlers';
import type { JourneyEvent, JourneyState } from './model';
import type { Draft } from './rules';

const DRAFTERS = JOURNEY.drafters satisfies Record<DeadlineKind, Drafter>;

/**
 * Everything that has fallen due by `now`, oldest first. A deadline can open the next one (an overdue action's
 * escalation), so it repeats on the resulting state until nothing more is due, as if the timer had fired on time.
 * Every due deadline produces an event that removes it, so the journey's timer never spins.
 */
export function processDeadlines(state: JourneyState, now: string): Draft[] {
  const drafts: Draft[] = [];
  let current = state;
  for (let round = 0; round < 8; round++) {
    const due = pendingDeadlines(current)
      .filter((d) => toMillis(d.at) <= toMillis(now))
      .sort((a, b) => toMillis(a.at) - toMillis(b.at));
    const produced: Draft[] = [];
    for (const d of due) {
      // Each deadline is decided on the state the earlier ones of this round left (ids of steps follow each other).
      produced.push(...DRAFTERS[d.kind](applyDrafts(current, produced, now), d, due));
    }
    if (produced.length === 0) break;
    drafts.push(...produced);
    current = applyDrafts(current, produced, now);
  }
  return drafts;
}

/** Gives drafts their place in history and their time, as `decide` will. */
export function asEvents(state: JourneyState, drafts: readonly Draft[], now: string): JourneyEvent[] {
  return drafts.map((d, i) => ({ ...d, seq: state.lastSeq + 1 + i, at: now }) as JourneyEvent);
}

function applyDrafts(state: JourneyState, drafts: Draft[], now: string): JourneyState {
  return applyEvents(state, asEvents(state, drafts, now));
}
