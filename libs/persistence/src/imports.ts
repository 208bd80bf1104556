import type { DataSource, EntityManager } from 'typeorm';

/**
 * Bulk intake (issue 19): batches of staged rows (`import_batches`, `import_rows`). A row holds the start command's
 * body as the file gave it, the preview's verdict and, once run, the outcome of its journey's start.
 */

export type ImportFileType = 'csv' | 'xlsx';
export type ImportBatchStatus = 'previewed' | 'running' | 'finished';
export type ImportVerdict = 'ok' | 'refused';
export type ImportOutcome = 'started' | 'refused';

export interface ImportBatch {
  batchId: string;
  createdBy: string;
  createdRole: string;
  /** The uploader's offices; null: all (an administrator). */
  callerOffices: string[] | null;
  fileType: ImportFileType;
  status: ImportBatchStatus;
  rowCount: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportCounts {
  rows: number;
  ok: number;
  refused: number;
  processed: number;
  started: number;
  refusedAtRun: number;
}

/** A staged row to insert. */
export interface StagedRow {
  line: number;
  personRef: string | null;
  officeId: string | null;
  verdict: ImportVerdict;
  reason: string | null;
  data: Record<string, unknown>;
}

export interface ImportRow extends StagedRow {
  outcome: ImportOutcome | null;
  outcomeReason: string | null;
  journeyId: string | null;
  processedAt: Date | null;
}

interface BatchRecord {
  batch_id: string;
  created_by: string;
  created_role: string;
  caller_offices: string[] | null;
  file_type: ImportFileType;
  status: ImportBatchStatus;
  row_count: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

interface RowRecord {
  line: number;
  person_ref: string | null;
  office_id: string | null;
  verdict: ImportVerdict;
  reason: string | null;
  data: Record<string, unknown>;
  outcome: ImportOutcome | null;
  outcome_reason: string | null;
  journey_id: string | null;
  processed_at: Date | null;
}

const toBatch = (r: BatchRecord): ImportBatch => ({
  batchId: r.batch_id,
  createdBy: r.created_by,
  createdRole: r.created_role,
  callerOffices: r.caller_offices,
  fileType: r.file_type,
  status: r.status,
  rowCount: r.row_count,
  createdAt: new Date(r.created_at),
  startedAt: r.started_at ? new Date(r.started_at) : null,
  finishedAt: r.finished_at ? new Date(r.finished_at) : null,
});

const toRow = (r: RowRecord): ImportRow => ({
  line: r.line,
  personRef: r.person_ref,
  officeId: r.office_id,
  verdict: r.verdict,
  reason: r.reason,
  data: r.data,
  outcome: r.outcome,
  outcomeReason: r.outcome_reason,
  journeyId: r.journey_id,
  processedAt: r.processed_at ? new Date(r.processed_at) : null,
});

/** Which staged rows a list asks for: a preview verdict, or a run's outcome (`pending`: not processed yet). */
export type ImportRowFilter = ImportVerdict | 'started' | 'refused_at_run' | 'pending';

const FILTER_SQL: Record<ImportRowFilter, string> = {
  ok: `verdict = 'ok'`,
  refused: `(verdict = 'refused' OR outcome = 'refused')`,
  started: `outcome = 'started'`,
  refused_at_run: `outcome = 'refused'`,
  pending: `verdict = 'ok' AND outcome IS NULL`,
};

export class ImportBatches {
  constructor(private readonly db: DataSource | EntityManager) {}

  async create(b: { batchId: string; createdBy: string; createdRole: string; callerOffices: string[] | null; fileType: ImportFileType }): Promise<void> {
    await this.db.query(`INSERT INTO import_batches (batch_id, created_by, created_role, caller_offices, file_type) VALUES ($1, $2, $3, $4, $5)`, [
      b.batchId,
      b.createdBy,
      b.createdRole,
      b.callerOffices,
      b.fileType,
    ]);
  }

  /** Inserts staged rows in one statement (the caller batches them). */
  async stage(batchId: string, rows: readonly StagedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO import_rows (batch_id, line, person_ref, office_id, verdict, reason, data)
       SELECT $1, r.line, r.person_ref, r.office_id, r.verdict, r.reason, r.data
         FROM jsonb_to_recordset($2::jsonb) AS r(line int, person_ref text, office_id text, verdict text, reason text, data jsonb)`,
      [batchId, JSON.stringify(rows.map((r) => ({ line: r.line, person_ref: r.personRef, office_id: r.officeId, verdict: r.verdict, reason: r.reason, data: r.data })))],
    );
  }

  /** Of these people, the first line of this batch already staged for each (the same person twice in one file). */
  async firstLinesOf(batchId: string, personRefs: readonly string[]): Promise<Map<string, number>> {
    if (personRefs.length === 0) return new Map();
    const rows: { person_ref: string; line: number }[] = await this.db.query(
      `SELECT person_ref, min(line) AS line FROM import_rows WHERE batch_id = $1 AND person_ref = ANY($2) GROUP BY person_ref`,
      [batchId, personRefs],
    );
    return new Map(rows.map((r) => [r.person_ref, Number(r.line)]));
  }

  async setRowCount(batchId: string, rowCount: number): Promise<void> {
    await this.db.query(`UPDATE import_batches SET row_count = $2 WHERE batch_id = $1`, [batchId, rowCount]);
  }

  async find(batchId: string): Promise<ImportBatch | null> {
    const rows: BatchRecord[] = await this.db.query(`SELECT * FROM import_batches WHERE batch_id = $1`, [batchId]);
    return rows[0] ? toBatch(rows[0]) : null;
  }

  /**
   * The batches a caller may see, newest first, a page at a time, each with its counts: every batch for a caller of
   * all offices (`offices` null), else those it uploaded and those uploaded for offices all among its own (as
   * `visibleBatch` decides for one batch). Counts are read for the page's batches only.
   */
  async list(caller: { subject: string; offices: readonly string[] | null }, window: { page: number; pageSize: number }): Promise<{ items: (ImportBatch & { counts: ImportCounts })[]; total: number }> {
    const visible = `($1::text[] IS NULL OR b.created_by = $2 OR (b.caller_offices IS NOT NULL AND b.caller_offices <@ $1::text[]))`;
    const params = [caller.offices, caller.subject];
    const [{ total }]: { total: string }[] = await this.db.query(`SELECT count(*) AS total FROM import_batches b WHERE ${visible}`, params);
    const rows: (BatchRecord & Record<'rows' | 'ok' | 'refused' | 'processed' | 'started' | 'refused_at_run', string>)[] = await this.db.query(
      `SELECT b.*, c.*
         FROM (SELECT * FROM import_batches b WHERE ${visible} ORDER BY b.created_at DESC, b.batch_id DESC LIMIT $3 OFFSET $4) b
         CROSS JOIN LATERAL (
           SELECT count(*) AS rows,
                  count(*) FILTER (WHERE verdict = 'ok') AS ok,
                  count(*) FILTER (WHERE verdict = 'refused') AS refused,
                  count(*) FILTER (WHERE outcome IS NOT NULL) AS processed,
                  count(*) FILTER (WHERE outcome = 'started') AS started,
                  count(*) FILTER (WHERE outcome = 'refused') AS refused_at_run
             FROM import_rows r WHERE r.batch_id = b.batch_id) c
        ORDER BY b.created_at DESC, b.batch_id DESC`,
      [...params, window.pageSize, (window.page - 1) * window.pageSize],
    );
    return {
      total: Number(total),
      items: rows.map((r) => ({
        ...toBatch(r),
        counts: { rows: +r.rows, ok: +r.ok, refused: +r.refused, processed: +r.processed, started: +r.started, refusedAtRun: +r.refused_at_run },
      })),
    };
  }

  async counts(batchId: string): Promise<ImportCounts> {
    const [c]: Record<string, string>[] = await this.db.query(
      `SELECT count(*) AS rows,
              count(*) FILTER (WHERE verdict = 'ok') AS ok,
              count(*) FILTER (WHERE verdict = 'refused') AS refused,
              count(*) FILTER (WHERE outcome IS NOT NULL) AS processed,
              count(*) FILTER (WHERE outcome = 'started') AS started,
              count(*) FILTER (WHERE outcome = 'refused') AS refused_at_run
         FROM import_rows WHERE batch_id = $1`,
      [batchId],
    );
    return { rows: +c.rows, ok: +c.ok, refused: +c.refused, processed: +c.processed, started: +c.started, refusedAtRun: +c.refused_at_run };
  }

  /** The batch's rows after `afterLine` in line order, optionally filtered, with how many match in all. */
  async rows(batchId: string, filter: ImportRowFilter | undefined, window: { afterLine: number; limit: number }): Promise<{ items: ImportRow[]; total: number }> {
    const where = `batch_id = $1${filter ? ` AND ${FILTER_SQL[filter]}` : ''}`;
    const items: RowRecord[] = await this.db.query(`SELECT * FROM import_rows WHERE ${where} AND line > $2 ORDER BY line LIMIT $3`, [batchId, window.afterLine, window.limit]);
    const [{ total }]: { total: string }[] = await this.db.query(`SELECT count(*) AS total FROM import_rows WHERE ${where}`, [batchId]);
    return { items: items.map(toRow), total: Number(total) };
  }

  /** Refused rows (at preview or at the run) after `afterLine`, in line order: the report, read a chunk at a time. */
  async refusedAfter(batchId: string, afterLine: number, limit: number): Promise<ImportRow[]> {
    const rows: RowRecord[] = await this.db.query(
      `SELECT * FROM import_rows WHERE batch_id = $1 AND line > $2 AND ${FILTER_SQL.refused} ORDER BY line LIMIT $3`,
      [batchId, afterLine, limit],
    );
    return rows.map(toRow);
  }

  /** The next staged rows to start after `afterLine`: accepted by the preview and not processed yet. */
  async pendingAfter(batchId: string, afterLine: number, limit: number): Promise<ImportRow[]> {
    const rows: RowRecord[] = await this.db.query(
      `SELECT * FROM import_rows WHERE batch_id = $1 AND line > $2 AND verdict = 'ok' AND outcome IS NULL ORDER BY line LIMIT $3`,
      [batchId, afterLine, limit],
    );
    return rows.map(toRow);
  }

  /** Whether another batch's row already started this journey (a re-run meeting it is not its start). */
  async startedElsewhere(batchId: string, journeyId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM import_rows WHERE journey_id = $2 AND outcome = 'started' AND batch_id <> $1 LIMIT 1`, [batchId, journeyId]);
    return rows.length > 0;
  }

  /** Records a row's outcome once (a retried page does not overwrite it). */
  async recordOutcome(batchId: string, line: number, o: { outcome: ImportOutcome; reason: string | null; journeyId: string | null }): Promise<void> {
    await this.db.query(
      `UPDATE import_rows SET outcome = $3, outcome_reason = $4, journey_id = $5, processed_at = now() WHERE batch_id = $1 AND line = $2 AND outcome IS NULL`,
      [batchId, line, o.outcome, o.reason, o.journeyId],
    );
  }

  async markRunning(batchId: string): Promise<void> {
    await this.db.query(`UPDATE import_batches SET status = 'running', started_at = coalesce(started_at, now()) WHERE batch_id = $1 AND status = 'previewed'`, [batchId]);
  }

  async markFinished(batchId: string): Promise<void> {
    await this.db.query(`UPDATE import_batches SET status = 'finished', finished_at = coalesce(finished_at, now()) WHERE batch_id = $1`, [batchId]);
  }
}

/** Of these people, who holds an open journey (person reference → journey and office). */
export async function openJourneysOf(db: DataSource | EntityManager, personRefs: readonly string[]): Promise<Map<string, { journeyId: string; officeId: string }>> {
  if (personRefs.length === 0) return new Map();
  const rows: { person_ref: string; journey_id: string; office_id: string }[] = await db.query(
    `SELECT person_ref, journey_id, office_id FROM person_open_journeys WHERE person_ref = ANY($1)`,
    [personRefs],
  );
  return new Map(rows.map((r) => [r.person_ref, { journeyId: r.journey_id, officeId: r.office_id }]));
}

/** Of these journey ids, those the read model knows (an episode already started, open or closed). */
export async function knownJourneys(db: DataSource | EntityManager, journeyIds: readonly string[]): Promise<Set<string>> {
  if (journeyIds.length === 0) return new Set();
  const rows: { journey_id: string }[] = await db.query(`SELECT journey_id FROM journeys WHERE journey_id = ANY($1)`, [journeyIds]);
  return new Set(rows.map((r) => r.journey_id));
}
