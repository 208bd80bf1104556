import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFreePort, stopChild } from '@sal/infra';
import { testStack, uniqueSuffix } from './env';
import { adminToken } from './auth';
import { eventually } from './wait';
import { notePersonalData, testLogDir } from './personal-data-ledger';

const ROOT = join(__dirname, '..', '..');

/** A product process (the built API or worker) run as a child, as in production. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private readonly lines: string[] = [];

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    if (this.child) throw new Error(`${this.name} is already running`);
    const child = spawn(process.execPath, [join(ROOT, this.script)], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // The whole output is kept in the run's log folder for the redaction test; the last lines in memory for messages.
    const dir = testLogDir();
    const logFile = dir ? join(dir, `${this.name}-${child.pid}.log`) : null;
    const keep = (chunk: Buffer) => {
      if (logFile) appendFileSync(logFile, chunk);
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 400) this.lines.splice(0, this.lines.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', () => {
      if (this.child === child) this.child = null;
    });
    this.child = child;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Output so far, for assertions and for failure messages. */
  output(): string {
    return this.lines.join('\n');
  }

  /** Stops the process with `signal` and waits for it to exit. SIGKILL simulates a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child) await stopChild(this.child, { signal, graceMs: 60_000 });
  }
}

export interface ProductStack {
  api: ServiceProcess;
  worker: ServiceProcess;
  baseUrl: string;
  /** The worker's Prometheus endpoint (`/metrics`), on its own free port. */
  workerMetricsUrl: string;
  taskQueue: string;
  /** The environment the API and the worker run with (its own task queue, database, SMTP…): for more workers. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts the built worker (from its prebuilt production workflow bundle) and API as child processes on this test's
 * own task queue and database, and waits until the API's health check sees both Temporal and PostgreSQL.
 */
export async function startProduct(databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ProductStack> {
  const { temporalAddress, namespace } = testStack();
  // A caller that must know the API's address before it starts (an OpenID provider's redirect URI) chooses its port.
  const port = extraEnv.API_PORT ? Number(extraEnv.API_PORT) : await getFreePort();
  const taskQueue = `e2e-${uniqueSuffix()}`;
  const workerMetricsPort = extraEnv.WORKER_METRICS_PORT ? Number(extraEnv.WORKER_METRICS_PORT) : await getFreePort();
  const env = {
    WORKER_METRICS_PORT: String(workerMetricsPort),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    WORKFLOW_BUNDLE_PATH: join(ROOT, 'apps/worker/dist/workflow-bundle.js'),
    // Tests poll the API many times a second; the rate limit has its own test.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    // Most tests make up their own offices, outside the seeded directory: those journeys pin no office (offices.e2e refuses them).
    API_UNLISTED_OFFICES: 'national',
    ...extraEnv,
  };
  const worker = new ServiceProcess('worker', 'apps/worker/dist/main.js', env);
  const api = new ServiceProcess('api', 'apps/api/dist/main.js', env);
  worker.start();
  api.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stack = {
    api,
    worker,
    baseUrl,
    workerMetricsUrl: `http://127.0.0.1:${workerMetricsPort}/metrics`,
    taskQueue,
    env,
    async stop() {
      await api.stop();
      await worker.stop();
    },
  };
  try {
    await waitForWorker(worker);
    await eventually(async () => (await fetch(`${baseUrl}/health`)).status === 200, 'the API to report healthy', { timeoutMs: 120_000 });
  } catch (error) {
    await stack.stop();
    throw new Error(`${(error as Error).message}\n--- api ---\n${api.output()}\n--- worker ---\n${worker.output()}`);
  }
  return stack;
}

/** Waits until the worker says it polls its task queue. */
export function waitForWorker(worker: ServiceProcess): Promise<true> {
  return eventually(() => {
    if (!worker.running) throw new Error(`worker exited:\n${worker.output()}`);
    return worker.output().includes('worker: polling task queue') || undefined;
  }, 'the worker to poll its task queue', { timeoutMs: 120_000 });
}

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
}

/**
 * A JSON request to the API, as an administrator unless `token` says otherwise (`null`: no Authorization header).
 */
export async function http<T = any>(baseUrl: string, method: string, path: string, body?: unknown, token: string | null = adminToken()): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== null) headers.authorization = `Bearer ${token}`;
  notePersonalData(body);
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
