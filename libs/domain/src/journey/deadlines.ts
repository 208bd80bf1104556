import { toMillis } from '../dates';
import { APPOINTMENT_DEADLINE_KINDS } from '../appointments/model';
import { ASSESSMENT_DEADLINE_KINDS } from '../assessment/model';
import { CONDITIONALITY_DEADLINE_KINDS } from '../conditionality/model';
import { CONTACT_DEADLINE_KINDS } from '../contacts/model';
import { INTAKE_DEADLINE_KINDS } from '../intake/model';
import { PACT_ACCEPTANCE_DEADLINE_KINDS, PACT_ACTION_DEADLINE_KINDS, PACT_SIGNING_DEADLINE_KINDS } from '../pact/model';
import { PROGRESS_DEADLINE_KINDS } from '../progress/model';
import { PAUSE_DEADLINE_KINDS } from '../pauses/model';
import { OBLIGATION_DEADLINE_KINDS } from '../obligations/model';
import { appealDeadlines, journeyFinished } from '../conditionality/appeals';
import { JOURNEY } from './features';
import { pausedDeadline } from '../pauses/clock';
import type { JourneyState } from './model';

export { contactDueAt } from '../contacts/agreed-contacts';
export { firstContactDueAt } from '../intake/first-contact';
export { pactDeadlineAt } from '../pact/pact-deadline';
export { pactAcceptanceDueAt } from '../pact/acceptance';
export { stallOf, type Stall } from './stall';

export const DEADLINE_KINDS = [
  ...PACT_ACTION_DEADLINE_KINDS,
  ...CONTACT_DEADLINE_KINDS,
  ...PACT_SIGNING_DEADLINE_KINDS,
  ...PROGRESS_DEADLINE_KINDS,
  ...INTAKE_DEADLINE_KINDS,
  ...APPOINTMENT_DEADLINE_KINDS,
  ...CONDITIONALITY_DEADLINE_KINDS,
  ...PACT_ACCEPTANCE_DEADLINE_KINDS,
  ...PAUSE_DEADLINE_KINDS,
  ...ASSESSMENT_DEADLINE_KINDS,
  ...OBLIGATION_DEADLINE_KINDS,
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Something a journey waits for in time. One timer per journey sleeps until the earliest. */
export interface Deadline {
  at: string;
  kind: DeadlineKind;
  actionId?: string;
  appointmentId?: string;
  lapseId?: string;
  stepId?: string;
}

/** A deadline as a feature keeps it: with when its clock started, so the journey's pauses can move it. */
export interface ClockedDeadline extends Deadline {
  /**
   * When the clock that ends at `at` started (the presa in carico for the pact deadline, the last contact for the
   * next one…): a pause of the journey's clocks after it moves `at` on by its length (`pauses/clock.ts`).
   */
  since: string;
  /** A fixed instant no pause moves (an appointment's hour, a legal window running from a notification). */
  fixed?: true;
}

/**
 * Every deadline still ahead of the journey, from its state alone: completing an action, recording a contact or
 * signing the pact removes the deadlines they satisfy, so nothing needs cancelling. Each is where the journey's
 * pauses put it (`pauses/clock.ts`); one held by a running pause is not ahead of it yet.
 */
export function pendingDeadlines(state: JourneyState): Deadline[] {
  // A journey closed by decadenza keeps only its appeal window while an appeal is possible (edition 2).
  if (state.status === 'closed') return journeyFinished(state) ? [] : appealDeadlines(state).map(plain);
  const out: Deadline[] = [];
  for (const d of JOURNEY.deadlines(state)) {
    const at = d.fixed || state.pauses.length === 0 ? d.at : pausedDeadline(state.pauses, d.since, d.at);
    if (at !== null) out.push({ ...plain(d), at });
  }
  return out;
}

/** The deadline without its clock's bookkeeping. */
function plain(clocked: ClockedDeadline): Deadline {
  const d: Partial<ClockedDeadline> = { ...clocked };
  delete d.since;
  delete d.fixed;
  return d as Deadline;
}

/** The earliest deadline still ahead of the journey, or null when nothing is pending. */
export function nextDeadline(state: JourneyState): Deadline | null {
  return earliestDeadline(pendingDeadlines(state));
}

/** The earliest of some deadlines (the first listed on a tie), or null when there are none. */
export function earliestDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let next: Deadline | null = null;
  for (const d of deadlines) if (!next || toMillis(d.at) < toMillis(next.at)) next = d;
  return next;
}
