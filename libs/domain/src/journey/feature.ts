import type { ClockedDeadline, DeadlineKind } from './deadlines';
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
  deadlines: (state: JourneyState) => ClockedDeadline[];
  drafters: Record<D, Drafter>;
  stallCauses: Record<S, StallCause>;
}

/** One rule of a feature (a file): whichever handlers it has. */
export interface Rule {
  deciders?: object;
  evolvers?: object;
  notices?: object;
  deadlines?: (state: JourneyState) => ClockedDeadline[];
  drafters?: object;
  stallCauses?: object;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Present<R extends readonly Rule[], K extends keyof Rule> = { [I in keyof R]: R[I] extends { [P in K]: infer V } ? V : never }[number];
type Merged<R extends readonly Rule[], K extends keyof Rule> = [Present<R, K>] extends [never] ? object : UnionToIntersection<Present<R, K>>;

/**
 * A feature from its rules: their handlers together, their deadlines in the order of the rules. A rule that gains an
 * event, a deadline or a notice needs nothing here; the feature's type then checks that every one is handled.
 */
export function feature<R extends readonly Rule[]>(...rules: R) {
  const merge = <K extends 'deciders' | 'evolvers' | 'notices' | 'drafters' | 'stallCauses'>(key: K) => Object.assign({}, ...rules.map((r) => r[key])) as Merged<R, K>;
  return {
    deciders: merge('deciders'),
    evolvers: merge('evolvers'),
    notices: merge('notices'),
    deadlines: (state: JourneyState): ClockedDeadline[] => rules.flatMap((r) => r.deadlines?.(state) ?? []),
    drafters: merge('drafters'),
    stallCauses: merge('stallCauses'),
  };
}
