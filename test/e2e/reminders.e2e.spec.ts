import { getFreePort, startSmtpSink, type SinkMessage, type SmtpSink } from '@sal/infra';
import { uniqueSuffix } from '../support/env';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, waitForWorker, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Reminders and notices from the journey's deadlines to the people's mailboxes: the built worker (journeys, outbox,
 * dispatcher) and API, a real SMTP sink, programme clocks in seconds.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
let sink: SmtpSink;
let smtpPort: number;
const office = `CPI-REM-${uniqueSuffix()}`;
const programme = `TEST-REM-${uniqueSuffix().slice(-6).toUpperCase()}`;
const quietProgramme = `${programme}-Q`;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  smtpPort = await getFreePort();
  sink = await startSmtpSink({ smtpPort });
  product = await startProduct(db.url, {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    // A slow poll leaves a window between a notice entering the outbox and its delivery, to kill the worker in.
    NOTIFICATIONS_POLL_MS: '1500',
    NOTIFICATIONS_RETRY_BASE_MS: '500',
    NOTIFICATIONS_RETRY_MAX_MS: '1000',
  });
  await api('PUT', `/staff/op-sala-${office}`, { officeId: office, role: 'operator', email: 'operatore@cpi.example.org', displayName: 'Paolo Sala' });
  await api('PUT', `/staff/sup-riva-${office}`, { officeId: office, role: 'supervisor', email: 'responsabile@cpi.example.org', displayName: 'Elena Riva' });
  const clocks = { reminderBeforeDue: 'PT4S', escalationAfter: 'PT3S', pactDeadline: null, stallAfter: null };
  expect((await api('PUT', `/programmes/${programme}`, { title: 'Test reminders', clocks })).status).toBe(200);
  expect((await api('PUT', `/programmes/${quietProgramme}`, { title: 'Test, overdue only', clocks: { ...clocks, reminderBeforeDue: null, escalationAfter: null } })).status).toBe(200);
});

afterAll(async () => {
  await product?.stop();
  await sink?.stop();
  await db?.drop();
});

const api = <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body);

async function journeyWithAction(programmeCode: string, email: string, dueInSeconds: number): Promise<string> {
  const created = await api('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Marta', familyName: 'Colombo', email },
    programmeCode,
    officeId: office,
    didDate: recentDidDate(),
  });
  expect(created.status).toBe(201);
  const journeyId: string = created.body.journeyId;
  await api('POST', `/journeys/${journeyId}/intake`, { operatorId: `op-sala-${office}` });
  const pact = await api('POST', `/journeys/${journeyId}/pact`, {
    responsibleOperatorId: `op-sala-${office}`,
    profilingClass: 'medium',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    contactFrequency: 'P30D',
    availability: { workshops: true, training: true, suitableOffers: true },
    actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: inSeconds(dueInSeconds) }],
  });
  expect(pact.status).toBe(200);
  return journeyId;
}

const to = (address: string) => (m: SinkMessage) => m.to.includes(address);

async function outbox(journeyId: string): Promise<{ kind: string; audience: string; status: string; attempts: number; lastError: string | null }[]> {
  const { body } = await api('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
  return body.items;
}

describe('reminders and notices reach the mailboxes, once each', () => {
  it('reminds the person, tells person and operator of the overdue action, escalates to the supervisor', async () => {
    const email = `marta.${uniqueSuffix()}@example.org`;
    const journeyId = await journeyWithAction(programme, email, 8);
    await eventually(async () => (await outbox(journeyId)).filter((n) => n.status === 'sent').length === 4 || undefined, 'four messages sent', { timeoutMs: 90_000 });
    const mine = sink.messages().filter((m) => m.text.includes(journeyId) || m.to.includes(email));
    expect(mine.filter(to(email))).toHaveLength(2);
    expect(mine.filter(to('operatore@cpi.example.org'))).toHaveLength(1);
    expect(mine.filter(to('responsabile@cpi.example.org'))).toHaveLength(1);
    expect(mine.filter(to(email)).map((m) => m.subject).join(' | ')).toMatch(/Promemoria.*\|.*/);
    expect((await outbox(journeyId)).map((n) => `${n.kind}/${n.audience}`).sort()).toEqual([
      'action_due_reminder/beneficiary',
      'action_overdue/beneficiary',
      'action_overdue/operator',
      'action_overdue_escalation/supervisor',
    ]);
  });

  it('stops what is pending when the action is completed', async () => {
    const email = `luca.${uniqueSuffix()}@example.org`;
    const journeyId = await journeyWithAction(programme, email, 30);
    await api('POST', `/journeys/${journeyId}/pact/actions/A1/complete`, { operatorId: `op-sala-${office}` });
    // A second journey, due sooner than the first one's reminder would have been, runs its course meanwhile.
    const sentinel = await journeyWithAction(quietProgramme, `s.${uniqueSuffix()}@example.org`, 4);
    await eventually(async () => (await outbox(sentinel)).some((n) => n.status === 'sent') || undefined, 'the sentinel notice', { timeoutMs: 60_000 });
    expect(await outbox(journeyId)).toEqual([]);
    expect(sink.messages().filter(to(email))).toEqual([]);
  });

  it('delivers exactly once when the worker is killed between the deadline and the send', async () => {
    const email = `gina.${uniqueSuffix()}@example.org`;
    const journeyId = await journeyWithAction(quietProgramme, email, 5);
    await eventually(async () => (await outbox(journeyId)).some((n) => n.status === 'pending') || undefined, 'the overdue notices in the outbox', { timeoutMs: 60_000 });
    await product.worker.stop('SIGKILL');
    product.worker.start();
    await waitForWorker(product.worker);
    await eventually(async () => (await outbox(journeyId)).every((n) => n.status === 'sent') || undefined, 'the notices sent after the restart', { timeoutMs: 60_000 });
    expect(sink.messages().filter(to(email))).toHaveLength(1);
    expect(sink.messages().filter((m) => m.to.includes('operatore@cpi.example.org') && m.text.includes(journeyId))).toHaveLength(1);
  });

  it('keeps retrying while the mail server is down, and delivers once when it returns', async () => {
    await sink.stop();
    const email = `dario.${uniqueSuffix()}@example.org`;
    const journeyId = await journeyWithAction(quietProgramme, email, 3);
    const failing = await eventually(async () => {
      const rows = await outbox(journeyId);
      return rows.length === 2 && rows.every((n) => n.attempts > 0 && n.lastError) ? rows : undefined;
    }, 'failed attempts recorded', { timeoutMs: 60_000 });
    expect(failing.every((n) => n.status === 'pending')).toBe(true);

    sink = await startSmtpSink({ smtpPort });
    await eventually(async () => (await outbox(journeyId)).every((n) => n.status === 'sent') || undefined, 'delivery after the server returns', { timeoutMs: 60_000 });
    expect(sink.messages().filter(to(email))).toHaveLength(1);
  });
});
