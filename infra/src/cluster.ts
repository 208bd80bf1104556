import fs from 'node:fs';
import path from 'node:path';
import { loadEnv, RUNTIME_ENV } from '@sal/config';
import { CLUSTER_ENV } from './cluster-settings';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { startEmbeddedPostgres } from './embedded-postgres';
import { findRepoRoot } from './repo-root';
import { startTemporalCluster } from './temporal-cluster';
import { errorMessage } from './wait-for';

/**
 * `npm run cluster`: a Temporal server (frontend, history, matching and worker services in one process, built from
 * its Go module) on PostgreSQL, in the foreground; Ctrl-C stops it, then its embedded PostgreSQL. The product is
 * pointed at it with `TEMPORAL_ADDRESS`.
 */
const say = (line: string): void => {
  process.stdout.write(`[cluster] ${line}\n`);
};

function redactPassword(value: string): string {
  const parsed = new URL(value);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function main(): Promise<void> {
  const settings = loadEnv(CLUSTER_ENV);
  const runtime = loadEnv(RUNTIME_ENV);
  const root = findRepoRoot(__dirname);
  const dataDir = path.join(path.resolve(runtime.SAL_DATA_DIR ?? path.join(root, 'data')), 'cluster');
  fs.mkdirSync(dataDir, { recursive: true });
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);

  const stops: { name: string; stop(): Promise<void> }[] = [];
  let stopping = false;
  const stopAll = async (code: number, reason: string): Promise<never> => {
    if (!stopping) {
      stopping = true;
      say(reason);
      for (const { name, stop } of stops.reverse()) {
        say(`stopping ${name}…`);
        await stop().catch((err: unknown) => say(`could not stop ${name} cleanly: ${errorMessage(err)}`));
      }
      say('stopped');
      process.exit(code);
    }
    return new Promise<never>(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(0, `${signal} received, stopping…`));

  try {
    let postgresUrl = settings.TEMPORAL_CLUSTER_DATABASE_URL;
    if (postgresUrl) {
      say(`PostgreSQL: ${redactPassword(postgresUrl)} (TEMPORAL_CLUSTER_DATABASE_URL)`);
    } else {
      const pgDir = path.join(dataDir, 'postgres');
      say(`starting an embedded PostgreSQL on 127.0.0.1:${settings.TEMPORAL_CLUSTER_PG_PORT}, data ${pgDir}`);
      const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: settings.TEMPORAL_CLUSTER_PG_PORT, database: 'postgres', ownProcessGroup: true });
      stops.push({ name: 'PostgreSQL', stop: () => pg.stop() });
      void pg.exited.then(() => void stopAll(1, 'PostgreSQL exited unexpectedly; stopping'));
      postgresUrl = pg.url;
    }
    const logFile = path.join(dataDir, 'temporal-server.log');
    say(`starting the Temporal server (${settings.TEMPORAL_CLUSTER_SHARDS} history shards), log ${logFile}`);
    const cluster = await startTemporalCluster({
      postgresUrl,
      stateDir: path.join(dataDir, 'server'),
      numHistoryShards: settings.TEMPORAL_CLUSTER_SHARDS,
      port: settings.TEMPORAL_CLUSTER_PORT,
      searchAttributes: journeySearchAttributeTypes(),
      logFile,
      logLevel: 'info',
      ownProcessGroup: true,
      log: say,
    });
    stops.push({ name: 'Temporal server', stop: () => cluster.stop() });
    void cluster.exited.then(() => void stopAll(1, 'the Temporal server exited unexpectedly; stopping'));
    say('ready. Point the product (npm start, the API, the worker) and the tests at it:');
    say(`  TEMPORAL_ADDRESS=${cluster.address} TEMPORAL_NAMESPACE=${cluster.namespace} npm start`);
    say(`  TEST_TEMPORAL_ADDRESS=${cluster.address} npm test   (or npm run test:cluster, which starts its own)`);
    say(`  server metrics: ${cluster.metricsUrl}; config: ${cluster.configFile}`);
    say('Ctrl-C stops it.');
  } catch (err) {
    await stopAll(1, `could not start: ${errorMessage(err)}`);
  }
}

void main();
