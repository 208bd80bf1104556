import { getFreePort, startSmtpSink, type SinkMessage, type SmtpSink } from '@sal/infra';
import { uniqueSuffix } from '../support/env';
import { adminToken } from '../support/auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, waitForWorker, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Issue 17, answers exact at the instant they are asked: the built worker and API on real Temporal and PostgreSQL,
 * a real SMTP sink. An action falls due while the worker is stopped: no timer can fire, no notice go out, the read
 * model's row still says `pending`; yet the supervisors' views, the search, the KPIs, the CSV export and the journey
 * itself say it is overdue from its due instant. Once the worker is back, its timer fires and the notices go out once.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
let sink: SmtpSink;
const office = `CPI-EXA-${uniqueSuffix()}`;
const programme = `TEST-EXA-${uniqueSuffix().slice(-6).toUpperCase()}`;
const operator = `op-neri-${office}`;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  const smtpPort = await getFreePort();
  sink = await startSmtpSink({ smtpPort });
  product = await startProduct(db.url, {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NOTIFICATIONS_POLL_MS: '500',
    // The live view asks the workflow first; with the worker stopped it falls back to the read model after this.
    API_TEMPORAL_TIMEOUT_MS: '2000',
  });
  await api('PUT', `/staff/${operator}`, { officeId: office, role: 'operator', email: 'operatrice@cpi.example.org', displayName: 'Rita Neri' });
  // Only the overdue notices: no reminder, no escalation, no pact deadline, no stall for lack of progress.
  const clocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };
  expect((await api('PUT', `/programmes/${programme}`, { title: 'Test, exact at the instant', clocks })).status).toBe(200);
});

afterAll(async () => {
  await product?.stop();
  await sink?.stop();
  await db?.drop();
});

const api = <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body);
const to = (address: string) => (m: SinkMessage) => m.to.includes(address);

async function outbox(journeyId: string): Promise<{ kind: string; audience: string; status: string }[]> {
  const { body } = await api('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
  return body.items;
}

async function overdueActions(): Promise<{ journeyId: string; actionId: string; daysOverdue: number; dueAt: string }[]> {
  const answer = await api('GET', `/supervisor/overdue-actions?officeId=${office}`);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function csvLines(path: string): Promise<string[]> {
  const response = await fetch(`${product.baseUrl}${path}`, { headers: { authorization: `Bearer ${adminToken()}`, accept: 'text/csv' } });
  expect(response.status).toBe(200);
  return (await response.text()).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
}

describe('statuses exact at the instant of the request, whatever the worker has done', () => {
  it('lists an action that falls due while the worker is stopped as overdue everywhere; the notices go out once when it is back', async () => {
    const email = `elsa.${uniqueSuffix()}@example.org`;
    const created = await api('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Elsa', familyName: 'Galli', email },
      programmeCode: programme,
      officeId: office,
      didDate: recentDidDate(),
    });
    expect(created.status).toBe(201);
    const journeyId: string = created.body.journeyId;
    expect((await api('POST', `/journeys/${journeyId}/intake`, { operatorId: operator })).status).toBe(200);
    const dueAt = inSeconds(25);
    const pact = await api('POST', `/journeys/${journeyId}/pact`, {
      responsibleOperatorId: operator,
      profilingClass: 'medium',
      jobSearchProof: 'Elenco mensile delle candidature inviate',
      acceptance: { method: 'signed_in_person' },
      contactFrequency: 'P30D',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: dueAt }],
    });
    expect(pact.status).toBe(200);
    // The pact projected into the read model, its action pending and not overdue yet.
    await eventually(async () => (await api('GET', `/journeys?officeId=${office}&stage=pact_active`)).body.items.some((j: { journeyId: string }) => j.journeyId === journeyId) || undefined, 'the pact in the read model', { timeoutMs: 60_000 });
    expect(await overdueActions()).toEqual([]);

    await product.worker.stop();
    expect(product.worker.running).toBe(false);
    expect(Date.now()).toBeLessThan(Date.parse(dueAt));

    // No timer can fire now; the view must still say it once the instant has passed.
    const listed = await eventually(async () => {
      const items = await overdueActions();
      return items.length > 0 ? items : undefined;
    }, 'the action listed as overdue with the worker stopped', { timeoutMs: 90_000, intervalMs: 500 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(listed).toEqual([expect.objectContaining({ journeyId, actionId: 'A1', daysOverdue: 0, dueAt: new Date(dueAt).toISOString() })]);
    // Nothing was decided: no notice in the outbox, none in the mailboxes.
    expect(await outbox(journeyId)).toEqual([]);
    expect(sink.messages().filter(to(email))).toEqual([]);

    // The journey itself, from the read model's events (its worker does not answer), as of the request.
    const live = await api('GET', `/journeys/${journeyId}`);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ source: 'read-model', overdueActionCount: 1, stalled: { since: new Date(dueAt).toISOString(), reasons: ['overdue_action'] } });
    expect(live.body.actions).toEqual([expect.objectContaining({ actionId: 'A1', status: 'overdue', overdueSince: new Date(dueAt).toISOString() })]);
    expect(Date.parse(live.body.asOf)).toBeGreaterThanOrEqual(Date.parse(dueAt));

    // The stalled cases, the search, the KPIs and the CSV export say the same.
    const stalled = await api('GET', `/supervisor/stalled-cases?officeId=${office}&reason=overdue_action`);
    expect(stalled.body.items).toEqual([expect.objectContaining({ journeyId, reasons: ['overdue_action'], overdueActionCount: 1, stalledSince: new Date(dueAt).toISOString() })]);
    const search = await api('GET', `/journeys?officeId=${office}&overdue=true`);
    expect(search.body.items).toEqual([expect.objectContaining({ journeyId, overdueActionCount: 1, stallReasons: ['overdue_action'] })]);
    expect((await api('GET', `/journeys?officeId=${office}&stalled=false`)).body.items).toEqual([]);
    const kpis = await api('GET', `/supervisor/kpis?officeId=${office}`);
    expect(kpis.body).toMatchObject({ overdueActions: 1, stalledJourneys: 1, stalledByReason: { overdue_action: 1 } });
    const exported = await csvLines(`/supervisor/overdue-actions?officeId=${office}`);
    expect(exported).toHaveLength(2);
    expect(exported[1]).toContain(journeyId);

    // The worker back: its timer fires, the notices go out, once each.
    product.worker.start();
    await waitForWorker(product.worker);
    await eventually(async () => {
      const rows = await outbox(journeyId);
      return rows.length === 2 && rows.every((n) => n.status === 'sent') || undefined;
    }, 'the overdue notices sent once the worker is back', { timeoutMs: 120_000 });
    const decided = await eventually(async () => {
      const answer = await api('GET', `/journeys/${journeyId}`);
      return answer.body.source === 'workflow' && answer.body.actions[0].status === 'overdue' ? answer.body : undefined;
    }, 'the live view from the workflow', { timeoutMs: 60_000 });
    expect(decided.overdueActionCount).toBe(1);
    expect((await outbox(journeyId)).map((n) => `${n.kind}/${n.audience}`).sort()).toEqual(['action_overdue/beneficiary', 'action_overdue/operator']);
    expect(sink.messages().filter(to(email))).toHaveLength(1);
    expect(sink.messages().filter((m) => m.to.includes('operatrice@cpi.example.org') && m.text.includes(journeyId))).toHaveLength(1);
    // And the views still list it once, now decided by the journey.
    expect(await overdueActions()).toEqual([expect.objectContaining({ journeyId, actionId: 'A1' })]);
  });
});
