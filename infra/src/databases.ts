import { withDatabase, withPgClient } from './pg';

/**
 * Creates database `name` on the server of `adminUrl` (a URL whose user may
 * create databases) and returns the URL of the new database.
 */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withPgClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
  return withDatabase(adminUrl, name);
}

/** Creates database `name` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  await withPgClient(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rows.length === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    }
  });
  return withDatabase(adminUrl, name);
}

/**
 * Drops database `name` if it exists. WITH (FORCE) disconnects leftover
 * sessions (e.g. a pool a failed test never closed), which would otherwise
 * make the drop fail.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withPgClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
