import type { JourneyView } from '../journey/view';
import { statusAt } from './status-at';

/** The live view with its time-derived statuses for the instant `now` (`statusAt`), whatever the workflow's timers have decided yet. */
export type JourneyViewAt<V extends JourneyView = JourneyView> = V & {
  /** The instant the statuses (overdue actions, the stall) are exact for: the request's. */
  asOf: string;
};

/**
 * A journey's view as of `now`: an action past its due instant shows `overdue` (since that instant) even before the
 * journey's timer marks it; the overdue count and the stall follow. Everything else is the view as it was.
 */
export function viewAt<V extends JourneyView>(view: V, now: string): JourneyViewAt<V> {
  const s = statusAt(view, now);
  const byId = new Map(s.actions.map((a) => [a.actionId, a]));
  return {
    ...view,
    asOf: s.at,
    actions: view.actions.map((a) => {
      const at = byId.get(a.actionId);
      return at?.overdue && a.status === 'pending' ? { ...a, status: 'overdue' as const, overdueSince: at.overdueSince } : a;
    }),
    overdueActionCount: s.overdueActionCount,
    stalled: s.stalled,
  };
}
