import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, startTemporalDevServer } from '@sal/infra';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { publishStack } from './env';

type Stoppable = { stop(): Promise<void> };
const running: Stoppable[] = [];
(globalThis as { __SAL_TEST_SERVERS__?: Stoppable[] }).__SAL_TEST_SERVERS__ = running;

/**
 * Starts one Temporal dev server (in memory) and one PostgreSQL for the whole run, on free ports, unless
 * `TEST_TEMPORAL_ADDRESS` / `TEST_DATABASE_URL` point at servers to use instead. Each test file then makes its own
 * database and task queue.
 */
export default async function globalSetup(): Promise<void> {
  let temporalAddress = process.env.TEST_TEMPORAL_ADDRESS;
  const namespace = process.env.TEST_TEMPORAL_NAMESPACE ?? 'default';
  if (!temporalAddress) {
    const server = await startTemporalDevServer({
      namespace,
      uiPort: false,
      searchAttributes: journeySearchAttributeTypes(),
    });
    running.push(server);
    temporalAddress = server.address;
  }
  let adminDatabaseUrl = process.env.TEST_DATABASE_URL;
  if (!adminDatabaseUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'sal-test-pg-'));
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
    chmodSync(dataDir, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    running.push({
      stop: async () => {
        await pg.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    });
    adminDatabaseUrl = pg.url;
  }
  if (!process.env.API_AUDIT_BUFFER_DIR) {
    // Audit entries an API buffers while its database refuses them go to a temporary folder, never the repository's
    // data folder; each file names its database, so the APIs of different test files never replay each other's.
    const bufferDir = mkdtempSync(join(tmpdir(), 'sal-test-audit-'));
    process.env.API_AUDIT_BUFFER_DIR = bufferDir;
    running.push({ stop: async () => rmSync(bufferDir, { recursive: true, force: true }) });
  }
  publishStack({ temporalAddress, namespace, adminDatabaseUrl });
  // The product processes' logs of this run, read by the redaction test (log-redaction.e2e.spec.ts, run last).
  const logDir = mkdtempSync(join(tmpdir(), 'sal-test-logs-'));
  process.env.SAL_TEST_LOG_DIR = logDir;
  running.push({ stop: async () => rmSync(logDir, { recursive: true, force: true }) });
}
