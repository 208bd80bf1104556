import { addClockDuration, subtractClockDuration } from '../clocks/clock-durations';
import { canonicalInstant, isIsoInstant, toMillis } from '../dates';
import type { ClockedDeadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { optionalString, refusal, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import type { PACT_ACTION_DEADLINE_KINDS, CompletePactActionCommand, PactActionCompleted, PactActionEscalated, PactActionOverdue, PactActionReminderDue, PactActionState } from './model';

/** The pact's actions: completed by the person, reminded, overdue, escalated to the supervisor. */

function completePactAction(state: JourneyState, c: CompletePactActionCommand, now: string): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'actions exist once the pact is signed');
  const action = state.actions.find((a) => a.actionId === c.actionId);
  if (!action) return refusal('PACT_ACTION_NOT_FOUND', `the pact has no action ${c.actionId}`);
  if (action.status === 'completed') return refusal('PACT_ACTION_ALREADY_COMPLETED', `action ${c.actionId} was completed on ${action.completedAt}`);
  if (action.status === 'withdrawn') return refusal('PACT_ACTION_WITHDRAWN', `action ${c.actionId} was withdrawn by a pact amendment`);
  const invalid = requireText(c.operatorId, 'operatorId') ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  const at = c.completedAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'completedAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'completedAt');
  if (toMillis(at) < toMillis(state.pact!.signedAt)) return refusal('INVALID_DATE', 'cannot precede the signing of the pact', 'completedAt');
  return [{ type: 'PactActionCompleted', data: { actionId: c.actionId, operatorId: c.operatorId, completedAt: canonicalInstant(at), note: c.note ?? null } }];
}

function actionDeadlines(state: JourneyState): ClockedDeadline[] {
  const { clocks } = state;
  const deadlines: ClockedDeadline[] = [];
  for (const a of state.actions) {
    if (a.status === 'pending') {
      if (clocks.reminderBeforeDue && a.reminderSentAt === null) {
        deadlines.push({ at: subtractClockDuration(state, a.dueAt, clocks.reminderBeforeDue), since: agreedAt(state, a.actionId), kind: 'action_reminder', actionId: a.actionId });
      }
      deadlines.push({ at: a.dueAt, since: agreedAt(state, a.actionId), kind: 'action_due', actionId: a.actionId });
    } else if (a.status === 'overdue' && clocks.escalationAfter && a.escalatedAt === null) {
      deadlines.push({ at: addClockDuration(state, a.dueAt, clocks.escalationAfter), since: a.overdueSince ?? a.dueAt, kind: 'action_escalation', actionId: a.actionId });
    }
  }
  return deadlines;
}

/** When an action's clock started: the signing of the first pact version that has it. */
export function agreedAt(state: JourneyState, actionId: string): string {
  const first = state.pactVersions.find((v) => v.actions.some((a) => a.actionId === actionId));
  return first?.signedAt ?? state.pact?.signedAt ?? state.startedAt;
}

const drafters: Record<(typeof PACT_ACTION_DEADLINE_KINDS)[number], Drafter> = {
  action_reminder: (state, d, due) => {
    // No reminder for an action that is already overdue: the overdue notice says more.
    const alsoOverdue = due.some((o) => o.kind === 'action_due' && o.actionId === d.actionId);
    return alsoOverdue ? [] : [{ type: 'PactActionReminderDue', data: { actionId: d.actionId!, dueAt: action(state, d.actionId!).dueAt } }];
  },
  action_due: (_state, d) => [{ type: 'PactActionOverdue', data: { actionId: d.actionId!, dueAt: d.at } }],
  action_escalation: (state, d) => [{ type: 'PactActionEscalated', data: { actionId: d.actionId!, dueAt: action(state, d.actionId!).dueAt } }],
};

function action(state: JourneyState, actionId: string): PactActionState {
  return state.actions.find((a) => a.actionId === actionId)!;
}

function updateAction(state: JourneyState, actionId: string, change: Partial<PactActionState>): JourneyState {
  return { ...state, actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, ...change } : a)) };
}

const evolvers = {
  PactActionCompleted: (state: JourneyState, event: PactActionCompleted): JourneyState =>
    updateAction(progressed(state, event.at), event.data.actionId, {
      status: 'completed',
      completedAt: event.data.completedAt,
      completedBy: event.data.operatorId,
      note: event.data.note,
    }),
  PactActionReminderDue: (state: JourneyState, event: PactActionReminderDue): JourneyState => updateAction(state, event.data.actionId, { reminderSentAt: event.at }),
  PactActionOverdue: (state: JourneyState, event: PactActionOverdue): JourneyState => updateAction(state, event.data.actionId, { status: 'overdue', overdueSince: event.at }),
  PactActionEscalated: (state: JourneyState, event: PactActionEscalated): JourneyState => updateAction(state, event.data.actionId, { escalatedAt: event.at }),
};

const notices = {
  PactActionCompleted: silent,
  PactActionReminderDue: (event: PactActionReminderDue, state: JourneyState) => {
    const a = action(state, event.data.actionId);
    return notice(state, event, 'action_due_reminder', ['beneficiary'], `${a.actionId}@${a.dueAt}`, { actionId: a.actionId, actionDescription: a.description, dueAt: a.dueAt });
  },
  PactActionOverdue: (event: PactActionOverdue, state: JourneyState) => {
    const a = action(state, event.data.actionId);
    return notice(state, event, 'action_overdue', ['beneficiary', 'operator'], `${a.actionId}@${a.dueAt}`, {
      actionId: a.actionId,
      actionDescription: a.description,
      dueAt: a.dueAt,
      overdueSince: event.at,
    });
  },
  PactActionEscalated: (event: PactActionEscalated, state: JourneyState) => {
    const a = action(state, event.data.actionId);
    return notice(state, event, 'action_overdue_escalation', ['supervisor'], `${a.actionId}@${a.dueAt}`, {
      actionId: a.actionId,
      actionDescription: a.description,
      dueAt: a.dueAt,
      overdueSince: a.overdueSince ?? undefined,
    });
  },
};

function overdueActionStall(state: JourneyState): string | null {
  const overdue = state.actions.filter((a) => a.status === 'overdue' && a.overdueSince).map((a) => a.overdueSince!);
  return overdue.length > 0 ? overdue.sort()[0] : null;
}

export const actions = {
  deciders: { CompletePactAction: completePactAction },
  evolvers,
  notices,
  deadlines: actionDeadlines,
  drafters,
  stallCauses: { overdue_action: overdueActionStall },
};
