/**
 * The baseline worker process: the trivial workflows of baseline-workflows.ts, no activities, plain SDK. Configured by
 * BENCH_WORKER (JSON, see BenchWorkerConfig) plus the TEMPORAL_* variables the product reads. Talks to the bench over
 * IPC: sends `ready`, answers `measure` (see worker-memory.ts).
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporalSettings } from '@sal/temporal';
import { answerMeasureRequests, type WorkerTuning } from './worker-memory';

export interface BenchWorkerConfig {
  taskQueue: string;
  /** The prebuilt baseline workflow bundle. */
  bundlePath: string;
  tuning: WorkerTuning;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_WORKER ?? '') as BenchWorkerConfig;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const settings = temporalSettings();
  const connection = await NativeConnection.connect(settings.connection);
  try {
    const worker = await Worker.create({
      connection,
      namespace: settings.namespace,
      taskQueue: config.taskQueue,
      workflowBundle: { codePath: config.bundlePath },
      ...config.tuning,
    });
    answerMeasureRequests(() => worker);
    const running = worker.run();
    process.send?.({ type: 'ready' });
    console.log(`bench-worker: baseline worker polling ${config.taskQueue}`);
    // The bench stops us with SIGTERM; the runtime's own handler then shuts the worker down gracefully.
    await running;
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error('bench-worker: failed:', error);
  process.exit(1);
});
