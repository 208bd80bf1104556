import { NativeConnection, Worker, type DataConverter, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createJourneyActivities, createRetentionActivities, type NoticeRecorder, type RetentionActivityDeps } from '@sal/activities';
import { journeyDataConverter } from '@sal/temporal';
import type { WorkflowSource } from './settings';

export interface JourneyWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Where the journeys' notices go (the notification outbox). */
  notices: NoticeRecorder;
  workflows: WorkflowSource;
  /**
   * Encrypts and decrypts every payload (inputs, results, activity arguments, queries, updates). Default: the
   * product's AES-256-GCM codec keyed by `PAYLOAD_ENCRYPTION_KEYS`; it must match the clients' keys.
   */
  dataConverter?: DataConverter;
  /**
   * The retention sweep's activity (issue 15) needs to ask Temporal whether a journey's workflow still runs; absent,
   * the worker runs no sweep activity (tests of the journey alone).
   */
  retention?: Omit<RetentionActivityDeps, 'dataSource'>;
  /** Extra worker options (tuning, interceptors); they win over the defaults here. */
  tuning?: Partial<WorkerOptions>;
}

/** Creates the worker that runs journey workflows and their activities on one task queue. */
export function createJourneyWorker(o: JourneyWorkerOptions): Promise<Worker> {
  const workflowOptions: Partial<WorkerOptions> =
    'bundlePath' in o.workflows
      ? { workflowBundle: { codePath: o.workflows.bundlePath } }
      : { workflowsPath: o.workflows.workflowsPath, bundlerOptions: o.workflows.bundlerOptions };
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    dataConverter: o.dataConverter ?? journeyDataConverter(),
    activities: {
      ...createJourneyActivities({ dataSource: o.dataSource, notices: o.notices }),
      ...(o.retention ? createRetentionActivities({ dataSource: o.dataSource, ...o.retention }) : {}),
    },
    // In-flight activities get this long to finish on shutdown; after it they are cancelled and retried elsewhere.
    shutdownGraceTime: '20 seconds',
    ...workflowOptions,
    ...o.tuning,
  });
}
