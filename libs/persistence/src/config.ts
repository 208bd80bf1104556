/**
 * The roles of the embedded PostgreSQL (created by `infra`'s `ensureDatabaseRoles`, same names): the owner runs the
 * migrations and owns every table; the application role (API, worker) may only read and write rows, and on the
 * append-only tables (`audit_log`, `journey_events`) only INSERT and SELECT.
 */
export const EMBEDDED_OWNER_ROLE = 'sal_owner';
export const EMBEDDED_APP_ROLE = 'sal_app';
export const EMBEDDED_DATABASE = 'sal_journeys';

/**
 * Where the API and the worker read and write: `DATABASE_URL`, or the embedded PostgreSQL that `npm start` runs on its
 * default port, as the application role.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return embeddedUrl(env, EMBEDDED_APP_ROLE);
}

/**
 * Where migrations (and `npm run rebuild-read-model`) run: `DATABASE_MIGRATION_URL` (the owner of the schema), else
 * `DATABASE_URL` for a deployment with a single role, else the embedded PostgreSQL as its owner role.
 */
export function resolveMigrationDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_MIGRATION_URL) return env.DATABASE_MIGRATION_URL;
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return embeddedUrl(env, EMBEDDED_OWNER_ROLE);
}

/** The embedded server's roles share its password (`EMBEDDED_PG_PASSWORD`): it listens on 127.0.0.1 only. */
function embeddedUrl(env: NodeJS.ProcessEnv, role: string): string {
  const port = env.EMBEDDED_PG_PORT ?? '54329';
  const password = encodeURIComponent(env.EMBEDDED_PG_PASSWORD ?? 'postgres');
  return `postgres://${role}:${password}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}
