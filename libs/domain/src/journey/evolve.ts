import type { JourneyEvent, JourneyStartedData, JourneyState } from './model';

/** Folds one event into the state. Pure and total: events are facts, so nothing here refuses. */
export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  const next = { ...state, lastSeq: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'JourneyStarted':
      return initialState(event.data, event.at);
    case 'IntakeRecorded':
      return { ...next, intake: event.data, stage: 'awaiting_pact' };
    case 'PactSigned': {
      const { actions, ...pact } = event.data;
      return {
        ...next,
        stage: 'pact_active',
        pact,
        actions: actions.map((a) => ({ ...a, status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null })),
      };
    }
    case 'PactActionCompleted':
      return {
        ...next,
        actions: next.actions.map((a) =>
          a.actionId === event.data.actionId
            ? { ...a, status: 'completed', completedAt: event.data.completedAt, completedBy: event.data.operatorId, note: event.data.note }
            : a,
        ),
      };
    case 'PactActionOverdue':
      return {
        ...next,
        actions: next.actions.map((a) => (a.actionId === event.data.actionId ? { ...a, status: 'overdue', overdueSince: event.at } : a)),
      };
    case 'JourneyClosed':
      return { ...next, stage: 'closed', status: 'closed', closure: event.data };
  }
}

function initialState(data: JourneyStartedData, at: string): JourneyState {
  return {
    ...data,
    stage: 'awaiting_intake',
    status: 'open',
    startedAt: at,
    intake: null,
    pact: null,
    actions: [],
    closure: null,
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
