import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditEntryRecord } from '@sal/persistence';
import { JOURNEY_ID_PATTERN, PERSON_REF_PATTERN } from '@sal/temporal';
import { ApiError, API_ERROR_STATUS } from '../common/api-errors';
import { OFFICE_ID_PATTERN } from '../common/input-rules';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import type { Principal } from '../auth/principal';
import { ReadModelService } from '../database/read-model.service';
import { AuditBuffer, type BufferedAuditEntry } from './audit-buffer';

export type AuditOutcome = BufferedAuditEntry['outcome'];

/** What a request's entries share: who, in which role and offices, asked what, about which journey and office. */
export interface AuditSubject {
  requestId: string;
  subject: string;
  role: string;
  offices: string[];
  method: string;
  route: string;
  journeyId: string | null;
  officeId: string | null;
  /** The person the request is about (`prs_…`): a path's `personRef`, or what the handler names (a fiscal code never). */
  personRef: string | null;
}

export interface AuditQuery {
  journeyId?: string;
  subject?: string;
  personRef?: string;
  page: number;
  pageSize: number;
}

/** 503: the audit log cannot be written, so a request that would change something is not carried out. */
export class AuditUnavailableError extends ApiError {
  readonly code = 'READ_MODEL_UNAVAILABLE';
  readonly status = API_ERROR_STATUS.READ_MODEL_UNAVAILABLE;
  constructor(cause?: unknown) {
    super('the audit log (PostgreSQL) cannot be written, so nothing was done; retry later', { cause });
  }
}

/** Methods of requests that change something: they are not carried out unless their audit entry is stored first. */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes and lists the append-only audit log. A request that changes something gets a `requested` entry before it is
 * carried out (no entry, no change: 503) and an outcome entry after; a read's entry, or an outcome entry, that
 * PostgreSQL cannot take goes to the durable {@link AuditBuffer} and is replayed (at start and every
 * `API_AUDIT_REPLAY_MS`) exactly once. Nothing is dropped silently.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly buffer: AuditBuffer;
  private timer: NodeJS.Timeout | null = null;
  private replaying: Promise<number> | null = null;

  constructor(
    private readonly readModel: ReadModelService,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {
    this.buffer = new AuditBuffer(settings.audit.bufferDir, settings.databaseUrl);
  }

  onApplicationBootstrap(): void {
    void this.replay();
    this.timer = setInterval(() => void this.replay(), this.settings.audit.replayIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.replaying?.catch(() => undefined);
  }

  /** Who asks what: only values that passed the API's rules (a journey id, an office id) are taken from the request. */
  subjectOf(principal: Principal, request: AuditedRequest): AuditSubject {
    const journeyId = request.params?.journeyId;
    const personRef = request.params?.personRef;
    return {
      requestId: randomUUID(),
      subject: principal.subject,
      role: principal.role,
      offices: principal.offices === 'all' ? ['*'] : principal.offices,
      method: request.method,
      route: request.route?.path ?? request.path ?? '',
      journeyId: typeof journeyId === 'string' && JOURNEY_ID_PATTERN.test(journeyId) ? journeyId : null,
      officeId: officeOf(request),
      personRef: typeof personRef === 'string' && PERSON_REF_PATTERN.test(personRef) ? personRef : null,
    };
  }

  /**
   * The `requested` entry of a request that changes something, stored before anything is done.
   * @throws AuditUnavailableError (503) when it cannot be stored: the request must not go ahead.
   */
  async recordRequested(subject: AuditSubject): Promise<void> {
    const entry = toEntry(subject, 0, 'requested');
    try {
      await this.insert([entry], false);
    } catch (error) {
      this.logger.error(`audit entry not stored, request refused (${(error as Error).message})`);
      throw new AuditUnavailableError(error);
    }
  }

  /** An outcome entry (or a read's). Never throws: what PostgreSQL cannot take goes to the durable buffer. */
  async record(subject: AuditSubject, status: number, journeyIds: string[] = []): Promise<void> {
    const outcome: AuditOutcome = status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed';
    const valid = [...new Set(journeyIds.filter((id) => JOURNEY_ID_PATTERN.test(id)))];
    const entries = valid.length === 0 ? [toEntry(subject, status, outcome)] : valid.map((journeyId) => toEntry({ ...subject, journeyId }, status, outcome));
    try {
      await this.insert(entries, false);
    } catch (error) {
      try {
        for (const entry of entries) await this.buffer.append(entry);
        this.logger.warn(`audit entry buffered for replay (${(error as Error).message})`);
      } catch (bufferError) {
        // Both the database and the disk refused: the log is the last place left.
        this.logger.error(`audit entry neither stored nor buffered (${(error as Error).message}; ${(bufferError as Error).message}): ${JSON.stringify(entries)}`);
      }
    }
  }

  /** Replays the buffered entries (one replay at a time). Returns how many went into `audit_log`. */
  replay(): Promise<number> {
    this.replaying ??= this.buffer
      .replay((entries) => this.insert(entries, true))
      .then((n) => {
        if (n > 0) this.logger.log(`replayed ${n} buffered audit entr${n === 1 ? 'y' : 'ies'}`);
        return n;
      })
      .catch(() => 0)
      .finally(() => {
        this.replaying = null;
      });
    return this.replaying;
  }

  list(q: AuditQuery): Promise<{ items: AuditEntryRecord[]; page: number; pageSize: number; total: number }> {
    return this.readModel.use(async ({ dataSource }) => {
      const where = { ...(q.journeyId ? { journeyId: q.journeyId } : {}), ...(q.subject ? { subject: q.subject } : {}), ...(q.personRef ? { personRef: q.personRef } : {}) };
      const [items, total] = await dataSource
        .getRepository(AuditEntryRecord)
        .findAndCount({ where, order: { at: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
      return { items, page: q.page, pageSize: q.pageSize, total };
    });
  }

  /** Inserts entries; a replay skips those already in (same `entryId`), so each lands exactly once. */
  private insert(entries: BufferedAuditEntry[], skipExisting: boolean): Promise<void> {
    return this.readModel.use(async ({ dataSource }) => {
      const query = dataSource
        .createQueryBuilder()
        .insert()
        .into(AuditEntryRecord)
        .values(entries.map((e) => ({ ...sanitised(e), at: new Date(e.at) })));
      await (skipExisting ? query.orIgnore() : query).execute();
    });
  }
}

/** What the audit reads from a request. */
export interface AuditedRequest {
  method: string;
  path?: string;
  route?: { path?: string };
  params?: Record<string, unknown>;
  body?: unknown;
  query?: unknown;
}

function toEntry(subject: AuditSubject, status: number, outcome: AuditOutcome): BufferedAuditEntry {
  return { ...subject, entryId: randomUUID(), at: new Date().toISOString(), status, outcome };
}

/** The office a request names (body or query `officeId`), when it is one. */
function officeOf(request: AuditedRequest): string | null {
  const pick = (source: unknown): unknown => (typeof source === 'object' && source !== null ? (source as { officeId?: unknown }).officeId : undefined);
  const candidate = pick(request.body) ?? pick(request.query);
  const office = Array.isArray(candidate) ? candidate[0] : candidate;
  return typeof office === 'string' && OFFICE_ID_PATTERN.test(office) ? office : null;
}

/** NUL, and a surrogate that is not half of a pair. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text PostgreSQL can store, within the columns' lengths: NUL and lone surrogates (which PostgreSQL refuses, and which
 * would make the insert fail) become U+FFFD. What the entry holds is already validated; this is the last guard.
 */
function sanitised(entry: BufferedAuditEntry): Omit<BufferedAuditEntry, 'at'> {
  const clean = (value: string, max: number): string => [...value.replace(UNSTORABLE, '\ufffd')].slice(0, max).join('');
  const nullable = (value: string | null, max: number): string | null => (value === null ? null : clean(value, max));
  return {
    entryId: entry.entryId,
    requestId: entry.requestId,
    subject: clean(entry.subject, 64),
    role: clean(entry.role, 32),
    offices: entry.offices.slice(0, 1000).map((o) => clean(o, 64)),
    method: clean(entry.method, 8),
    route: clean(entry.route, 1000),
    journeyId: nullable(entry.journeyId, 64),
    officeId: nullable(entry.officeId, 64),
    personRef: typeof entry.personRef === 'string' && PERSON_REF_PATTERN.test(entry.personRef) ? entry.personRef : null,
    status: Number.isInteger(entry.status) ? entry.status : 0,
    outcome: entry.outcome,
  };
}
