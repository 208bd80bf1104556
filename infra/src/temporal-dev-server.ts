import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { getFreePorts, isPortFree } from './ports';
import type { Readable } from 'node:stream';
import {
  describeExit,
  type ExitInfo,
  forEachLine,
  OutputTail,
  stopOnce,
  waitForExit,
} from './process-utils';
import type { SearchAttributeTypeName } from '@sal/temporal';
import { findOrBuildTemporalCli, type Logger } from './temporal-cli';
import { errorMessage, waitFor } from './wait-for';

export interface TemporalDevServerOptions {
  /** Path of the `temporal` CLI; default: findOrBuildTemporalCli(). */
  cliPath?: string;
  /** SQLite file for persistent state; omit for an in-memory server. */
  dbFile?: string;
  /** Interface to bind; default 127.0.0.1. */
  ip?: string;
  /** Frontend gRPC port; default: a free port. */
  port?: number;
  /** Web UI port; default: a free port; false: no UI (--headless). */
  uiPort?: number | false;
  /** Namespace to create and wait for; default 'default'. */
  namespace?: string;
  searchAttributes?: Record<string, SearchAttributeTypeName>;
  /** Server output goes here (appended); otherwise the last lines are kept in memory for errors. */
  logFile?: string;
  /** Default 120 000 ms. */
  readyTimeoutMs?: number;
  extraArgs?: string[];
  /**
   * Start the server in its own process group, so a terminal Ctrl-C reaches
   * only us and we can stop things in order. Only use it when the caller
   * handles SIGINT/SIGTERM itself. Default false.
   */
  ownProcessGroup?: boolean;
  log?: Logger;
}

export interface TemporalDevServer {
  /** host:port of the frontend, as expected by Connection.connect / TEMPORAL_ADDRESS. */
  address: string;
  uiUrl?: string;
  namespace: string;
  pid: number;
  /** Settles when the server process exits, whether stopped or crashed. */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

/**
 * SQLite pragmas for a dev server kept on a file, as `npm start` runs it: a write-ahead log instead of SQLite's
 * rollback journal, with every commit still synced to disk (`synchronous=full`, SQLite's own default), so nothing the
 * server acknowledged is lost on a crash or power cut. Chosen by `npm run bench -- --headroom` (test/bench/README.md).
 */
export const FILE_SQLITE_PRAGMAS: readonly string[] = ['journal_mode=wal', 'synchronous=full'];

/** `--sqlite-pragma` flags of `temporal server start-dev`, one per `name=value`. */
export function sqlitePragmaArgs(pragmas: readonly string[]): string[] {
  return pragmas.flatMap((pragma) => ['--sqlite-pragma', pragma]);
}

const STOP_GRACE_MS = 15_000;
const LOG_TAIL_LINES = 200;

const INDEXED_VALUE_TYPES: Record<SearchAttributeTypeName, temporal.api.enums.v1.IndexedValueType> = {
  Text: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Starts `temporal server start-dev` and resolves once the frontend answers,
 * the namespace exists and every requested search attribute is registered.
 * We poll ourselves instead of using the SDK's TestWorkflowEnvironment, whose
 * fixed few-second startup wait is too short for a cold SQLite file on a slow machine.
 */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions = {},
): Promise<TemporalDevServer> {
  // Ports we chose ourselves may be taken by another process between our probe and the server's bind (a shared
  // machine runs several stacks at once): then we try again with new ones. Ports the caller gave are tried once.
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (attempt >= attempts || !/address already in use/i.test(errorMessage(err))) throw err;
      options.log?.(`Temporal dev server: a port was taken while it started; trying again with new ports (${attempt}/${attempts - 1})`);
    }
  }
}

async function startOnce(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const log = options.log ?? (() => undefined);
  const cliPath = options.cliPath ?? (await findOrBuildTemporalCli(log));
  const ip = options.ip ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const searchAttributes = options.searchAttributes ?? {};
  // Every port the server opens is chosen here, distinct from one another: left to the CLI, its HTTP API and metrics
  // ports are picked at random and can land on the gRPC port we picked but the server has not bound yet.
  const [freeGrpc, freeUi, httpPort, metricsPort] = await getFreePorts(4, ip);
  const port = options.port ?? freeGrpc;
  const uiPort = options.uiPort === false ? undefined : (options.uiPort ?? freeUi);

  for (const [what, p] of [['gRPC', port], ['Web UI', uiPort]] as const) {
    if (p !== undefined && !(await isPortFree(p, ip))) {
      throw new Error(
        `Cannot start Temporal: ${what} port ${ip}:${p} is already in use ` +
          '(another Temporal server, perhaps left over from an earlier run?)',
      );
    }
  }

  const args = ['server', 'start-dev', '--ip', ip, '--port', String(port), '--http-port', String(httpPort), '--metrics-port', String(metricsPort)];
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(searchAttributes)) {
    args.push('--search-attribute', `${name}=${type}`);
  }
  args.push('--log-level', 'warn', ...(options.extraArgs ?? []));

  const output = openOutput(options.logFile);
  const child = spawn(cliPath, args, {
    stdio: ['ignore', output.stdio, output.stdio],
    detached: options.ownProcessGroup ?? false,
    env: serverEnv(),
  });
  output.attach(child.stdout, child.stderr);
  const stop = stopOnce(child, { signal: 'SIGTERM', graceMs: STOP_GRACE_MS });

  const host = ip === '0.0.0.0' ? '127.0.0.1' : ip;
  const address = `${host}:${port}`;
  const earlyExit = new AbortController();
  child.once('error', (err) => {
    earlyExit.abort(new Error(`Could not run ${cliPath}: ${err.message}`));
  });
  child.once('exit', (code, signal) => {
    earlyExit.abort(
      new Error(
        `Temporal dev server exited during startup (${describeExit({ code, signal })}). ` +
          `Command: ${cliPath} ${args.join(' ')}\n--- last output ---\n${output.tail()}`,
      ),
    );
  });

  try {
    const connection = await waitFor(() => probe(address, namespace), {
      timeoutMs: options.readyTimeoutMs ?? 120_000,
      intervalMs: 500,
      description: `Temporal dev server at ${address} (namespace "${namespace}")`,
      signal: earlyExit.signal,
    });
    try {
      await ensureSearchAttributes(connection, namespace, searchAttributes, earlyExit.signal, log);
    } finally {
      await connection.close().catch(() => undefined);
    }
  } catch (err) {
    await stop();
    const hint = earlyExit.signal.aborted ? '' : `\n--- last output ---\n${output.tail()}`;
    throw new Error(`${errorMessage(err)}${hint}`, { cause: err });
  }

  if (child.pid === undefined) throw new Error('Temporal dev server has no pid');
  return {
    address,
    ...(uiPort === undefined ? {} : { uiUrl: `http://${host}:${uiPort}` }),
    namespace,
    pid: child.pid,
    exited: waitForExit(child),
    stop,
  };
}

/** The CLI reads TEMPORAL_* variables as client settings; the server must only follow our flags. */
function serverEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('TEMPORAL_')) delete env[key];
  }
  return env;
}

async function probe(address: string, namespace: string): Promise<Connection> {
  const connection = await Connection.connect({ address, connectTimeout: 3_000 });
  try {
    await connection.withDeadline(Date.now() + 5_000, async () => {
      await connection.workflowService.getSystemInfo({});
      await connection.workflowService.describeNamespace({ namespace });
    });
    return connection;
  } catch (err) {
    await connection.close().catch(() => undefined);
    throw err;
  }
}

/**
 * `--search-attribute` only takes effect when the namespace is created, so a
 * SQLite file from before an attribute was added lacks it: register it here.
 */
export async function ensureSearchAttributes(
  connection: Connection,
  namespace: string,
  wanted: Record<string, SearchAttributeTypeName>,
  signal: AbortSignal,
  log: Logger,
): Promise<void> {
  const names = Object.keys(wanted);
  if (names.length === 0) return;
  const list = async (): Promise<Record<string, number>> => {
    const res = await connection.operatorService.listSearchAttributes({ namespace });
    return (res.customAttributes ?? {}) as Record<string, number>;
  };

  const existing = await list();
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const name of names) {
    const type = wanted[name] as SearchAttributeTypeName;
    const want = INDEXED_VALUE_TYPES[type];
    const have = existing[name];
    if (have === undefined) {
      missing[name] = want;
    } else if (have !== want) {
      const haveName = temporal.api.enums.v1.IndexedValueType[have] ?? String(have);
      throw new Error(
        `Search attribute ${name} is registered in namespace "${namespace}" as ${haveName}, ` +
          `but ${type} is required; Temporal cannot change the type of an attribute ` +
          '(delete the Temporal database file to start afresh)',
      );
    }
  }
  if (Object.keys(missing).length === 0) return;

  log(`Registering search attributes ${Object.keys(missing).join(', ')} in namespace "${namespace}"`);
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  await waitFor(
    async () => {
      const now = await list();
      return Object.keys(missing).every((name) => now[name] !== undefined);
    },
    { timeoutMs: 30_000, intervalMs: 250, description: 'search attributes to be registered', signal },
  );
}

interface ServerOutput {
  stdio: 'pipe' | number;
  attach(stdout: Readable | null, stderr: Readable | null): void;
  tail(): string;
}

/**
 * With a log file the child writes to it directly (no pipe to keep drained,
 * and the log survives us); the error tail is then read back from the file.
 */
function openOutput(logFile: string | undefined): ServerOutput {
  if (!logFile) {
    const tail = new OutputTail(LOG_TAIL_LINES);
    return {
      stdio: 'pipe',
      attach(stdout, stderr) {
        for (const stream of [stdout, stderr]) {
          if (stream) forEachLine(stream, (line) => tail.push(line));
        }
      },
      tail: () => tail.text(),
    };
  }
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  const startOffset = fs.fstatSync(fd).size;
  return {
    stdio: fd,
    attach() {
      // The child has its own copy of the descriptor now.
      fs.closeSync(fd);
    },
    tail: () => readTail(logFile, startOffset),
  };
}

function readTail(file: string, fromOffset: number): string {
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(fromOffset, size - 64 * 1024);
    const buffer = Buffer.alloc(size - start);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, buffer.length, start);
    } finally {
      fs.closeSync(fd);
    }
    const lines = buffer.toString('utf8').split(/\r?\n/);
    return `${lines.slice(-LOG_TAIL_LINES).join('\n')}\n(full log: ${file})`;
  } catch (err) {
    return `(could not read ${file}: ${errorMessage(err)})`;
  }
}
