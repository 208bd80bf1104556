/**
 * Preloaded (`node --require`) into the product's own worker process, apps/worker/dist/main.js, so that what the bench
 * measures is the product's worker, unchanged, even where its entry point offers no setting:
 * - BENCH_WORKER_TUNING (JSON worker options) is merged into the options of every Worker.create (headroom variants);
 * - with an IPC channel, `{ type: 'measure' }` is answered with memory and cache size (footprint probe).
 */
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { Worker, WorkerOptions } from '@temporalio/worker';
import { answerMeasureRequests, type WorkerTuning } from './worker-memory';

// The preload also runs in the SDK's workflow threads, where there is nothing to patch: only the main thread hooks in.
if (isMainThread) install();

function install(): void {
  // Patch the SDK instance the product resolves from its own folder, not whichever copy the bench would find.
  const sdkPath = require.resolve('@temporalio/worker', { paths: [path.dirname(path.resolve(process.argv[1] ?? '.'))] });
  const sdk = require(sdkPath) as typeof import('@temporalio/worker');
  const tuning = JSON.parse(process.env.BENCH_WORKER_TUNING || '{}') as WorkerTuning;
  const create = sdk.Worker.create.bind(sdk.Worker);
  let created: Worker | undefined;
  sdk.Worker.create = async (options: WorkerOptions): Promise<Worker> => {
    created = await create({ ...options, ...tuning });
    return created;
  };
  if (Object.keys(tuning).length > 0) console.log(`bench: worker options overridden: ${JSON.stringify(tuning)}`);
  answerMeasureRequests(() => created);
}
