import type { Deadline, DeadlineKind } from './deadlines';
import type { CommandType, Deciders, Drafter, Evolvers, NoticeMakers, StallCause } from './handlers';
import type { JourneyEventType, JourneyState, StallReason } from './model';

/**
 * What a feature hands the core, total over its own commands, events, deadline kinds and stall reasons: a feature
 * that adds an event without folding it, or a deadline kind without drafting it, does not compile.
 */
export interface Feature<C extends CommandType, E extends JourneyEventType, D extends DeadlineKind, S extends StallReason> {
  deciders: Deciders<C>;
  evolvers: Evolvers<E>;
  notices: NoticeMakers<E>;
  /** The deadlines still ahead of the journey that this feature keeps, in the order they are processed on a tie. */
  deadlines: (state: JourneyState) => Deadline[];
  drafters: Record<D, Drafter>;
  stallCauses: Record<S, StallCause>;
}

export const noDeadlines = (): Deadline[] => [];
