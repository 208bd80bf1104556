import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditEntryRecord } from '@sal/persistence';
import { JOURNEY_ID_PATTERN, PERSON_REF_PATTERN } from '@sal/temporal';
import { OFFICE_ID_PATTERN } from '../common/input-rules';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import type { Principal } from '../auth/principal';
import { ReadModelService } from '../database/read-model.service';
import { AuditBuffer, type BufferedAuditEntry } from './audit-buffer';

export type AuditOutcome = BufferedAuditEntry['outcome'];
/** Where an entry went: `audit_log`, the durable buffer, or (both refused) only the application log. */
export type AuditDestination = 'stored' | 'buffered' | 'lost';

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

/** Methods of requests that change something: their `requested` entry is written while they are carried out. */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes and lists the append-only audit log. A request that changes something gets a `requested` entry, written while
 * it is carried out and stored before it is answered, and an outcome entry after; any entry PostgreSQL cannot take goes
 * to the durable {@link AuditBuffer} and is replayed (at start and every `API_AUDIT_REPLAY_MS`) exactly once. Nothing
 * is dropped silently.
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
   * The `requested` entry of a request that changes something, issued as the request starts and written while it is
   * carried out (so it adds nothing to its latency): into `audit_log`, else (PostgreSQL refuses) appended and synced to
   * the durable buffer, replayed exactly once. The request's answer waits for it (the interceptor), so no change is
   * answered before its entry is stored in one of the two. Never throws; resolves to where the entry went (`lost` only
   * when both PostgreSQL and the disk refused: the entry is then in the application log).
   */
  async recordRequested(subject: AuditSubject): Promise<AuditDestination> {
    return this.store([toEntry(subject, 0, 'requested')], false);
  }

  /**
   * An outcome entry (or a read's). Never throws: what PostgreSQL cannot take goes to the durable buffer. `after`, a
   * change's `requested` entry: when that went to the buffer, the outcome follows it there, so the two keep their order.
   */
  async record(subject: AuditSubject, status: number, journeyIds: string[] = [], after?: AuditDestination): Promise<void> {
    const outcome: AuditOutcome = status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed';
    const valid = [...new Set(journeyIds.filter((id) => JOURNEY_ID_PATTERN.test(id)))];
    const entries = valid.length === 0 ? [toEntry(subject, status, outcome)] : valid.map((journeyId) => toEntry({ ...subject, journeyId }, status, outcome));
    await this.store(entries, after === 'buffered');
  }

  /** Into `audit_log`, else into the durable buffer, else (both refused) into the application log. */
  private async store(entries: BufferedAuditEntry[], bufferOnly: boolean): Promise<AuditDestination> {
    let reason = 'its request\'s earlier entry is buffered';
    if (!bufferOnly) {
      try {
        await this.insert(entries, false);
        return 'stored';
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    try {
      for (const entry of entries) await this.buffer.append(entry);
      this.logger.warn(`audit entry buffered for replay (${reason})`);
      return 'buffered';
    } catch (bufferError) {
      // Both the database and the disk refused: the log is the last place left.
      this.logger.error(`audit entry neither stored nor buffered (${reason}; ${(bufferError as Error).message}): ${JSON.stringify(entries)}`);
      return 'lost';
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
