import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_REFUSALS, IMPORT_REFUSAL_CODES, type ImportRefusalCode, type ImportRefusalParams } from '@sal/domain';

const REFUSAL_CODES_DOC =
  'The stable code of why the row was refused (issue 19; a client shows its own phrase for it, `…Params` filling its placeholders): ' +
  IMPORT_REFUSAL_CODES.map((code) => `\`${code}\` (${IMPORT_REFUSALS[code].en})`).join(', ');
const PARAMS_DOC = 'The values the code\'s phrase names (`line`, `field`, `office`, `programme`, `code`), else null';

export class ImportCountsDto {
  @ApiProperty({ description: 'Rows of the list (the header not counted)', example: 120 })
  rows!: number;
  @ApiProperty({ description: 'Rows the preview accepted: the run starts their journeys', example: 112 })
  ok!: number;
  @ApiProperty({ description: 'Rows the preview refused (with their reason): the run leaves them', example: 8 })
  refused!: number;
  @ApiProperty({ description: 'Accepted rows the run has processed so far', example: 60 })
  processed!: number;
  @ApiProperty({ description: 'Journeys the run started', example: 59 })
  started!: number;
  @ApiProperty({ description: 'Accepted rows whose start the journey refused at the run (e.g. started elsewhere meanwhile)', example: 1 })
  refusedAtRun!: number;
  @ApiProperty({ description: 'Accepted rows not processed yet', example: 52 })
  pending!: number;
}

export class ImportRowDto {
  @ApiProperty({ description: "The row's line in the file (CSV) or its row number (XLSX); the header is line 1", example: 2 })
  line!: number;
  @ApiProperty({ description: 'The preview\'s verdict: `ok` (the run starts it) or `refused`', enum: ['ok', 'refused'], example: 'ok' })
  verdict!: 'ok' | 'refused';
  @ApiProperty({ description: 'Why the preview refused it (the start command\'s field and message, or the rule), else null', nullable: true, type: String, example: 'beneficiary.fiscalCode: wrong check character' })
  reason!: string | null;
  @ApiProperty({ description: `${REFUSAL_CODES_DOC}. Null when accepted.`, enum: IMPORT_REFUSAL_CODES, enumName: 'ImportRefusalCode', nullable: true, example: 'duplicate_in_file' })
  reasonCode!: ImportRefusalCode | null;
  @ApiProperty({ description: PARAMS_DOC, nullable: true, type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] }, example: { line: 3 } })
  reasonParams!: ImportRefusalParams | null;
  @ApiProperty({ description: 'The fiscal code as the file gives it', example: 'RSSMRA85T10A562S' })
  fiscalCode!: string;
  @ApiProperty({ description: 'The office the row names', nullable: true, type: String, example: 'CPI-MI-01' })
  officeId!: string | null;
  @ApiProperty({ description: 'What the run did: `started`, `refused`, or null (not processed yet, or refused by the preview)', enum: ['started', 'refused'], nullable: true, example: 'started' })
  outcome!: 'started' | 'refused' | null;
  @ApiProperty({ description: 'Why the run refused it (the start\'s error code and message), else null', nullable: true, type: String, example: null })
  outcomeReason!: string | null;
  @ApiProperty({ description: `The run's refusal, as a code of the same list (\`start_refused\` with the start's error \`code\`, or a preview code). Null when not refused at the run.`, enum: IMPORT_REFUSAL_CODES, enumName: 'ImportRefusalCode', nullable: true, example: null })
  outcomeReasonCode!: ImportRefusalCode | null;
  @ApiProperty({ description: PARAMS_DOC, nullable: true, type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] }, example: null })
  outcomeReasonParams!: ImportRefusalParams | null;
  @ApiProperty({ description: 'The journey started for it, else null', nullable: true, type: String, example: null })
  journeyId!: string | null;
}

export class ImportRowPageDto {
  @ApiProperty({ type: () => [ImportRowDto] })
  items!: ImportRowDto[];
  @ApiProperty({ description: 'The `afterLine` of the next answer; null: no more rows', nullable: true, type: 'integer', example: 101 })
  nextAfterLine!: number | null;
  @ApiProperty({ description: 'Rows that match in all', example: 120 })
  total!: number;
}

export class ImportBatchDto {
  @ApiProperty({ description: 'The batch id (a UUID)', format: 'uuid' })
  batchId!: string;
  @ApiProperty({ description: 'The type the file was judged to be from its bytes', enum: ['csv', 'xlsx'] })
  fileType!: 'csv' | 'xlsx';
  @ApiProperty({ description: '`previewed` (staged, not run), `running`, `finished`', enum: ['previewed', 'running', 'finished'] })
  status!: 'previewed' | 'running' | 'finished';
  @ApiProperty({ description: 'Who uploaded it (token subject)', example: 'op-rossi' })
  createdBy!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;
  @ApiProperty({ type: () => ImportCountsDto })
  counts!: ImportCountsDto;
  @ApiPropertyOptional({ description: 'The upload\'s answer only: the first 100 rows with their verdicts (the rest: `GET /imports/{batchId}/rows`)', type: () => [ImportRowDto] })
  rows?: ImportRowDto[];
}

export class ImportBatchPageDto {
  @ApiProperty({ description: 'The batches on this page, newest first (without their rows)', type: () => [ImportBatchDto] })
  items!: ImportBatchDto[];

  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'How many batches the caller may see in all', example: 3 })
  total!: number;
}
