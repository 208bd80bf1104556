import { ValidationFailedError } from '../common/api-errors';

/**
 * The columns of an intake list (issue 19), in the template's order. Each maps to a field of the start command
 * (`CreateJourneyDto`), whose validators judge the values: the list has no rules of its own. Headers are matched
 * case-insensitively, ignoring spaces, dashes and underscores; the English names are accepted too.
 */
export const IMPORT_COLUMNS = [
  { name: 'codice_fiscale', aliases: ['fiscal_code', 'cf'], field: 'beneficiary.fiscalCode', required: true },
  { name: 'nome', aliases: ['given_name'], field: 'beneficiary.givenName', required: true },
  { name: 'cognome', aliases: ['family_name'], field: 'beneficiary.familyName', required: true },
  { name: 'email', aliases: ['e_mail'], field: 'beneficiary.email', required: false },
  { name: 'telefono', aliases: ['phone'], field: 'beneficiary.phone', required: false },
  { name: 'data_did', aliases: ['did_date', 'did'], field: 'didDate', required: true },
  { name: 'prestazione', aliases: ['benefit'], field: 'benefit.kind', required: false },
  { name: 'data_domanda_prestazione', aliases: ['benefit_application_date'], field: 'benefit.applicationDate', required: false },
  { name: 'programma', aliases: ['programme', 'programme_code'], field: 'programmeCode', required: true },
  { name: 'ufficio', aliases: ['office', 'office_id'], field: 'officeId', required: true },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['name'];

/** The template's header line (`;`-separated, as Italian spreadsheets save CSV) and one example row. */
export function importTemplate(): string {
  const example = ['RSSMRA85T10A562S', 'Mario', 'Rossi', 'mario.rossi@example.it', '+39 333 1234567', '2026-01-15', 'naspi', '2026-01-10', 'GOL', 'CPI-MI-01'];
  return `${IMPORT_COLUMNS.map((c) => c.name).join(';')}\r\n${example.join(';')}\r\n`;
}

const normalised = (header: string) => header.trim().toLowerCase().replace(/[\s\-_.]+/g, '_');

/** Which cell index holds each column; a header with unknown, repeated or missing required columns is a 400 naming them. */
export function columnIndexes(header: readonly string[]): Map<ImportColumn, number> {
  const indexes = new Map<ImportColumn, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  header.forEach((raw, index) => {
    const name = normalised(raw);
    if (name === '') return;
    const column = IMPORT_COLUMNS.find((c) => c.name === name || (c.aliases as readonly string[]).includes(name));
    if (!column) unknown.push(raw.trim());
    else if (indexes.has(column.name)) repeated.push(raw.trim());
    else indexes.set(column.name, index);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !indexes.has(c.name)).map((c) => c.name);
  const problems = [
    ...missing.map((m) => ({ field: 'columns', message: `missing column ${m}`, code: 'missing_column', params: { name: m } })),
    ...unknown.map((u) => ({ field: 'columns', message: `unknown column ${JSON.stringify(u.slice(0, 64))}; the columns are ${IMPORT_COLUMNS.map((c) => c.name).join(', ')} (GET /imports/template)`, code: 'unknown_column', params: { name: u.slice(0, 64), columns: IMPORT_COLUMNS.map((c) => c.name).join(', ') } })),
    ...repeated.map((r) => ({ field: 'columns', message: `column ${JSON.stringify(r.slice(0, 64))} appears twice`, code: 'repeated_column', params: { name: r.slice(0, 64) } })),
  ];
  if (problems.length > 0) throw new ValidationFailedError(problems.slice(0, 20), 'the file does not have the columns of an intake list');
  return indexes;
}

/** `15/01/2026` (as Italian exports write dates) as `2026-01-15`; anything else as it is, for the validators to judge. */
export function isoDateOf(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : value;
}

/**
 * A row of the list as the body of the start command: empty optional cells are left out; `GOL` is the programme
 * code of the GOL assessment, as the start takes it.
 */
export function startBodyOf(cells: readonly string[], indexes: Map<ImportColumn, number>): Record<string, unknown> {
  const cell = (c: ImportColumn) => {
    const i = indexes.get(c);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const optional = (c: ImportColumn) => (cell(c) === '' ? {} : { [c]: cell(c) });
  const beneficiary: Record<string, unknown> = { fiscalCode: cell('codice_fiscale'), givenName: cell('nome'), familyName: cell('cognome') };
  if (cell('email') !== '') beneficiary.email = cell('email');
  if (cell('telefono') !== '') beneficiary.phone = cell('telefono');
  const body: Record<string, unknown> = { beneficiary, programmeCode: cell('programma').toUpperCase(), officeId: cell('ufficio'), didDate: isoDateOf(cell('data_did')) };
  const benefit = { ...optional('prestazione'), ...optional('data_domanda_prestazione') };
  if (Object.keys(benefit).length > 0) {
    body.benefit = { kind: cell('prestazione').toLowerCase().replace(/[\s-]+/g, '_'), applicationDate: isoDateOf(cell('data_domanda_prestazione')) };
  }
  return body;
}
