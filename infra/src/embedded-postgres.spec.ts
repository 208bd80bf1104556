import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, dropDatabase } from './databases';
import { startEmbeddedPostgres, hydrateSymlinks, type EmbeddedPostgres } from './embedded-postgres';
import { withPgClient } from './pg';
import { isPidAlive } from './process-utils';
import { waitFor } from './wait-for';

const TIMEOUT = 120_000;

describe('startEmbeddedPostgres', () => {
  let tmp: string;
  const running = new Set<EmbeddedPostgres>();

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sal-infra-pg-'));
    // As root the server runs as the `postgres` user, which must be able to enter the folder.
    fs.chmodSync(tmp, 0o755);
  });

  afterAll(async () => {
    await Promise.all([...running].map((pg) => pg.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  async function start(dataDir: string, database = 'sal_test'): Promise<EmbeddedPostgres> {
    const pg = await startEmbeddedPostgres({ dataDir, database });
    running.add(pg);
    return pg;
  }

  async function stop(pg: EmbeddedPostgres): Promise<void> {
    await pg.stop();
    running.delete(pg);
  }

  it(
    'keeps data across a restart on the same data folder',
    async () => {
      const dataDir = path.join(tmp, 'persist');
      const first = await start(dataDir);
      expect(first.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/sal_test$/);
      await withPgClient(first.url, async (client) => {
        await client.query('CREATE TABLE note (body text)');
        await client.query('INSERT INTO note VALUES ($1)', ['perché è così']);
      });
      await stop(first);

      const second = await start(dataDir);
      const rows = await withPgClient(second.url, async (client) => (await client.query('SELECT body FROM note')).rows);
      expect(rows).toEqual([{ body: 'perché è così' }]);
      await stop(second);
    },
    TIMEOUT,
  );

  it(
    'recovers after the server was killed and left postmaster.pid behind',
    async () => {
      const dataDir = path.join(tmp, 'killed');
      const first = await start(dataDir);
      await withPgClient(first.url, (client) => client.query('CREATE TABLE survived (id int)'));
      process.kill(first.pid, 'SIGKILL');
      await waitFor(() => !isPidAlive(first.pid), { timeoutMs: 30_000, description: 'the killed server to exit' });
      await stop(first); // no-op for an exited process, must not hang
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);

      const second = await start(dataDir);
      const rows = await withPgClient(second.url, async (client) => (await client.query('SELECT count(*)::int AS n FROM survived')).rows);
      expect(rows).toEqual([{ n: 0 }]);
      await stop(second);
    },
    TIMEOUT,
  );

  it(
    'creates and drops throwaway databases',
    async () => {
      const pg = await start(path.join(tmp, 'dbs'));
      const url = await createDatabase(pg.adminUrl, 'throwaway_1');
      expect(url).toMatch(/\/throwaway_1$/);
      await withPgClient(url, (client) => client.query('CREATE TABLE t (id int)'));
      await expect(createDatabase(pg.adminUrl, 'throwaway_1')).rejects.toThrow(/already exists/);

      // Dropping works even while a session is still connected to it.
      await withPgClient(url, async () => {
        await dropDatabase(pg.adminUrl, 'throwaway_1');
      }).catch(() => undefined);
      const names = await withPgClient(pg.adminUrl, async (client) =>
        (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname),
      );
      expect(names).toContain('sal_test');
      expect(names).not.toContain('throwaway_1');
      await dropDatabase(pg.adminUrl, 'throwaway_1'); // idempotent
      await stop(pg);
    },
    TIMEOUT,
  );
});

describe('hydrateSymlinks', () => {
  it('recreates missing library symlinks idempotently', () => {
    const pkgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sal-infra-hydrate-'));
    try {
      fs.mkdirSync(path.join(pkgDir, 'native', 'lib'), { recursive: true });
      fs.writeFileSync(path.join(pkgDir, 'native', 'lib', 'libpq.so.5.17'), 'lib');
      fs.writeFileSync(
        path.join(pkgDir, 'native', 'pg-symlinks.json'),
        JSON.stringify([
          { source: 'native/lib/libpq.so.5.17', target: 'native/lib/libpq.so' },
          { source: 'native/lib/libpq.so.5.17', target: 'native/lib/libpq.so.5' },
        ]),
      );
      hydrateSymlinks(pkgDir);
      hydrateSymlinks(pkgDir);
      for (const link of ['libpq.so', 'libpq.so.5']) {
        const linkPath = path.join(pkgDir, 'native', 'lib', link);
        expect(fs.readlinkSync(linkPath)).toBe('libpq.so.5.17');
        expect(fs.readFileSync(linkPath, 'utf8')).toBe('lib');
      }
    } finally {
      fs.rmSync(pkgDir, { recursive: true, force: true });
    }
  });
});

// Guard against leaking servers: nothing started by this file may survive it.
afterAll(() => {
  const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
  expect(ps.split('\n').filter((l) => l.includes('sal-infra-pg-'))).toEqual([]);
});
