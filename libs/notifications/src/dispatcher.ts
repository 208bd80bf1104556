import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxStatus } from '@sal/persistence';
import { retryDelayMs } from './backoff';
import { PermanentDeliveryError, type MailTransport } from './mail-transport';
import type { DispatcherSettings } from './settings';

export type DispatcherTuning = Omit<DispatcherSettings, 'enabled'>;

export const DEFAULT_DISPATCHER_TUNING: DispatcherTuning = {
  pollIntervalMs: 1_000,
  batchSize: 10,
  leaseMs: 120_000,
  backoff: { baseMs: 5_000, maxMs: 900_000 },
  maxAttempts: 50,
};

export interface DispatcherLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface DispatcherOptions {
  dataSource: DataSource;
  transport: MailTransport;
  /** The From of every message. */
  mailFrom: string;
  tuning?: Partial<DispatcherTuning>;
  log?: DispatcherLog;
  /** Told each recorded attempt's outcome and how long after the notice was recorded it was (metrics). */
  onAttempt?: (attempt: DeliveryAttemptOutcome) => void;
  /** For tests of the jitter; `Math.random` otherwise. */
  random?: () => number;
}

/** One delivery attempt, for metrics: no address, no content. */
export interface DeliveryAttemptOutcome {
  /** `sent`; `retry`: failed, to be tried again; `failed`: given up. */
  outcome: 'sent' | 'retry' | 'failed';
  /** Seconds from the notice's recording to this attempt's end. */
  secondsSinceRecorded: number;
}

/** A message this dispatcher holds until `leaseUntil`. */
interface ClaimedMessage {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  lease_until: Date;
  previous_status: OutboxStatus;
  created_at: Date;
}

type Outcome = { outcome: 'sent'; response: string } | { outcome: 'failed'; error: string; response: string | null; permanent: boolean };

/** The domain part of every Message-ID: `<outbox id@sal-journeys>`. */
export const MESSAGE_ID_DOMAIN = 'sal-journeys';

/**
 * Sends what the outbox holds. Each cycle claims due messages with `FOR UPDATE SKIP LOCKED` (so several dispatchers
 * share the work without sending anything twice), marks them `sending` under a lease, sends them, and records the
 * attempt: `sent`, or back to `pending` with an exponential, jittered delay, or `failed` once the server refused it
 * for good or the attempts ran out. A message whose lease expired (its dispatcher crashed) is claimed again.
 *
 * Delivery is at-least-once in exactly one window: the server accepted the message but the dispatcher stopped before
 * committing `sent`. The message is then sent again after the lease, with the same Message-ID, `<id@sal-journeys>`,
 * by which a mailbox or a downstream system can recognise the copy.
 */
export class Dispatcher {
  private readonly tuning: DispatcherTuning;
  private readonly log: DispatcherLog;
  private readonly random: () => number;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private lastProblem: string | null = null;

  constructor(private readonly options: DispatcherOptions) {
    this.tuning = { ...DEFAULT_DISPATCHER_TUNING, ...options.tuning };
    this.log = options.log ?? { info: (m) => console.log(`notifications: ${m}`), warn: (m) => console.warn(`notifications: ${m}`) };
    this.random = options.random ?? Math.random;
  }

  /** Starts the loop in the background; `stop()` ends it. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Lets the messages in hand finish (each bounded by the SMTP timeouts), then returns. Claims nothing more. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** One cycle: claims due messages, sends them, records the outcomes. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((message) => this.deliver(message)));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
        if (this.lastProblem !== null) this.log.info('the outbox is reachable again');
        this.lastProblem = null;
      } catch (error) {
        // The database is down or restarting: say so once, keep trying at the poll interval.
        const problem = describe(error);
        if (problem !== this.lastProblem) this.log.warn(`cannot read the outbox: ${problem}`);
        this.lastProblem = problem;
      }
      // A full batch suggests more is waiting: go on at once.
      if (!this.stopping && claimed < this.tuning.batchSize) await this.idle(this.tuning.pollIntervalMs);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => {
      this.wake = null;
    });
  }

  private claim(): Promise<ClaimedMessage[]> {
    return this.options.dataSource.transaction(async (m) => {
      // The lease is truncated to milliseconds, so the value read back into a JS Date identifies this claim exactly.
      const claimed = await records<ClaimedMessage>(
        m,
        `WITH due AS (
           SELECT id, status FROM notification_outbox
           WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until <= now())
           ORDER BY next_attempt_at, created_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE notification_outbox o
         SET status = 'sending', attempts = o.attempts + 1,
             lease_until = date_trunc('milliseconds', now() + make_interval(secs => $1::double precision / 1000))
         FROM due WHERE o.id = due.id
         RETURNING o.id, o.to_address, o.subject, o.body, o.attempts, o.lease_until, due.status AS previous_status, o.created_at`,
        [this.tuning.leaseMs, this.tuning.batchSize],
      );
      const interrupted = claimed.filter((c) => c.previous_status === 'sending');
      for (const message of interrupted) {
        await insertAttempt(m, message.id, {
          outcome: 'failed',
          error: 'interrupted: the dispatcher stopped while sending (its lease expired); the message may have been delivered',
          response: null,
          permanent: false,
        });
      }
      if (interrupted.length > 0) this.log.warn(`took back ${interrupted.length} message(s) whose dispatcher stopped while sending`);
      return claimed;
    });
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    let outcome: Outcome;
    if (message.attempts > this.tuning.maxAttempts) {
      // Only reachable through interruptions: a message that keeps stopping its dispatcher is not tried forever.
      outcome = { outcome: 'failed', error: `gave up after ${message.attempts - 1} attempts`, response: null, permanent: true };
      await this.finish(message, outcome, false);
      return;
    }
    try {
      const { response } = await this.options.transport.send({
        from: this.options.mailFrom,
        to: message.to_address,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.id}@${MESSAGE_ID_DOMAIN}>`,
      });
      outcome = { outcome: 'sent', response };
    } catch (error) {
      outcome = {
        outcome: 'failed',
        error: describe(error),
        response: error instanceof PermanentDeliveryError ? error.smtpResponse : smtpResponseOf(error),
        permanent: error instanceof PermanentDeliveryError,
      };
    }
    await this.finish(message, outcome, true);
  }

  /** Records the attempt and the message's new state, if the lease is still ours. */
  private async finish(message: ClaimedMessage, outcome: Outcome, attempted: boolean): Promise<void> {
    try {
      const kept = await this.options.dataSource.transaction(async (m) => {
        if (attempted) await insertAttempt(m, message.id, outcome);
        if (outcome.outcome === 'sent') {
          return updated(
            m,
            `UPDATE notification_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
             WHERE id = $1 AND status = 'sending' AND lease_until = $2`,
            [message.id, message.lease_until],
          );
        }
        const giveUp = outcome.permanent || message.attempts >= this.tuning.maxAttempts;
        const delayMs = giveUp ? 0 : retryDelayMs(message.attempts, this.tuning.backoff, this.random);
        return updated(
          m,
          `UPDATE notification_outbox
           SET status = $3, lease_until = NULL, last_error = $4,
               next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
           WHERE id = $1 AND status = 'sending' AND lease_until = $2`,
          [message.id, message.lease_until, giveUp ? 'failed' : 'pending', outcome.error, delayMs],
        );
      });
      if (kept && attempted) {
        const giveUp = outcome.outcome === 'failed' && (outcome.permanent || message.attempts >= this.tuning.maxAttempts);
        this.options.onAttempt?.({
          outcome: outcome.outcome === 'sent' ? 'sent' : giveUp ? 'failed' : 'retry',
          secondsSinceRecorded: Math.max(0, (Date.now() - new Date(message.created_at).getTime()) / 1000),
        });
      }
      if (!kept) this.log.warn(`message ${message.id}: its lease expired before the outcome was recorded; another dispatcher has it`);
    } catch (error) {
      // The lease runs out and the message is tried again: the at-least-once window (same Message-ID).
      this.log.warn(`message ${message.id}: could not record the ${outcome.outcome} attempt (${describe(error)}); it will be retried after its lease`);
    }
  }
}

async function insertAttempt(m: EntityManager, outboxId: string, outcome: Outcome): Promise<void> {
  await m.query(`INSERT INTO notification_delivery_attempts (outbox_id, outcome, error, smtp_response) VALUES ($1, $2, $3, $4)`, [
    outboxId,
    outcome.outcome,
    outcome.outcome === 'failed' ? outcome.error : null,
    outcome.response,
  ]);
}

/** Rows of a statement through the transaction's query runner (UPDATE … RETURNING included). */
async function records<T>(m: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = await m.queryRunner!.query(sql, parameters, true);
  return (result.records ?? []) as T[];
}

async function updated(m: EntityManager, sql: string, parameters: unknown[]): Promise<boolean> {
  const result = await m.queryRunner!.query(sql, parameters, true);
  return (result.affected ?? 0) > 0;
}

function smtpResponseOf(error: unknown): string | null {
  const response = (error as { response?: unknown } | null)?.response;
  return typeof response === 'string' ? response : null;
}

/** `ESOCKET: connect ECONNREFUSED 127.0.0.1:2525`: the code when there is one, then the message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}
