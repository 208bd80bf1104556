import path from 'node:path';
import {
  API_LISTEN_ENV,
  byteSize,
  CODEC_ORIGINS_ENV,
  ConfigurationProblems,
  DATABASE_ENV,
  defineEnv,
  loadEnv,
  oneOf,
  RUNTIME_ENV,
  text,
  variable,
  wholeNumber,
  type LoadOptions,
} from '@sal/config';
import { databaseSettings } from '@sal/persistence';
import {
  JOURNEY_ID_ENV,
  OBSERVABILITY_ENV,
  observabilitySettings,
  journeyIdKey,
  PAYLOAD_KEYS_ENV,
  payloadEncryptionSettings,
  TEMPORAL_ENV,
  temporalSettings,
  type PayloadEncryptionSettings,
  type TemporalSettings,
} from '@sal/temporal';
import { AUTH_ENV, loadAuthSettings, type AuthSettings } from '../auth/auth-settings';
import type { CodecSettings } from '../codec/codec-settings';
import { CONSOLE_ENV, loadConsoleSettings, type ConsoleOidcSettings } from '../console/console-settings';

/** Everything the API reads from its environment, once, at start-up. */
export interface ApiSettings {
  /** Interface the HTTP server binds to (`API_HOST`). */
  host: string;
  /** TCP port of the HTTP server (`API_PORT`). */
  port: number;
  /** Largest JSON body accepted (`API_BODY_LIMIT`, a body-parser size such as `100kb`). */
  bodyLimit: string;
  /** Largest signed copy of a pact accepted (`API_SIGNED_COPY_LIMIT`, such as `10mb`). */
  signedCopyLimit: string;
  /** Bulk intake (issue 19): the largest list uploaded (`API_IMPORT_LIMIT`) and the journeys an import starts at once (`API_IMPORT_CONCURRENCY`). */
  imports: { limit: string; concurrency: number; pageSize: number; pagesPerRun: number };
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
  /** The keys of the payload codec (`PAYLOAD_ENCRYPTION_KEYS`, …), the same as the worker's. */
  payloadEncryption: PayloadEncryptionSettings;
  /** Whether Temporal payloads are sealed with the built-in development key (no `PAYLOAD_ENCRYPTION_KEYS`). */
  developmentPayloadKey: boolean;
  codec: CodecSettings;
  audit: AuditSettings;
  /**
   * What starting a journey at an office missing from the directory of offices does (`API_UNLISTED_OFFICES`):
   * `refuse` (400 naming `officeId`), or `national` (the journey pins no office: national calendar, and no CPI check
   * on its sanctions), for test stacks whose offices are made up per test.
   */
  unlistedOffices: 'refuse' | 'national';
  /** The OpenID provider the console signs in with (`CONSOLE_OIDC_*`), used unless the development secret is. */
  console: ConsoleOidcSettings;
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

/** The variables only the API reads. */
export const API_ENV = defineEnv({
  API_UPDATE_TIMEOUT_MS: variable(wholeNumber(1_000, 600_000), {
    description: 'how long the API waits for a journey to answer a command (then 503 `WORKER_UNAVAILABLE`)',
    default: 30_000,
  }),
  API_TEMPORAL_TIMEOUT_MS: variable(wholeNumber(500, 120_000), { description: "deadline of the API's other Temporal calls (start, query, describe)", default: 10_000 }),
  API_HEALTH_TIMEOUT_MS: variable(wholeNumber(100, 30_000), { description: 'deadline of each `/health` probe', default: 2_000 }),
  API_BODY_LIMIT: variable(byteSize(), { description: 'largest request body (larger: 413 `PAYLOAD_TOO_LARGE`)', default: '100kb' }),
  API_SIGNED_COPY_LIMIT: variable(byteSize(), { description: 'largest signed copy of a pact uploaded (a scan or a signed PDF; larger: 413 `PAYLOAD_TOO_LARGE`)', default: '10mb' }),
  API_IMPORT_LIMIT: variable(byteSize(), { description: 'largest intake list uploaded to `POST /imports` (CSV or XLSX; larger: 413 `PAYLOAD_TOO_LARGE`)', default: '20mb' }),
  API_IMPORT_CONCURRENCY: variable(wholeNumber(1, 64), { description: 'journeys an import run starts at once, per page of staged rows', default: 8 }),
  API_IMPORT_PAGE_SIZE: variable(wholeNumber(1, 1000), { description: 'staged rows an import run processes per activity (page)', default: 100 }),
  API_IMPORT_PAGES_PER_RUN: variable(wholeNumber(1, 10_000), { description: 'pages an import workflow processes before it continues as new', default: 50 }),
  API_RATE_LIMIT_PER_MINUTE: variable(wholeNumber(1, 1_000_000), { description: 'requests per client address per minute (then 429 `RATE_LIMITED`)', default: 600 }),
  API_AUDIT_BUFFER_DIR: variable(text(), {
    description: 'where audit entries PostgreSQL could not take wait (one JSON-lines file per API process)',
    defaultText: '`$SAL_DATA_DIR/audit-buffer`',
  }),
  API_UNLISTED_OFFICES: variable(oneOf(['refuse', 'national']), {
    description:
      'a journey started at an office missing from the directory of offices: `refuse` (400 naming `officeId`), or `national` (it pins no office: the national calendar, no CPI check on its sanctions; for test stacks)',
    default: 'refuse' as const,
  }),
  API_AUDIT_REPLAY_MS: variable(wholeNumber(100, 3_600_000), {
    description: 'how often buffered audit entries are replayed into `audit_log` (and once at start)',
    default: 30_000,
  }),
});

/** Every schema the API process reads, in the order its problems are listed. */
export const API_ENVIRONMENT = [RUNTIME_ENV, API_LISTEN_ENV, API_ENV, AUTH_ENV, CODEC_ORIGINS_ENV, TEMPORAL_ENV, DATABASE_ENV, JOURNEY_ID_ENV, PAYLOAD_KEYS_ENV, CONSOLE_ENV, OBSERVABILITY_ENV] as const;

/**
 * Reads and validates the API's settings.
 * @param options.warn where deprecation warnings and the development-key warning go (default `console.warn`).
 * @throws ConfigurationError listing every variable that is wrong.
 */
export function loadApiSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): ApiSettings {
  const problems = new ConfigurationProblems();
  const runtime = problems.take(() => loadEnv(RUNTIME_ENV, env, options));
  const listen = problems.take(() => loadEnv(API_LISTEN_ENV, env, options));
  const api = problems.take(() => loadEnv(API_ENV, env, options));
  const auth = problems.take(() => loadAuthSettings(env, options));
  const origins = problems.take(() => loadEnv(CODEC_ORIGINS_ENV, env, options));
  const temporal = problems.take(() => temporalSettings(env, options));
  const database = problems.take(() => databaseSettings(env, options));
  const key = problems.take(() => journeyIdKey(env));
  const payloadEncryption = problems.take(() => payloadEncryptionSettings(env, options.warn));
  const consoleSettings = problems.take(() => loadConsoleSettings(env, options));
  // Read first by `observability.ts` (before the HTTP server exists); checked here with the rest.
  problems.take(() => observabilitySettings(env, options));
  problems.throwIfAny();
  return {
    host: listen!.API_HOST,
    port: listen!.API_PORT,
    bodyLimit: api!.API_BODY_LIMIT,
    signedCopyLimit: api!.API_SIGNED_COPY_LIMIT,
    imports: {
      limit: api!.API_IMPORT_LIMIT,
      concurrency: api!.API_IMPORT_CONCURRENCY,
      pageSize: api!.API_IMPORT_PAGE_SIZE,
      pagesPerRun: api!.API_IMPORT_PAGES_PER_RUN,
    },
    updateTimeoutMs: api!.API_UPDATE_TIMEOUT_MS,
    temporalTimeoutMs: api!.API_TEMPORAL_TIMEOUT_MS,
    healthTimeoutMs: api!.API_HEALTH_TIMEOUT_MS,
    temporal: temporal!,
    databaseUrl: database!.url,
    journeyIdKey: key!,
    auth: auth!,
    rateLimitPerMinute: api!.API_RATE_LIMIT_PER_MINUTE,
    payloadEncryption: payloadEncryption!,
    developmentPayloadKey: payloadEncryption!.developmentKey,
    codec: { uiOrigins: new Set(origins!.TEMPORAL_UI_ORIGINS) },
    audit: {
      bufferDir: path.resolve(api!.API_AUDIT_BUFFER_DIR ?? path.join(runtime!.SAL_DATA_DIR ?? 'data', 'audit-buffer')),
      replayIntervalMs: api!.API_AUDIT_REPLAY_MS,
    },
    unlistedOffices: api!.API_UNLISTED_OFFICES,
    console: consoleSettings!,
  };
}
