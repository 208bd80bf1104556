import { FILE_SQLITE_PRAGMAS, sqlitePragmaArgs } from '@sal/infra';
import type { WorkerTuning } from './worker-memory';

/**
 * One configuration of the engine side: how the Temporal dev server stores its state and which of its settings are
 * changed, and how the workers are tuned. `defaults` is what `npm start` runs; the others are the headroom candidates.
 */
export interface Variant {
  name: string;
  description: string;
  /** The dev server's store: a SQLite file (as `npm start`) or memory (nothing survives a restart). */
  temporalStore: 'file' | 'memory';
  /** Extra `temporal server start-dev` flags: `--sqlite-pragma`, `--dynamic-config-value`. */
  serverArgs: string[];
  /**
   * Worker options for both the journey worker and the baseline worker. When set, the product's own worker process
   * (apps/worker/dist/main.js, which takes no tuning) runs with src/worker-hooks.ts preloaded, which merges them into
   * its Worker.create options.
   */
  workerTuning?: WorkerTuning;
  /** Product settings (environment of the worker and the API), for product-side headroom. */
  productEnv?: Record<string, string>;
}

const pragma = (p: string): string[] => ['--sqlite-pragma', p];
const dynamic = (key: string, value: unknown): string[] => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`];
/** What `npm start` gives its dev server on a file (infra's FILE_SQLITE_PRAGMAS): every file variant starts from it. */
const NPM_START = sqlitePragmaArgs(FILE_SQLITE_PRAGMAS);

export const VARIANTS: Variant[] = [
  {
    name: 'defaults',
    description: `as \`npm start\`: dev server on a SQLite file with ${FILE_SQLITE_PRAGMAS.join(', ')}, its default dynamic config; apps/worker defaults`,
    temporalStore: 'file',
    serverArgs: NPM_START,
  },
  {
    name: 'sqlite-rollback',
    description: "the dev server's own SQLite defaults (rollback journal, synchronous=FULL), as npm start ran it until WAL was measured better",
    temporalStore: 'file',
    serverArgs: [],
  },
  {
    name: 'sqlite-wal',
    description: 'SQLite journal_mode=WAL and synchronous=NORMAL (a power cut may lose the last commits; defaults: synchronous=FULL)',
    temporalStore: 'file',
    serverArgs: [...pragma('journal_mode=wal'), ...pragma('synchronous=normal')],
  },
  {
    name: 'in-memory',
    description: 'dev server in memory (no file; nothing survives a restart): the upper bound for SQLite tuning',
    temporalStore: 'memory',
    serverArgs: [],
  },
  {
    name: 'one-partition',
    description: 'task queues with 1 partition instead of 4 (matching.numTaskqueue{Read,Write}Partitions=1)',
    temporalStore: 'file',
    serverArgs: [...NPM_START, ...dynamic('matching.numTaskqueueReadPartitions', 1), ...dynamic('matching.numTaskqueueWritePartitions', 1)],
  },
  {
    name: 'wal+one-partition',
    description: 'sqlite-wal and one-partition together',
    temporalStore: 'file',
    serverArgs: [
      ...pragma('journal_mode=wal'),
      ...pragma('synchronous=normal'),
      ...dynamic('matching.numTaskqueueReadPartitions', 1),
      ...dynamic('matching.numTaskqueueWritePartitions', 1),
    ],
  },
  {
    name: 'timer-queue',
    description: 'history.timerTaskBatchSize=500 and history.timerProcessorMaxPollRPS=100 (defaults 100 and 20)',
    temporalStore: 'file',
    serverArgs: [...NPM_START, ...dynamic('history.timerTaskBatchSize', 500), ...dynamic('history.timerProcessorMaxPollRPS', 100)],
  },
  {
    name: 'worker-hook',
    description: 'control: the worker hook preloaded with no change (must match defaults, else the hook itself taints the worker variants)',
    temporalStore: 'file',
    serverArgs: NPM_START,
    workerTuning: {},
  },
  {
    name: 'worker-few-pollers',
    description: 'workers with 2 workflow and 2 activity pollers (defaults: up to 10 each)',
    temporalStore: 'file',
    serverArgs: NPM_START,
    workerTuning: { maxConcurrentWorkflowTaskPolls: 2, maxConcurrentActivityTaskPolls: 2 },
  },
  {
    name: 'worker-wide',
    description: 'workers with 200 workflow task slots and 20 pollers each (defaults: 40 slots, 10 pollers)',
    temporalStore: 'file',
    serverArgs: NPM_START,
    workerTuning: { maxConcurrentWorkflowTaskExecutions: 200, maxConcurrentWorkflowTaskPolls: 20, maxConcurrentActivityTaskPolls: 20 },
  },
  {
    name: 'dispatcher-batch-50',
    description: 'product side: the notification dispatcher claims 50 messages per cycle (NOTIFICATIONS_BATCH_SIZE=50; default 10)',
    temporalStore: 'file',
    serverArgs: NPM_START,
    productEnv: { NOTIFICATIONS_BATCH_SIZE: '50' },
  },
];

export function findVariant(name: string): Variant {
  const variant = VARIANTS.find((v) => v.name === name);
  if (!variant) throw new Error(`unknown variant "${name}"; known: ${VARIANTS.map((v) => v.name).join(', ')}`);
  return variant;
}
