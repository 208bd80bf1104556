import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportFileType } from '@sal/persistence';

/**
 * Reading an intake list (issue 19): its type told from its bytes (never from a name or a header), its text encoding
 * and delimiter from its content, its rows parsed streaming, one at a time.
 */

/** The kinds of file an intake list may be. */
export type { ImportFileType };

/** Why a file is not an intake list, before any row is read. */
export class NotAnImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAnImportFileError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `xlsx` for a ZIP archive holding a workbook (`xl/` entries), `csv` for text (no NUL bytes, few control characters);
 * anything else (an image, a PDF, another archive, an empty body) is refused.
 */
export function sniffImportFile(content: Buffer, tail: Buffer = content): ImportFileType {
  if (content.length === 0) throw new NotAnImportFileError('the file is empty');
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    // The local headers name the entries (a workbook has `xl/workbook.xml` among its first few), and the central
    // directory at the end names them all: of a large file only its first and last bytes are looked at.
    const names = (b: Buffer) => b.includes('xl/workbook.xml', 0, 'latin1') || b.includes('xl/worksheets/', 0, 'latin1');
    if (names(content) || names(tail)) return 'xlsx';
    throw new NotAnImportFileError('the file is a ZIP archive but not an XLSX workbook');
  }
  const sample = content.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw new NotAnImportFileError('the file is neither text (CSV) nor an XLSX workbook');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  if (control > sample.length / 100) throw new NotAnImportFileError('the file is neither text (CSV) nor an XLSX workbook');
  return 'csv';
}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else Windows-1252, what Excel for Windows saves. */
export function csvEncodingOf(content: Buffer): 'utf8' | 'win1252' {
  return isUtf8(content) ? 'utf8' : 'win1252';
}

/** `;` or `,`: whichever the header line has more of (outside quotes). */
export function csvDelimiterOf(headerLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** One row of the list: its line (the file's line, or the sheet's row number) and its cells as text. */
export interface ImportRecord {
  line: number;
  cells: string[];
}

/**
 * A list to read: its bytes in memory, or (an upload, see `spoolUpload`) its first bytes, whether it is all valid
 * UTF-8, and a way to stream it from its start.
 */
export type ImportSource = Buffer | { head: Buffer; utf8: boolean; open(): Readable };

/** The rows of a list, header first, streaming: only a row at a time (and the parser's buffers) is in memory. */
export function importRecords(source: ImportSource, type: ImportFileType): AsyncIterable<ImportRecord> {
  const { head, encoding, open } = Buffer.isBuffer(source)
    ? { head: source, encoding: csvEncodingOf(source), open: () => Readable.from([source], { objectMode: false }) }
    : { head: source.head, encoding: source.utf8 ? ('utf8' as const) : ('win1252' as const), open: source.open };
  return type === 'csv' ? csvRecords(head, encoding, open) : xlsxRecords(open);
}

async function* csvRecords(head: Buffer, encoding: 'utf8' | 'win1252', open: () => Readable): AsyncIterable<ImportRecord> {
  const body = head.subarray(0, 3).equals(UTF8_BOM) ? head.subarray(3) : head;
  const end = body.indexOf(0x0a);
  const headerLine = iconv.decode(body.subarray(0, end < 0 ? Math.min(body.length, 64 * 1024) : end), encoding);
  // A UTF-8 BOM is dropped as bytes (a Windows-1252 file may start with one too).
  const bytes = body === head ? open() : Readable.from(skipBytes(open(), 3), { objectMode: false });
  const parser = bytes
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ delimiter: csvDelimiterOf(headerLine), bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 64 * 1024 }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (record.every((c) => c.trim() === '')) continue;
    yield { line: info.lines, cells: record };
  }
}

/** The stream's bytes after its first `count`. */
async function* skipBytes(stream: Readable, count: number): AsyncIterable<Buffer> {
  let left = count;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

async function* xlsxRecords(open: () => Readable): AsyncIterable<ImportRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(open(), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      // The first worksheet is the list; the others (notes, lookups) are not read.
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue));
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof NotAnImportFileError) throw error;
    throw new NotAnImportFileError(`the XLSX workbook could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A cell's value as the text a CSV would hold: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
