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

/** The environment holds values notifications cannot work with; every problem is listed. */
export class InvalidNotificationSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid notification settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidNotificationSettingsError';
  }
}

/** `Name <address>` or a bare address. */
const MAILBOX = /^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/;

/**
 * Reads and checks the notification settings.
 * @throws InvalidNotificationSettingsError naming every wrong variable.
 */
export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const problems: string[] = [];
  const enabled = onOff(env, 'NOTIFICATIONS_DISPATCHER', problems);
  const url = env.SMTP_URL?.trim() || null;
  if (url !== null) checkSmtpUrl(url, problems);
  else if (env.NODE_ENV === 'production' && enabled) {
    problems.push('SMTP_URL is required in production (or set NOTIFICATIONS_DISPATCHER=off where another process sends)');
  }
  const mailFrom = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  if (!MAILBOX.test(mailFrom)) problems.push(`MAIL_FROM must be an address or "Name" <address>, got '${mailFrom}'`);
  const timeoutMs = integer(env, 'SMTP_TIMEOUT_MS', 15_000, 500, 300_000, problems);
  const dispatcher: DispatcherSettings = {
    enabled,
    pollIntervalMs: integer(env, 'NOTIFICATIONS_POLL_MS', 1_000, 10, 600_000, problems),
    batchSize: integer(env, 'NOTIFICATIONS_BATCH_SIZE', 10, 1, 100, problems),
    leaseMs: integer(env, 'NOTIFICATIONS_LEASE_MS', 120_000, 1_000, 3_600_000, problems),
    backoff: {
      baseMs: integer(env, 'NOTIFICATIONS_RETRY_BASE_MS', 5_000, 10, 3_600_000, problems),
      maxMs: integer(env, 'NOTIFICATIONS_RETRY_MAX_MS', 900_000, 10, 86_400_000, problems),
    },
    maxAttempts: integer(env, 'NOTIFICATIONS_MAX_ATTEMPTS', 50, 1, 1_000, problems),
  };
  if (dispatcher.backoff.maxMs < dispatcher.backoff.baseMs) problems.push('NOTIFICATIONS_RETRY_MAX_MS must not be less than NOTIFICATIONS_RETRY_BASE_MS');
  // A send takes a few SMTP steps, each up to the timeout: the lease must outlast them, or a slow send is taken back
  // and sent again by another dispatcher.
  if (dispatcher.leaseMs < 4 * timeoutMs) problems.push(`NOTIFICATIONS_LEASE_MS must be at least 4 × SMTP_TIMEOUT_MS (${4 * timeoutMs})`);
  if (problems.length > 0) throw new InvalidNotificationSettingsError(problems);
  return { smtp: url === null ? null : { url, timeoutMs }, mailFrom, dispatcher };
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

function checkSmtpUrl(url: string, problems: string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push('SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587');
    return;
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    problems.push(`SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  }
  if (!parsed.hostname) problems.push('SMTP_URL has no host');
}

function onOff(env: NodeJS.ProcessEnv, name: string, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw || raw === 'on') return true;
  if (raw === 'off') return false;
  problems.push(`${name} must be on or off, got '${env[name]}'`);
  return true;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
    return fallback;
  }
  return value;
}
