import { toMillis } from '../dates';
import type { JourneyState } from './model';

/** What a journey is waiting for next, in time. One timer per journey sleeps until it. */
export interface Deadline {
  at: string;
  kind: 'pact_action_due';
  actionId: string;
}

/** The earliest deadline still ahead of the journey, or null when nothing is pending. */
export function nextDeadline(state: JourneyState): Deadline | null {
  if (state.status === 'closed') return null;
  let next: Deadline | null = null;
  for (const action of state.actions) {
    if (action.status !== 'pending') continue;
    if (!next || toMillis(action.dueAt) < toMillis(next.at)) {
      next = { at: action.dueAt, kind: 'pact_action_due', actionId: action.actionId };
    }
  }
  return next;
}
