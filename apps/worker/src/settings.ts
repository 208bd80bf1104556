import { existsSync } from 'node:fs';
import type { WorkerOptions } from '@temporalio/worker';
import {
  ConfigurationProblems,
  DATABASE_ENV,
  defineEnv,
  host,
  loadEnv,
  MAIL_SERVER_ENV,
  port,
  RUNTIME_ENV,
  text,
  variable,
  wholeNumber,
  type LoadOptions,
} from '@sal/config';
import { loadNotificationSettings, NOTIFICATIONS_ENV, type NotificationSettings } from '@sal/notifications';
import { databaseSettings, type DatabaseSettings } from '@sal/persistence';
import {
  OBSERVABILITY_ENV,
  observabilitySettings,
  PAYLOAD_KEYS_ENV,
  payloadEncryptionSettings,
  TEMPORAL_ENV,
  temporalSettings,
  type ObservabilitySettings,
  type PayloadEncryptionSettings,
  type TemporalSettings,
} from '@sal/temporal';

/** Where the worker takes its workflow code from. */
export type WorkflowSource =
  /** A bundle prebuilt by `build:bundle` (production: no bundling at start-up, the exact code that was tested). */
  | { bundlePath: string }
  /** Bundled at start-up from a workflows entry point (development and tests). */
  | { workflowsPath: string; bundlerOptions?: WorkerOptions['bundlerOptions'] };

/** The variables only the worker reads. */
export const WORKER_ENV = defineEnv({
  WORKFLOW_BUNDLE_PATH: variable(text(), {
    description: 'a prebuilt workflow bundle to load instead of bundling at start-up',
    defaultText: 'with `NODE_ENV=production`, `apps/worker/dist/workflow-bundle.js`',
  }),
  RETENTION_SWEEP_EVERY_MINUTES: variable(wholeNumber(0, 525_600), {
    description: 'how often the retention sweep runs (a Temporal Schedule the worker creates or updates at start); `0`: the worker leaves the schedule alone (an administrator still runs a sweep with `POST /admin/retention/run`)',
    default: 1440,
  }),
  WORKER_HEALTH_PORT: variable(port(), {
    description: "port of the worker's probes (`GET /health/live`, `GET /health/ready`: 200 while the worker polls, 503 once it drains)",
    defaultText: 'unset: no probe server',
  }),
  WORKER_HEALTH_HOST: variable(host(), { description: "interface of the worker's probe server", default: '0.0.0.0' }),
  WORKER_METRICS_PORT: variable(wholeNumber(0, 65_535), {
    description: "port of the worker's Prometheus endpoint (`/metrics`: the Temporal SDK's metrics and the notification dispatcher's); `0`: none",
    default: 9464,
  }),
  WORKER_METRICS_HOST: variable(host(), {
    description: "address the worker's Prometheus endpoint listens on (`0.0.0.0` in a container)",
    default: '127.0.0.1',
  }),
  WORKER_MAX_CACHED_WORKFLOWS: variable(wholeNumber(2, 1_000_000), {
    description:
      "journeys the worker keeps in memory between their steps (the SDK's sticky cache; a journey not cached replays its history on its next step); the SDK's own default grows with the process's heap limit (about 2,300 on a 24 GiB machine), more than `WORKER_WORKFLOW_HEAP_MIB` holds",
    default: 100,
  }),
  WORKER_WORKFLOW_HEAP_MIB: variable(wholeNumber(64, 65_536), {
    description:
      "V8 old-space limit, in MiB, of the worker's workflow thread (where the journeys run and are cached); without one V8 sizes it from the machine's memory (about 4 GiB) and lets it grow far before collecting; keep it above what `WORKER_MAX_CACHED_WORKFLOWS` journeys hold (a workflow thread out of memory stops the worker)",
    default: 192,
  }),
});

/** Every schema the worker process reads, in the order its problems are listed. */
export const WORKER_ENVIRONMENT = [RUNTIME_ENV, WORKER_ENV, TEMPORAL_ENV, DATABASE_ENV, PAYLOAD_KEYS_ENV, MAIL_SERVER_ENV, NOTIFICATIONS_ENV, OBSERVABILITY_ENV] as const;

/** Everything the worker reads from its environment, once, at start-up. */
export interface WorkerSettings {
  temporal: TemporalSettings;
  database: DatabaseSettings;
  payloadEncryption: PayloadEncryptionSettings;
  notifications: NotificationSettings;
  workflows: WorkflowSource;
  /** Minutes between retention sweeps; 0: no schedule. */
  retentionSweepEveryMinutes: number;
  /** Where the probe server listens; null: none. */
  health: { port: number; host: string } | null;
  observability: ObservabilitySettings;
  /** `host:port` of the Prometheus endpoint, or none. */
  metricsAddress: string | null;
  /** Journeys kept cached between steps. */
  maxCachedWorkflows: number;
  /** V8 old-space limit of the workflow thread, MiB. */
  workflowHeapMiB: number;
}

/**
 * Reads and validates the worker's settings.
 * @throws ConfigurationError listing every variable that is wrong.
 */
export function loadWorkerSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): WorkerSettings {
  const problems = new ConfigurationProblems();
  const workflows = problems.take(() => defaultWorkflowSource(env, options));
  const temporal = problems.take(() => temporalSettings(env, options));
  const database = problems.take(() => databaseSettings(env, options));
  const payloadEncryption = problems.take(() => payloadEncryptionSettings(env, options.warn));
  const notifications = problems.take(() => loadNotificationSettings(env, options));
  const worker = problems.take(() => loadEnv(WORKER_ENV, env, options));
  const observability = problems.take(() => observabilitySettings(env, options));
  problems.throwIfAny();
  const metricsHost = worker!.WORKER_METRICS_HOST.includes(':') ? `[${worker!.WORKER_METRICS_HOST}]` : worker!.WORKER_METRICS_HOST;
  return {
    observability: observability!,
    metricsAddress: worker!.WORKER_METRICS_PORT === 0 ? null : `${metricsHost}:${worker!.WORKER_METRICS_PORT}`,
    temporal: temporal!,
    database: database!,
    payloadEncryption: payloadEncryption!,
    notifications: notifications!,
    workflows: workflows!,
    retentionSweepEveryMinutes: worker!.RETENTION_SWEEP_EVERY_MINUTES,
    maxCachedWorkflows: worker!.WORKER_MAX_CACHED_WORKFLOWS,
    workflowHeapMiB: worker!.WORKER_WORKFLOW_HEAP_MIB,
    health: worker!.WORKER_HEALTH_PORT === undefined ? null : { port: worker!.WORKER_HEALTH_PORT, host: worker!.WORKER_HEALTH_HOST },
  };
}

/** The prebuilt bundle in production (or when `WORKFLOW_BUNDLE_PATH` names one), the workflows package otherwise. */
export function defaultWorkflowSource(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): WorkflowSource {
  const problems = new ConfigurationProblems();
  const runtime = problems.take(() => loadEnv(RUNTIME_ENV, env, options));
  const worker = problems.take(() => loadEnv(WORKER_ENV, env, options));
  problems.throwIfAny();
  const bundlePath = worker!.WORKFLOW_BUNDLE_PATH ?? (runtime!.NODE_ENV === 'production' ? require.resolve('../dist/workflow-bundle.js') : undefined);
  if (bundlePath) {
    if (!existsSync(bundlePath)) {
      problems.add(`WORKFLOW_BUNDLE_PATH: no workflow bundle at ${bundlePath}: run \`npm run build:bundle -w @sal/worker\``);
      problems.throwIfAny();
    }
    return { bundlePath };
  }
  return { workflowsPath: require.resolve('@sal/workflows') };
}
