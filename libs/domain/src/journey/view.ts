import { awaitingPresaInCarico } from '../intake/first-contact';
import { servicesPending } from '../services/availability';
import type { ServiceCode } from '../services/service-table';
import { versionAwaitingAcceptance } from '../pact/versions';
import { contactDueAt, firstContactDueAt, nextDeadline, pactAcceptanceDueAt, pactDeadlineAt, pendingDeadlines, stallOf, type Deadline, type Stall } from './deadlines';
import type { AppointmentState, JourneyState } from './model';

/** What an operator sees of a journey: its state plus what is derived from it. */
export interface JourneyView extends JourneyState {
  overdueActionCount: number;
  nextDeadline: Deadline | null;
  /** When the next agreed contact is due (pact signed and no contact missed yet). */
  nextContactDueAt: string | null;
  /** When the pact must be signed by (after the presa in carico, while unsigned). */
  pactDeadlineAt: string | null;
  /** When the person must have contacted the office (before the presa in carico). */
  firstContactDueAt: string | null;
  stalled: Stall | null;
  /** The catalogue's services not completed yet. */
  pendingServices: ServiceCode[];
  /** Hours delivered over all services. */
  totalServiceHours: number;
  /** The earliest appointment still scheduled. */
  nextAppointment: AppointmentState | null;
  /** Conditionality steps waiting for the operator's decision. */
  proposedStepCount: number;
  /** The version of the pact in force (`pact.version`), or null before one is (edition 2: before the acceptance). */
  pactVersionInForce: number | null;
  /** The version of the pact signed and waiting for the person's acceptance (edition 2), or null. */
  pactVersionAwaitingAcceptance: number | null;
  /** Until when that version may wait before the supervisors are told (the catalogue's `pactAcceptanceWindow`). */
  pactAcceptanceDueAt: string | null;
  /** When the last GOL profiling is (or was) due for review: the catalogue's `profilingReview` after it, moved by pauses; or null. */
  profilingReviewDueAt: string | null;
}

export function toView(state: JourneyState): JourneyView {
  const scheduled = state.appointments.filter((a) => a.status === 'scheduled').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    ...state,
    overdueActionCount: state.actions.filter((a) => a.status === 'overdue').length,
    nextDeadline: nextDeadline(state),
    nextContactDueAt: state.stage === 'pact_active' && state.contact.missedDueAt === null ? contactDueAt(state) : null,
    pactDeadlineAt: state.stage === 'awaiting_pact' ? pactDeadlineAt(state) : null,
    firstContactDueAt: awaitingPresaInCarico(state) ? firstContactDueAt(state) : null,
    stalled: stallOf(state),
    pendingServices: servicesPending(state),
    totalServiceHours: Math.round(state.serviceProgress.reduce((h, s) => h + s.hours, 0) * 100) / 100,
    nextAppointment: scheduled[0] ?? null,
    proposedStepCount: state.conditionalitySteps.filter((s) => s.status === 'proposed').length,
    pactVersionInForce: state.pact?.version ?? null,
    pactVersionAwaitingAcceptance: versionAwaitingAcceptance(state)?.version ?? null,
    pactAcceptanceDueAt: pactAcceptanceDueAt(state),
    // Where the journey's pauses put it; once it fell due, when it did (null while a pause holds it).
    profilingReviewDueAt: state.assessment?.profilingReviewDueAt ?? pendingDeadlines(state).find((d) => d.kind === 'profiling_review')?.at ?? null,
  };
}
