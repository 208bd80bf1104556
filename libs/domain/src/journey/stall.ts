import { toMillis } from '../dates';
import { JOURNEY } from './features';
import { suspended } from '../pauses';
import type { StallCause } from './handlers';
import { STALL_REASONS, type JourneyState, type StallReason } from './model';

export interface Stall {
  since: string;
  reasons: StallReason[];
}

const STALL_CAUSES = JOURNEY.stallCauses satisfies Record<StallReason, StallCause>;

/** Whether, why and since when an open journey is stalled; null when it is not. Cleared by progress. */
export function stallOf(state: JourneyState): Stall | null {
  // A suspended journey waits on the person's job, not on anyone's work: it is not stalled (its clocks are paused).
  if (state.status === 'closed' || suspended(state)) return null;
  const causes: [StallReason, string][] = [];
  for (const reason of STALL_REASONS) {
    const since = STALL_CAUSES[reason](state);
    if (since) causes.push([reason, since]);
  }
  if (causes.length === 0) return null;
  return { since: causes.map(([, since]) => since).sort((a, b) => toMillis(a) - toMillis(b))[0], reasons: causes.map(([reason]) => reason) };
}
