import { DATABASE_ENV, loadEnv, type LoadOptions } from '@sal/config';

/**
 * The roles of the embedded PostgreSQL (created by `infra`'s `ensureDatabaseRoles`, same names): the owner runs the
 * migrations and owns every table; the application role (API, worker) may only read and write rows, and on the
 * append-only tables (`audit_log`, `journey_events`) only INSERT and SELECT.
 */
export const EMBEDDED_OWNER_ROLE = 'sal_owner';
export const EMBEDDED_APP_ROLE = 'sal_app';
export const EMBEDDED_DATABASE = 'sal_journeys';

/** The database settings of a process, from {@link DATABASE_ENV} (declared in `@sal/config`: the launcher reads them too). */
export interface DatabaseSettings {
  /** Where the API and the worker read and write (`DATABASE_URL`, else the embedded server as the application role). */
  url: string;
  /** Where migrations run (`DATABASE_MIGRATION_URL`, else `DATABASE_URL`, else the embedded server as its owner). */
  migrationUrl: string;
  /** Connections per process (`DATABASE_POOL_SIZE`). */
  poolSize: number;
}

/**
 * Reads the database variables.
 * @throws ConfigurationError naming each wrong variable.
 */
export function databaseSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): DatabaseSettings {
  const v = loadEnv(DATABASE_ENV, env, options);
  const embedded = (role: string) => `postgres://${role}:${encodeURIComponent(v.EMBEDDED_PG_PASSWORD)}@127.0.0.1:${v.EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;
  return {
    url: v.DATABASE_URL ?? embedded(EMBEDDED_APP_ROLE),
    migrationUrl: v.DATABASE_MIGRATION_URL ?? v.DATABASE_URL ?? embedded(EMBEDDED_OWNER_ROLE),
    poolSize: v.DATABASE_POOL_SIZE,
  };
}

/**
 * Where the API and the worker read and write: `DATABASE_URL`, or the embedded PostgreSQL that `npm start` runs on its
 * default port, as the application role.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return databaseSettings(env).url;
}

/**
 * Where migrations (and `npm run rebuild-read-model`) run: `DATABASE_MIGRATION_URL` (the owner of the schema), else
 * `DATABASE_URL` for a deployment with a single role, else the embedded PostgreSQL as its owner role.
 */
export function resolveMigrationDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return databaseSettings(env).migrationUrl;
}
