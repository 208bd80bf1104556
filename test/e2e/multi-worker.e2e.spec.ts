import { getFreePort, startSmtpSink, type SinkMessage, type SmtpSink } from '@sal/infra';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, ServiceProcess, startProduct, waitForWorker, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Drill: two worker processes on one task queue (on the cluster with `npm run test:cluster`, on the dev server in
 * `npm test`), a timer storm of journeys whose pact actions fall due seconds apart, and one worker killed with SIGKILL
 * while the deadlines fire. The other worker carries on alone: every journey's overdue notices (person and operator)
 * are in the outbox once and reach the mailboxes once by Message-ID, none lost; a send the killed worker had in flight
 * (accepted by the SMTP server, not yet committed `sent`) may arrive a second time with the same Message-ID, the
 * dispatcher's documented at-least-once window, and nothing else may.
 */

const JOURNEYS = 30;
/** Each journey's action falls due this many seconds after its pact, spread so the deadlines fire over ~20 s. */
const dueInSeconds = (i: number): number => 15 + (i % 10) * 2;

let db: ThrowawayDatabase;
let product: ProductStack;
let second: ServiceProcess;
let sink: SmtpSink;
const office = `CPI-MW-${uniqueSuffix()}`;
const operatorId = `op-mw-${office}`;
const operatorEmail = `operatore.${uniqueSuffix()}@cpi.example.org`;
const programme = `TEST-MW-${uniqueSuffix().slice(-6).toUpperCase()}`;

const api = <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body);

beforeAll(async () => {
  db = await createThrowawayDatabase();
  const smtpPort = await getFreePort();
  sink = await startSmtpSink({ smtpPort });
  product = await startProduct(db.url, {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NOTIFICATIONS_POLL_MS: '500',
    NOTIFICATIONS_RETRY_BASE_MS: '500',
    NOTIFICATIONS_RETRY_MAX_MS: '1000',
    // The storm's commands queue behind each other on a small shared machine.
    API_UPDATE_TIMEOUT_MS: '60000',
    API_TEMPORAL_TIMEOUT_MS: '30000',
  });
  // The second worker: the same built worker, environment and task queue as the first.
  // Its own metrics port: the first worker holds the stack's (WORKER_METRICS_PORT); 0 = no endpoint.
  second = new ServiceProcess('worker', 'apps/worker/dist/main.js', { ...product.env, WORKER_METRICS_PORT: '0' });
  second.start();
  await waitForWorker(second);
  expect((await api('PUT', `/staff/${operatorId}`, { officeId: office, role: 'operator', email: operatorEmail, displayName: 'Paolo Sala' })).status).toBe(200);
  const clocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };
  expect((await api('PUT', `/programmes/${programme}`, { title: 'Multi-worker drill', clocks })).status).toBe(200);
}, 240_000);

afterAll(async () => {
  await second?.stop();
  await product?.stop();
  await sink?.stop();
  await db?.drop();
}, 120_000);

/**
 * A command, sent again while it answers 503 (the worker too slow to answer within the API's deadline on a loaded
 * machine); a repeat that finds the command already done (`alreadyDone`, a 409) counts as done.
 */
async function command(path: string, body: unknown, okStatus: number, alreadyDone: string): Promise<any> {
  return eventually(
    async () => {
      const answer = await api('POST', path, body);
      if (answer.status === okStatus || (answer.status === 409 && answer.body?.error?.code === alreadyDone)) return answer.body ?? {};
      if (answer.status === 503) return undefined;
      throw new Error(`POST ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    `POST ${path}`,
    { timeoutMs: 180_000, intervalMs: 1_000 },
  );
}

async function journeyDueIn(email: string, seconds: number): Promise<string> {
  const created = await command(
    '/journeys',
    { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Marta', familyName: 'Colombo', email }, programmeCode: programme, officeId: office, didDate: recentDidDate() },
    201,
    'JOURNEY_ALREADY_EXISTS',
  );
  const journeyId: string = created.journeyId ?? created.error?.journeyId;
  await command(`/journeys/${journeyId}/intake`, { operatorId }, 200, 'INTAKE_ALREADY_RECORDED');
  await command(
    `/journeys/${journeyId}/pact`,
    {
      responsibleOperatorId: operatorId,
      profilingClass: 'medium',
      jobSearchProof: 'Elenco mensile delle candidature inviate',
      acceptance: { method: 'signed_in_person' },
      contactFrequency: 'P30D',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: inSeconds(seconds) }],
    },
    200,
    'PACT_ALREADY_SIGNED',
  );
  return journeyId;
}

interface OutboxRow {
  journeyId: string;
  kind: string;
  audience: string;
  status: string;
}

async function officeOutbox(journeyIds: string[]): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (const journeyId of journeyIds) {
    const { status, body } = await api('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
    if (status !== 200) throw new Error(`GET /notifications answered ${status}`);
    rows.push(...(body.items as Omit<OutboxRow, 'journeyId'>[]).map((n) => ({ journeyId, kind: n.kind, audience: n.audience, status: n.status })));
  }
  return rows;
}

describe('two workers on one task queue, one killed (SIGKILL) in a timer storm', () => {
  it('delivers every overdue notice exactly once: nothing lost, nothing duplicated', async () => {
    const emails = Array.from({ length: JOURNEYS }, (_, i) => `mw${i}.${uniqueSuffix()}@example.org`);
    const journeyIds: string[] = [];
    // Five at a time (the machine is small); the deadlines of the batches still overlap.
    for (let batch = 0; batch < JOURNEYS; batch += 5) {
      journeyIds.push(...(await Promise.all(emails.slice(batch, batch + 5).map((email, j) => journeyDueIn(email, dueInSeconds(batch + j))))));
    }
    const expected = JOURNEYS * 2; // action_overdue to the person and to the operator

    // Kill the first worker once some, but not all, of the storm's notices have been delivered.
    const sentAtKill = await eventually(
      () => {
        const n = sink.messages().filter((m) => emails.some((e) => m.to.includes(e)) || m.to.includes(operatorEmail)).length;
        return n >= expected / 5 ? n : undefined;
      },
      'a fifth of the notices delivered',
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    await product.worker.stop('SIGKILL');
    expect(sentAtKill).toBeLessThan(expected);

    // The second worker alone takes over the killed one's timers, workflow tasks, activities and outbox.
    await eventually(
      async () => {
        if (!second.running) throw new Error(`the second worker exited:\n${second.output()}`);
        const rows = await officeOutbox(journeyIds);
        return rows.length === expected && rows.every((r) => r.status === 'sent') || undefined;
      },
      'every overdue notice sent by the surviving worker',
      { timeoutMs: 240_000, intervalMs: 1_000 },
    );

    const rows = await officeOutbox(journeyIds);
    for (const journeyId of journeyIds) {
      expect(rows.filter((r) => r.journeyId === journeyId).map((r) => `${r.kind}/${r.audience}`).sort()).toEqual(['action_overdue/beneficiary', 'action_overdue/operator']);
    }
    // Each notice reaches its mailbox once, as Message-ID counts it. The one repeat the dispatcher allows: the killed
    // worker's SMTP send accepted but its `sent` not committed, sent again after the lease by the survivor with the
    // same Message-ID `<outbox id@sal-journeys>` (README, Notifications), so the mail system can recognise the copy.
    const copies = (predicate: (m: SinkMessage) => boolean) => sink.messages().filter(predicate);
    const distinct = (messages: SinkMessage[]) => new Set(messages.map((m) => m.messageId)).size;
    let repeats = 0;
    for (const [i, email] of emails.entries()) {
      const journeyId = journeyIds[i]!;
      for (const [who, messages] of [
        [email, copies((m) => m.to.includes(email))],
        [`operator about ${journeyId}`, copies((m) => m.to.includes(operatorEmail) && m.text.includes(journeyId))],
      ] as const) {
        expect(messages.every((m) => m.messageId?.endsWith('@sal-journeys>'))).toBe(true);
        expect([who, distinct(messages)]).toEqual([who, 1]);
        repeats += messages.length - 1;
      }
    }
    expect(distinct(copies((m) => m.to.includes(operatorEmail)))).toBe(JOURNEYS);
    // Only sends in flight when the worker died can repeat: at most the dispatcher's batch, never the whole storm.
    expect(repeats).toBeLessThan(expected / 2);
    console.log(
      `multi-worker drill: ${JOURNEYS} journeys, ${expected} notices, first worker killed after ${sentAtKill} had been delivered; ` +
        `${repeats} repeated with the same Message-ID (in flight at the kill)`,
    );
  }, 420_000);
});
