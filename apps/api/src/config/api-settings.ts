import { isIP } from 'node:net';
import path from 'node:path';
import { resolveDatabaseUrl } from '@sal/persistence';
import { journeyIdKey, temporalSettings, usesDevelopmentPayloadKey, type TemporalSettings } from '@sal/temporal';
import { loadAuthSettings, type AuthSettings } from '../auth/auth-settings';

/** Everything the API reads from its environment, once, at start-up. */
export interface ApiSettings {
  /** Interface the HTTP server binds to (`API_HOST`). */
  host: string;
  /** TCP port of the HTTP server (`API_PORT`). */
  port: number;
  /** Largest JSON body accepted (`API_BODY_LIMIT`, a body-parser size such as `100kb`). */
  bodyLimit: string;
  /** How long an operator command waits for the journey's worker before answering 503 (`API_UPDATE_TIMEOUT_MS`). */
  updateTimeoutMs: number;
  /** Deadline of every other Temporal call: start, query, describe (`API_TEMPORAL_TIMEOUT_MS`). */
  temporalTimeoutMs: number;
  /** Deadline of each dependency probe of `GET /health` (`API_HEALTH_TIMEOUT_MS`). */
  healthTimeoutMs: number;
  temporal: TemporalSettings;
  databaseUrl: string;
  /** HMAC key of journey ids (`JOURNEY_ID_KEY`); the same key the other processes use. */
  journeyIdKey: string;
  auth: AuthSettings;
  /** Requests a client may make per minute (`API_RATE_LIMIT_PER_MINUTE`). */
  rateLimitPerMinute: number;
  /** Whether Temporal payloads are sealed with the built-in development key (no `PAYLOAD_ENCRYPTION_KEYS`). */
  developmentPayloadKey: boolean;
  audit: AuditSettings;
}

/** Where audit entries wait when PostgreSQL cannot take them, and how often they are replayed. */
export interface AuditSettings {
  /**
   * Folder of the durable buffer (`API_AUDIT_BUFFER_DIR`; default `$SAL_DATA_DIR/audit-buffer`, `./data/audit-buffer`):
   * append-only JSON-lines files, one per API process, replayed into `audit_log` once the database is back.
   */
  bufferDir: string;
  /** How often buffered entries are replayed (`API_AUDIT_REPLAY_MS`); also once at start. */
  replayIntervalMs: number;
}

/** The environment holds values the API cannot run with. Every problem is listed, so one restart fixes them all. */
export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const BYTE_SIZE = /^\d+(?:b|kb|mb)$/i;

/**
 * Reads and validates the API's settings.
 * @throws InvalidConfigurationError listing every variable that is wrong.
 */
export function loadApiSettings(env: NodeJS.ProcessEnv = process.env): ApiSettings {
  const problems: string[] = [];
  const host = text(env, 'API_HOST', '127.0.0.1');
  if (isIP(host) === 0 && !HOSTNAME.test(host)) problems.push(`API_HOST must be an IP address or a host name, got '${host}'`);
  const port = integer(env, 'API_PORT', 3000, 1, 65_535, problems);
  const bodyLimit = text(env, 'API_BODY_LIMIT', '100kb');
  if (!BYTE_SIZE.test(bodyLimit)) problems.push(`API_BODY_LIMIT must be a size such as 100kb or 1mb, got '${bodyLimit}'`);
  const updateTimeoutMs = integer(env, 'API_UPDATE_TIMEOUT_MS', 30_000, 1_000, 600_000, problems);
  const temporalTimeoutMs = integer(env, 'API_TEMPORAL_TIMEOUT_MS', 10_000, 500, 120_000, problems);
  const healthTimeoutMs = integer(env, 'API_HEALTH_TIMEOUT_MS', 2_000, 100, 30_000, problems);
  const temporal = attempt(() => temporalSettings(env), problems);
  const databaseUrl = attempt(() => resolveDatabaseUrl(env), problems);
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const key = attempt(() => journeyIdKey(env), problems);
  const auth = loadAuthSettings(env, problems);
  const rateLimitPerMinute = integer(env, 'API_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000, problems);
  const audit: AuditSettings = {
    bufferDir: path.resolve(text(env, 'API_AUDIT_BUFFER_DIR', path.join(text(env, 'SAL_DATA_DIR', 'data'), 'audit-buffer'))),
    replayIntervalMs: integer(env, 'API_AUDIT_REPLAY_MS', 30_000, 100, 3_600_000, problems),
  };
  if (problems.length > 0 || temporal === undefined || databaseUrl === undefined || key === undefined) {
    throw new InvalidConfigurationError(problems);
  }
  return {
    host, port, bodyLimit, updateTimeoutMs, temporalTimeoutMs, healthTimeoutMs, temporal, databaseUrl, journeyIdKey: key, auth, rateLimitPerMinute,
    developmentPayloadKey: usesDevelopmentPayloadKey(env),
    audit,
  };
}

function text(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
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

function attempt<T>(read: () => T, problems: string[]): T | undefined {
  try {
    return read();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
