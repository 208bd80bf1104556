import { decodeImportRefusal, encodeImportRefusal, importRefusalPhrase, type ImportRefusalCode, type ImportRefusalParams } from '@sal/domain';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { IMPORT_WORKFLOW_TYPE, importActivityTaskQueue, importWorkflowIdFor, type ImportWorkflowInput } from '@sal/contracts';
import { ImportBatches, knownJourneys, openJourneysOf, type ImportBatch, type ImportCounts, type ImportRow, type ImportRowFilter, type StagedRow } from '@sal/persistence';
import { episodeJourneyIdFor, personRefFor } from '@sal/temporal';
import { ForbiddenError, ImportNotFoundError, JourneyAlreadyExistsError, UnsupportedImportFileError, ValidationFailedError } from '../common/api-errors';
import { RequestValidationPipe } from '../common/pipes/request-validation.pipe';
import { coversOffice, type Principal, type Role } from '../auth/principal';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';
import { CreateJourneyDto } from '../journeys/dto/create-journey.dto';
import { OfficesService } from '../offices/offices.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { columnIndexes, startBodyOf } from './import-columns';
import { importRecords, NotAnImportFileError, sniffImportFile, type ImportRecord } from './import-file';
import type { SpooledUpload } from './import-upload';
import type { ImportBatchDto, ImportBatchPageDto, ImportRowDto, ImportRowPageDto } from './dto/import.response';

/** Rows staged per INSERT (and checked against open journeys per query). */
const STAGE_CHUNK = 500;
/** Rows the upload's answer lists (the rest through `GET /imports/{id}/rows`). */
const PREVIEW_ROWS = 100;

const pipe = new RequestValidationPipe();

/**
 * Validates a row's start body exactly as `POST /journeys` does (same DTO, same pipe): the list has no rules of its
 * own. Answers the problems, or none.
 */
export async function startBodyProblems(body: Record<string, unknown>): Promise<{ dto: CreateJourneyDto | null; reason: string | null }> {
  try {
    const dto = (await pipe.transform(body, { type: 'body', metatype: CreateJourneyDto })) as CreateJourneyDto;
    return { dto, reason: null };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const fields = error.fields ?? [];
    const detail = fields.map((f) => `${f.field}: ${f.message}`).join('; ') || error.message;
    const code = fields.some((f) => f.field === 'beneficiary.fiscalCode') ? 'invalid_fiscal_code' : 'invalid_field';
    return { dto: null, reason: encodeImportRefusal(code, code === 'invalid_field' ? { field: fields.map((f) => f.field).join(', ') || '—' } : {}, detail) };
  }
}

/** The principal a batch runs as: its uploader, with the offices they had when they uploaded it. */
export function uploaderOf(batch: ImportBatch): Principal {
  return { subject: batch.createdBy, role: batch.createdRole as Role, offices: batch.callerOffices ?? 'all' };
}

/**
 * Bulk intake (issue 19): an uploaded list staged as a batch, each row checked as its start would be; then run as a
 * Temporal workflow whose activities (the API's import worker) start each row's journey through the start command.
 */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly temporal: TemporalGateway,
    private readonly readModel: ReadModelService,
    private readonly programmes: ProgrammesService,
    private readonly offices: OfficesService,
    @Inject(API_SETTINGS) readonly settings: ApiSettings,
  ) {}

  /** Stages the list (in one transaction: a file refused half-way stages nothing) and answers the preview. */
  async upload(principal: Principal, content: SpooledUpload): Promise<ImportBatchDto> {
    let fileType;
    try {
      fileType = sniffImportFile(content.head, content.tail);
    } catch (error) {
      if (error instanceof NotAnImportFileError) throw new UnsupportedImportFileError(error.message);
      throw error;
    }
    const batchId = randomUUID();
    const records = importRecords(content, fileType)[Symbol.asyncIterator]();
    const first = await this.nextRecord(records);
    if (first.done) throw new ValidationFailedError([{ field: 'columns', message: 'the file has no header line', code: 'missing_header' }], 'the file does not have the columns of an intake list');
    const indexes = columnIndexes(first.value.cells);
    const check = new RowChecker(principal, this.settings, this.programmes, this.offices);
    await this.readModel.use(({ dataSource }) =>
      dataSource.transaction(async (m) => {
        const store = new ImportBatches(m);
        await store.create({ batchId, createdBy: principal.subject, createdRole: principal.role, callerOffices: principal.offices === 'all' ? null : principal.offices, fileType });
        let chunk: ImportRecord[] = [];
        let count = 0;
        for (let next = await this.nextRecord(records); !next.done; next = await this.nextRecord(records)) {
          chunk.push(next.value);
          if (chunk.length === STAGE_CHUNK) {
            await store.stage(batchId, await check.rows(m, batchId, chunk, indexes));
            count += chunk.length;
            chunk = [];
          }
        }
        await store.stage(batchId, await check.rows(m, batchId, chunk, indexes));
        await store.setRowCount(batchId, count + chunk.length);
      }),
    );
    return this.get(principal, batchId, true);
  }

  private async nextRecord(records: AsyncIterator<ImportRecord>): Promise<IteratorResult<ImportRecord>> {
    try {
      return await records.next();
    } catch (error) {
      if (error instanceof NotAnImportFileError) throw new UnsupportedImportFileError(error.message);
      // csv-parse's errors (an unclosed quote, a record too long) name the line: the file cannot be read.
      if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('CSV_')) throw new UnsupportedImportFileError(error.message);
      throw error;
    }
  }

  /** The batch, its progress and counts; `withRows`: the first rows too (the upload's preview). */
  async get(principal: Principal, batchId: string, withRows = false): Promise<ImportBatchDto> {
    const batch = await this.visibleBatch(principal, batchId);
    const counts = await this.readModel.use(({ dataSource }) => new ImportBatches(dataSource).counts(batchId));
    const dto = batchDto(batch, counts);
    if (withRows) dto.rows = (await this.rows(principal, batchId, undefined, { afterLine: 0, limit: PREVIEW_ROWS })).items;
    return dto;
  }

  /** The batches the caller may see (as {@link visibleBatch} decides), newest first, with their counts. */
  async list(principal: Principal, window: { page: number; pageSize: number }): Promise<ImportBatchPageDto> {
    const caller = { subject: principal.subject, offices: principal.offices === 'all' ? null : principal.offices };
    const { items, total } = await this.readModel.use(({ dataSource }) => new ImportBatches(dataSource).list(caller, window));
    return { items: items.map((b) => batchDto(b, b.counts)), page: window.page, pageSize: window.pageSize, total };
  }

  async rows(principal: Principal, batchId: string, filter: ImportRowFilter | undefined, window: { afterLine: number; limit: number }): Promise<ImportRowPageDto> {
    await this.visibleBatch(principal, batchId);
    const { items, total } = await this.readModel.use(({ dataSource }) => new ImportBatches(dataSource).rows(batchId, filter, window));
    const nextAfterLine = items.length === window.limit ? items[items.length - 1].line : null;
    return { items: items.map(toRowDto), nextAfterLine, total };
  }

  /** Starts the batch's run (or meets the one already started: the workflow id is the batch's). */
  async run(principal: Principal, batchId: string): Promise<ImportBatchDto> {
    await this.visibleBatch(principal, batchId);
    const input: ImportWorkflowInput = {
      batchId,
      activityTaskQueue: importActivityTaskQueue(this.settings.temporal.taskQueue),
      pageSize: this.settings.imports.pageSize,
      pagesPerRun: this.settings.imports.pagesPerRun,
    };
    const workflowId = importWorkflowIdFor(batchId);
    try {
      await this.temporal.call('start', workflowId, () =>
        this.client.workflow.start(IMPORT_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.settings.temporal.taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      );
    } catch (error) {
      // A run that finished already (the gateway names it as an existing workflow): running the batch again starts nothing.
      if (!(error instanceof JourneyAlreadyExistsError) && !(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.readModel.use(({ dataSource }) => new ImportBatches(dataSource).markRunning(batchId));
    return this.get(principal, batchId);
  }

  /** The refused rows (at preview or at the run) as CSV, read a chunk at a time. */
  async report(principal: Principal, batchId: string): Promise<Readable> {
    await this.visibleBatch(principal, batchId);
    const readModel = this.readModel;
    async function* lines(): AsyncIterable<string> {
      yield '\uFEFFriga;codice_fiscale;esito;codice_motivo;motivo;dettaglio\r\n';
      for (let after = 0; ; ) {
        const rows = await readModel.use(({ dataSource }) => new ImportBatches(dataSource).refusedAfter(batchId, after, 1000));
        if (rows.length === 0) return;
        yield rows
          .map((r) => {
            const refusal = decodeImportRefusal(r.reason ?? r.outcomeReason ?? '');
            const esito = r.verdict === 'refused' ? 'scartata in anteprima' : 'scartata all’avvio';
            return [String(r.line), fiscalCodeOf(r), esito, refusal.code ?? '', importRefusalPhrase(refusal, 'it'), refusal.detail].map(csvCell).join(';') + '\r\n';
          })
          .join('');
        after = rows[rows.length - 1].line;
      }
    }
    return Readable.from(lines());
  }

  /**
   * The batch if the caller may see it: its uploader, an administrator, or staff whose offices cover all the
   * uploader's; 403 for others (as a journey of another office is), 404 when there is no such batch.
   */
  private async visibleBatch(principal: Principal, batchId: string): Promise<ImportBatch> {
    const batch = await this.readModel.use(({ dataSource }) => new ImportBatches(dataSource).find(batchId));
    if (!batch) throw new ImportNotFoundError(batchId);
    if (principal.offices === 'all' || batch.createdBy === principal.subject) return batch;
    if (batch.callerOffices !== null && batch.callerOffices.every((o) => coversOffice(principal, o))) return batch;
    throw new ForbiddenError('this import was uploaded for offices outside yours');
  }
}

/** A batch and its counts as the API answers them. */
function batchDto(batch: ImportBatch, counts: ImportCounts): ImportBatchDto {
  return {
    batchId: batch.batchId,
    fileType: batch.fileType,
    status: batch.status,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt.toISOString(),
    startedAt: batch.startedAt?.toISOString() ?? null,
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    counts: { ...counts, pending: counts.ok - counts.processed },
  };
}

const fiscalCodeOf = (r: ImportRow): string => {
  const beneficiary = r.data.beneficiary as { fiscalCode?: unknown } | undefined;
  return typeof beneficiary?.fiscalCode === 'string' ? beneficiary.fiscalCode : '';
};

/** A CSV cell: quoted when it holds the delimiter, a quote or a line break; a leading =, +, -, @ is defused (CSV injection). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A stored refusal as the row's fields: its English detail, its stable code and the values its phrase names. */
function refusalFields<K extends 'reason' | 'outcomeReason'>(key: K, stored: string | null): Record<K, string | null> & Record<`${K}Code`, ImportRefusalCode | null> & Record<`${K}Params`, ImportRefusalParams | null> {
  const refusal = stored === null ? null : decodeImportRefusal(stored);
  return { [key]: refusal?.detail ?? null, [`${key}Code`]: refusal?.code ?? null, [`${key}Params`]: refusal ? refusal.params : null } as never;
}

function toRowDto(r: ImportRow): ImportRowDto {
  return {
    line: r.line,
    verdict: r.verdict,
    ...refusalFields('reason', r.reason),
    fiscalCode: fiscalCodeOf(r),
    officeId: r.officeId,
    outcome: r.outcome,
    ...refusalFields('outcomeReason', r.outcomeReason),
    journeyId: r.journeyId,
  };
}

/**
 * The preview's checks of a chunk of rows: the start command's validation, the office in the caller's scope and in
 * the directory, the programme in the office's region, the same person twice in the file, a person with an open
 * journey or an episode (person and DID) already started. The people of earlier chunks are found among the staged rows.
 */
class RowChecker {

  private readonly programmeKnown = new Map<string, Promise<boolean>>();
  private readonly officeKnown = new Map<string, Promise<boolean>>();

  constructor(
    private readonly principal: Principal,
    private readonly settings: ApiSettings,
    private readonly programmes: ProgrammesService,
    private readonly offices: OfficesService,
  ) {}

  async rows(m: Parameters<typeof openJourneysOf>[0], batchId: string, records: readonly ImportRecord[], indexes: Parameters<typeof startBodyOf>[1]): Promise<StagedRow[]> {
    const checked = await Promise.all(records.map((r) => this.row(r, indexes)));
    const valid = checked.filter((c) => c.verdict === 'ok' && c.personRef);
    const open = await openJourneysOf(m, valid.map((c) => c.personRef!));
    const known = await knownJourneys(m, valid.map((c) => c.journeyId!));
    // The people of earlier chunks are asked of the rows already staged (an index), not remembered: memory stays
    // bounded by the chunk whatever the file's size.
    const seen = await new ImportBatches(m).firstLinesOf(batchId, [...new Set(checked.flatMap((c) => (c.personRef ? [c.personRef] : [])))]);
    return checked.map((c) => {
      const { journeyId, ...row } = c;
      if (!row.personRef) return row;
      const earlier = seen.get(row.personRef);
      if (earlier !== undefined) return row.verdict === 'ok' ? { ...row, verdict: 'refused', reason: encodeImportRefusal('duplicate_in_file', { line: earlier }, `the same person as line ${earlier}`) } : row;
      seen.set(row.personRef, row.line);
      if (row.verdict !== 'ok') return row;
      const holder = open.get(row.personRef);
      if (holder) {
        const named = coversOffice(this.principal, holder.officeId) ? ` (${holder.journeyId})` : ' at another office';
        return { ...row, verdict: 'refused', reason: encodeImportRefusal('open_journey', {}, `JOURNEY_ALREADY_EXISTS: the person already has an open journey${named}`) };
      }
      if (known.has(journeyId!)) {
        return { ...row, verdict: 'refused', reason: encodeImportRefusal('episode_already_started', {}, `JOURNEY_ALREADY_EXISTS: this episode (same person and DID) was already started (${journeyId})`) };
      }
      return row;
    });
  }

  private async row(record: ImportRecord, indexes: Parameters<typeof startBodyOf>[1]): Promise<StagedRow & { journeyId: string | null }> {
    const data = startBodyOf(record.cells, indexes);
    const officeId = typeof data.officeId === 'string' && data.officeId !== '' ? data.officeId.slice(0, 64) : null;
    const base = { line: record.line, data, officeId, personRef: null, journeyId: null };
    const { dto, reason } = await startBodyProblems(data);
    if (!dto) return { ...base, verdict: 'refused', reason };
    const personRef = personRefFor(dto.beneficiary.fiscalCode, this.settings.journeyIdKey);
    const journeyId = episodeJourneyIdFor(dto.beneficiary.fiscalCode, dto.didDate, this.settings.journeyIdKey);
    const refused = (code: ImportRefusalCode, params: ImportRefusalParams, detail: string) => ({ ...base, personRef, journeyId, verdict: 'refused' as const, reason: encodeImportRefusal(code, params, detail) });
    const office = { office: dto.officeId };
    if (!coversOffice(this.principal, dto.officeId)) return refused('office_outside_scope', office, `FORBIDDEN: office ${dto.officeId} is outside your offices`);
    if (!(await this.officeIsKnown(dto.officeId))) return refused('office_not_listed', office, 'officeId: not an office of the directory of offices; see GET /offices');
    if (!(await this.programmeIsKnown(dto.programmeCode, dto.officeId))) {
      return refused('unknown_programme', { programme: dto.programmeCode }, 'programmeCode: unknown programme; see GET /programmes');
    }
    return { ...base, personRef, journeyId, verdict: 'ok', reason: null };
  }

  private officeIsKnown(officeId: string): Promise<boolean> {
    if (this.settings.unlistedOffices === 'national') return Promise.resolve(true);
    return cached(this.officeKnown, officeId, async () => (await this.offices.profile(officeId)) !== null);
  }

  private programmeIsKnown(code: string, officeId: string): Promise<boolean> {
    return cached(this.programmeKnown, `${code} ${officeId}`, async () => (await this.programmes.resolve(code, await this.offices.region(officeId))) !== null);
  }
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
  }
  return value;
}
