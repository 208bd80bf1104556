import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { parse, stringify } from 'yaml';
import type { SearchAttributeTypeName } from '@sal/temporal';
import { ensureDatabase } from './databases';
import { withPgClient } from './pg';
import { isPortFree } from './ports';
import { describeExit, type ExitInfo, forEachLine, OutputTail, stopOnce, waitForExit } from './process-utils';
import { buildOnce, type Logger } from './temporal-cli';
import { ensureSearchAttributes } from './temporal-dev-server';
import { errorMessage, waitFor } from './wait-for';

/** The server version the Temporal CLI v1.5.1 embeds (its dev server), so both run the same server code. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';
const SERVER_BINARY = 'temporal-server';
const SQL_TOOL_BINARY = 'temporal-sql-tool';

/** PostgreSQL visibility keeps custom search attributes in fixed columns: this many of each type per namespace. */
export const POSTGRES_VISIBILITY_LIMITS: Readonly<Record<SearchAttributeTypeName, number>> = {
  Keyword: 10,
  KeywordList: 3,
  Text: 3,
  Int: 3,
  Double: 3,
  Bool: 3,
  Datetime: 3,
};

/** How long a closed workflow's history is kept in the namespace the cluster registers. */
const RETENTION_SECONDS = 7 * 24 * 3600;
const STOP_GRACE_MS = 30_000;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

/** Where the self-built server and SQL tool are cached, shared by every checkout on this machine (like the CLI). */
export function temporalServerCacheDir(): string {
  const cacheHome = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'sal-journey', 'temporal-server', TEMPORAL_SERVER_VERSION);
}

/** Returns the cached `temporal-server` and `temporal-sql-tool`, building them with `go install` the first time. */
export async function findOrBuildTemporalServer(log: Logger = console.log): Promise<TemporalServerBinaries> {
  const cacheDir = temporalServerCacheDir();
  const binaries = { server: path.join(cacheDir, SERVER_BINARY), sqlTool: path.join(cacheDir, SQL_TOOL_BINARY) };
  await buildOnce({
    cacheDir,
    what: `the Temporal server ${TEMPORAL_SERVER_VERSION}`,
    packages: [`${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`],
    binaries: { server: binaries.server, sql: binaries.sqlTool },
    duration: 'about 3 minutes on 2 cores with a warm Go module cache',
    log,
  });
  return binaries;
}

/**
 * The server module's source in the Go module cache (its `schema/` and `config/` folders), downloaded with
 * `go mod download` if it is not there yet.
 */
export function temporalServerModuleDir(): string {
  const goEnv = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' });
  if (goEnv.error || goEnv.status !== 0) throw new Error('Go is needed to find the Temporal server module (its SQL schema): install Go (https://go.dev/dl/)');
  const dir = path.join(goEnv.stdout.trim(), `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`);
  if (!fs.existsSync(path.join(dir, 'schema'))) {
    const download = spawnSync('go', ['mod', 'download', `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`], { encoding: 'utf8', cwd: os.tmpdir() });
    if (download.status !== 0) throw new Error(`go mod download ${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION} failed:\n${download.stderr}`);
  }
  return dir;
}

/** Every port one cluster process opens. */
export interface TemporalClusterPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
  metrics: number;
}

/** The shipped config's ports (development-postgres12.yaml), moved together so that the frontend is on `frontend`. */
export function clusterPortsFrom(frontend: number): TemporalClusterPorts {
  const shift = frontend - 7233;
  return {
    frontend,
    frontendHttp: 7243 + shift,
    frontendMembership: 6933 + shift,
    history: 7234 + shift,
    historyMembership: 6934 + shift,
    matching: 7235 + shift,
    matchingMembership: 6935 + shift,
    worker: 7239 + shift,
    workerMembership: 6939 + shift,
    metrics: 8000 + shift,
  };
}

export interface TemporalClusterOptions {
  /**
   * A PostgreSQL URL whose user may create databases (the embedded server's `postgres` user): the cluster's two
   * databases are created on that server if missing, with that user as their owner.
   */
  postgresUrl: string;
  /** Folder for the generated config and dynamic config (kept; holds the database password, so private). */
  stateDir: string;
  /** Names of the two databases; default `temporal` and `temporal_visibility`. */
  databases?: { default: string; visibility: string };
  /** History shards; fixed when the databases are first set up (a later, different number is refused). Default 4. */
  numHistoryShards?: number;
  /** Frontend gRPC port (the others follow the shipped config's offsets); default: every port a free one. */
  port?: number;
  namespace?: string;
  searchAttributes?: Record<string, SearchAttributeTypeName>;
  /** Server output goes here (appended); otherwise the last lines are kept for errors. */
  logFile?: string;
  /** Server log level; default `warn`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Default 180 000 ms. */
  readyTimeoutMs?: number;
  /** See TemporalDevServerOptions.ownProcessGroup. Default false. */
  ownProcessGroup?: boolean;
  /** TLS on the frontend (gRPC and HTTP), and mTLS with `clientAuth`; default plain TCP. */
  tls?: TemporalClusterTls;
  log?: Logger;
}

/** PEM files for TLS on the cluster's frontend (the server's `global.tls.frontend` and `global.tls.systemWorker`). */
export interface TemporalClusterTls {
  /** The frontend's certificate (with 127.0.0.1 or `serverName` among its names) and its key. */
  serverCertFile: string;
  serverKeyFile: string;
  /** The CA that signed the server certificate: the server's own system worker and the start-up probe trust it. */
  serverCaFile: string;
  /** The name to verify in the server certificate, when it is not the address host (127.0.0.1). */
  serverName?: string;
  /**
   * mTLS: the frontend accepts only clients whose certificate `caFile` signed; `certFile`/`keyFile` are one such
   * client certificate, for the server's own system worker (it calls the frontend) and the start-up probe.
   */
  clientAuth?: { caFile: string; certFile: string; keyFile: string };
}

export interface TemporalCluster {
  /** host:port of the frontend, for TEMPORAL_ADDRESS. */
  address: string;
  namespace: string;
  ports: TemporalClusterPorts;
  /** Prometheus metrics of the server. */
  metricsUrl: string;
  /** Whether the frontend speaks TLS (and asks for a client certificate). */
  tls: 'none' | 'tls' | 'mtls';
  configFile: string;
  pid: number;
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

/** Refuses a set of search attributes PostgreSQL visibility cannot hold (it has fixed columns per type). */
export function checkVisibilityLimits(searchAttributes: Record<string, SearchAttributeTypeName>): void {
  const counts: Partial<Record<SearchAttributeTypeName, number>> = {};
  for (const type of Object.values(searchAttributes)) counts[type] = (counts[type] ?? 0) + 1;
  const over = (Object.entries(counts) as [SearchAttributeTypeName, number][]).filter(([type, n]) => n > POSTGRES_VISIBILITY_LIMITS[type]);
  if (over.length > 0) {
    throw new Error(
      'PostgreSQL visibility cannot hold these search attributes: ' +
        over.map(([type, n]) => `${n} of type ${type} (at most ${POSTGRES_VISIBILITY_LIMITS[type]})`).join(', '),
    );
  }
}

/**
 * Starts a Temporal server (all four services in one process) on PostgreSQL, from the server's own Go module: sets
 * up or updates the default and visibility schemas with `temporal-sql-tool`, writes a config derived from the
 * module's `config/development-postgres12.yaml`, starts the server, registers the namespace and the search
 * attributes, and resolves once a workflow could be started with them.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (attempt >= attempts || !/address already in use/i.test(errorMessage(err))) throw err;
      options.log?.(`Temporal cluster: a port was taken while it started; trying again with new ports (${attempt}/${attempts - 1})`);
    }
  }
}

async function startOnce(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const log = options.log ?? (() => undefined);
  const namespace = options.namespace ?? 'default';
  const searchAttributes = options.searchAttributes ?? {};
  const numHistoryShards = options.numHistoryShards ?? 4;
  if (!Number.isInteger(numHistoryShards) || numHistoryShards < 1) throw new Error(`numHistoryShards must be a whole number ≥ 1, not ${numHistoryShards}`);
  checkVisibilityLimits(searchAttributes);
  const databases = options.databases ?? { default: 'temporal', visibility: 'temporal_visibility' };

  const binaries = await findOrBuildTemporalServer(log);
  const moduleDir = temporalServerModuleDir();
  const ports = options.port === undefined ? await freeClusterPorts() : clusterPortsFrom(options.port);
  for (const [what, p] of Object.entries(ports)) {
    if (!(await isPortFree(p))) throw new Error(`Cannot start the Temporal cluster: its ${what} port 127.0.0.1:${p} is already in use`);
  }

  const pg = new URL(options.postgresUrl);
  const db = {
    host: pg.hostname,
    port: Number(pg.port || 5432),
    user: decodeURIComponent(pg.username),
    password: decodeURIComponent(pg.password),
  };
  for (const [store, name] of [['temporal', databases.default], ['visibility', databases.visibility]] as const) {
    await ensureDatabase(options.postgresUrl, name);
    await setUpSchema(binaries.sqlTool, db, name, path.join(moduleDir, 'schema', 'postgresql', 'v12', store), log);
  }

  fs.mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const configDir = path.join(options.stateDir, 'config');
  fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const dynamicConfigFile = path.join(configDir, 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfigFile, dynamicConfig(moduleDir, ports), { mode: 0o600 });
  const configFile = path.join(configDir, 'cluster.yaml');
  fs.writeFileSync(
    configFile,
    serverConfig(moduleDir, { ports, db, databases, numHistoryShards, dynamicConfigFile, logLevel: options.logLevel ?? 'warn', tls: options.tls }),
    { mode: 0o600 },
  );

  const args = ['--root', options.stateDir, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start'];
  const output = openOutput(options.logFile);
  const child = spawn(binaries.server, args, {
    stdio: ['ignore', output.stdio, output.stdio],
    detached: options.ownProcessGroup ?? false,
    env: serverEnv(),
  });
  output.attach(child.stdout, child.stderr);
  const stop = stopOnce(child, { signal: 'SIGTERM', graceMs: STOP_GRACE_MS });
  const address = `127.0.0.1:${ports.frontend}`;
  const earlyExit = new AbortController();
  child.once('error', (err) => earlyExit.abort(new Error(`Could not run ${binaries.server}: ${err.message}`)));
  child.once('exit', (code, signal) => {
    earlyExit.abort(
      new Error(`Temporal server exited during startup (${describeExit({ code, signal })}). Config: ${configFile}\n--- last output ---\n${output.tail()}`),
    );
  });

  try {
    const connection = await waitFor(() => probeFrontend(address, options.tls), {
      timeoutMs: options.readyTimeoutMs ?? 180_000,
      intervalMs: 500,
      description: `the Temporal server at ${address}`,
      signal: earlyExit.signal,
    });
    try {
      await ensureNamespace(connection, namespace, earlyExit.signal, log);
      await ensureSearchAttributes(connection, namespace, searchAttributes, earlyExit.signal, log);
      await waitUntilStartable(connection, namespace, searchAttributes, earlyExit.signal);
    } finally {
      await connection.close().catch(() => undefined);
    }
  } catch (err) {
    await stop();
    const hint = earlyExit.signal.aborted ? '' : `\n--- last output ---\n${output.tail()}`;
    throw new Error(`${errorMessage(err)}${hint}`, { cause: err });
  }

  if (child.pid === undefined) throw new Error('Temporal server has no pid');
  return {
    address,
    namespace,
    ports,
    metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
    tls: options.tls ? (options.tls.clientAuth ? 'mtls' : 'tls') : 'none',
    configFile,
    pid: child.pid,
    exited: waitForExit(child),
    stop,
  };
}

/**
 * Free ports below 32 768: the server records its ports in `cluster_membership`, whose port column is a PostgreSQL
 * smallint, and the ports the OS hands out for port 0 are above it on Linux.
 */
async function freeClusterPorts(): Promise<TemporalClusterPorts> {
  const chosen = new Set<number>();
  while (chosen.size < 10) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (!chosen.has(candidate) && (await isPortFree(candidate))) chosen.add(candidate);
  }
  const [frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership, metrics] = [...chosen];
  return { frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership, metrics } as TemporalClusterPorts;
}

interface DbSettings {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * `setup-schema -v 0.0` (the version tables, once) then `update-schema` to the newest version in the module's
 * versioned folder: the server's own procedure, idempotent, so an older database is brought up to date.
 */
async function setUpSchema(sqlTool: string, db: DbSettings, database: string, schemaDir: string, log: Logger): Promise<void> {
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: db.host,
    SQL_PORT: String(db.port),
    SQL_USER: db.user,
    // Not argv: that would show the password to every user in `ps`.
    SQL_PASSWORD: db.password,
    SQL_DATABASE: database,
  };
  const hasVersionTable = await withPgClient(withDb(db, database), async (client) =>
    (await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'schema_version'")).rows.length > 0,
  );
  if (!hasVersionTable) {
    log(`Setting up the Temporal schema in database "${database}"`);
    await runTool(sqlTool, ['setup-schema', '-v', '0.0'], env);
  }
  await runTool(sqlTool, ['update-schema', '-d', path.join(schemaDir, 'versioned')], env);
}

function withDb(db: DbSettings, database: string): string {
  return `postgres://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${db.host}:${db.port}/${encodeURIComponent(database)}`;
}

async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = new OutputTail(100);
  for (const stream of [child.stdout, child.stderr]) forEachLine(stream, (line) => tail.push(line));
  const result = await waitForExit(child);
  if (result.code !== 0) throw new Error(`${path.basename(tool)} ${args.join(' ')} failed (${describeExit(result)}) for database "${env['SQL_DATABASE']}":\n${tail.text()}`);
}

interface ConfigInputs {
  ports: TemporalClusterPorts;
  db: DbSettings;
  databases: { default: string; visibility: string };
  numHistoryShards: number;
  dynamicConfigFile: string;
  logLevel: string;
  tls?: TemporalClusterTls | undefined;
}

/** The module's development-postgres12.yaml with our ports, database, shards, log and dynamic config; archival as shipped. */
export function serverConfig(moduleDir: string, inputs: ConfigInputs): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's config schema is the server's
  const config = parse(fs.readFileSync(path.join(moduleDir, 'config', 'development-postgres12.yaml'), 'utf8')) as any;
  const { ports, db } = inputs;
  config.log = { stdout: true, level: inputs.logLevel };
  config.persistence.numHistoryShards = inputs.numHistoryShards;
  const stores = config.persistence.datastores;
  for (const [key, database] of [['postgres-default', inputs.databases.default], ['postgres-visibility', inputs.databases.visibility]] as const) {
    Object.assign(stores[key].sql, { databaseName: database, connectAddr: `${db.host}:${db.port}`, user: db.user, password: db.password });
  }
  // Each of the four services has its own pools: 4 × (8 + 4) connections at most, within PostgreSQL's default 100
  // beside the product's own. Visibility is shipped with 2, which a timer storm's visibility writes queue behind.
  Object.assign(stores['postgres-default'].sql, { maxConns: 8, maxIdleConns: 8 });
  Object.assign(stores['postgres-visibility'].sql, { maxConns: 4, maxIdleConns: 4 });
  config.global.pprof.port = 0;
  config.global.metrics.prometheus.listenAddress = `127.0.0.1:${ports.metrics}`;
  const services = config.services;
  services.frontend.rpc = { ...services.frontend.rpc, grpcPort: ports.frontend, httpPort: ports.frontendHttp, membershipPort: ports.frontendMembership };
  services.history.rpc = { ...services.history.rpc, grpcPort: ports.history, membershipPort: ports.historyMembership };
  services.matching.rpc = { ...services.matching.rpc, grpcPort: ports.matching, membershipPort: ports.matchingMembership };
  services.worker.rpc = { ...services.worker.rpc, grpcPort: ports.worker, membershipPort: ports.workerMembership };
  config.clusterMetadata.clusterInformation.active.rpcAddress = `127.0.0.1:${ports.frontend}`;
  config.dynamicConfigClient = { filepath: inputs.dynamicConfigFile, pollInterval: '10s' };
  if (inputs.tls) config.global.tls = frontendTls(inputs.tls);
  return stringify(config);
}

/**
 * The server's `global.tls` for TLS on the frontend only (the services inside the one process talk plain TCP on
 * 127.0.0.1): the frontend's certificate, mTLS's client CA, and the system worker's client side (its own client
 * certificate under mTLS), which the server uses for its own calls to the frontend.
 */
function frontendTls(tls: TemporalClusterTls): Record<string, unknown> {
  const client = { rootCaFiles: [tls.serverCaFile], ...(tls.serverName ? { serverName: tls.serverName } : {}) };
  return {
    frontend: {
      server: {
        certFile: tls.serverCertFile,
        keyFile: tls.serverKeyFile,
        ...(tls.clientAuth ? { requireClientAuth: true, clientCaFiles: [tls.clientAuth.caFile] } : {}),
      },
      client,
    },
    systemWorker: {
      ...(tls.clientAuth ? { certFile: tls.clientAuth.certFile, keyFile: tls.clientAuth.keyFile } : {}),
      client: { ...client, forceTLS: true },
    },
  };
}

/**
 * The module's development-sql.yaml dynamic config (its Nexus callback on our HTTP port), and a namespace cache
 * refreshed every 2 s instead of 10 s so that a namespace and search attributes registered at start are usable soon.
 */
export function dynamicConfig(moduleDir: string, ports: TemporalClusterPorts): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the dynamic config's keys are the server's
  const config = (parse(fs.readFileSync(path.join(moduleDir, 'config', 'dynamicconfig', 'development-sql.yaml'), 'utf8')) ?? {}) as any;
  const callback = config['component.nexusoperations.callback.endpoint.template'];
  if (Array.isArray(callback) && callback[0]) callback[0].value = String(callback[0].value).replace('localhost:7243', `127.0.0.1:${ports.frontendHttp}`);
  config['system.namespaceCacheRefreshInterval'] = [{ value: '2s' }];
  return stringify(config);
}

/** The server reads TEMPORAL_* variables (e.g. TEMPORAL_ADDRESS is not its own); it must only follow its config. */
function serverEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('TEMPORAL_') || key.startsWith('SQL_')) delete env[key];
  return env;
}

async function probeFrontend(address: string, tls: TemporalClusterTls | undefined): Promise<Connection> {
  const connection = await Connection.connect({ address, connectTimeout: 3_000, ...(tls ? { tls: clientTls(tls) } : {}) });
  try {
    await connection.withDeadline(Date.now() + 5_000, () => connection.workflowService.getSystemInfo({}));
    return connection;
  } catch (err) {
    await connection.close().catch(() => undefined);
    throw err;
  }
}

/** The SDK's TLS settings for a client of a cluster started with `tls` (with the system worker's certificate under mTLS). */
export function clientTls(tls: TemporalClusterTls): TLSConfig {
  return {
    serverRootCACertificate: fs.readFileSync(tls.serverCaFile),
    ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
    ...(tls.clientAuth ? { clientCertPair: { crt: fs.readFileSync(tls.clientAuth.certFile), key: fs.readFileSync(tls.clientAuth.keyFile) } } : {}),
  };
}

async function ensureNamespace(connection: Connection, namespace: string, signal: AbortSignal, log: Logger): Promise<void> {
  const exists = async (): Promise<boolean> => {
    try {
      await connection.workflowService.describeNamespace({ namespace });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 5) return false; // NOT_FOUND
      throw err;
    }
  };
  if (await exists()) return;
  log(`Registering namespace "${namespace}" (retention ${RETENTION_SECONDS / 86400} days)`);
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(RETENTION_SECONDS * 1000) });
  } catch (err) {
    if ((err as { code?: number }).code !== 6) throw err; // ALREADY_EXISTS: another process registered it
  }
  await waitFor(exists, { timeoutMs: 60_000, intervalMs: 500, description: `namespace "${namespace}" to be registered`, signal });
  // The operator service answers from the namespace cache, which sees the new namespace at its next refresh.
  await waitFor(
    async () => {
      await connection.operatorService.listSearchAttributes({ namespace });
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: `namespace "${namespace}" to reach the server's namespace cache`, signal },
  );
}

/**
 * The frontend and history services see a new namespace and its search attributes only once their namespace caches
 * refresh: starts (and terminates) a probe workflow carrying every attribute until one is accepted.
 */
async function waitUntilStartable(connection: Connection, namespace: string, searchAttributes: Record<string, SearchAttributeTypeName>, signal: AbortSignal): Promise<void> {
  const indexedFields: Record<string, temporal.api.common.v1.IPayload> = {};
  for (const [name, type] of Object.entries(searchAttributes)) indexedFields[name] = searchAttributePayload(type);
  await waitFor(
    async () => {
      const workflowId = `sal-cluster-probe-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      await connection.workflowService.startWorkflowExecution({
        namespace,
        workflowId,
        workflowType: { name: 'sal-cluster-probe' },
        taskQueue: { name: 'sal-cluster-probe' },
        requestId: workflowId,
        searchAttributes: { indexedFields },
      });
      await connection.workflowService.terminateWorkflowExecution({ namespace, workflowExecution: { workflowId }, reason: 'start-up probe' });
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: `namespace "${namespace}" to accept workflows with its search attributes`, signal },
  );
}

function searchAttributePayload(type: SearchAttributeTypeName): temporal.api.common.v1.IPayload {
  const values: Record<SearchAttributeTypeName, unknown> = {
    Keyword: 'probe',
    KeywordList: ['probe'],
    Text: 'probe',
    Int: 0,
    Double: 0,
    Bool: false,
    Datetime: new Date(0).toISOString(),
  };
  return {
    metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from(type) },
    data: Buffer.from(JSON.stringify(values[type])),
  };
}

interface ServerOutput {
  stdio: 'pipe' | number;
  attach(stdout: NodeJS.ReadableStream | null, stderr: NodeJS.ReadableStream | null): void;
  tail(): string;
}

function openOutput(logFile: string | undefined): ServerOutput {
  if (!logFile) {
    const tail = new OutputTail(200);
    return {
      stdio: 'pipe',
      attach(stdout, stderr) {
        for (const stream of [stdout, stderr]) if (stream) forEachLine(stream as never, (line) => tail.push(line));
      },
      tail: () => tail.text(),
    };
  }
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  return {
    stdio: fd,
    attach() {
      fs.closeSync(fd);
    },
    tail: () => {
      try {
        const lines = fs.readFileSync(logFile, 'utf8').split(/\r?\n/);
        return `${lines.slice(-100).join('\n')}\n(full log: ${logFile})`;
      } catch (err) {
        return `(could not read ${logFile}: ${errorMessage(err)})`;
      }
    },
  };
}
