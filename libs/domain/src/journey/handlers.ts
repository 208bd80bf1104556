import type { JourneyCommand } from './commands';
import type { Deadline } from './deadlines';
import type { JourneyEvent, JourneyEventType, JourneyState } from './model';
import type { JourneyNotice } from './notices';
import type { Draft, Outcome } from './rules';

/**
 * The shapes of what a feature hands the core: the core keeps one total record of each, keyed by command type, event
 * type, deadline kind and stall reason, so a handler left out is a compile error rather than a silent default.
 */

export type CommandType = JourneyCommand['type'];
export type CommandOf<K extends CommandType> = Extract<JourneyCommand, { type: K }>;
export type EventOf<K extends JourneyEventType> = Extract<JourneyEvent, { type: K }>;

export type Decider<K extends CommandType> = (state: JourneyState, command: CommandOf<K>, now: string) => Outcome;
export type Deciders<K extends CommandType> = { [C in K]: Decider<C> };

/** Folds one event into a state whose `lastSeq` and `updatedAt` already follow the event. */
export type Evolver<K extends JourneyEventType> = (state: JourneyState, event: EventOf<K>) => JourneyState;
export type Evolvers<K extends JourneyEventType> = { [E in K]: Evolver<E> };

/** The notices an event sends, given the journey's state after the batch it belongs to. */
export type NoticeMaker<K extends JourneyEventType> = (event: EventOf<K>, state: JourneyState) => JourneyNotice[];
export type NoticeMakers<K extends JourneyEventType> = { [E in K]: NoticeMaker<E> };

/** The events a due deadline produces, decided on the state the round has reached; `due` is the whole round. */
export type Drafter = (state: JourneyState, deadline: Deadline, due: readonly Deadline[]) => Draft[];

/** Since when a journey is stalled for one reason, or null. */
export type StallCause = (state: JourneyState) => string | null;
