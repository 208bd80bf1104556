import { nextDeadline, type Deadline } from './deadlines';
import type { JourneyState } from './model';

/** What an operator sees of a journey: its state plus what is derived from it. */
export interface JourneyView extends JourneyState {
  overdueActionCount: number;
  nextDeadline: Deadline | null;
}

export function toView(state: JourneyState): JourneyView {
  return {
    ...state,
    overdueActionCount: state.actions.filter((a) => a.status === 'overdue').length,
    nextDeadline: nextDeadline(state),
  };
}
