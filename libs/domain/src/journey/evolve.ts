import type { JourneyStartedData } from '../intake/model';
import { JOURNEY } from './features';
import type { Evolvers } from './handlers';
import type { JourneyEvent, JourneyEventType, JourneyState } from './model';
import { initialState } from './start';

export { upgradeState } from './upgrade';

const EVOLVERS = JOURNEY.evolvers satisfies Evolvers<JourneyEventType>;

/** Folds one event into the state. Pure and total: events are facts, so nothing here refuses. */
export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  const next = { ...state, lastSeq: event.seq, updatedAt: event.at };
  const evolver = EVOLVERS[event.type] as (state: JourneyState, event: JourneyEvent) => JourneyState;
  return evolver(next, event);
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
