import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { isPortFree } from './ports';
import { journeySearchAttributeTypes } from '@sal/temporal';

const JOURNEY_SEARCH_ATTRIBUTE_TYPES = journeySearchAttributeTypes();
import { findOrBuildTemporalCli } from './temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server';

const TIMEOUT = 120_000;

describe('startTemporalDevServer', () => {
  let cliPath: string;
  const servers: TemporalDevServer[] = [];
  const connections: Connection[] = [];
  let tmp: string;

  beforeAll(async () => {
    cliPath = await findOrBuildTemporalCli();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sal-infra-temporal-'));
  }, 30 * 60_000);

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  async function start(options: Parameters<typeof startTemporalDevServer>[0]): Promise<TemporalDevServer> {
    const server = await startTemporalDevServer({ cliPath, ...options });
    servers.push(server);
    return server;
  }

  async function connect(address: string): Promise<Connection> {
    const connection = await Connection.connect({ address });
    connections.push(connection);
    return connection;
  }

  it(
    'starts in memory on free ports with the journey search attributes, and frees the port on stop',
    async () => {
      const server = await start({ namespace: 'sal-test', searchAttributes: JOURNEY_SEARCH_ATTRIBUTE_TYPES });
      expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(server.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.namespace).toBe('sal-test');

      const connection = await connect(server.address);
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBeTruthy();
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'sal-test' });
      expect(Object.keys(customAttributes ?? {})).toEqual(
        expect.arrayContaining(Object.keys(JOURNEY_SEARCH_ATTRIBUTE_TYPES)),
      );

      const ui = await fetch(server.uiUrl as string);
      expect(ui.status).toBe(200);

      await server.stop();
      const port = Number(server.address.split(':')[1]);
      expect(await isPortFree(port)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'registers search attributes added after the database file was created',
    async () => {
      const dbFile = path.join(tmp, 'temporal.db');
      const logFile = path.join(tmp, 'logs', 'temporal.log');
      const first = await start({ dbFile, logFile, uiPort: false, searchAttributes: { JourneyStage: 'Keyword' } });
      expect(first.uiUrl).toBeUndefined();
      await first.stop();

      const second = await start({
        dbFile,
        logFile,
        uiPort: false,
        searchAttributes: { JourneyStage: 'Keyword', OverdueActions: 'Int' },
      });
      const connection = await connect(second.address);
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(customAttributes).toMatchObject({ JourneyStage: 2, OverdueActions: 3 });
      expect(fs.existsSync(logFile)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'rejects with the server output when the process exits during startup',
    async () => {
      await expect(start({ uiPort: false, extraArgs: ['--no-such-flag'] })).rejects.toThrow(
        /exited during startup[\s\S]*unknown flag: --no-such-flag/,
      );
    },
    TIMEOUT,
  );
});
