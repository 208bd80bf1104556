import { z } from 'zod';
import { ConfigurationProblems, defineEnv, loadEnv, MAIL_SERVER_ENV, onOff, RUNTIME_ENV, variable, wholeNumber, type LoadOptions } from '@sal/config';
import type { BackoffPolicy } from './backoff';

export const DEFAULT_MAIL_FROM = '"Servizi al Lavoro" <noreply@sal.invalid>';

/** Where and how e-mails are sent, read once from the environment by {@link loadNotificationSettings}. */
export interface NotificationSettings {
  /** The SMTP server (`SMTP_URL`); null when none is configured, and then nothing is sent (messages wait in the outbox). */
  smtp: SmtpSettings | null;
  /** The From of every message (`MAIL_FROM`). */
  mailFrom: string;
  dispatcher: DispatcherSettings;
}

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** Deadline of each step: connecting, the greeting, every reply (`SMTP_TIMEOUT_MS`). */
  timeoutMs: number;
}

export interface DispatcherSettings {
  /** `NOTIFICATIONS_DISPATCHER=off` stops this process from sending (another one does). */
  enabled: boolean;
  /** How often the outbox is looked at when there is nothing to send (`NOTIFICATIONS_POLL_MS`). */
  pollIntervalMs: number;
  /** Messages claimed and sent together (`NOTIFICATIONS_BATCH_SIZE`). */
  batchSize: number;
  /** How long a claimed message is ours; after it another dispatcher may take it back (`NOTIFICATIONS_LEASE_MS`). */
  leaseMs: number;
  /** `NOTIFICATIONS_RETRY_BASE_MS`, `NOTIFICATIONS_RETRY_MAX_MS` */
  backoff: BackoffPolicy;
  /** Attempts before a message is given up as `failed` (`NOTIFICATIONS_MAX_ATTEMPTS`). */
  maxAttempts: number;
}

/** `Name <address>` or a bare address. */
const MAILBOX = /^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/;

/** The variables of notification delivery (the worker's dispatcher); `SMTP_URL` is in `MAIL_SERVER_ENV` (`@sal/config`). */
export const NOTIFICATIONS_ENV = defineEnv(
  {
    MAIL_FROM: variable(z.string().regex(MAILBOX, 'must be an address or "Name" <address>'), {
      description: 'sender of every notification',
      default: DEFAULT_MAIL_FROM,
    }),
    SMTP_TIMEOUT_MS: variable(wholeNumber(500, 300_000), { description: 'deadline of each SMTP step (connect, greeting, every reply)', default: 15_000 }),
    NOTIFICATIONS_DISPATCHER: variable(onOff(), { description: '`off`: this worker process records notices but sends none', default: true, defaultText: 'on' }),
    NOTIFICATIONS_POLL_MS: variable(wholeNumber(10, 600_000), { description: 'how often the dispatcher looks for due messages', default: 1_000 }),
    NOTIFICATIONS_BATCH_SIZE: variable(wholeNumber(1, 100), { description: 'messages claimed and sent together', default: 10 }),
    NOTIFICATIONS_LEASE_MS: variable(wholeNumber(1_000, 3_600_000), {
      description: "how long a claimed message is the dispatcher's before another may take it back (at least 4 × `SMTP_TIMEOUT_MS`)",
      default: 120_000,
    }),
    NOTIFICATIONS_RETRY_BASE_MS: variable(wholeNumber(10, 3_600_000), { description: 'backoff after the first failure', default: 5_000 }),
    NOTIFICATIONS_RETRY_MAX_MS: variable(wholeNumber(10, 86_400_000), { description: 'longest backoff (doubling, with jitter)', default: 900_000 }),
    NOTIFICATIONS_MAX_ATTEMPTS: variable(wholeNumber(1, 1_000), { description: 'attempts before a message is `failed`', default: 50 }),
  },
  (v, problem) => {
    if (v.NOTIFICATIONS_RETRY_MAX_MS < v.NOTIFICATIONS_RETRY_BASE_MS) problem('NOTIFICATIONS_RETRY_MAX_MS', 'must not be less than NOTIFICATIONS_RETRY_BASE_MS');
  },
  (v, problem) => {
    // A send takes a few SMTP steps, each up to the timeout: the lease must outlast them, or a slow send is taken back
    // and sent again by another dispatcher.
    if (v.NOTIFICATIONS_LEASE_MS < 4 * v.SMTP_TIMEOUT_MS) problem('NOTIFICATIONS_LEASE_MS', `must be at least 4 × SMTP_TIMEOUT_MS (${4 * v.SMTP_TIMEOUT_MS})`);
  },
);

/**
 * Reads and checks the notification settings.
 * @throws ConfigurationError naming every wrong variable.
 */
export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): NotificationSettings {
  const problems = new ConfigurationProblems();
  const runtime = problems.take(() => loadEnv(RUNTIME_ENV, env, options));
  const server = problems.take(() => loadEnv(MAIL_SERVER_ENV, env, options));
  const v = problems.take(() => loadEnv(NOTIFICATIONS_ENV, env, options));
  if (server && v && runtime && !server.SMTP_URL && runtime.NODE_ENV === 'production' && v.NOTIFICATIONS_DISPATCHER) {
    problems.add('SMTP_URL is required in production (or set NOTIFICATIONS_DISPATCHER=off where another process sends)');
  }
  problems.throwIfAny();
  const url = server!.SMTP_URL ?? null;
  return {
    smtp: url === null ? null : { url, timeoutMs: v!.SMTP_TIMEOUT_MS },
    mailFrom: v!.MAIL_FROM,
    dispatcher: {
      enabled: v!.NOTIFICATIONS_DISPATCHER,
      pollIntervalMs: v!.NOTIFICATIONS_POLL_MS,
      batchSize: v!.NOTIFICATIONS_BATCH_SIZE,
      leaseMs: v!.NOTIFICATIONS_LEASE_MS,
      backoff: { baseMs: v!.NOTIFICATIONS_RETRY_BASE_MS, maxMs: v!.NOTIFICATIONS_RETRY_MAX_MS },
      maxAttempts: v!.NOTIFICATIONS_MAX_ATTEMPTS,
    },
  };
}

/** The URL with its password masked, for logs and banners. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable SMTP_URL)';
  }
}
