import type { JourneyCommand } from './commands';
import { APPEAL_COMMAND_TYPES, journeyFinished } from '../conditionality/appeals';
import { pathGate } from '../assessment/gate';
import { JOURNEY } from './features';
import { COMMANDS_WHILE_SUSPENDED, suspended } from '../pauses';
import { asEvents, processDeadlines } from './deadline-round';
import type { CommandType, Deciders } from './handlers';
import type { JourneyEvent, JourneyState } from './model';
import type { Refusal } from './refusals';
import { refusal, type Outcome } from './rules';

export { resolveDueAt } from './rules';

/** A decision: the events a command produces, or why it is refused (then nothing is recorded). */
export type Decision = { ok: true; events: JourneyEvent[] } | { ok: false; refusal: Refusal };

const DECIDERS = {
  ...JOURNEY.deciders,
  ProcessDeadlines: (state: JourneyState, _command: unknown, now: string) => processDeadlines(state, now),
} satisfies Deciders<CommandType>;

/**
 * Decides what a command does to a journey at instant `now` (an ISO-8601 instant supplied by the caller, so the
 * decision is deterministic: the workflow passes its own clock).
 */
export function decide(state: JourneyState, command: JourneyCommand, now: string): Decision {
  if (state.status === 'closed' && !(acceptedAfterClosure(command) && !journeyFinished(state))) {
    return { ok: false, refusal: { code: 'JOURNEY_CLOSED', message: `the journey was closed on ${state.closure?.closedAt ?? state.updatedAt}; it accepts no more commands` } };
  }
  if (typeof command !== 'object' || command === null) return { ok: false, refusal: { code: 'INVALID_VALUE', message: 'a command is an object with a type' } };
  const outcome = decideOpen(state, command, now);
  if ('refusal' in outcome) return { ok: false, refusal: outcome.refusal };
  return { ok: true, events: asEvents(state, outcome, now) };
}

/** A journey closed by decadenza still takes the notification and appeal commands while an appeal is possible. */
function acceptedAfterClosure(command: JourneyCommand): boolean {
  const type: unknown = typeof command === 'object' && command !== null ? command.type : undefined;
  return (APPEAL_COMMAND_TYPES as readonly unknown[]).includes(type);
}

function decideOpen(state: JourneyState, command: JourneyCommand, now: string): Outcome {
  // Commands reach the workflow untyped: a type that names no decider (`toString` included) is refused, not looked up.
  const type: unknown = command.type;
  if (typeof type !== 'string' || !Object.hasOwn(DECIDERS, type)) return refusal('INVALID_VALUE', `unknown command type ${String(type)}`, 'type');
  if (suspended(state) && !(COMMANDS_WHILE_SUSPENDED as readonly string[]).includes(type)) {
    return refusal('JOURNEY_SUSPENDED', `the journey is suspended by a job (art. 19 c.3 D.lgs. 150/2015): end the suspension (EndSuspension) first, or record the placement or close the journey`);
  }
  // GOL's assessment stage: the pact and what runs under it wait for the path.
  const gated = pathGate(state, type as CommandType);
  if (gated) return gated;
  const decider = DECIDERS[type as CommandType] as (state: JourneyState, command: JourneyCommand, now: string) => Outcome;
  return decider(state, command, now);
}
