import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, startTemporalCluster, startTemporalDevServer } from '@sal/infra';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { publishStack } from './env';

type Stoppable = { stop(): Promise<void> };
const running: Stoppable[] = [];
(globalThis as { __SAL_TEST_SERVERS__?: Stoppable[] }).__SAL_TEST_SERVERS__ = running;

/**
 * Starts one PostgreSQL and one Temporal server for the whole run, on free ports, unless `TEST_DATABASE_URL` /
 * `TEST_TEMPORAL_ADDRESS` point at servers to use instead. The Temporal server is the dev server (in memory), or with
 * `TEST_TEMPORAL_SERVER=cluster` the real server built from its Go module on that PostgreSQL (`npm run test:cluster`).
 * Each test file then makes its own database and task queue.
 */
export default async function globalSetup(): Promise<void> {
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
  let temporalAddress = process.env.TEST_TEMPORAL_ADDRESS;
  const namespace = process.env.TEST_TEMPORAL_NAMESPACE ?? 'default';
  const server = temporalServerKind();
  if (!temporalAddress && server === 'cluster') {
    // The Temporal server built from its Go module (infra/src/temporal-cluster.ts), on the tests' PostgreSQL.
    const stateDir = mkdtempSync(join(tmpdir(), 'sal-test-cluster-'));
    const cluster = await startTemporalCluster({
      postgresUrl: adminDatabaseUrl,
      stateDir,
      namespace,
      numHistoryShards: Number(process.env.TEST_TEMPORAL_CLUSTER_SHARDS ?? 4),
      searchAttributes: journeySearchAttributeTypes(),
      logFile: join(stateDir, 'temporal-server.log'),
      log: (line) => console.log(`[cluster] ${line}`),
    });
    running.push({
      stop: async () => {
        await cluster.stop();
        rmSync(stateDir, { recursive: true, force: true });
      },
    });
    temporalAddress = cluster.address;
  } else if (!temporalAddress) {
    const devServer = await startTemporalDevServer({
      namespace,
      uiPort: false,
      searchAttributes: journeySearchAttributeTypes(),
    });
    running.push(devServer);
    temporalAddress = devServer.address;
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

/** `TEST_TEMPORAL_SERVER`: `dev` (default) or `cluster`. */
export function temporalServerKind(): 'dev' | 'cluster' {
  const value = process.env.TEST_TEMPORAL_SERVER ?? 'dev';
  if (value !== 'dev' && value !== 'cluster') throw new Error(`TEST_TEMPORAL_SERVER must be "dev" or "cluster", not "${value}"`);
  return value;
}
