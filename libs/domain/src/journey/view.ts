import { contactDueAt, nextDeadline, pactDeadlineAt, stallOf, type Deadline, type Stall } from './deadlines';
import type { JourneyState } from './model';

/** What an operator sees of a journey: its state plus what is derived from it. */
export interface JourneyView extends JourneyState {
  overdueActionCount: number;
  nextDeadline: Deadline | null;
  /** When the next agreed contact is due (pact signed and no contact missed yet). */
  nextContactDueAt: string | null;
  /** When the pact must be signed by (after the presa in carico, while unsigned). */
  pactDeadlineAt: string | null;
  stalled: Stall | null;
}

export function toView(state: JourneyState): JourneyView {
  return {
    ...state,
    overdueActionCount: state.actions.filter((a) => a.status === 'overdue').length,
    nextDeadline: nextDeadline(state),
    nextContactDueAt: state.stage === 'pact_active' && state.contact.missedDueAt === null ? contactDueAt(state) : null,
    pactDeadlineAt: state.stage === 'awaiting_pact' ? pactDeadlineAt(state) : null,
    stalled: stallOf(state),
  };
}
