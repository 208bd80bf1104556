import { NO_CLOCKS } from '../programme/catalogue';
import type { JourneyEvent, JourneyStartedData, JourneyState, PactActionState } from './model';

/** Folds one event into the state. Pure and total: events are facts, so nothing here refuses. */
export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  const next = { ...state, lastSeq: event.seq, updatedAt: event.at };
  const progressed = { ...next, lastProgressAt: event.at, noProgressSince: null };
  switch (event.type) {
    case 'JourneyStarted':
      return initialState(event.data, event.at);
    case 'IntakeRecorded':
      return { ...progressed, intake: event.data, stage: 'awaiting_pact' };
    case 'PactSigned': {
      const { actions, ...pact } = event.data;
      return {
        ...progressed,
        stage: 'pact_active',
        pact,
        actions: actions.map(
          (a): PactActionState => ({ ...a, status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null, reminderSentAt: null, escalatedAt: null }),
        ),
        contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
      };
    }
    case 'PactActionCompleted':
      return updateAction(progressed, event.data.actionId, {
        status: 'completed',
        completedAt: event.data.completedAt,
        completedBy: event.data.operatorId,
        note: event.data.note,
      });
    case 'PactActionReminderDue':
      return updateAction(next, event.data.actionId, { reminderSentAt: event.at });
    case 'PactActionOverdue':
      return updateAction(next, event.data.actionId, { status: 'overdue', overdueSince: event.at });
    case 'PactActionEscalated':
      return updateAction(next, event.data.actionId, { escalatedAt: event.at });
    case 'ContactRecorded':
      return { ...progressed, contact: { lastContactAt: event.data.contactedAt, missedDueAt: null, missedSince: null, escalatedAt: null } };
    case 'ContactMissed':
      return { ...next, contact: { ...next.contact, missedDueAt: event.data.dueAt, missedSince: event.at } };
    case 'ContactMissedEscalated':
      return { ...next, contact: { ...next.contact, escalatedAt: event.at } };
    case 'PactDeadlineMissed':
      return { ...next, pactDeadlineMissedAt: event.at };
    case 'PactDeadlineEscalated':
      return { ...next, pactDeadlineEscalatedAt: event.at };
    case 'NoProgressDetected':
      return { ...next, noProgressSince: event.at };
    case 'JourneyClosed':
      return { ...next, stage: 'closed', status: 'closed', closure: event.data };
  }
}

function updateAction(state: JourneyState, actionId: string, change: Partial<PactActionState>): JourneyState {
  return { ...state, actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, ...change } : a)) };
}

function initialState(data: JourneyStartedData, at: string): JourneyState {
  const { catalogueVersion, clocks, ...start } = data;
  return {
    ...start,
    stage: 'awaiting_intake',
    status: 'open',
    startedAt: at,
    intake: null,
    pact: null,
    actions: [],
    closure: null,
    catalogueVersion: catalogueVersion ?? null,
    clocks: clocks ?? NO_CLOCKS,
    contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
    pactDeadlineMissedAt: null,
    pactDeadlineEscalatedAt: null,
    lastProgressAt: at,
    noProgressSince: null,
    lastSeq: 1,
    updatedAt: at,
  };
}

/**
 * Rebuilds a journey's state from its whole history. The first event must be `JourneyStarted`.
 * @example const state = replay(eventsFromTheTable);
 */
export function replay(events: readonly JourneyEvent[]): JourneyState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'JourneyStarted') throw new Error('a journey history starts with JourneyStarted');
  if (first.seq !== 1) throw new Error(`a journey history starts at seq 1, not ${first.seq}`);
  return rest.reduce((state, event) => {
    if (event.seq !== state.lastSeq + 1) throw new Error(`gap in journey history: seq ${event.seq} after ${state.lastSeq}`);
    return evolve(state, event);
  }, initialState(first.data, first.at));
}

/** Applies new events to a state (as the workflow does after each decision). */
export function applyEvents(state: JourneyState, events: readonly JourneyEvent[]): JourneyState {
  return events.reduce(evolve, state);
}

/** The first event of every journey. */
export function journeyStarted(data: JourneyStartedData, at: string): JourneyEvent {
  return { seq: 1, type: 'JourneyStarted', at, data };
}
