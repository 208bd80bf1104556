import { toMillis } from '../dates';
import { refusal, requireOneOf, requireText, resolveDueAt, type Refused } from '../journey/rules';
import { PACT_ACTION_KINDS, type PactActionInput, type PactActionPlan, type PactActionState, type PactAvailability } from './model';

/** A pact action as given by the operator, checked: kind, description, and a due date after now. */
export function plannedAction(a: PactActionInput, actionId: string, now: string, field: string, notFuture = 'must be in the future'): PactActionPlan | Refused {
  if (typeof a !== 'object' || a === null) return refusal('INVALID_VALUE', 'must be an object with kind, description and dueDate', field);
  const bad = requireOneOf(a.kind, PACT_ACTION_KINDS, `${field}.kind`) ?? requireText(a.description, `${field}.description`);
  if (bad) return bad;
  const dueAt = futureDueAt(a.dueDate, now, `${field}.dueDate`, notFuture);
  if (typeof dueAt !== 'string') return dueAt;
  return { actionId, kind: a.kind, description: a.description, dueAt };
}

/** A due date (bare date: the end of that day in Rome) that falls after now. */
export function futureDueAt(dueDate: unknown, now: string, field: string, notFuture = 'must be in the future'): string | Refused {
  const dueAt = typeof dueDate === 'string' ? resolveDueAt(dueDate) : null;
  if (dueAt === null) return refusal('INVALID_DATE', 'must be YYYY-MM-DD or an ISO-8601 date-time with offset', field);
  if (toMillis(dueAt) <= toMillis(now)) return refusal('INVALID_DATE', notFuture, field);
  return dueAt;
}

export function requireAvailability(value: unknown): Refused | null {
  const a = value as Record<string, unknown> | null;
  for (const clause of ['workshops', 'training', 'suitableOffers']) {
    if (typeof a !== 'object' || a === null || typeof a[clause] !== 'boolean') {
      return refusal('INVALID_VALUE', 'must be true or false', `availability.${clause}`);
    }
  }
  return null;
}

export function pickAvailability(a: PactAvailability): PactAvailability {
  return { workshops: a.workshops, training: a.training, suitableOffers: a.suitableOffers };
}

/** An action as planned, with nothing happened to it yet. */
export function freshAction(plan: PactActionPlan): PactActionState {
  return { ...plan, status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null, reminderSentAt: null, escalatedAt: null };
}

/** The plans of the actions still in the pact, as a version of it records them. */
export function plansOf(actions: readonly PactActionState[]): PactActionPlan[] {
  return actions.filter((a) => a.status !== 'withdrawn').map(({ actionId, kind, description, dueAt }) => ({ actionId, kind, description, dueAt }));
}
