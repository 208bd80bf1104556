
/** What a CSV field may be made of. */
export type CsvValue = string | number | boolean | null | readonly string[];

/** One column of an exported list: its header and how a row's value is read. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** The page size an export reads the read model with: the API's largest page. */
export const EXPORT_PAGE_SIZE = 100;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet opening the file never runs it as a formula.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : value.join(' ');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine<T>(columns: readonly CsvColumn<T>[], row: T): string {
  return `${columns.map((c) => csvField(c.value(row))).join(',')}\r\n`;
}

/**
 * The whole filtered set of a list as CSV lines: the header line, then each page of the read model as it is read (so
 * the file is never held in memory), `EXPORT_PAGE_SIZE` rows at a time until a page comes back short.
 */
export async function* csvLines<T>(columns: readonly CsvColumn<T>[], readPage: (page: number, pageSize: number) => Promise<{ items: T[] }>): AsyncGenerator<string> {
  yield `\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`;
  for (let page = 1; ; page++) {
    const { items } = await readPage(page, EXPORT_PAGE_SIZE);
    if (items.length > 0) yield items.map((row) => csvLine(columns, row)).join('');
    if (items.length < EXPORT_PAGE_SIZE) return;
  }
}

/** Whether the request asks for the CSV form of a list (`Accept: text/csv`). */
export function wantsCsv(accept: string | undefined): boolean {
  return typeof accept === 'string' && /(^|,)\s*text\/csv\b/i.test(accept);
}
