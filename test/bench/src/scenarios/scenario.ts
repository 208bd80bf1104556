import type { People } from '../journeys';
import type { Measurement, Results } from '../results';
import type { Logger, Stack } from '../stack';

export const SCENARIO_NAMES = ['starts', 'commands', 'timers', 'queries', 'footprint', 'imports'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** How big each scenario is. `--full` takes the sizes; the default is small enough for a few minutes on 2 cores. */
export interface Sizes {
  /** Journeys started through the API (and bare workflows started) per run. */
  starts: number;
  /** Commands (and bare updates) timed per run, one at a time. */
  commands: number;
  /** Journeys the commands rotate over. */
  commandJourneys: number;
  /** Journeys (and bare workflows) whose deadline falls due at the same instant, per run. */
  timers: number;
  /** Journeys and events seeded into the read model. */
  queryJourneys: number;
  queryEvents: number;
  /** Executions seeded into Temporal visibility (the same journeys' search attributes). */
  visibilityJourneys: number;
  /** Queries timed per query kind per run. */
  querySamples: number;
  /** Workflows cached by the footprint probe per run. */
  footprintWorkflows: number;
  /** Actions of the pact of the long journey whose history is replayed. */
  replayActions: number;
  /** Rows of the intake list uploaded and imported per run (and bare workflows started). */
  importRows: number;
}

export const DEFAULT_SIZES: Sizes = {
  starts: 60,
  commands: 100,
  commandJourneys: 5,
  timers: 60,
  queryJourneys: 2_000,
  queryEvents: 20_000,
  visibilityJourneys: 2_000,
  querySamples: 40,
  footprintWorkflows: 90,
  replayActions: 50,
  importRows: 500,
};

export const FULL_SIZES: Sizes = {
  starts: 2_000,
  commands: 2_000,
  commandJourneys: 50,
  timers: 10_000,
  queryJourneys: 1_000_000,
  queryEvents: 10_000_000,
  /** Visibility stays at 100,000 executions: starting them took 1244 s here (test/bench/README.md). */
  visibilityJourneys: 100_000,
  querySamples: 200,
  footprintWorkflows: 2_000,
  replayActions: 50,
  importRows: 100_000,
};

export interface BenchContext {
  stack: Stack;
  sizes: Sizes;
  /** Requests or starts in flight at once where a scenario drives load. */
  concurrency: number;
  tag: string;
  people: People;
  results: Results;
  log: Logger;
  /** Where the run's logs go; a scenario may write its own files there (the queries' plans). */
  logsDir: string;
}

/** A scenario measures the product and, in the same run on the same server, the bare baseline. */
export interface Scenario {
  name: ScenarioName;
  title: string;
  /** Once, before the runs (untimed). */
  setup?(ctx: BenchContext): Promise<void>;
  run(ctx: BenchContext, run: number): Promise<Measurement[]>;
  /** Once, after the runs, also when one failed: leave the stack as the next scenario expects it. */
  teardown?(ctx: BenchContext): Promise<void>;
}

/**
 * Runs product and baseline of one run back to back, alternating which goes first from run to run, so a drift of the
 * shared machine's load does not always favour the same side.
 */
export async function inAlternatingOrder<P, B>(run: number, product: () => Promise<P>, baseline: () => Promise<B>): Promise<[P, B]> {
  if (run % 2 === 0) {
    const p = await product();
    return [p, await baseline()];
  }
  const b = await baseline();
  return [await product(), b];
}
