import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  createDatabase,
  dropDatabase,
  findOrBuildTemporalCli,
  getFreePort,
  startEmbeddedPostgres,
  startSmtpSink,
  startTemporalCluster,
  startTemporalDevServer,
  TEMPORAL_SERVER_VERSION,
  type SmtpSink,
} from '@sal/infra';
import { createDataSource } from '@sal/persistence';
import { journeySearchAttributeTypes, temporalSettings } from '@sal/temporal';
import { issueTokens, type Tokens } from './auth';
import type { BenchWorkerConfig } from './bench-worker';
import { NodeChild } from './children';
import { JsonHttpClient } from './http';
import { BENCH_OPERATOR } from './journeys';
import { pollUntil } from './pool';
import type { Variant } from './variants';
import type { MemoryReport, WorkerTuning } from './worker-memory';

export type Logger = (line: string) => void;

export interface StackOptions {
  root: string;
  variant: Variant;
  /** Where the processes' logs go (kept after the run). */
  logsDir: string;
  /** The prebuilt baseline workflow bundle. */
  baselineBundlePath: string;
  /** Unique per variant run: database, task queues and ids carry it. */
  tag: string;
  /** The Go-built Temporal server on the bench's PostgreSQL instead of the dev server (`--cluster`). */
  cluster?: boolean;
  log: Logger;
}

/** A worker process: the product's (possibly with the bench's hooks preloaded, see worker-hooks.ts) or the baseline's. */
export interface WorkerProcess {
  child: NodeChild;
  /** Memory and cache size; for the product's worker only when started as a probe. */
  measure(): Promise<MemoryReport>;
}

export interface WorkerRestart {
  /** IPC and --expose-gc, so `measure` works and reports memory after a full GC. */
  probe?: boolean;
  /** Worker options for the new process; default: the variant's. */
  tuning?: WorkerTuning;
}

/**
 * A running stack: Temporal, PostgreSQL with a fresh migrated database, a mail sink, the product's worker and API
 * (their built entry points, as in production), and the baseline worker.
 */
export interface Stack {
  temporal: { address: string; namespace: string; description: string; external: boolean; cliPath?: string };
  postgres: { description: string };
  /** The bench's own connection to the read model (seeding, polling). */
  db: DataSource;
  client: Client;
  /** The API, authenticated as the bench's operator by default. */
  api: JsonHttpClient;
  /** Its base URL, for requests that are not JSON (an uploaded file). */
  apiUrl: string;
  tokens: Tokens;
  productTaskQueue: string;
  baselineTaskQueue: string;
  productBundlePath: string;
  baselineBundlePath: string;
  /** The embedded SMTP sink the worker's dispatcher sends to; absent when SMTP_URL is configured. */
  mailSink?: SmtpSink;
  /** Every task queue the bench started workflows on, for the clean-up of a configured (shared) server. */
  taskQueues: Set<string>;
  dataDir: string;
  /** Pids for the CPU meter. */
  pids(): Record<string, number | undefined>;
  /**
   * Stops a worker and starts it again on the same task queue, optionally as a probe or with other worker options.
   * The footprint scenario measures the product's own worker process (and the baseline's) this way.
   */
  restartWorker(which: 'product' | 'baseline', o?: WorkerRestart): Promise<WorkerProcess>;
  stop(): Promise<void>;
}

const HTTP_SOCKETS = 64;
/** The sink keeps every message of a full-size timer storm (two notices per journey). */
const SINK_MAX_MESSAGES = 100_000;

/** Starts everything; on failure stops what was already started and rethrows. */
export async function startStack(o: StackOptions): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        o.log(`clean-up step failed: ${(error as Error).message}`);
      }
    }
  };
  try {
    return await start(o, stops, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function start(o: StackOptions, stops: (() => Promise<void>)[], stopAll: () => Promise<void>): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sal-bench-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));

  // The cluster keeps its stores on the bench's PostgreSQL, so that one starts first then.
  const postgres = o.cluster ? await startPostgres(dataDir, stops) : undefined;
  const temporal = await startTemporal(o, dataDir, stops, postgres?.adminUrl);
  const pg = postgres ?? (await startPostgres(dataDir, stops));
  const dbName = `sal_bench_${o.tag.replace(/[^a-z0-9]/g, '_')}`;
  const dbUrl = await createDatabase(pg.adminUrl, dbName);
  stops.push(() => dropDatabase(pg.adminUrl, dbName));
  const db = await createDataSource(dbUrl, { extra: { max: 8 } }).initialize();
  stops.push(() => db.destroy());
  await db.runMigrations({ transaction: 'each' });

  const connection = await Connection.connect(temporal.external ? temporalSettings().connection : { address: temporal.address });
  stops.push(() => connection.close());
  const client = new Client({ connection, namespace: temporal.namespace });
  const taskQueues = new Set<string>();
  // Our own dev server vanishes with its folder; on a configured server the bench's workflows must not stay behind.
  if (temporal.external) stops.push(() => terminateBenchWorkflows(client, taskQueues, o.tag));

  let mailSink: SmtpSink | undefined;
  if (!process.env.SMTP_URL) {
    mailSink = await startSmtpSink({ host: '127.0.0.1', httpPort: false, maxMessages: SINK_MAX_MESSAGES });
    stops.push(() => mailSink!.stop());
  }

  const productBundlePath = path.join(o.root, 'apps/worker/dist/workflow-bundle.js');
  if (!existsSync(productBundlePath)) throw new Error(`${productBundlePath} is missing: run npm run build:bundle -w @sal/worker`);
  const productTaskQueue = `bench-product-${o.tag}`;
  const baselineTaskQueue = `bench-baseline-${o.tag}`;
  taskQueues.add(productTaskQueue).add(baselineTaskQueue);
  const apiPort = await getFreePort();
  const env: NodeJS.ProcessEnv = {
    ...withoutTemporalClientSettings(process.env, temporal.external),
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    // Several workers may run at once: none binds a metrics port (and none pays for an exporter the baseline lacks).
    WORKER_METRICS_PORT: '0',
    TEMPORAL_TASK_QUEUE: productTaskQueue,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    WORKFLOW_BUNDLE_PATH: productBundlePath,
    // The API limits each client address to 600 requests a minute by default; the bench is one address sending
    // thousands (default sizes pass 600 within a scenario or two), and a 429 is not what it measures. As the tests do.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    // The bench's people are spread over made-up offices the directory does not list: start them under the national
    // defaults, as the tests do (the default, `refuse`, is what a region runs).
    API_UNLISTED_OFFICES: 'national',
    ...(mailSink ? { SMTP_URL: `smtp://127.0.0.1:${mailSink.smtpPort}` } : {}),
    ...o.variant.productEnv,
  };

  const children = new Set<NodeChild>();
  stops.push(async () => {
    // The API first, then the workers it sends work to.
    for (const child of [...children].reverse()) await child.stop();
  });
  const track = (child: NodeChild): NodeChild => {
    children.add(child);
    return child;
  };

  let workerCount = 0;
  const startProductWorker = async ({ probe = false, tuning = o.variant.workerTuning }: WorkerRestart): Promise<WorkerProcess> => {
    const hooked = probe || tuning !== undefined;
    const child = track(
      NodeChild.start({
        name: 'worker',
        script: path.join(o.root, 'apps/worker/dist/main.js'),
        env: { ...env, ...(tuning ? { BENCH_WORKER_TUNING: JSON.stringify(tuning) } : {}) },
        logFile: path.join(o.logsDir, `worker-${++workerCount}.log`),
        execArgv: [...productWorkerNodeArgs(), ...(hooked ? ['--require', path.join(__dirname, 'worker-hooks.js'), ...(probe ? ['--expose-gc'] : [])] : [])],
        ipc: probe,
      }),
    );
    await child.waitForLine(/polling task queue/);
    return { child, measure: () => child.request<MemoryReport>({ type: 'measure' }, 'memory') };
  };
  const startBaselineWorker = async ({ probe = false, tuning = o.variant.workerTuning }: WorkerRestart): Promise<WorkerProcess> => {
    const config: BenchWorkerConfig = { taskQueue: baselineTaskQueue, bundlePath: o.baselineBundlePath, tuning: tuning ?? {} };
    const child = track(
      NodeChild.start({
        name: 'baseline-worker',
        script: path.join(__dirname, 'bench-worker.js'),
        env: { ...env, BENCH_WORKER: JSON.stringify(config) },
        logFile: path.join(o.logsDir, `baseline-worker-${++workerCount}.log`),
        execArgv: probe ? ['--expose-gc'] : [],
        ipc: true,
      }),
    );
    await child.waitForMessage('ready');
    return { child, measure: () => child.request<MemoryReport>({ type: 'measure' }, 'memory') };
  };
  const workers = { product: await startProductWorker({}), baseline: await startBaselineWorker({}) };

  const apiChild = track(NodeChild.start({ name: 'api', script: path.join(o.root, 'apps/api/dist/main.js'), env, logFile: path.join(o.logsDir, 'api.log'), execArgv: nodeArgs('BENCH_API_NODE_ARGS') }));
  const api = new JsonHttpClient(`http://127.0.0.1:${apiPort}`, HTTP_SOCKETS);
  api.describeServer = () =>
    apiChild.running
      ? `the API process is running (log ${path.join(o.logsDir, 'api.log')})`
      : `the API process has exited; its last output:\n${apiChild.output().split('\n').slice(-20).join('\n')}`;
  stops.push(async () => api.close());
  await pollUntil(
    async () => {
      if (!apiChild.running) throw new Error(`the API exited:\n${apiChild.output()}`);
      const health = await api.request('GET', '/health').catch(() => undefined);
      return health?.status === 200 ? true : undefined;
    },
    'the API to report healthy',
    { timeoutMs: 180_000, intervalMs: 500 },
  );
  const tokens = issueTokens(o.root, env, BENCH_OPERATOR);
  api.token = tokens.operator;

  return {
    temporal,
    postgres: { description: pg.description },
    db,
    client,
    api,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    tokens,
    productTaskQueue,
    baselineTaskQueue,
    productBundlePath,
    baselineBundlePath: o.baselineBundlePath,
    ...(mailSink ? { mailSink } : {}),
    taskQueues,
    dataDir,
    pids: () => ({
      'temporal server': temporal.pid,
      postgresql: pg.pid,
      'journey worker': workers.product.child.pid,
      api: apiChild.pid,
      'baseline worker': workers.baseline.child.pid,
    }),
    async restartWorker(which, options = {}) {
      await workers[which].child.stop();
      children.delete(workers[which].child);
      workers[which] = await (which === 'product' ? startProductWorker : startBaselineWorker)(options);
      return workers[which];
    },
    stop: stopAll,
  };
}

interface TemporalEndpoint {
  address: string;
  namespace: string;
  description: string;
  external: boolean;
  cliPath?: string;
  pid?: number;
}

async function startTemporal(o: StackOptions, dataDir: string, stops: (() => Promise<void>)[], clusterPostgresUrl?: string): Promise<TemporalEndpoint> {
  const configured = process.env.TEMPORAL_ADDRESS;
  if (configured) {
    const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
    await assertSearchAttributes(namespace);
    return { address: configured, namespace, external: true, description: `configured server ${configured} (TEMPORAL_ADDRESS), namespace ${namespace}` };
  }
  if (clusterPostgresUrl) {
    const cluster = await startTemporalCluster({
      postgresUrl: clusterPostgresUrl,
      stateDir: path.join(dataDir, 'cluster'),
      namespace: 'default',
      numHistoryShards: 4,
      searchAttributes: journeySearchAttributeTypes(),
      logFile: path.join(o.logsDir, 'temporal.log'),
      ownProcessGroup: true,
      log: o.log,
    });
    stops.push(() => cluster.stop());
    return {
      address: cluster.address,
      namespace: cluster.namespace,
      external: false,
      pid: cluster.pid,
      description: `Temporal server ${TEMPORAL_SERVER_VERSION} built from its Go module, on the bench's PostgreSQL, 4 history shards`,
    };
  }
  const cliPath = await findOrBuildTemporalCli(o.log);
  const dbFile = o.variant.temporalStore === 'file' ? path.join(dataDir, 'temporal.db') : undefined;
  const server = await startTemporalDevServer({
    cliPath,
    ...(dbFile ? { dbFile } : {}),
    uiPort: false,
    namespace: 'default',
    searchAttributes: journeySearchAttributeTypes(),
    logFile: path.join(o.logsDir, 'temporal.log'),
    extraArgs: o.variant.serverArgs,
    ownProcessGroup: true,
    log: o.log,
  });
  stops.push(() => server.stop());
  const store = dbFile ? 'SQLite file in a temp folder, as npm start keeps data/temporal.db' : 'in memory';
  const flags = o.variant.serverArgs.length > 0 ? `; ${o.variant.serverArgs.join(' ')}` : '';
  return { address: server.address, namespace: server.namespace, external: false, cliPath, pid: server.pid, description: `dev server (${store}${flags})` };
}

async function startPostgres(dataDir: string, stops: (() => Promise<void>)[]): Promise<{ adminUrl: string; description: string; pid?: number }> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { adminUrl: configured, description: 'configured server (DATABASE_URL; a throwaway database is created on it)' };
  }
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), database: 'postgres', ownProcessGroup: true });
  stops.push(() => pg.stop());
  return { adminUrl: pg.adminUrl, description: 'embedded PostgreSQL with its default settings, cluster in a temp folder', pid: pg.pid };
}

/** A configured server must already know the journey's search attributes, as the product's README asks. */
async function assertSearchAttributes(namespace: string): Promise<void> {
  const connection = await Connection.connect(temporalSettings().connection);
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.keys(journeySearchAttributeTypes()).filter((name) => !(name in (customAttributes ?? {})));
    if (missing.length > 0) {
      throw new Error(`namespace ${namespace} lacks the search attributes ${missing.join(', ')}: register them first (see README)`);
    }
  } finally {
    await connection.close();
  }
}

/** Terminates, with one server-side batch per task queue, every workflow the bench left running. */
async function terminateBenchWorkflows(client: Client, taskQueues: Set<string>, tag: string): Promise<void> {
  for (const queue of taskQueues) {
    await client.workflowService.startBatchOperation({
      namespace: client.options.namespace,
      jobId: `bench-cleanup-${tag}-${queue}`.slice(0, 200),
      reason: 'benchmark finished',
      visibilityQuery: `TaskQueue = '${queue}' AND ExecutionStatus = 'Running'`,
      terminationOperation: {},
    });
  }
}

/**
 * Node flags for one process of the stack: `BENCH_WORKER_NODE_ARGS` for the product's journey worker,
 * `BENCH_API_NODE_ARGS` for the API (space-separated, e.g. `--max-old-space-size=96`); NODE_OPTIONS would reach every
 * process of the stack (the bench itself, the baseline worker).
 */
function nodeArgs(name: 'BENCH_WORKER_NODE_ARGS' | 'BENCH_API_NODE_ARGS'): string[] {
  return (process.env[name] ?? '').split(/\s+/).filter(Boolean);
}
const productWorkerNodeArgs = () => nodeArgs('BENCH_WORKER_NODE_ARGS');

/** When we run our own dev server, client settings meant for another cluster (API key, TLS) must not reach the apps. */
function withoutTemporalClientSettings(env: NodeJS.ProcessEnv, external: boolean): NodeJS.ProcessEnv {
  if (external) return { ...env };
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('TEMPORAL_')));
}
