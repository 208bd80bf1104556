import { Controller, Get, HttpCode, Injectable, Param, Post, Query, Req, StreamableFile, type PipeTransform } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ValidationFailedError } from '../common/api-errors';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ImportBatchDto, ImportBatchPageDto, ImportRowPageDto } from './dto/import.response';
import { PageQuery } from '../common/dto/page.query';
import { ImportRowsQuery } from './dto/import-rows.query';
import { IMPORT_COLUMNS, importTemplate } from './import-columns';
import { spoolUpload } from './import-upload';
import { ImportsService } from './imports.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Refuses (400) a path batch id that is not a UUID. */
@Injectable()
class BatchIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw new ValidationFailedError([{ field: 'batchId', message: 'must be an import batch id (a lower-case UUID)', code: 'invalid_id', params: { kind: 'import' } }]);
  }
}

const BATCH_PARAM = ApiParam({ name: 'batchId', description: 'The batch id answered by `POST /imports`', schema: { type: 'string', format: 'uuid', example: '0b5c3f0e-8a4e-4c43-9a53-0d1f4f0c2a11' } });
const READ_ERRORS = {
  VALIDATION_FAILED: 'the batch id is malformed',
  IMPORT_NOT_FOUND: 'no such batch',
  FORBIDDEN: 'the batch was uploaded for offices outside yours',
  READ_MODEL_UNAVAILABLE: 'PostgreSQL, which stages the rows, is unavailable',
};
const COLUMN_DOCS = IMPORT_COLUMNS.map((c) => `\`${c.name}\`${c.required ? ' (required)' : ''} → \`${c.field}\``).join(', ');

/**
 * Bulk intake from regional lists (issue 19): upload a CSV or XLSX list, read its preview (each row checked as its
 * start would be), run it (a Temporal workflow starting each accepted row's journey), follow its progress, download the
 * report of refused rows. Operators and supervisors for their offices, administrators for all; every request audited.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template')
  @ApiOperation({
    summary: 'The CSV template of an intake list',
    description: `A header line and one example row, \`;\`-separated, UTF-8. The columns (header names case-insensitive; the English names in brackets accepted too): ${COLUMN_DOCS}. Dates YYYY-MM-DD or DD/MM/YYYY; \`programma\` a programme code (\`GOL\` for the GOL assessment); \`prestazione\` \`naspi\`, \`dis_coll\`, \`adi\` or \`sfl\`, with its application date.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The template', content: { 'text/csv': { schema: { type: 'string' } } } })
  template(): StreamableFile {
    return new StreamableFile(Buffer.from(importTemplate(), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="modello-presa-in-carico.csv"' });
  }

  @Post()
  @HttpCode(201)
  @Roles('operator', 'supervisor', 'administrator')
  @ApiOperation({
    summary: 'Upload an intake list: stage and preview it',
    description:
      'The body is the file itself, sent raw (not multipart): a CSV (`;` or `,` separated, told from the header line; UTF-8 or Windows-1252, with or without a BOM) or an XLSX ' +
      'workbook (its first sheet), its type judged from its bytes, never from a name or the `Content-Type`. At most `API_IMPORT_LIMIT` (default 20mb: 413 beyond). The first ' +
      `line is the header: ${COLUMN_DOCS}; unknown, repeated or missing columns answer 400 naming them, and nothing is staged. Every row is checked as \`POST /journeys\` would check it ` +
      '(the same validators: fiscal code and its check character, dates not in the future, e-mail, phone), and then: the office in your offices and in the directory, the ' +
      'programme known in its region, the same person twice in the file (the later line refused), a person with an open journey or the same episode (person and DID) already ' +
      'started. The rows are staged in PostgreSQL with their verdict; nothing is started until `POST /imports/{batchId}/run`.',
  })
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream')
  @ApiBody({ description: 'The CSV or XLSX bytes', schema: { type: 'string', format: 'binary' }, required: true })
  @ApiCreatedResponse({ description: 'The staged batch: counts and the first rows with their verdicts', type: ImportBatchDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the header lacks a required column, names an unknown one or repeats one (`fields[].field` is `columns`)',
    UNSUPPORTED_IMPORT_FILE: 'the body is neither a CSV nor an XLSX workbook (judged from its bytes), is empty, or cannot be parsed',
    PAYLOAD_TOO_LARGE: 'the file exceeds `API_IMPORT_LIMIT`',
    READ_MODEL_UNAVAILABLE: 'PostgreSQL, which stages the rows, is unavailable',
  })
  async upload(@CurrentPrincipal() principal: Principal, @Req() req: IncomingMessage): Promise<ImportBatchDto> {
    // Spooled to a temporary file, then parsed streaming from it: memory does not grow with the file.
    const upload = await spoolUpload(req, this.imports.settings.imports.limit);
    try {
      return await this.imports.upload(principal, upload);
    } finally {
      await upload.dispose();
    }
  }

  @Get()
  @ApiOperation({
    summary: 'The batches you may see, newest first',
    description:
      'Every batch for a caller of all offices (an administrator); for others, the batches they uploaded and those uploaded for offices all among theirs (who may read ' +
      'each batch, as `GET /imports/{batchId}` decides). Each with its status and counts, without its rows; a page at a time.',
  })
  @ApiOkResponse({ type: ImportBatchPageDto })
  @ApiErrorResponses({ VALIDATION_FAILED: '`page` or `pageSize` is malformed or out of range', READ_MODEL_UNAVAILABLE: 'PostgreSQL, which stages the rows, is unavailable' })
  list(@CurrentPrincipal() principal: Principal, @Query() q: PageQuery): Promise<ImportBatchPageDto> {
    return this.imports.list(principal, { page: q.page, pageSize: q.pageSize });
  }

  @Get(':batchId')
  @BATCH_PARAM
  @ApiOperation({ summary: "A batch's status and counts", description: 'While it runs, `counts.processed`, `started` and `refusedAtRun` grow; `status` becomes `finished` when every accepted row is processed.' })
  @ApiOkResponse({ type: ImportBatchDto })
  @ApiErrorResponses(READ_ERRORS)
  get(@CurrentPrincipal() principal: Principal, @Param('batchId', BatchIdPipe) batchId: string): Promise<ImportBatchDto> {
    return this.imports.get(principal, batchId);
  }

  @Get(':batchId/rows')
  @BATCH_PARAM
  @ApiOperation({ summary: "A batch's rows with their verdicts and outcomes, in line order, `limit` at a time after `afterLine`" })
  @ApiOkResponse({ type: ImportRowPageDto })
  @ApiErrorResponses({ ...READ_ERRORS, VALIDATION_FAILED: 'the batch id, `verdict`, `afterLine` or `limit` is malformed' })
  rows(@CurrentPrincipal() principal: Principal, @Param('batchId', BatchIdPipe) batchId: string, @Query() q: ImportRowsQuery): Promise<ImportRowPageDto> {
    return this.imports.rows(principal, batchId, q.verdict, { afterLine: q.afterLine, limit: q.limit });
  }

  @Post(':batchId/run')
  @HttpCode(202)
  @Roles('operator', 'supervisor', 'administrator')
  @BATCH_PARAM
  @ApiOperation({
    summary: 'Run a batch: start the journeys of its accepted rows',
    description:
      "Starts the batch's Temporal workflow (id `import-{batchId}`; it carries no personal data): a page of staged rows at a time, each accepted row's journey started by " +
      'the start command as the uploader, its outcome recorded; it continues as new every few pages and resumes where it was after a crash or a restart. Running a batch ' +
      'again meets the same run; a person already started (by this batch or another) is not started twice. Answers at once: follow `GET /imports/{batchId}`.',
  })
  @ApiAcceptedResponse({ description: 'The batch, now `running`', type: ImportBatchDto })
  @ApiErrorResponses({ ...READ_ERRORS, TEMPORAL_UNAVAILABLE: 'Temporal is unreachable; nothing was started' })
  run(@CurrentPrincipal() principal: Principal, @Param('batchId', BatchIdPipe) batchId: string): Promise<ImportBatchDto> {
    return this.imports.run(principal, batchId);
  }

  @Get(':batchId/report')
  @BATCH_PARAM
  @ApiOperation({
    summary: 'The refused rows of a batch, as CSV',
    description:
      'Columns `riga` (the line in the file), `codice_fiscale`, `esito` (refused at the preview or at the run), `codice_motivo` (the stable code, as `reasonCode`), ' +
      '`motivo` (its Italian phrase) and `dettaglio` (the rule\'s own words, English); `;`-separated, UTF-8 with a BOM (Excel opens it as is).',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The report', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrorResponses(READ_ERRORS)
  async report(@CurrentPrincipal() principal: Principal, @Param('batchId', BatchIdPipe) batchId: string): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.report(principal, batchId), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="scarti-${batchId}.csv"` });
  }
}
