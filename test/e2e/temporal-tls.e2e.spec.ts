import { mkdtempSync, readFileSync as read, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';
import { dropDatabase, startTemporalCluster, type TemporalCluster } from '@sal/infra';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { testStack, uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { temporalServerKind } from '../support/global-setup';
import { TestCa } from '../support/test-ca';

/**
 * TLS and mTLS to Temporal: a Temporal server of its own (the one built from its Go module, on the tests' PostgreSQL,
 * so only with `npm run test:cluster`), its frontend on TLS with a certificate of a CA this test makes, asking every
 * client for a certificate of a second CA. The API and the worker connect with the standard `TEMPORAL_TLS_*`
 * variables of `@temporalio/envconfig` and run a journey; a client without a certificate, with one of a CA the server
 * does not trust, or without TLS at all is refused.
 */
const onCluster = temporalServerKind() === 'cluster' ? describe : describe.skip;

onCluster('Temporal over mTLS', () => {
  const SERVER_NAME = 'temporal.sal.test';
  let dir: string;
  let cluster: TemporalCluster | undefined;
  let databases: { default: string; visibility: string };
  let db: ThrowawayDatabase | undefined;
  let product: ProductStack | undefined;
  let serverCa: TestCa;
  let clientCa: TestCa;
  let client: { certFile: string; keyFile: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sal-test-tls-'));
    serverCa = new TestCa(dir, 'server');
    clientCa = new TestCa(dir, 'client');
    const server = serverCa.issue('frontend', 'server', [`DNS:${SERVER_NAME}`, 'IP:127.0.0.1']);
    const systemWorker = clientCa.issue('system-worker', 'client');
    client = clientCa.issue('sal-journeys', 'client');
    const suffix = uniqueSuffix();
    databases = { default: `temporal_tls_${suffix}`, visibility: `temporal_tls_vis_${suffix}` };
    cluster = await startTemporalCluster({
      postgresUrl: testStack().adminDatabaseUrl,
      stateDir: join(dir, 'cluster'),
      databases,
      numHistoryShards: 2,
      searchAttributes: journeySearchAttributeTypes(),
      logFile: join(dir, 'temporal-server.log'),
      tls: {
        serverCertFile: server.certFile,
        serverKeyFile: server.keyFile,
        serverCaFile: serverCa.certFile,
        serverName: SERVER_NAME,
        clientAuth: { caFile: clientCa.certFile, ...systemWorker },
      },
    });
    db = await createThrowawayDatabase();
    product = await startProduct(db.url, {
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: cluster.namespace,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: serverCa.certFile,
      TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
      TEMPORAL_TLS_CLIENT_CERT_PATH: client.certFile,
      TEMPORAL_TLS_CLIENT_KEY_PATH: client.keyFile,
    });
  }, 600_000);

  afterAll(async () => {
    await product?.stop();
    await db?.drop();
    await cluster?.stop();
    if (databases) for (const name of [databases.default, databases.visibility]) await dropDatabase(testStack().adminDatabaseUrl, name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  const api = <T = any>(method: string, path: string, body?: unknown) => http<T>(product!.baseUrl, method, path, body);

  it('runs a journey with the API and the worker connected by mTLS', async () => {
    expect(cluster!.tls).toBe('mtls');
    const office = `CPI-TLS-${uniqueSuffix()}`;
    const created = await api('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Anna', familyName: 'Galli', email: 'anna.galli@example.org' },
      programmeCode: 'GOL-1',
      officeId: office,
      didDate: recentDidDate(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 'awaiting_intake', status: 'open' });
    const { journeyId } = created.body;
    const intake = await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-tls' });
    expect(intake.status).toBe(200);
    expect(intake.body.stage).toBe('awaiting_pact');
    const pact = await api('POST', `/journeys/${journeyId}/pact`, {
      responsibleOperatorId: 'op-tls',
      profilingClass: 'medium',
      jobSearchProof: 'Elenco mensile delle candidature inviate',
      acceptance: { method: 'signed_in_person' },
      contactFrequency: 'P30D',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: inSeconds(3600) }],
    });
    expect(pact.status).toBe(200);
    // The workflow answered the updates through the worker, both on their TLS connections: the pact is active.
    expect(pact.body.stage).toBe('pact_active');
    // And the API's readiness sees Temporal through its TLS connection.
    expect((await fetch(`${product!.baseUrl}/health/ready`)).status).toBe(200);
  });

  /** Connects and asks for the server's system info; rejects if the server refuses the client. */
  async function systemInfo(tls: TLSConfig | false): Promise<unknown> {
    const connection = await Connection.connect({ address: cluster!.address, tls, connectTimeout: 5_000 });
    try {
      return await connection.withDeadline(Date.now() + 10_000, () => connection.workflowService.getSystemInfo({}));
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  it('accepts a client with a certificate of the client CA, and refuses one without, one of another CA, and one without TLS', async () => {
    const trustServer = { serverRootCACertificate: read(serverCa.certFile), serverNameOverride: SERVER_NAME };
    // The control: the same connection with the client certificate is accepted, so the refusals below are the certificate's.
    await expect(systemInfo({ ...trustServer, clientCertPair: { crt: read(client.certFile), key: read(client.keyFile) } })).resolves.toBeDefined();

    await expect(systemInfo(trustServer)).rejects.toThrow();
    const stranger = new TestCa(dir, 'stranger').issue('intruder', 'client');
    await expect(systemInfo({ ...trustServer, clientCertPair: { crt: read(stranger.certFile), key: read(stranger.keyFile) } })).rejects.toThrow();
    await expect(systemInfo(false)).rejects.toThrow();
  });
});
