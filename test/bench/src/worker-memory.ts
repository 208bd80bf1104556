import type { Worker, WorkerOptions } from '@temporalio/worker';

/** Worker options that can cross a process boundary as JSON. */
export type WorkerTuning = Partial<
  Pick<
    WorkerOptions,
    | 'maxCachedWorkflows'
    | 'maxConcurrentWorkflowTaskExecutions'
    | 'maxConcurrentWorkflowTaskPolls'
    | 'maxConcurrentActivityTaskExecutions'
    | 'maxConcurrentActivityTaskPolls'
    | 'workflowThreadPoolSize'
    | 'nonStickyToStickyPollRatio'
  >
>;

export interface MemoryReport {
  type: 'memory';
  rss: number;
  heapUsed: number;
  /** -1 when the worker is not created yet. */
  cachedWorkflows: number;
}

/**
 * Answers the bench's `{ type: 'measure' }` IPC requests with the process's memory after a full collection (when run
 * with --expose-gc) and the worker's cache size. Does nothing without an IPC channel. The channel is unref'd so it
 * never keeps a stopping worker process alive.
 */
export function answerMeasureRequests(worker: () => Worker | undefined): void {
  if (!process.send) return;
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'measure') void measure(worker()).then((report) => process.send?.(report));
  });
  process.channel?.unref();
}

async function measure(worker: Worker | undefined): Promise<MemoryReport> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3 && gc; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const m = process.memoryUsage();
  return { type: 'memory', rss: m.rss, heapUsed: m.heapUsed, cachedWorkflows: worker?.getStatus().numCachedWorkflows ?? -1 };
}
