import { canonicalInstant, isIsoDate, isIsoInstant, isPositiveDuration, romeEndOfDay, romeStartOfDay, toMillis } from '../dates';
import type {
  CloseJourneyCommand,
  CompletePactActionCommand,
  JourneyCommand,
  RecordContactCommand,
  RecordIntakeCommand,
  SignPactCommand,
} from './commands';
import { pactDeadlineAt, pendingDeadlines, type Deadline } from './deadlines';
import { applyEvents } from './evolve';
import {
  CLOSURE_REASONS,
  CONTACT_CHANNELS,
  PACT_ACTION_KINDS,
  PROFILING_CLASSES,
  type JourneyEvent,
  type JourneyState,
  type PactActionPlan,
} from './model';
import type { Refusal, RefusalCode } from './refusals';

/** A decision: the events a command produces, or why it is refused (then nothing is recorded). */
export type Decision = { ok: true; events: JourneyEvent[] } | { ok: false; refusal: Refusal };

type Draft = { [K in JourneyEvent['type']]: { type: K; data: Extract<JourneyEvent, { type: K }>['data'] } }[JourneyEvent['type']];

/**
 * Decides what a command does to a journey at instant `now` (an ISO-8601 instant supplied by the caller, so the
 * decision is deterministic: the workflow passes its own clock).
 */
export function decide(state: JourneyState, command: JourneyCommand, now: string): Decision {
  if (state.status === 'closed') {
    return refuse('JOURNEY_CLOSED', `the journey was closed on ${state.closure?.closedAt ?? state.updatedAt}; it accepts no more commands`);
  }
  const outcome = decideOpen(state, command, now);
  if ('refusal' in outcome) return { ok: false, refusal: outcome.refusal };
  return {
    ok: true,
    events: outcome.map((draft, i) => ({ ...draft, seq: state.lastSeq + 1 + i, at: now }) as JourneyEvent),
  };
}

function decideOpen(state: JourneyState, command: JourneyCommand, now: string): Draft[] | { refusal: Refusal } {
  switch (command.type) {
    case 'RecordIntake':
      return recordIntake(state, command, now);
    case 'SignPact':
      return signPact(state, command, now);
    case 'CompletePactAction':
      return completePactAction(state, command, now);
    case 'RecordContact':
      return recordContact(state, command, now);
    case 'CloseJourney':
      return closeJourney(command, now);
    case 'ProcessDeadlines':
      return processDeadlines(state, now);
  }
}

/**
 * Everything that has fallen due by `now`, oldest first. A deadline can open the next one (an overdue action's
 * escalation), so it repeats on the resulting state until nothing more is due, as if the timer had fired on time.
 */
function processDeadlines(state: JourneyState, now: string): Draft[] {
  const drafts: Draft[] = [];
  let current = state;
  for (let round = 0; round < 8; round++) {
    const due = pendingDeadlines(current)
      .filter((d) => toMillis(d.at) <= toMillis(now))
      .sort((a, b) => toMillis(a.at) - toMillis(b.at));
    const produced = due.flatMap((d) => draftFor(current, d, due));
    if (produced.length === 0) break;
    drafts.push(...produced);
    current = applyEvents(current, produced.map((d, i) => ({ ...d, seq: current.lastSeq + 1 + i, at: now }) as JourneyEvent));
  }
  return drafts;
}

function draftFor(state: JourneyState, d: Deadline, due: Deadline[]): Draft[] {
  switch (d.kind) {
    case 'action_reminder': {
      // No reminder for an action that is already overdue: the overdue notice says more.
      const alsoOverdue = due.some((o) => o.kind === 'action_due' && o.actionId === d.actionId);
      return alsoOverdue ? [] : [{ type: 'PactActionReminderDue', data: { actionId: d.actionId!, dueAt: actionDueAt(state, d.actionId!) } }];
    }
    case 'action_due':
      return [{ type: 'PactActionOverdue', data: { actionId: d.actionId!, dueAt: d.at } }];
    case 'action_escalation':
      return [{ type: 'PactActionEscalated', data: { actionId: d.actionId!, dueAt: actionDueAt(state, d.actionId!) } }];
    case 'contact_due':
      return [{ type: 'ContactMissed', data: { dueAt: d.at } }];
    case 'contact_escalation':
      return [{ type: 'ContactMissedEscalated', data: { dueAt: state.contact.missedDueAt! } }];
    case 'pact_deadline':
      return [{ type: 'PactDeadlineMissed', data: { deadlineAt: d.at } }];
    case 'pact_escalation':
      return [{ type: 'PactDeadlineEscalated', data: { deadlineAt: pactDeadlineAt(state)! } }];
    case 'no_progress':
      return [{ type: 'NoProgressDetected', data: { lastProgressAt: state.lastProgressAt } }];
  }
}

function actionDueAt(state: JourneyState, actionId: string): string {
  return state.actions.find((a) => a.actionId === actionId)!.dueAt;
}

function recordContact(state: JourneyState, c: RecordContactCommand, now: string): Draft[] | { refusal: Refusal } {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'agreed contacts start with the signed pact');
  const invalid = requireText(c.operatorId, 'operatorId') ?? requireOneOf(c.channel, CONTACT_CHANNELS, 'channel');
  if (invalid) return invalid;
  const at = c.contactedAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'contactedAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'contactedAt');
  if (toMillis(at) < toMillis(state.pact!.signedAt)) return refusal('INVALID_DATE', 'cannot precede the signing of the pact', 'contactedAt');
  const last = state.contact.lastContactAt;
  if (last && toMillis(at) < toMillis(last)) return refusal('INVALID_DATE', `cannot precede the last recorded contact (${last})`, 'contactedAt');
  return [{ type: 'ContactRecorded', data: { operatorId: c.operatorId, contactedAt: canonicalInstant(at), channel: c.channel, note: c.note ?? null } }];
}

function recordIntake(state: JourneyState, c: RecordIntakeCommand, now: string): Draft[] | { refusal: Refusal } {
  if (state.stage !== 'awaiting_intake') {
    return refusal('INTAKE_ALREADY_RECORDED', `the person was already taken in charge on ${state.intake?.takenInChargeAt}`);
  }
  const invalid = requireText(c.operatorId, 'operatorId');
  if (invalid) return invalid;
  const at = c.takenInChargeAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'takenInChargeAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'takenInChargeAt');
  if (toMillis(at) < toMillis(romeStartOfDay(state.didDate))) {
    return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'takenInChargeAt');
  }
  return [{ type: 'IntakeRecorded', data: { operatorId: c.operatorId, takenInChargeAt: canonicalInstant(at), notes: c.notes ?? null } }];
}

function signPact(state: JourneyState, c: SignPactCommand, now: string): Draft[] | { refusal: Refusal } {
  if (state.stage === 'awaiting_intake') {
    return refusal('INTAKE_REQUIRED', 'the pact is signed after the presa in carico: record the intake first');
  }
  if (state.stage !== 'awaiting_pact') return refusal('PACT_ALREADY_SIGNED', `pact version ${state.pact?.version} was signed on ${state.pact?.signedAt}`);
  const invalid =
    requireText(c.responsibleOperatorId, 'responsibleOperatorId') ??
    requireOneOf(c.profilingClass, PROFILING_CLASSES, 'profilingClass') ??
    (isPositiveDuration(c.contactFrequency) ? null : refusal('INVALID_DURATION', 'must be a positive ISO-8601 duration such as P30D', 'contactFrequency')) ??
    requireAvailability(c.availability);
  if (invalid) return invalid;
  if (!Array.isArray(c.actions) || c.actions.length === 0) {
    return refusal('INVALID_VALUE', 'a pact lists at least one action with its due date', 'actions');
  }
  const actions: PactActionPlan[] = [];
  for (const [i, a] of c.actions.entries()) {
    if (typeof a !== 'object' || a === null) return refusal('INVALID_VALUE', 'must be an object with kind, description and dueDate', `actions[${i}]`);
    const bad = requireOneOf(a.kind, PACT_ACTION_KINDS, `actions[${i}].kind`) ?? requireText(a.description, `actions[${i}].description`);
    if (bad) return bad;
    const dueAt = resolveDueAt(a.dueDate);
    if (dueAt === null) return refusal('INVALID_DATE', 'must be YYYY-MM-DD or an ISO-8601 date-time with offset', `actions[${i}].dueDate`);
    if (toMillis(dueAt) <= toMillis(now)) return refusal('INVALID_DATE', 'must be after the signing of the pact', `actions[${i}].dueDate`);
    actions.push({ actionId: `A${i + 1}`, kind: a.kind, description: a.description, dueAt });
  }
  return [
    {
      type: 'PactSigned',
      data: {
        version: 1,
        responsibleOperatorId: c.responsibleOperatorId,
        profilingClass: c.profilingClass,
        contactFrequency: c.contactFrequency,
        jobSearchProof: c.jobSearchProof ?? null,
        availability: { workshops: c.availability.workshops, training: c.availability.training, suitableOffers: c.availability.suitableOffers },
        actions,
        signedAt: now,
      },
    },
  ];
}

function completePactAction(state: JourneyState, c: CompletePactActionCommand, now: string): Draft[] | { refusal: Refusal } {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'actions exist once the pact is signed');
  const action = state.actions.find((a) => a.actionId === c.actionId);
  if (!action) return refusal('PACT_ACTION_NOT_FOUND', `the pact has no action ${c.actionId}`);
  if (action.status === 'completed') return refusal('PACT_ACTION_ALREADY_COMPLETED', `action ${c.actionId} was completed on ${action.completedAt}`);
  const invalid = requireText(c.operatorId, 'operatorId');
  if (invalid) return invalid;
  const at = c.completedAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'completedAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'completedAt');
  if (toMillis(at) < toMillis(state.pact!.signedAt)) return refusal('INVALID_DATE', 'cannot precede the signing of the pact', 'completedAt');
  return [{ type: 'PactActionCompleted', data: { actionId: c.actionId, operatorId: c.operatorId, completedAt: canonicalInstant(at), note: c.note ?? null } }];
}

function closeJourney(c: CloseJourneyCommand, now: string): Draft[] | { refusal: Refusal } {
  const invalid = requireOneOf(c.reason, CLOSURE_REASONS, 'reason') ?? requireText(c.operatorId, 'operatorId');
  if (invalid) return invalid;
  return [{ type: 'JourneyClosed', data: { reason: c.reason, operatorId: c.operatorId, details: c.details ?? null, closedAt: now } }];
}

/** A due date as an instant: a bare date falls due at the end of that day in Rome. Null when unreadable. */
export function resolveDueAt(dueDate: string): string | null {
  if (isIsoDate(dueDate)) return romeEndOfDay(dueDate);
  if (isIsoInstant(dueDate)) return canonicalInstant(dueDate);
  return null;
}

function refusal(code: RefusalCode, message: string, field?: string): { refusal: Refusal } {
  return { refusal: field === undefined ? { code, message } : { code, message, field } };
}

function refuse(code: RefusalCode, message: string): Decision {
  return { ok: false, refusal: { code, message } };
}

function requireText(value: unknown, field: string): { refusal: Refusal } | null {
  return typeof value === 'string' && value.trim().length > 0 ? null : refusal('INVALID_VALUE', 'must be a non-empty string', field);
}

function requireAvailability(value: unknown): { refusal: Refusal } | null {
  const a = value as Record<string, unknown> | null;
  for (const clause of ['workshops', 'training', 'suitableOffers']) {
    if (typeof a !== 'object' || a === null || typeof a[clause] !== 'boolean') {
      return refusal('INVALID_VALUE', 'must be true or false', `availability.${clause}`);
    }
  }
  return null;
}

function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): { refusal: Refusal } | null {
  return allowed.includes(value as T) ? null : refusal('INVALID_VALUE', `must be one of ${allowed.join(', ')}`, field);
}
