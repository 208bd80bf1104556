import { canonicalInstant, toMillis } from '../dates';
import { awaitingPresaInCarico } from '../intake/first-contact';
import { suspended } from '../pauses';
import { pausedDeadline } from '../pauses/clock';
import { addClockDuration } from '../clocks/clock-durations';
import { agreedAt } from '../pact/actions';
import { toView } from '../journey/view';
import { pendingDeadlines, type Deadline, type DeadlineKind } from '../journey/deadlines';
import { stallOf, type Stall } from '../journey/stall';
import { STALL_REASONS, type JourneyState, type StallReason } from '../journey/model';

/**
 * Issue 17: every time-derived status of a journey, exact at the instant it is asked. The workflow's timers decide
 * what must happen when a deadline falls due (notices, escalations, lapses) and its history records when; until a
 * timer has fired — the worker busy with a storm, or down — the deadline has still passed. So a status is what the
 * state says was decided, plus every deadline still pending in the state whose instant is at or before `now`, as if
 * it had fallen due at that instant. The same rule runs in SQL (`libs/persistence/src/at-instant.ts`) on the
 * read model's deadline columns; its tests check the two agree.
 */

/** The deadlines whose passing makes a status, by the status. */
export const STATUS_DEADLINE_KINDS = {
  overdue_action: 'action_due',
  missed_contact: 'contact_due',
  pact_not_signed: 'pact_deadline',
  first_contact_missed: 'first_contact',
  no_progress: 'no_progress',
} as const satisfies Record<StallReason, DeadlineKind>;

/** One pact action at the instant. */
export interface ActionAtInstant {
  actionId: string;
  /** Overdue now: marked overdue by the journey, or pending with its due instant (moved by pauses) passed. */
  overdue: boolean;
  /** Since when: the instant it fell due (moved by pauses), whether or not the journey has marked it yet; null when not overdue. */
  overdueSince: string | null;
  /** Whole days since the date agreed in the pact (`dueAt`), when overdue; else null. */
  daysOverdue: number | null;
}

/** A deadline that has passed, and since when it counts. */
export interface Missed {
  /** The instant it fell due (where the pauses put it), whether or not the journey has decided it yet. */
  since: string;
  /** Whether the journey has decided it (its timer fired, its notices on their way). */
  decided: boolean;
}

export interface StatusAtInstant {
  /** The instant the statuses are for. */
  at: string;
  actions: ActionAtInstant[];
  overdueActionCount: number;
  /** The next agreed contact, due and not recorded (pact in force), or null. */
  contactMissed: Missed | null;
  /** The pact not signed by the catalogue's deadline, or null. */
  pactDeadlineMissed: Missed | null;
  /** No first contact within the legal days before the presa in carico, or null. */
  firstContactMissed: Missed | null;
  /** Whether, why and since when the journey is stalled now. */
  stalled: Stall | null;
  /** Whole days stalled (from `stalled.since`), or null. */
  daysStalled: number | null;
}

const DAY_MS = 86_400_000;

/** Whole days from an instant to another (negative when before), as the SQL's `floor(epoch / 86400)`. */
export function wholeDaysBetween(from: string, to: string): number {
  return Math.floor((toMillis(to) - toMillis(from)) / DAY_MS);
}

/** The deadlines pending in the state that have passed at `now` (due at or before it). */
export function passedDeadlines(state: JourneyState, now: string): Deadline[] {
  const t = toMillis(now);
  return pendingDeadlines(state).filter((d) => toMillis(d.at) <= t);
}

/**
 * The pending deadlines whose passing makes a status, where the pauses put them: what the read model keeps so that
 * SQL can ask the same question of any instant (`journeys.*_due_at`, `stalls_at`, `pact_actions.falls_due_at`).
 */
export interface StatusDeadlines {
  /** Each pending action's due instant (absent while a running pause holds it). */
  actions: Map<string, string>;
  nextActionDueAt: string | null;
  contactDueAt: string | null;
  pactDeadlineDueAt: string | null;
  firstContactDueAt: string | null;
  noProgressDueAt: string | null;
  /** The earliest of them: from then on the journey is stalled (unless suspended). */
  stallsAt: string | null;
}

export function statusDeadlines(state: JourneyState): StatusDeadlines {
  const pending = state.status === 'open' ? pendingDeadlines(state) : [];
  const earliest = (kind: DeadlineKind) => pending.filter((d) => d.kind === kind).reduce<string | null>((e, d) => (e === null || toMillis(d.at) < toMillis(e) ? d.at : e), null);
  const actions = new Map(pending.filter((d) => d.kind === 'action_due').map((d) => [d.actionId!, d.at]));
  const byReason = STALL_REASONS.map((r) => earliest(STATUS_DEADLINE_KINDS[r])).filter((at): at is string => at !== null);
  return {
    actions,
    nextActionDueAt: earliest('action_due'),
    contactDueAt: earliest('contact_due'),
    pactDeadlineDueAt: earliest('pact_deadline'),
    firstContactDueAt: earliest('first_contact'),
    noProgressDueAt: earliest('no_progress'),
    stallsAt: byReason.reduce<string | null>((e, at) => (e === null || toMillis(at) < toMillis(e) ? at : e), null),
  };
}

/** The journey's time-derived statuses at the instant `now` (ISO-8601). Pure: the same answer for the same state and instant. */
export function statusAt(state: JourneyState, now: string): StatusAtInstant {
  const open = state.status === 'open';
  // A closed journey keeps only its appeal window; nothing of it falls overdue any more.
  const passed = open ? passedDeadlines(state, now) : [];
  const passedOf = (kind: DeadlineKind) => passed.filter((d) => d.kind === kind);
  const actionPassed = new Map(passedOf('action_due').map((d) => [d.actionId!, d.at]));

  const actions = state.actions.map((a): ActionAtInstant => {
    const since = a.status === 'overdue' ? actionFellDueAt(state, a) : a.status === 'pending' ? (actionPassed.get(a.actionId) ?? null) : null;
    return { actionId: a.actionId, overdue: since !== null, overdueSince: since, daysOverdue: since === null ? null : wholeDaysBetween(a.dueAt, now) };
  });

  const missed = (kind: DeadlineKind, decidedAt: string | null): Missed | null => {
    const reason = (Object.keys(STATUS_DEADLINE_KINDS) as StallReason[]).find((r) => STATUS_DEADLINE_KINDS[r] === kind)!;
    if (decidedAt) return { since: fellDueAt(state, reason) ?? decidedAt, decided: true };
    const d = passedOf(kind)[0];
    return d ? { since: d.at, decided: false } : null;
  };
  const contactMissed = missed('contact_due', state.stage === 'pact_active' ? state.contact.missedSince : null);
  const pactDeadlineMissed = missed('pact_deadline', state.stage === 'awaiting_pact' ? state.pactDeadlineMissedAt : null);
  const firstContactMissed = missed('first_contact', awaitingPresaInCarico(state) ? state.firstContactMissedAt : null);

  const stalled = stallAt(state, passed);
  return {
    at: now,
    actions,
    overdueActionCount: actions.filter((a) => a.overdue).length,
    contactMissed: open ? contactMissed : null,
    pactDeadlineMissed: open ? pactDeadlineMissed : null,
    firstContactMissed: open ? firstContactMissed : null,
    stalled,
    daysStalled: stalled ? wholeDaysBetween(stalled.since, now) : null,
  };
}

/**
 * The stall at the instant: the one the journey decided (`stallOf`), joined by each reason whose deadline has passed
 * without its timer having fired yet, since that deadline's instant (the earliest, for several actions).
 */
function stallAt(state: JourneyState, passed: readonly Deadline[]): Stall | null {
  const decided = decidedStall(state);
  // A suspended journey waits on the person's job (`stallOf`): its passed deadlines stall it no more than decided ones.
  if (state.status === 'closed' || suspended(state)) return decided;
  const reasons = new Set<StallReason>(decided?.reasons ?? []);
  let earliest = decided ? toMillis(decided.since) : Infinity;
  for (const reason of STALL_REASONS) {
    for (const d of passed) {
      if (d.kind !== STATUS_DEADLINE_KINDS[reason]) continue;
      reasons.add(reason);
      earliest = Math.min(earliest, toMillis(d.at));
    }
  }
  if (reasons.size === 0) return null;
  const since = decided && toMillis(decided.since) === earliest ? decided.since : canonicalInstant(earliest);
  return { since, reasons: STALL_REASONS.filter((r) => reasons.has(r)) };
}

/**
 * The stall the journey has decided (`stallOf`: its reasons), since the instant its earliest reason fell due rather
 * than when the timer that decided it fired: so the answer is the same before and after the worker gets to it. The
 * read model's `stalled_since` is this.
 */
export function decidedStall(state: JourneyState): Stall | null {
  const decided = stallOf(state);
  if (!decided) return null;
  let earliest = toMillis(decided.since);
  for (const reason of decided.reasons) {
    const at = fellDueAt(state, reason);
    if (at !== null) earliest = Math.min(earliest, toMillis(at));
  }
  return { since: earliest === toMillis(decided.since) ? decided.since : canonicalInstant(earliest), reasons: decided.reasons };
}

/** When a decided stall's reason fell due: where the pauses had put its deadline then (null when unknown). */
function fellDueAt(state: JourneyState, reason: StallReason): string | null {
  switch (reason) {
    case 'overdue_action': {
      const due = state.actions
        .filter((a) => a.status === 'overdue')
        .map((a) => actionFellDueAt(state, a))
        .sort((a, b) => toMillis(a) - toMillis(b));
      return due[0] ?? null;
    }
    case 'missed_contact':
      return state.contact.missedDueAt;
    case 'pact_not_signed':
      return toView(state).pactDeadlineAt;
    case 'first_contact_missed':
      return toView(state).firstContactDueAt;
    case 'no_progress':
      return state.clocks.stallAfter ? pausedDeadline(state.pauses, state.lastProgressAt, addClockDuration(state, state.lastProgressAt, state.clocks.stallAfter)) : null;
  }
}

/** When an action the journey marked overdue fell due: its agreed date, moved by the pauses of its clock. */
function actionFellDueAt(state: JourneyState, a: JourneyState['actions'][number]): string {
  return pausedDeadline(state.pauses, agreedAt(state, a.actionId), a.dueAt) ?? a.overdueSince ?? a.dueAt;
}
