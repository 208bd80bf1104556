import { randomBytes } from 'node:crypto';
import type { JourneyNotice } from '@sal/domain';
import { getFreePort, startSmtpSink, type SmtpSink } from '@sal/infra';
import {
  Dispatcher,
  NotificationLog,
  NotificationService,
  SmtpTransport,
  StaffDirectory,
  type DeliveryAttemptOutcome,
  type DispatcherTuning,
  type MailTransport,
  type OutboxEntry,
} from '@sal/notifications';
import { OutboxMessageRecord } from '@sal/persistence';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { eventually } from '../support/wait';

/**
 * The outbox, the dispatcher and SMTP delivery against the real PostgreSQL and a real SMTP server (the sink), each
 * test with a database of its own. Short poll intervals and backoffs stand in for the production minutes.
 */

let db: ThrowawayDatabase;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  db = await createThrowawayDatabase();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await db?.drop();
});

const FAST: Partial<DispatcherTuning> = { pollIntervalMs: 50, batchSize: 10, leaseMs: 30_000, backoff: { baseMs: 100, maxMs: 400 }, maxAttempts: 50 };
const FROM = '"Servizi al Lavoro" <noreply@sal.invalid>';
const quietLog = { info: () => undefined, warn: () => undefined };

async function sinkOn(smtpPort = 0): Promise<SmtpSink> {
  const sink = await startSmtpSink({ smtpPort });
  let stopped = false;
  cleanups.push(async () => {
    if (!stopped) await sink.stop();
  });
  return {
    ...sink,
    async stop() {
      stopped = true;
      await sink.stop();
    },
  };
}

/** A dispatcher sending to 127.0.0.1:`smtpPort`, stopped at the end of the test. */
function dispatcherTo(smtpPort: number, tuning: Partial<DispatcherTuning> = {}, onAttempt?: (a: DeliveryAttemptOutcome) => void): Dispatcher {
  const transport = new SmtpTransport({ url: `smtp://127.0.0.1:${smtpPort}`, timeoutMs: 2_000 });
  const dispatcher = new Dispatcher({ dataSource: db.dataSource, transport, mailFrom: FROM, tuning: { ...FAST, ...tuning }, log: quietLog, onAttempt });
  cleanups.push(async () => {
    await dispatcher.stop();
    transport.close();
  });
  return dispatcher;
}

function notice(overrides: Partial<JourneyNotice> = {}): JourneyNotice {
  const journeyId = `jrn_${randomBytes(16).toString('hex')}`;
  const audience = overrides.audience ?? 'operator';
  return {
    key: `${journeyId}:action_overdue:A1@2026-12-15T22:59:59.999Z:${audience}`,
    journeyId,
    officeId: 'CPI-TO-01',
    programmeCode: 'GOL-1',
    kind: 'action_overdue',
    audience,
    operatorId: 'op-bianchi',
    beneficiary: { givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.org' },
    subject: { actionId: 'A1', actionDescription: 'Laboratorio di ricerca attiva', dueAt: '2026-12-15T22:59:59.999Z', overdueSince: '2026-12-15T23:00:00.000Z' },
    at: '2026-12-15T23:00:00.000Z',
    ...overrides,
  };
}

async function addStaff(...members: { staffId: string; role: 'operator' | 'supervisor'; officeId?: string; active?: boolean }[]): Promise<void> {
  const directory = new StaffDirectory(db.dataSource);
  for (const m of members) {
    await directory.upsert({
      staffId: m.staffId,
      officeId: m.officeId ?? 'CPI-TO-01',
      role: m.role,
      email: `${m.staffId}@cpi.example.org`,
      displayName: `Nome ${m.staffId}`,
      active: m.active ?? true,
    });
  }
}

/** The outbox messages of a journey, with their attempts. */
async function outboxOf(journeyId: string): Promise<OutboxEntry[]> {
  return (await new NotificationLog(db.dataSource).search({ journeyId, page: 1, pageSize: 100 })).items;
}

async function onlyMessage(journeyId: string): Promise<OutboxEntry> {
  const entries = await outboxOf(journeyId);
  expect(entries).toHaveLength(1);
  return entries[0];
}

describe('notifications: outbox, dispatcher and SMTP delivery', () => {
  it('records a notice once and delivers it once, however often (and however concurrently) it is notified', async () => {
    await addStaff({ staffId: 'op-bianchi', role: 'operator' });
    const notifications = new NotificationService(db.dataSource);
    const n = notice();

    expect(await notifications.notify([n])).toEqual({ enqueued: 1, duplicates: 0 });
    // A retried activity, the same notice twice in one call, and two racing retries.
    expect(await notifications.notify([n])).toEqual({ enqueued: 0, duplicates: 1 });
    expect(await notifications.notify([n, n])).toEqual({ enqueued: 0, duplicates: 2 });
    const racing = notice();
    const results = await Promise.all([notifications.notify([racing]), notifications.notify([racing]), notifications.notify([racing])]);
    expect(results.map((r) => r.enqueued).sort()).toEqual([0, 0, 1]);
    expect(await db.dataSource.getRepository(OutboxMessageRecord).countBy({ noticeKey: racing.key })).toBe(1);

    const sink = await sinkOn();
    const dispatcher = dispatcherTo(sink.smtpPort);
    dispatcher.start();
    const sent = await eventually(async () => {
      const entry = await onlyMessage(n.journeyId);
      return entry.message.status === 'sent' && entry;
    }, 'the message to be sent');
    await eventually(async () => (await onlyMessage(racing.journeyId)).message.status === 'sent', 'the raced message to be sent');
    await dispatcher.stop();

    const received = sink.messages().filter((m) => m.messageId === `<${sent.message.id}@sal-journeys>`);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      from: FROM,
      to: ['op-bianchi@cpi.example.org'],
      subject: 'Azione scaduta: «Laboratorio di ricerca attiva» di Mario Rossi',
    });
    expect(received[0].text).toContain('Gentile Nome op-bianchi,');
    expect(received[0].text).toContain(`Percorso: ${n.journeyId}`);
    expect(sink.messages()).toHaveLength(2);
    expect(sent.message).toMatchObject({ attempts: 1, lastError: null, toAddress: 'op-bianchi@cpi.example.org' });
    expect(sent.message.sentAt).toBeInstanceOf(Date);
    expect(sent.attempts).toEqual([expect.objectContaining({ outcome: 'sent', error: null, smtpResponse: expect.stringMatching(/^250/) })]);
  });

  it("sends an office's escalation to each of its active supervisors, one message each", async () => {
    await addStaff(
      { staffId: 'sup-rossi', role: 'supervisor' },
      { staffId: 'sup-verdi', role: 'supervisor' },
      { staffId: 'sup-gialli', role: 'supervisor', active: false },
      { staffId: 'sup-milano', role: 'supervisor', officeId: 'CPI-MI-01' },
      { staffId: 'op-bianchi', role: 'operator' },
    );
    const n = notice({ kind: 'action_overdue_escalation', audience: 'supervisor' });
    expect(await new NotificationService(db.dataSource).notify([n])).toEqual({ enqueued: 1, duplicates: 0 });
    // A supervisor who joins later does not turn a retry of the same notice into a new message.
    await addStaff({ staffId: 'sup-nuovo', role: 'supervisor' });
    expect(await new NotificationService(db.dataSource).notify([n])).toEqual({ enqueued: 0, duplicates: 1 });

    const sink = await sinkOn();
    dispatcherTo(sink.smtpPort).start();
    await eventually(async () => (await outboxOf(n.journeyId)).every((e) => e.message.status === 'sent') || undefined, 'both messages to be sent');
    const entries = await outboxOf(n.journeyId);
    expect(entries.map((e) => e.message.recipientRef).sort()).toEqual(['sup-rossi', 'sup-verdi']);
    expect(sink.messages().flatMap((m) => m.to).sort()).toEqual(['sup-rossi@cpi.example.org', 'sup-verdi@cpi.example.org']);
    expect(sink.messages().every((m) => m.subject.startsWith('Segnalazione:'))).toBe(true);
  });

  it('keeps retrying while the mail server is down, recording each failure, then delivers exactly once when it is back on the same port', async () => {
    await addStaff({ staffId: 'op-bianchi', role: 'operator' });
    const port = await getFreePort();
    const n = notice({ audience: 'beneficiary' });
    await new NotificationService(db.dataSource).notify([n]);
    // What the worker's metrics are told (issue 18): each attempt's outcome and its delay since the notice was recorded.
    const told: DeliveryAttemptOutcome[] = [];
    const dispatcher = dispatcherTo(port, {}, (a) => told.push(a));
    dispatcher.start();

    const failing = await eventually(async () => {
      const entry = await onlyMessage(n.journeyId);
      return entry.attempts.length >= 3 && entry;
    }, 'three failed attempts while the server is down');
    expect(failing.message.status).toMatch(/^(pending|sending)$/);
    expect(failing.message.lastError ?? failing.attempts[0].error).toMatch(/ECONNREFUSED/);
    for (const attempt of failing.attempts) expect(attempt).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/ECONNREFUSED/) });

    const sink = await sinkOn(port);
    const sent = await eventually(async () => {
      const entry = await onlyMessage(n.journeyId);
      return entry.message.status === 'sent' && entry;
    }, 'the message to be sent once the server is back');
    await dispatcher.stop();

    expect(sink.messages()).toHaveLength(1);
    expect(sink.messages()[0]).toMatchObject({ to: ['mario.rossi@example.org'], messageId: `<${sent.message.id}@sal-journeys>` });
    expect(sink.messages()[0].text).toMatch(/^Gentile Mario Rossi,/);
    const outcomes = sent.attempts.map((a) => a.outcome);
    expect(outcomes[outcomes.length - 1]).toBe('sent');
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.length).toBeGreaterThanOrEqual(4);
    expect(sent.message).toMatchObject({ attempts: outcomes.length, lastError: null });
    expect(told.map((t) => t.outcome)).toEqual([...outcomes.slice(0, -1).map(() => 'retry'), 'sent']);
    expect(told.every((t, i) => t.secondsSinceRecorded >= 0 && (i === 0 || t.secondsSinceRecorded >= told[i - 1].secondsSinceRecorded))).toBe(true);
  });

  it('shows a notice without an address as undeliverable, with the reason, and never sends it', async () => {
    await addStaff({ staffId: 'op-ex', role: 'operator', active: false });
    const notifications = new NotificationService(db.dataSource);
    const noEmail = notice({ audience: 'beneficiary', beneficiary: { givenName: 'Luca', familyName: 'Bruno', email: null } });
    const unknownOperator = notice({ operatorId: 'op-sconosciuto' });
    const inactiveOperator = notice({ operatorId: 'op-ex' });
    const noSupervisor = notice({ kind: 'action_overdue_escalation', audience: 'supervisor', officeId: 'CPI-VUOTO' });
    expect(await notifications.notify([noEmail, unknownOperator, inactiveOperator, noSupervisor])).toEqual({ enqueued: 4, duplicates: 0 });

    // A deliverable marker: once it is sent, the dispatcher has had its chances at the others.
    await addStaff({ staffId: 'op-bianchi', role: 'operator' });
    const marker = notice();
    await notifications.notify([marker]);
    const sink = await sinkOn();
    dispatcherTo(sink.smtpPort).start();
    await eventually(async () => (await onlyMessage(marker.journeyId)).message.status === 'sent', 'the deliverable marker to be sent');

    const expectations: [JourneyNotice, RegExp][] = [
      [noEmail, /the beneficiary has no e-mail address/],
      [unknownOperator, /operator op-sconosciuto is not in the staff directory/],
      [inactiveOperator, /operator op-ex is not active/],
      [noSupervisor, /office CPI-VUOTO has no active supervisor/],
    ];
    for (const [n, reason] of expectations) {
      const { message, attempts } = await onlyMessage(n.journeyId);
      expect(message).toMatchObject({ status: 'undeliverable', toAddress: null, attempts: 0, lastError: expect.stringMatching(reason) });
      expect(attempts).toEqual([]);
    }
    const listed = await new NotificationLog(db.dataSource).search({ status: 'undeliverable', page: 1, pageSize: 10 });
    expect(listed.total).toBe(4);
    expect(sink.messages()).toHaveLength(1);
    expect(sink.messages()[0].to).toEqual(['op-bianchi@cpi.example.org']);
  });

  it('takes back a message a crashed dispatcher left in sending, once its lease has expired, and sends it once', async () => {
    await addStaff({ staffId: 'op-bianchi', role: 'operator' });
    const n = notice();
    await new NotificationService(db.dataSource).notify([n]);
    // What a dispatcher that died mid-send leaves behind: claimed, one attempt started, a lease running out soon.
    await db.dataSource.query(
      `UPDATE notification_outbox SET status = 'sending', attempts = 1, lease_until = now() + interval '1500 milliseconds' WHERE journey_id = $1`,
      [n.journeyId],
    );
    const sink = await sinkOn();
    const dispatcher = dispatcherTo(sink.smtpPort);

    // While the lease holds, the message is someone else's.
    expect(await dispatcher.runOnce()).toBe(0);
    expect((await onlyMessage(n.journeyId)).message.status).toBe('sending');

    dispatcher.start();
    const sent = await eventually(async () => {
      const entry = await onlyMessage(n.journeyId);
      return entry.message.status === 'sent' && entry;
    }, 'the message to be taken back and sent');
    await dispatcher.stop();
    expect(sink.messages()).toHaveLength(1);
    expect(sent.message.attempts).toBe(2);
    expect(sent.attempts).toEqual([
      expect.objectContaining({ outcome: 'failed', error: expect.stringMatching(/^interrupted/) }),
      expect.objectContaining({ outcome: 'sent' }),
    ]);
  });

  it('gives up as failed when the attempts run out, and sends the message again when requeued by hand', async () => {
    await addStaff({ staffId: 'op-bianchi', role: 'operator' });
    const port = await getFreePort();
    const n = notice();
    await new NotificationService(db.dataSource).notify([n]);
    const dispatcher = dispatcherTo(port, { maxAttempts: 2 });
    dispatcher.start();
    const failed = await eventually(async () => {
      const entry = await onlyMessage(n.journeyId);
      return entry.message.status === 'failed' && entry;
    }, 'the message to fail for good');
    expect(failed.message.attempts).toBe(2);
    expect(failed.attempts.map((a) => a.outcome)).toEqual(['failed', 'failed']);
    expect(failed.message.lastError).toMatch(/ECONNREFUSED/);
    expect((await new NotificationLog(db.dataSource).search({ status: 'failed', officeId: 'CPI-TO-01', page: 1, pageSize: 10 })).total).toBe(1);

    const log = new NotificationLog(db.dataSource);
    const sink = await sinkOn(port);
    const requeued = await log.requeue(failed.message.id);
    expect(requeued).toMatchObject({ requeued: true, entry: { message: { status: 'pending', attempts: 0 } } });
    await eventually(async () => (await onlyMessage(n.journeyId)).message.status === 'sent', 'the requeued message to be sent');
    expect(sink.messages()).toHaveLength(1);
    expect(await log.requeue(failed.message.id)).toEqual({ requeued: false, reason: 'not_failed', status: 'sent' });
    expect(await log.requeue('00000000-0000-4000-8000-000000000000')).toEqual({ requeued: false, reason: 'not_found' });
    const final = await onlyMessage(n.journeyId);
    expect(final.attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'sent']);
  });

  it('stops only after the messages in hand are sent and recorded', async () => {
    await addStaff({ staffId: 'op-bianchi', role: 'operator' });
    const n = notice();
    await new NotificationService(db.dataSource).notify([n]);
    const sink = await sinkOn();
    const smtp = new SmtpTransport({ url: `smtp://127.0.0.1:${sink.smtpPort}`, timeoutMs: 2_000 });
    cleanups.push(async () => smtp.close());
    // A slow mail server: the send waits until the test lets it go.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: MailTransport = { send: async (mail) => (await gate, smtp.send(mail)), close: () => undefined };
    const dispatcher = new Dispatcher({ dataSource: db.dataSource, transport: slow, mailFrom: FROM, tuning: FAST, log: quietLog });
    cleanups.push(() => dispatcher.stop());
    dispatcher.start();
    await eventually(async () => (await onlyMessage(n.journeyId)).message.status === 'sending', 'the message to be claimed');

    // Asked to stop while the send is held: it resolves only once the message is sent and recorded.
    const stopping = dispatcher.stop();
    release();
    await stopping;
    expect((await onlyMessage(n.journeyId)).message.status).toBe('sent');
    expect(sink.messages()).toHaveLength(1);
  });
});
