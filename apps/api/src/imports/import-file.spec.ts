import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PayloadTooLargeError, ValidationFailedError } from '../common/api-errors';
import { columnIndexes, importTemplate, isoDateOf, startBodyOf } from './import-columns';
import { csvDelimiterOf, csvEncodingOf, importRecords, NotAnImportFileError, sniffImportFile, type ImportRecord } from './import-file';
import { spoolUpload } from './import-upload';

async function all(records: AsyncIterable<ImportRecord>): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('sniffing an intake list', () => {
  it('tells CSV text from an XLSX workbook and refuses anything else, whatever its name', async () => {
    expect(sniffImportFile(Buffer.from('codice_fiscale;nome\r\n'))).toBe('csv');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Lista').addRow(['codice_fiscale']);
    expect(sniffImportFile(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('xlsx');
    expect(() => sniffImportFile(PNG)).toThrow(NotAnImportFileError);
    expect(() => sniffImportFile(Buffer.from('%PDF-1.7\n\0\0\0'))).toThrow(NotAnImportFileError);
    expect(() => sniffImportFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, ...Buffer.from('word/document.xml')]))).toThrow('not an XLSX');
    expect(() => sniffImportFile(Buffer.alloc(0))).toThrow('empty');
  });

  it('reads UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(csvEncodingOf(Buffer.from('Niccolò;Città\n', 'utf8'))).toBe('utf8');
    expect(csvEncodingOf(iconv.encode('Niccolò;Città\n', 'win1252'))).toBe('win1252');
  });

  it('takes the delimiter from the header line, ignoring quoted ones', () => {
    expect(csvDelimiterOf('codice_fiscale;nome;cognome')).toBe(';');
    expect(csvDelimiterOf('codice_fiscale,nome,cognome')).toBe(',');
    expect(csvDelimiterOf('"a;b",nome,cognome')).toBe(',');
  });
});

describe('parsing an intake list', () => {
  it('parses a Windows-1252 CSV with ; and a BOM, keeping accented names and line numbers', async () => {
    const text = 'codice_fiscale;nome;cognome\r\nRSSMRA85T10A562S;Niccolò;D\'Aquino\r\n\r\nVRDLGU80A01H501U;"Maria; Luisa";Città\r\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'win1252')]);
    const records = await all(importRecords(bytes, 'csv'));
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[0].cells).toEqual(['codice_fiscale', 'nome', 'cognome']);
    expect(records[1].cells).toEqual(['RSSMRA85T10A562S', 'Niccolò', "D'Aquino"]);
    expect(records[2].cells).toEqual(['VRDLGU80A01H501U', 'Maria; Luisa', 'Città']);
  });

  it('parses a UTF-8 CSV with , and no BOM', async () => {
    const records = await all(importRecords(Buffer.from('codice_fiscale,nome\nRSSMRA85T10A562S,Niccolò\n'), 'csv'));
    expect(records[1]).toEqual({ line: 2, cells: ['RSSMRA85T10A562S', 'Niccolò'] });
  });

  it("parses an XLSX's first sheet, dates as YYYY-MM-DD, numbers as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lista');
    sheet.addRow(['codice_fiscale', 'nome', 'data_did', 'telefono']);
    sheet.addRow(['RSSMRA85T10A562S', { richText: [{ text: 'Nic' }, { text: 'colò' }] }, new Date(Date.UTC(2026, 0, 15)), 3331234567]);
    workbook.addWorksheet('Note').addRow(['not read']);
    const records = await all(importRecords(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx'));
    expect(records).toEqual([
      { line: 1, cells: ['codice_fiscale', 'nome', 'data_did', 'telefono'] },
      { line: 2, cells: ['RSSMRA85T10A562S', 'Niccolò', '2026-01-15', '3331234567'] },
    ]);
  });
});

describe('the columns of an intake list', () => {
  it("the template's header has every column, and reads back as one", () => {
    const header = importTemplate().split('\r\n')[0].split(';');
    expect(columnIndexes(header).size).toBe(header.length);
  });

  it('refuses missing, unknown and repeated columns, naming them', () => {
    let error: unknown;
    try {
      columnIndexes(['Codice Fiscale', 'nome', 'nome', 'colore']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailedError);
    const messages = (error as ValidationFailedError).fields!.map((f) => f.message).join('\n');
    expect(messages).toContain('missing column cognome');
    expect(messages).toContain('missing column ufficio');
    expect(messages).toContain('unknown column "colore"');
    expect(messages).toContain('column "nome" appears twice');
  });

  it('maps a row to the start command body, with Italian dates and the English header names', () => {
    const indexes = columnIndexes(['fiscal_code', 'given_name', 'family_name', 'did_date', 'benefit', 'benefit_application_date', 'programme', 'office', 'email']);
    expect(startBodyOf(['RSSMRA85T10A562S', 'Mario', 'Rossi', '15/01/2026', 'NASpI', '10/01/2026', 'gol', 'CPI-MI-01', ''], indexes)).toEqual({
      beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' },
      didDate: '2026-01-15',
      benefit: { kind: 'naspi', applicationDate: '2026-01-10' },
      programmeCode: 'GOL',
      officeId: 'CPI-MI-01',
    });
    expect(isoDateOf('2026-01-15')).toBe('2026-01-15');
    expect(isoDateOf('1/2/2026')).toBe('2026-02-01');
  });
});

describe('spooling an upload', () => {
  /** A request whose body arrives in the given chunks. */
  const request = (chunks: Buffer[], headers: Record<string, string> = {}) => Object.assign(Readable.from(chunks), { headers }) as unknown as IncomingMessage;

  it('keeps only the ends of the body in memory, tells UTF-8 across chunk boundaries, and reads the rows back streaming', async () => {
    const header = 'codice_fiscale;nome;cognome\r\n';
    const lines = Array.from({ length: 5000 }, (_, i) => `RSSMRA85T10A562S;Niccolò${i};Città\r\n`).join('');
    const bytes = Buffer.from(header + lines, 'utf8');
    // Chunks of 7 bytes split the two-byte ò and à between chunks.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const upload = await spoolUpload(request(chunks), '1mb');
    try {
      expect(upload.size).toBe(bytes.length);
      expect(upload.utf8).toBe(true);
      expect(upload.head.length).toBe(64 * 1024);
      expect(upload.tail.equals(bytes.subarray(bytes.length - 64 * 1024))).toBe(true);
      const records = await all(importRecords(upload, 'csv'));
      expect(records).toHaveLength(5001);
      expect(records[5000]).toEqual({ line: 5001, cells: ['RSSMRA85T10A562S', 'Niccolò4999', 'Città'] });
    } finally {
      await upload.dispose();
    }
  });

  it('tells Windows-1252 from UTF-8 and refuses a body beyond the limit, declared or not', async () => {
    const win = await spoolUpload(request([iconv.encode('codice_fiscale;nome\r\nX;Niccolò\r\n', 'win1252')]), '1kb');
    try {
      expect(win.utf8).toBe(false);
      expect((await all(importRecords(win, 'csv')))[1].cells).toEqual(['X', 'Niccolò']);
    } finally {
      await win.dispose();
    }
    await expect(spoolUpload(request([Buffer.alloc(600), Buffer.alloc(600)]), '1kb')).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(spoolUpload(request([Buffer.alloc(10)], { 'content-length': '2048' }), '1kb')).rejects.toBeInstanceOf(PayloadTooLargeError);
  });
});
