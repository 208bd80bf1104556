import { catalogueLabel } from '../regions/catalogue-scope';
import { NATIONAL } from '../regions/regions';
import { servicesPending } from '../services/availability';
import type { ServiceCode } from '../services/service-table';
import { versionAwaitingAcceptance } from '../pact/versions';
import { benefitRunsNow } from '../benefits/running';
import { boundBenefit, participationEndsAt } from '../obligations/rule';
import { awaitingPresaInCarico, firstContactClockStart, firstContactDueAt } from '../intake/first-contact';
import { pactAcceptanceDueAt } from '../pact/acceptance';
import { pactDeadlineAt } from '../pact/pact-deadline';
import { pausedDeadline } from '../pauses/clock';
import { currentPause, type CurrentPause } from '../pauses/current';
import { earliestDeadline, pendingDeadlines, stallOf, type Deadline, type DeadlineKind, type Stall } from './deadlines';
import type { AppointmentState, JourneyState } from './model';

/** What an operator sees of a journey: its state plus what is derived from it. */
export interface JourneyView extends JourneyState {
  /** Issue 15: the catalogue the journey runs under, as readers see it: `GOL-1 v2 (Piemonte)`, `GOL-1 v4 (nazionale)`. */
  catalogueLabel: string;
  overdueActionCount: number;
  nextDeadline: Deadline | null;
  /**
   * When the next agreed contact is due (pact signed and no contact missed yet). This and the other `…DueAt` /
   * `pactDeadlineAt` fields are the journey's pending deadlines (`pendingDeadlines`), so they are where the pauses put
   * them: later by every pause since their clock started, and null while a running pause holds them. This one is null
   * once missed; the first contact, the pact deadline and the acceptance window keep, once passed, where they fell due.
   */
  nextContactDueAt: string | null;
  /** When the pact must be signed by (after the presa in carico, while unsigned and not yet missed). */
  pactDeadlineAt: string | null;
  /** When the person must have contacted the office (before the presa in carico, while not yet missed). */
  firstContactDueAt: string | null;
  /**
   * When each pact action still pending falls due, moved by the pauses (null while a running pause holds it). The pact's
   * `actions[].dueAt` stays the date agreed in the pact; this is when the journey will mark it overdue.
   */
  actionsDueAt: { actionId: string; dueAt: string | null }[];
  /** The pause the open journey is in (a suspension by a job, a justified absence), or null. */
  pause: CurrentPause | null;
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
  /**
   * Whether the person's benefit runs (claimed or granted, not refused, suspended or ended): only then does
   * conditionality apply. Steps proposed before it stopped stay for the operator's decision.
   */
  benefitRunning: boolean;
  /** When the last GOL profiling is (or was) due for review: the catalogue's `profilingReview` after it, moved by pauses; or null. */
  profilingReviewDueAt: string | null;
  /**
   * Issue 15 (ADI, SFL): when the next presentation (a meeting, a confirmation of participation) is due, moved by the
   * pauses; once missed, the instant it was due (the benefit suspended until the person presents); null when no
   * obligation binds the journey's benefit or the person is exempt.
   */
  nextPresentationDueAt: string | null;
  /** Issue 15 (SFL): when the benefit's months end (extended once the pact was updated), or null. */
  participationEndsAt: string | null;
}

export function toView(state: JourneyState): JourneyView {
  const pending = pendingDeadlines(state);
  const dueOf = (kind: DeadlineKind, actionId?: string) => pending.find((d) => d.kind === kind && (actionId === undefined || d.actionId === actionId))?.at ?? null;
  const waiting = versionAwaitingAcceptance(state);
  const scheduled = state.appointments.filter((a) => a.status === 'scheduled').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    ...state,
    catalogueLabel: catalogueLabel(state.programmeCode, state.catalogueVersion, state.catalogueScope ?? NATIONAL),
    overdueActionCount: state.actions.filter((a) => a.status === 'overdue').length,
    nextDeadline: earliestDeadline(pending),
    nextContactDueAt: dueOf('contact_due'),
    pactDeadlineAt: dueOf('pact_deadline') ?? (state.stage === 'awaiting_pact' && state.pactDeadlineMissedAt !== null ? passed(state, pactDeadlineAt(state), state.intake!.takenInChargeAt) : null),
    firstContactDueAt: dueOf('first_contact') ?? (awaitingPresaInCarico(state) && state.firstContactMissedAt !== null ? passed(state, firstContactDueAt(state), firstContactClockStart(state)) : null),
    actionsDueAt: state.actions.filter((a) => a.status === 'pending').map((a) => ({ actionId: a.actionId, dueAt: dueOf('action_due', a.actionId) })),
    pause: state.status === 'closed' ? null : currentPause(state),
    stalled: stallOf(state),
    pendingServices: servicesPending(state),
    totalServiceHours: Math.round(state.serviceProgress.reduce((h, s) => h + s.hours, 0) * 100) / 100,
    nextAppointment: scheduled[0] ?? null,
    proposedStepCount: state.conditionalitySteps.filter((s) => s.status === 'proposed').length,
    pactVersionInForce: state.pact?.version ?? null,
    pactVersionAwaitingAcceptance: waiting?.version ?? null,
    pactAcceptanceDueAt: dueOf('pact_acceptance_due') ?? (waiting?.acceptanceEscalatedAt ? passed(state, pactAcceptanceDueAt(state), waiting.proposedAt ?? waiting.signedAt) : null),
    benefitRunning: benefitRunsNow(state),
    // Where the journey's pauses put it; once it fell due, when it did (null while a pause holds it).
    profilingReviewDueAt: state.assessment?.profilingReviewDueAt ?? dueOf('profiling_review'),
    nextPresentationDueAt: dueOf('presentation_due') ?? (boundBenefit(state) ? state.presentation!.missedDueAt : null),
    participationEndsAt: participationEndsAt(state),
  };
}

/**
 * A deadline that has passed (missed, escalated) and is no longer pending, where the pauses had put it when it fell
 * due: the same pause clock `pendingDeadlines` applies (a pause begun after it fell due does not move it).
 */
function passed(state: JourneyState, at: string | null, since: string): string | null {
  return at === null ? null : pausedDeadline(state.pauses, since, at);
}
