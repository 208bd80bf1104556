import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDatabaseRoles, startEmbeddedPostgres } from './embedded-postgres';
import { startSmtpSink } from './smtp-sink';
import { ChildPidFile } from './leftovers';
import { describeExit, type ExitInfo, forEachLine, killOnExit, stopChild, waitForExit } from './process-utils';
import { findRepoRoot } from './repo-root';
import { canonicalEnv } from '@sal/config';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { LAUNCH_ENVIRONMENT, loadLaunchSettings } from './launch-settings';
import { findOrBuildTemporalCli } from './temporal-cli';
import { FILE_SQLITE_PRAGMAS, sqlitePragmaArgs, startTemporalDevServer } from './temporal-dev-server';
import { errorMessage, waitFor } from './wait-for';

/**
 * `npm start`: runs the product on embedded defaults (Temporal dev server and
 * PostgreSQL from node_modules, data in ./data), or on external services when
 * TEMPORAL_ADDRESS / DATABASE_URL are set.
 */

const APP_STOP_GRACE_MS = 30_000;
/** One Ctrl-C can reach us several times (terminal process group, npm, start.cjs). */
const DUPLICATE_SIGNAL_WINDOW_MS = 1_000;

type Step = 'launch' | 'temporal' | 'postgres' | 'migrate' | 'mail' | 'worker' | 'api';
const say = (step: Step, line: string): void => {
  process.stdout.write(`[${step}] ${line}\n`);
};

interface Cleanup {
  name: string;
  run(): Promise<void>;
}

const cleanups: Cleanup[] = [];
const appChildren = new Set<ChildProcess>();
const shutdownController = new AbortController();
let shuttingDown = false;
let firstSignalAt = 0;

/**
 * Cleanups run in reverse order of registration: API, worker, mail sink,
 * PostgreSQL, Temporal. Returns a function that unregisters the cleanup.
 */
function onShutdown(name: string, run: () => Promise<void>): () => void {
  if (shuttingDown) {
    // Started while we were already stopping: stop it straight away.
    void run().catch(() => undefined);
    return () => undefined;
  }
  const cleanup = { name, run };
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

async function shutdown(exitCode: number, reason: string): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    shutdownController.abort(new Error('shutting down'));
    say('launch', reason);
    for (const { name, run } of cleanups.reverse()) {
      say('launch', `stopping ${name}…`);
      try {
        await run();
      } catch (err) {
        say('launch', `could not stop ${name} cleanly: ${errorMessage(err)}`);
      }
    }
    say('launch', 'stopped');
    process.exit(exitCode);
  }
  // A second caller waits for the first one's process.exit().
  return new Promise<never>(() => undefined);
}

function onSignal(signal: NodeJS.Signals): void {
  if (!shuttingDown) {
    firstSignalAt = Date.now();
    void shutdown(0, `${signal} received, stopping (Ctrl-C again to force)…`);
    return;
  }
  if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_WINDOW_MS) return;
  say('launch', 'forced exit');
  for (const child of appChildren) child.kill('SIGKILL');
  // The 'exit' hooks still ask PostgreSQL and Temporal to shut down.
  process.exit(130);
}

/** Without any one of its parts the product does not work: stop everything. */
function exitIfUnexpected(name: string, exited: Promise<ExitInfo>): void {
  void exited.then((info) => {
    if (!shuttingDown) void shutdown(1, `${name} exited unexpectedly (${describeExit(info)}); stopping everything`);
  });
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function requireFile(file: string, what: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`${what} not found at ${file}: build the project first (npm start builds it)`);
  }
  return file;
}

/** Runs a Node script with prefixed output and tracks it so it never outlives us. */
function spawnNode(step: Step, script: string, env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  const child = spawn(process.execPath, [script], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal Ctrl-C reaches only us, and we stop the apps in order.
    detached: true,
  });
  forEachLine(child.stdout, (line) => say(step, line));
  forEachLine(child.stderr, (line) => say(step, line));
  killOnExit(child, 'SIGTERM');
  appChildren.add(child);
  child.once('exit', () => appChildren.delete(child));
  return child;
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // Every variable is checked before anything starts; a wrong one stops `npm start` here, named.
  const settings = loadLaunchSettings();
  const root = findRepoRoot(__dirname);
  const dataDir = path.resolve(settings.runtime.SAL_DATA_DIR ?? path.join(root, 'data'));
  const logsDir = path.join(dataDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  say('launch', `repository ${root}, data folder ${dataDir}`);

  const pidFile = new ChildPidFile(path.join(dataDir, 'run', 'children.json'));
  await pidFile.stopLeftovers((line) => say('launch', line));

  const apiHost = settings.api.API_HOST;
  const probeHost = apiHost === '0.0.0.0' || apiHost === '::' ? '127.0.0.1' : apiHost;
  const apiUrl = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${settings.api.API_PORT}`;

  // --- Temporal
  // TEMPORAL_ADDRESS, or the address of the Temporal profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE): an external server.
  const namespace = settings.temporal.namespace;
  let temporalAddress = settings.temporal.address;
  let temporalUiUrl: string | undefined;
  if (settings.temporal.addressConfigured) {
    say('temporal', `using external Temporal at ${temporalAddress}, namespace ${namespace}`);
  } else {
    const cliPath = await findOrBuildTemporalCli((line) => say('temporal', line));
    const logFile = path.join(logsDir, 'temporal.log');
    say('temporal', `starting dev server (${cliPath}), log ${logFile}`);
    const server = await startTemporalDevServer({
      cliPath,
      dbFile: path.join(dataDir, 'temporal.db'),
      port: settings.launch.TEMPORAL_PORT,
      uiPort: settings.launch.TEMPORAL_UI_PORT,
      namespace,
      searchAttributes: journeySearchAttributeTypes(),
      // The Web UI decrypts payloads through the API's codec endpoint (see README, Personal data). SQLite in WAL mode,
      // every commit still synced (see FILE_SQLITE_PRAGMAS and README, Benchmarks).
      extraArgs: ['--ui-codec-endpoint', `${apiUrl}/codec`, ...sqlitePragmaArgs(FILE_SQLITE_PRAGMAS)],
      logFile,
      ownProcessGroup: true,
      log: (line) => say('temporal', line),
    });
    pidFile.add('Temporal dev server', server.pid, 'SIGTERM');
    exitIfUnexpected('Temporal', server.exited);
    onShutdown('Temporal', async () => {
      await server.stop();
      pidFile.remove(server.pid);
    });
    temporalAddress = server.address;
    temporalUiUrl = server.uiUrl;
    say('temporal', `ready at ${server.address}`);
  }

  // --- PostgreSQL
  let databaseUrl = settings.database.DATABASE_URL;
  // Migrations run as the schema's owner (DATABASE_MIGRATION_URL, else DATABASE_URL); the apps as the application role.
  let migrationUrl = settings.database.DATABASE_MIGRATION_URL ?? databaseUrl;
  let postgresDescription: string;
  if (databaseUrl) {
    postgresDescription = `external, ${redactPassword(databaseUrl)} (DATABASE_URL)`;
    say('postgres', `using ${postgresDescription}`);
  } else {
    const pgDataDir = path.join(dataDir, 'postgres');
    const port = settings.database.EMBEDDED_PG_PORT;
    const logFile = path.join(logsDir, 'postgres.log');
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    say('postgres', `starting embedded PostgreSQL on port ${port}, data ${pgDataDir}, log ${logFile}`);
    const password = settings.database.EMBEDDED_PG_PASSWORD;
    const pg = await startEmbeddedPostgres({
      dataDir: pgDataDir,
      port,
      database: 'sal_journeys',
      user: 'postgres',
      // Only applied when the cluster is first created.
      password,
      ownProcessGroup: true,
      log: (line) => {
        logStream.write(`${line}\n`);
        if (/\b(PANIC|FATAL)\b/.test(line)) say('postgres', line);
      },
    });
    pidFile.add('PostgreSQL', pg.pid, 'SIGINT');
    exitIfUnexpected('PostgreSQL', pg.exited);
    onShutdown('PostgreSQL', async () => {
      await pg.stop();
      pidFile.remove(pg.pid);
      logStream.end();
    });
    // The superuser only sets up the roles: the owner (migrations) and the application role (API, worker), which may
    // not change or empty the audit log and the journey events.
    const roles = await ensureDatabaseRoles(pg.adminUrl, 'sal_journeys', password);
    databaseUrl = roles.appUrl;
    migrationUrl = roles.ownerUrl;
    postgresDescription = `embedded, port ${port}, data folder ${pgDataDir}`;
    say('postgres', `ready (database sal_journeys on port ${port})`);
  }

  const childEnv: NodeJS.ProcessEnv = {
    // Earlier variable names already warned here: the children get the current ones.
    ...canonicalEnv(LAUNCH_ENVIRONMENT, process.env),
    // The owner's URL goes to the migrations only.
    DATABASE_MIGRATION_URL: undefined,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    // The codec endpoint answers this UI's browser, under either name, wherever TEMPORAL_UI_PORT put it.
    ...(temporalUiUrl && !settings.uiOriginsSet
      ? { TEMPORAL_UI_ORIGINS: `${temporalUiUrl},${temporalUiUrl.replace('//127.0.0.1:', '//localhost:')}` }
      : {}),
    // The apps write through our pipe, not to the terminal: on a terminal they keep readable lines (LOG_FORMAT wins).
    ...(process.stdout.isTTY && !process.env['LOG_FORMAT'] ? { LOG_FORMAT: 'pretty' } : {}),
  };

  // --- Migrations
  const migrateScript = requireFile(
    settings.launch.SAL_MIGRATE_SCRIPT ?? path.join(root, 'libs/persistence/dist/cli/migrate.js'),
    'The migration script',
  );
  say('migrate', `running ${migrateScript}`);
  const migration = spawnNode('migrate', migrateScript, { ...childEnv, DATABASE_MIGRATION_URL: migrationUrl }, root);
  const forgetMigration = onShutdown('migrations', async () => {
    await stopChild(migration, { signal: 'SIGTERM', graceMs: APP_STOP_GRACE_MS });
  });
  const migrated = await waitForExit(migration);
  forgetMigration();
  if (migrated.code !== 0) {
    throw new Error(`migrations failed (${describeExit(migrated)})`);
  }

  // --- Mail: the worker's dispatcher sends to SMTP_URL, or to a local sink whose messages can be read over HTTP.
  let mailBannerLine: string;
  if (settings.mail.SMTP_URL) {
    const smtp = `${redactPassword(settings.mail.SMTP_URL)} (SMTP_URL)`;
    mailBannerLine = `  Mail (SMTP):      ${smtp}`;
    say('mail', `the worker sends through ${smtp}`);
  } else {
    const sink = await startSmtpSink({
      host: '127.0.0.1',
      smtpPort: settings.launch.MAIL_SINK_SMTP_PORT,
      httpPort: settings.launch.MAIL_SINK_HTTP_PORT,
    });
    // Registered before the worker, so it stops after the worker has stopped sending.
    onShutdown('mail sink', () => sink.stop());
    childEnv['SMTP_URL'] = `smtp://127.0.0.1:${sink.smtpPort}`;
    mailBannerLine = `  Mail sink:        ${sink.httpUrl}/messages`;
    say('mail', `sink listening for SMTP on 127.0.0.1:${sink.smtpPort}; messages at ${sink.httpUrl}/messages`);
  }

  // --- Worker, then API
  for (const [step, defaultScript, override] of [
    ['worker', 'apps/worker/dist/main.js', settings.launch.SAL_WORKER_SCRIPT],
    ['api', 'apps/api/dist/main.js', settings.launch.SAL_API_SCRIPT],
  ] as const) {
    const script = requireFile(override ?? path.join(root, defaultScript), `The ${step} entry point`);
    say('launch', `starting ${step} (${script})`);
    const child = spawnNode(step, script, childEnv, root);
    if (child.pid !== undefined) pidFile.add(step, child.pid, 'SIGTERM');
    exitIfUnexpected(step, waitForExit(child));
    onShutdown(step, async () => {
      await stopChild(child, { signal: 'SIGTERM', graceMs: APP_STOP_GRACE_MS });
      if (child.pid !== undefined) pidFile.remove(child.pid);
    });
  }

  // --- Wait for the API
  await waitFor(
    async () => {
      const res = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel(); // we only need the status; free the connection
      return res.status === 200;
    },
    {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: `the API health check ${apiUrl}/health`,
      signal: shutdownController.signal,
    },
  );

  const lines = [
    'SAL journey engine is running',
    `  API:              ${apiUrl}`,
    `  Console:          ${apiUrl}/console/`,
    `  OpenAPI docs:     ${apiUrl}/docs`,
    ...(temporalUiUrl ? [`  Temporal Web UI:  ${temporalUiUrl}`] : []),
    `  Temporal:         ${temporalAddress} (namespace ${namespace})`,
    `  PostgreSQL:       ${postgresDescription}`,
    mailBannerLine,
    `  Logs:             ${logsDir}`,
    'Ctrl-C to stop',
  ];
  const rule = '='.repeat(Math.max(...lines.map((l) => l.length)) + 2);
  process.stdout.write(`\n${rule}\n${lines.map((l) => ` ${l}`).join('\n')}\n${rule}\n\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    if (shuttingDown) return; // failures caused by our own stopping
    void shutdown(1, `startup failed: ${errorMessage(err)}`);
  });
}
