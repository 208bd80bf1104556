import { STALL_REASONS, type StallReason } from '@sal/domain';

/**
 * Issue 17: the read model's time-derived statuses at the instant of the request, in SQL. The one rule is the
 * domain's `statusAt` (libs/domain/src/at-instant): what the journey decided, plus every deadline still pending whose
 * instant has passed. The projection writes those pending deadlines (`statusDeadlines`) into the rows; these are the
 * only SQL conditions that compare them with `now`, and `test/integration/at-instant-sql.spec.ts` checks they agree
 * with `statusAt` on the same states and instants. Every query using them binds `:now` (an ISO-8601 instant).
 */

/** The request's instant, bound as `:now`. */
export const NOW = 'CAST(:now AS timestamptz)';

/** Whole days from an instant to the request's. */
export const daysSince = (column: string) => `floor(extract(epoch FROM ${NOW} - ${column}) / 86400)::int`;

/** A pact action (alias `a`) overdue now: marked by the journey, or pending with its due instant passed. */
export const actionOverdueAt = (a = 'a') => `(${a}.status = 'overdue' OR (${a}.status = 'pending' AND ${a}.falls_due_at <= ${NOW}))`;

/** A pact action (alias `a`) of an open journey overdue now: what the overdue-actions view lists. */
export const openActionOverdueAt = (a = 'a') => `(${a}.journey_open AND ${a}.status IN ('overdue', 'pending') AND ${actionOverdueAt(a)})`;

/** How many of a journey's (alias `j`) actions are overdue now. */
export const overdueActionCountAt = (j = 'j') => `(SELECT count(*)::int FROM pact_actions oa WHERE oa.journey_id = ${j}.journey_id AND ${actionOverdueAt('oa')})`;

/** A journey (alias `j`) with an overdue action now: one marked, or a pending one past due. */
export const journeyOverdueAt = (j = 'j') => `(${j}.overdue_action_count > 0 OR ${j}.next_action_due_at <= ${NOW})`;

/** The journey's deadline column for each stall reason (the agreed contact's is the view's `next_contact_due_at`). */
const STALL_DEADLINE_COLUMNS: Record<StallReason, string> = {
  overdue_action: 'next_action_due_at',
  missed_contact: 'next_contact_due_at',
  pact_not_signed: 'pact_deadline_due_at',
  no_progress: 'no_progress_due_at',
  first_contact_missed: 'first_contact_due_at',
};

/** A suspended journey waits on the person's job: not stalled, whatever passed (`stallOf`). */
export const notSuspended = (j: string) => `${j}.pause_kind IS DISTINCT FROM 'job'`;

/** A stalled journey's deadline has passed, not yet decided. */
const stallsNow = (j: string) => `(${j}.stalls_at <= ${NOW} AND ${notSuspended(j)})`;

/** An open journey stalled now: the stall the journey decided, or a stalling deadline passed since. */
export const stalledAt = (j = 'j') => `(${j}.status = 'open' AND (${j}.stalled_since IS NOT NULL OR ${stallsNow(j)}))`;

/** Since when a journey (known stalled now) is: the earliest of its decided stall and its passed deadlines. */
export const stalledSinceAt = (j = 'j') => `LEAST(${j}.stalled_since, CASE WHEN ${stallsNow(j)} THEN ${j}.stalls_at END)`;

/**
 * The order of stalled journeys, longest stalled first: the earliest of the decided stall and the stalling deadline,
 * an expression of the row alone, so that an index (`journeys_stalled_order_idx`) holds it and an office's first page
 * is read off the index. Over the journeys stalled at an instant it equals {@link stalledSinceAt} at that instant
 * whenever the journey's decided stall is not later than the instant (every live request: the row holds what was
 * decided up to now); only for an instant asked before a stall the row already records can a journey whose next
 * stalling deadline is still ahead sort by that deadline instead of its decided stall.
 */
export const stalledOrderAt = (j = 'j') => `LEAST(${j}.stalled_since, CASE WHEN ${notSuspended(j)} THEN ${j}.stalls_at END)`;

/** The journey stalled for this reason now (among others). */
export const stallReasonAt = (reason: StallReason, j = 'j') =>
  `('${reason}' = ANY(${j}.stall_reasons) OR (${j}.${STALL_DEADLINE_COLUMNS[reason]} <= ${NOW} AND ${notSuspended(j)}))`;

/** Why a journey (known stalled now) is, in the domain's order of reasons (an array of text). */
export const stallReasonsAt = (j = 'j') =>
  `array_remove(ARRAY[${STALL_REASONS.map((r) => `CASE WHEN ${stallReasonAt(r, j)} THEN '${r}' END`).join(', ')}]::text[], NULL)`;
