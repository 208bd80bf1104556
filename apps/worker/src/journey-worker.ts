import { NativeConnection, Worker, type DataConverter, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createJourneyActivities, createRetentionActivities, type NoticeRecorder, type RetentionActivityDeps } from '@sal/activities';
import { journeyDataConverter, tracingWorkerOptions, type Tracing } from '@sal/temporal';
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
  /**
   * Traces workflows and activities (the SDK's OpenTelemetry interceptors; workflows' spans leave through a sink) and
   * puts the request id in their log lines. The prebuilt bundle holds the workflow interceptors: a worker loading it
   * must be given this.
   */
  tracing?: Pick<Tracing, 'resource' | 'spanProcessor'>;
  /** Extra worker options (tuning, interceptors); they win over the defaults here. */
  tuning?: Partial<WorkerOptions>;
}

/** Creates the worker that runs journey workflows and their activities on one task queue. */
export function createJourneyWorker(o: JourneyWorkerOptions): Promise<Worker> {
  const traced = o.tracing ? tracingWorkerOptions(o.tracing) : null;
  const workflowOptions: Partial<WorkerOptions> =
    'bundlePath' in o.workflows
      ? { workflowBundle: { codePath: o.workflows.bundlePath } }
      : { workflowsPath: o.workflows.workflowsPath, bundlerOptions: { preloadModules: [...WORKFLOW_PRELOAD_MODULES], ...o.workflows.bundlerOptions } };
  const interceptors: WorkerOptions['interceptors'] = traced
    ? { activity: traced.activityInterceptors, ...('bundlePath' in o.workflows ? {} : { workflowModules: [...WORKFLOW_INTERCEPTOR_MODULES] }) }
    : undefined;
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
    ...(traced ? { sinks: traced.sinks, interceptors } : {}),
    ...workflowOptions,
    ...o.tuning,
  });
}

/**
 * The workflow interceptors of a traced worker: the SDK's OpenTelemetry ones for runs started with a trace context
 * (journeys started before tracing replay without them), and the request id in log lines (workflows/src/interceptors.ts).
 * `build:bundle` puts them in the prebuilt bundle.
 */
export const WORKFLOW_INTERCEPTOR_MODULES: readonly string[] = [require.resolve('@sal/workflows/dist/interceptors')];

/**
 * The modules every workflow of a worker thread shares instead of loading its own copy (the bundler's
 * `preloadModules`: loaded once per thread before any workflow, then deep-frozen). Without it each cached journey held
 * its own instance of zod and of `@sal/domain` (issue 19: the worker's heap grew by megabytes per journey started).
 * Only modules that keep no per-workflow state and never write to their own module-level objects belong here: zod
 * (the schemas themselves are built per workflow, lazily, by `@sal/contracts`, because zod writes to its schemas) and
 * `@sal/domain` (pure functions and constant tables). `build:bundle` puts them in the prebuilt bundle.
 */
export const WORKFLOW_PRELOAD_MODULES: readonly string[] = [
  // zod through a module of ours: the bundler drops a preloaded module that is marked free of side effects, as zod is.
  require.resolve('@sal/contracts/dist/zod-shared'),
  require.resolve('@sal/domain'),
];
