import { randomBytes } from 'node:crypto';
import type { JourneyNotice } from '@sal/domain';
import { getFreePort } from '@sal/infra';
import { Dispatcher, NotificationService, SmtpTransport } from '@sal/notifications';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { testStack } from '../support/env';
import { http, ServiceProcess } from '../support/services';
import { eventually } from '../support/wait';

/** The staff directory and the notification outbox over HTTP: the built API as a child process on its own database. */

let db: ThrowawayDatabase;
let api: ServiceProcess;
let baseUrl: string;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  const { temporalAddress, namespace } = testStack();
  const port = await getFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  api = new ServiceProcess('api', 'apps/api/dist/main.js', {
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
  });
  api.start();
  await eventually(async () => {
    if (!api.running) throw new Error(`api exited:\n${api.output()}`);
    return (await http(baseUrl, 'GET', '/staff')).status === 200;
  }, 'the API to answer', { timeoutMs: 120_000 });
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const call = <T = any>(method: string, path: string, body?: unknown) => http<T>(baseUrl, method, path, body);

function notice(journeyId: string, audience: JourneyNotice['audience']): JourneyNotice {
  return {
    key: `${journeyId}:action_overdue:A1@2026-12-15T22:59:59.999Z:${audience}`,
    journeyId,
    officeId: 'CPI-BO-01',
    programmeCode: 'GOL-1',
    kind: 'action_overdue',
    audience,
    operatorId: 'op-gallo',
    beneficiary: { givenName: 'Sara', familyName: 'Conti', email: null },
    subject: { actionId: 'A1', actionDescription: 'Colloquio di orientamento', dueAt: '2026-12-15T22:59:59.999Z' },
    at: '2026-12-15T23:00:00.000Z',
  };
}

describe('staff directory over HTTP', () => {
  it('adds, replaces and lists members, active by default', async () => {
    const created = await call('PUT', '/staff/op-gallo', { officeId: 'CPI-BO-01', role: 'operator', email: ' marco.gallo@cpi-bologna.example.org ', displayName: 'Marco Gallo' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ staffId: 'op-gallo', officeId: 'CPI-BO-01', role: 'operator', email: 'marco.gallo@cpi-bologna.example.org', displayName: 'Marco Gallo', active: true });
    expect(new Date(created.body.updatedAt).toISOString()).toBe(created.body.updatedAt);

    const replaced = await call('PUT', '/staff/op-gallo', { officeId: 'CPI-BO-01', role: 'operator', email: 'm.gallo@cpi-bologna.example.org', displayName: 'Marco Gallo', active: false });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ email: 'm.gallo@cpi-bologna.example.org', active: false });

    await call('PUT', '/staff/sup-ricci', { officeId: 'CPI-BO-01', role: 'supervisor', email: 'anna.ricci@cpi-bologna.example.org', displayName: 'Anna Ricci' });
    await call('PUT', '/staff/sup-longo', { officeId: 'CPI-FE-01', role: 'supervisor', email: 'luca.longo@cpi-ferrara.example.org', displayName: 'Luca Longo' });

    const office = await call('GET', '/staff?officeId=CPI-BO-01');
    expect(office.status).toBe(200);
    expect(office.body.map((m: { staffId: string }) => m.staffId)).toEqual(['op-gallo', 'sup-ricci']);
    const supervisors = await call('GET', '/staff?role=supervisor');
    expect(supervisors.body.map((m: { staffId: string }) => m.staffId)).toEqual(['sup-ricci', 'sup-longo']);
    expect((await call('GET', '/staff?officeId=CPI-BO-01&role=supervisor')).body).toHaveLength(1);
  });

  it('refuses a malformed member with the offending fields', async () => {
    const refused = await call('PUT', '/staff/op-gallo', { officeId: 'CPI BO', role: 'boss', email: 'not-an-address', displayName: '  ', active: 'yes', extra: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    const fields = refused.body.error.fields.map((f: { field: string }) => f.field);
    for (const field of ['officeId', 'role', 'email', 'displayName', 'active', 'extra']) expect(fields).toContain(field);

    const badId = await call('PUT', '/staff/op%20gallo', { officeId: 'CPI-BO-01', role: 'operator', email: 'a@b.example.org', displayName: 'A B' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields).toEqual([{ field: 'staffId', message: expect.any(String), code: 'invalid_id', params: { kind: 'staff' } }]);
    expect((await call('GET', '/staff?role=boss')).status).toBe(400);
  });
});

describe('notification outbox over HTTP', () => {
  it('lists failed and undeliverable messages with their attempts, and requeues a failed one', async () => {
    await call('PUT', '/staff/op-gallo', { officeId: 'CPI-BO-01', role: 'operator', email: 'marco.gallo@cpi-bologna.example.org', displayName: 'Marco Gallo' });
    const journeyId = `jrn_${randomBytes(16).toString('hex')}`;
    await new NotificationService(db.dataSource).notify([notice(journeyId, 'operator'), notice(journeyId, 'beneficiary')]);
    // Nobody listens on this port: one attempt, then failed.
    const port = await getFreePort();
    const transport = new SmtpTransport({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 2_000 });
    const dispatcher = new Dispatcher({
      dataSource: db.dataSource,
      transport,
      mailFrom: 'noreply@sal.invalid',
      tuning: { pollIntervalMs: 50, maxAttempts: 1 },
      log: { info: () => undefined, warn: () => undefined },
    });
    dispatcher.start();
    try {
      await eventually(async () => (await call('GET', `/notifications?journeyId=${journeyId}&status=failed`)).body.total === 1, 'the operator message to fail');
    } finally {
      await dispatcher.stop();
      transport.close();
    }

    const all = await call('GET', `/notifications?journeyId=${journeyId}`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    const failed = all.body.items.find((i: { audience: string }) => i.audience === 'operator');
    expect(failed).toMatchObject({
      journeyId,
      officeId: 'CPI-BO-01',
      kind: 'action_overdue',
      recipientRef: 'op-gallo',
      toAddress: 'marco.gallo@cpi-bologna.example.org',
      subject: 'Azione scaduta: «Colloquio di orientamento» di Sara Conti',
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/),
      nextAttemptAt: null,
      sentAt: null,
      deliveryAttempts: [{ attemptedAt: expect.any(String), outcome: 'failed', error: expect.stringMatching(/ECONNREFUSED/), smtpResponse: null }],
    });
    const undeliverable = all.body.items.find((i: { audience: string }) => i.audience === 'beneficiary');
    expect(undeliverable).toMatchObject({ status: 'undeliverable', toAddress: null, lastError: 'the beneficiary has no e-mail address', deliveryAttempts: [] });
    expect((await call('GET', '/notifications?officeId=CPI-BO-01&status=undeliverable&pageSize=1')).body).toMatchObject({ total: 1, pageSize: 1 });

    const retried = await call('POST', `/notifications/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0, nextAttemptAt: expect.any(String), deliveryAttempts: failed.deliveryAttempts });

    const again = await call('POST', `/notifications/${failed.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'NOTIFICATION_NOT_RETRYABLE', message: expect.stringMatching(/pending/) });
    const notDeliverable = await call('POST', `/notifications/${undeliverable.id}/retry`);
    expect(notDeliverable.body.error.code).toBe('NOTIFICATION_NOT_RETRYABLE');
    const unknown = await call('POST', '/notifications/00000000-0000-4000-8000-000000000000/retry');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    const malformed = await call('POST', '/notifications/42/retry');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'id', message: expect.any(String) }] });
    expect((await call('GET', '/notifications?status=lost')).status).toBe(400);
  });

  it('documents the new endpoints in OpenAPI', async () => {
    const { body } = await call('GET', '/docs-json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/staff', '/staff/{staffId}', '/notifications', '/notifications/{id}/retry']));
    expect(body.paths['/notifications/{id}/retry'].post.responses).toHaveProperty('409');
  });
});
