import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { undocumentedVariables } from '@sal/config';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { CLUSTER_ENV } from './cluster-settings';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { withDatabase, withPgClient } from './pg';
import { isPortFree } from './ports';
import { checkVisibilityLimits, clusterPortsFrom, findOrBuildTemporalServer, startTemporalCluster, type TemporalCluster } from './temporal-cluster';

const TIMEOUT = 300_000;

describe('checkVisibilityLimits', () => {
  it('accepts the journey search attributes and refuses an eleventh Keyword', () => {
    expect(() => checkVisibilityLimits(journeySearchAttributeTypes())).not.toThrow();
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`K${i}`, 'Keyword' as const]));
    expect(() => checkVisibilityLimits(eleven)).toThrow(/11 of type Keyword \(at most 10\)/);
  });

  it('moves every port of the shipped config together', () => {
    expect(clusterPortsFrom(7233)).toMatchObject({ frontend: 7233, history: 7234, matching: 7235, worker: 7239, frontendHttp: 7243, frontendMembership: 6933, metrics: 8000 });
    expect(clusterPortsFrom(17233)).toMatchObject({ frontend: 17233, metrics: 18000 });
  });
});

describe('startTemporalCluster', () => {
  let tmp: string;
  let pg: EmbeddedPostgres;
  const clusters: TemporalCluster[] = [];

  beforeAll(async () => {
    await findOrBuildTemporalServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sal-infra-cluster-'));
    fs.chmodSync(tmp, 0o755);
    pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), database: 'postgres' });
  }, 30 * 60_000);

  afterAll(async () => {
    for (const cluster of clusters) await cluster.stop();
    await pg?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'sets up both stores on PostgreSQL, registers the namespace and search attributes, and starts again on the same databases',
    async () => {
      const options = { postgresUrl: pg.url, stateDir: path.join(tmp, 'state'), numHistoryShards: 3, searchAttributes: journeySearchAttributeTypes(), logFile: path.join(tmp, 'server.log') };
      const first = await startTemporalCluster(options);
      clusters.push(first);
      const connection = await Connection.connect({ address: first.address });
      try {
        const info = await connection.workflowService.getSystemInfo({});
        expect(info.serverVersion).toBe('1.29.1');
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
        expect(Object.keys(customAttributes ?? {}).sort()).toEqual(Object.keys(journeySearchAttributeTypes()).sort());
        const metrics = await fetch(first.metricsUrl);
        expect(metrics.status).toBe(200);
      } finally {
        await connection.close();
      }
      // The schemas are the server's own, and the shards as asked.
      const shards = await withPgClient(withDatabase(pg.adminUrl, 'temporal'), async (client) => (await client.query('SELECT count(*)::int AS n FROM shards')).rows[0].n as number);
      expect(shards).toBe(3);
      const visibilityVersion = await withPgClient(withDatabase(pg.adminUrl, 'temporal_visibility'), async (client) =>
        (await client.query('SELECT curr_version FROM schema_version')).rows[0].curr_version as string,
      );
      expect(visibilityVersion).toMatch(/^\d+\.\d+$/);

      await first.stop();
      await expect(isPortFree(first.ports.frontend)).resolves.toBe(true);
      clusters.pop();

      // Again on the same databases: nothing to set up, the namespace is there.
      const second = await startTemporalCluster(options);
      clusters.push(second);
      const again = await Connection.connect({ address: second.address });
      try {
        const { namespaceInfo } = await again.workflowService.describeNamespace({ namespace: 'default' });
        expect(namespaceInfo?.name).toBe('default');
      } finally {
        await again.close();
      }
    },
    TIMEOUT,
  );
});

describe('npm run cluster settings', () => {
  it('are documented in the README and .env.example', () => {
    const root = path.join(__dirname, '..', '..');
    const docs = { readme: fs.readFileSync(path.join(root, 'README.md'), 'utf8'), envExample: fs.readFileSync(path.join(root, '.env.example'), 'utf8') };
    expect(undocumentedVariables([CLUSTER_ENV], docs)).toEqual([]);
  });
});
