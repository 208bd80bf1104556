import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { importWorkflowIdFor } from '@sal/contracts';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { connectTestClient } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * Bulk intake (issue 19) on the real product: lists uploaded as CSV (Windows-1252, `;`, BOM) and XLSX (made here with
 * exceljs), bad files refused before anything is staged, a preview with a row twice and a bad fiscal code, the run
 * starting the good rows' journeys (seen through GET /journeys), a second upload of the same file starting nothing,
 * and the report of refused rows with their line numbers.
 */

const LIMIT = '64kb';
const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-IMP-${suffix}`;
const OFFICE = `CPI-IMP-${suffix}`;
const OTHER_OFFICE = `CPI-ALTRO-${suffix}`;
const CLOCKS = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, defaultContactFrequency: 'P30D' };

// Small pages, continuing as new every two, one start at a time: a run of a few dozen rows crosses several runs and can be stopped half-way.
const product = productForFile({ API_IMPORT_LIMIT: LIMIT, API_IMPORT_PAGE_SIZE: '5', API_IMPORT_PAGES_PER_RUN: '2', API_IMPORT_CONCURRENCY: '1' }, async (started) => {
  expect((await started.as()('PUT', `/programmes/${PROGRAMME}`, { title: 'Test bulk intake', clocks: CLOCKS })).status).toBe(200);
});
const opToken = tokenFor('operator', [OFFICE], 'op-liste');
const op = product.as(opToken);

/** A raw request: bytes in, bytes out. */
async function raw(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(`${product.stack.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${opToken}`, ...headers }, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

const HEADER = ['codice_fiscale', 'nome', 'cognome', 'email', 'telefono', 'data_did', 'prestazione', 'data_domanda_prestazione', 'programma', 'ufficio'];
const GOOD_A = randomFiscalCode();
const GOOD_B = randomFiscalCode();
/** A fiscal code with the wrong check character. */
const BAD_CF = (() => {
  const good = randomFiscalCode();
  return good.slice(0, 15) + (good[15] === 'A' ? 'B' : 'A');
})();

const csvRows = [
  HEADER,
  [GOOD_A, 'Niccolò', "D'Aquino", 'niccolo@example.it', '+39 333 1234567', '15/01/2026', 'naspi', '10/01/2026', PROGRAMME, OFFICE],
  [GOOD_B, 'Maria Luisa', 'Città', '', '', '2026-02-01', '', '', PROGRAMME, OFFICE],
  [GOOD_A, 'Niccolò', "D'Aquino", '', '', '2026-01-15', '', '', PROGRAMME, OFFICE],
  [BAD_CF, 'Paolo', 'Bianchi', '', '', '2026-02-01', '', '', PROGRAMME, OFFICE],
  [randomFiscalCode(), 'Anna', 'Verdi', '', '', '2026-02-01', '', '', PROGRAMME, OTHER_OFFICE],
];
/** Windows-1252, `;`, with a BOM (as a spreadsheet on Windows may save it). */
const CSV = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(csvRows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'win1252')]);

async function journeysOfOffice(): Promise<{ journeyId: string; personRef: string | null }[]> {
  const answer = await op('GET', `/journeys?officeId=${OFFICE}&pageSize=100`);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function finished(batchId: string) {
  return eventually(
    async () => {
      const batch = await op('GET', `/imports/${batchId}`);
      expect(batch.status).toBe(200);
      return batch.body.status === 'finished' ? batch.body : undefined;
    },
    `import ${batchId} to finish`,
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

const stagedBatches = async () => Number((await product.db.dataSource.query('SELECT count(*) AS n FROM import_batches'))[0].n);

describe('bulk intake (issue 19)', () => {
  it('serves the template, whose header is the documented column set', async () => {
    const template = await raw('GET', '/imports/template');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('text/csv');
    expect(template.bytes.toString('utf8').split('\r\n')[0]).toBe(HEADER.join(';'));
  });

  it('refuses what is not a list, too large a file and wrong columns, staging nothing', async () => {
    // PNG bytes, whatever a client calls them: the type is judged from the bytes.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const notCsv = await raw('POST', '/imports', png, { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="lista.csv"' });
    expect(notCsv.status).toBe(400);
    expect(notCsv.json().error.code).toBe('UNSUPPORTED_IMPORT_FILE');

    const tooLarge = await raw('POST', '/imports', Buffer.concat([Buffer.from(HEADER.join(';') + '\r\n'), Buffer.alloc(65 * 1024, 'a')]), { 'content-type': 'text/csv' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const wrongColumns = await raw('POST', '/imports', Buffer.from(`codice_fiscale;nome;colore\r\n${GOOD_A};Mario;blu\r\n`), { 'content-type': 'text/csv' });
    expect(wrongColumns.status).toBe(400);
    const error = wrongColumns.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const messages = error.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(expect.arrayContaining(['missing column cognome', 'missing column data_did', 'missing column programma', 'missing column ufficio']));
    expect(messages.some((m: string) => m.startsWith('unknown column "colore"'))).toBe(true);

    expect(await stagedBatches()).toBe(0);
  });

  let csvBatch: string;

  it('previews a Windows-1252 CSV: a row twice, a bad fiscal code and an office outside the caller’s are refused with their line', async () => {
    const upload = await raw('POST', '/imports', CSV, { 'content-type': 'text/csv' });
    expect(upload.status).toBe(201);
    const batch = upload.json();
    csvBatch = batch.batchId;
    expect(batch).toMatchObject({ fileType: 'csv', status: 'previewed', counts: { rows: 5, ok: 2, refused: 3, processed: 0, started: 0 } });
    const verdicts = Object.fromEntries(batch.rows.map((r: { line: number; verdict: string; reason: string | null }) => [r.line, r]));
    expect(verdicts[2]).toMatchObject({ verdict: 'ok', reason: null, fiscalCode: GOOD_A });
    expect(verdicts[3]).toMatchObject({ verdict: 'ok' });
    expect(verdicts[4]).toMatchObject({ verdict: 'refused', reason: 'the same person as line 2' });
    expect(verdicts[5].verdict).toBe('refused');
    expect(verdicts[5].reason).toContain('beneficiary.fiscalCode');
    expect(verdicts[6]).toMatchObject({ verdict: 'refused', reason: `FORBIDDEN: office ${OTHER_OFFICE} is outside your offices` });
    // Each refusal's stable code and the values its phrase names (the console and the report phrase them).
    expect([2, 4, 5, 6].map((line) => [verdicts[line].reasonCode, verdicts[line].reasonParams])).toEqual([
      [null, null],
      ['duplicate_in_file', { line: 2 }],
      ['invalid_fiscal_code', {}],
      ['office_outside_scope', { office: OTHER_OFFICE }],
    ]);

    const refused = await op('GET', `/imports/${csvBatch}/rows?verdict=refused&limit=2`);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ total: 3, nextAfterLine: 5 });
    expect(refused.body.items.map((r: { line: number }) => r.line)).toEqual([4, 5]);
    const rest = await op('GET', `/imports/${csvBatch}/rows?verdict=refused&limit=2&afterLine=5`);
    expect(rest.body).toMatchObject({ total: 3, nextAfterLine: null });
    expect(rest.body.items.map((r: { line: number }) => r.line)).toEqual([6]);
    // Nothing is started by a preview.
    expect(await journeysOfOffice()).toEqual([]);
  });

  it("runs the batch: the good rows' journeys start, names decoded from Windows-1252", async () => {
    const run = await op('POST', `/imports/${csvBatch}/run`);
    expect(run.status).toBe(202);
    expect(run.body.status).toMatch(/running|finished/);
    const done = await finished(csvBatch);
    expect(done.counts).toMatchObject({ ok: 2, processed: 2, started: 2, refusedAtRun: 0, pending: 0 });

    const journeys = await eventually(async () => {
      const items = await journeysOfOffice();
      return items.length === 2 ? items : undefined;
    }, 'the two journeys in the read model');
    const started = (await op('GET', `/imports/${csvBatch}/rows?verdict=started`)).body.items;
    expect(started.map((r: { journeyId: string }) => r.journeyId).sort()).toEqual(journeys.map((j) => j.journeyId).sort());
    const first = await op('GET', `/journeys/${started.find((r: { line: number }) => r.line === 2).journeyId}`);
    expect(first.body.beneficiary).toMatchObject({ fiscalCode: GOOD_A, givenName: 'Niccolò', familyName: "D'Aquino" });
    expect(first.body.didDate).toBe('2026-01-15');

    // Running it again meets the same run: nothing more is started.
    expect((await op('POST', `/imports/${csvBatch}/run`)).status).toBe(202);
    expect((await op('GET', `/imports/${csvBatch}`)).body.counts.started).toBe(2);
    expect(importWorkflowIdFor(csvBatch)).not.toContain(GOOD_A);
  });

  it('the report lists the refused rows with their line numbers and reasons', async () => {
    const report = await raw('GET', `/imports/${csvBatch}/report`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const lines = report.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('riga;codice_fiscale;esito;codice_motivo;motivo;dettaglio');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['4', '5', '6']);
    // The stable code, its Italian phrase and the rule's own (English) words.
    expect(lines[1].split(';').slice(2)).toEqual(['scartata in anteprima', 'duplicate_in_file', 'stessa persona della riga 2', 'the same person as line 2']);
    expect(lines[2].split(';').slice(3, 5)).toEqual(['invalid_fiscal_code', 'codice fiscale non valido']);
    expect(lines[3].split(';').slice(3, 5)).toEqual(['office_outside_scope', `l’ufficio ${OTHER_OFFICE} non è tra i tuoi uffici`]);
    expect(lines[2]).toContain(BAD_CF);
  });

  it('uploading the same file again starts nothing twice', async () => {
    const again = await raw('POST', '/imports', CSV, { 'content-type': 'text/csv' });
    expect(again.status).toBe(201);
    const batch = again.json();
    expect(batch.counts).toMatchObject({ rows: 5, ok: 0, refused: 5 });
    expect(batch.rows.find((r: { line: number }) => r.line === 2).reason).toContain('JOURNEY_ALREADY_EXISTS');
    expect(batch.rows.find((r: { line: number }) => r.line === 2).reasonCode).toBe('open_journey');
    expect((await op('POST', `/imports/${batch.batchId}/run`)).status).toBe(202);
    expect((await finished(batch.batchId)).counts).toMatchObject({ processed: 0, started: 0 });
    expect(await journeysOfOffice()).toHaveLength(2);
  });

  it('imports an XLSX workbook (dates as date cells, English headers)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Assegnati GOL');
    sheet.addRow(['fiscal_code', 'given_name', 'family_name', 'did_date', 'programme', 'office', 'phone']);
    const people = [randomFiscalCode(), randomFiscalCode()];
    sheet.addRow([people[0], 'Giulia', 'Esposito', new Date(Date.UTC(2026, 1, 2)), PROGRAMME, OFFICE, 3331234567]);
    sheet.addRow([people[1], 'Luca', 'Romano', new Date(Date.UTC(2026, 1, 3)), PROGRAMME, OFFICE, null]);
    const upload = await raw('POST', '/imports', Buffer.from(await workbook.xlsx.writeBuffer()), { 'content-type': 'application/octet-stream' });
    expect(upload.status).toBe(201);
    const batch = upload.json();
    expect(batch).toMatchObject({ fileType: 'xlsx', counts: { rows: 2, ok: 2, refused: 0 } });
    expect((await op('POST', `/imports/${batch.batchId}/run`)).status).toBe(202);
    expect((await finished(batch.batchId)).counts).toMatchObject({ started: 2 });
    await eventually(async () => (await journeysOfOffice()).length === 4, 'four journeys in the read model');
  });

  it('a run stopped by the API crashing resumes where it was, across continue-as-new, starting each row once', async () => {
    const office = `CPI-CRASH-${suffix}`;
    const token = tokenFor('operator', [office], 'op-crash');
    const crashOp = product.as(token);
    const rows = Array.from({ length: 40 }, (_, i) => [randomFiscalCode(), 'Nome', `Cognome${i}`, '', '', '2026-03-02', '', '', PROGRAMME, office].join(','));
    const body = Buffer.from([HEADER.join(','), ...rows].join('\n') + '\n');
    const upload = await fetch(`${product.stack.baseUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
    expect(upload.status).toBe(201);
    const batch = (await upload.json()) as { batchId: string; counts: Record<string, number> };
    expect(batch.counts).toMatchObject({ rows: 40, ok: 40 });
    expect((await crashOp('POST', `/imports/${batch.batchId}/run`)).status).toBe(202);
    const progressed = async () => Number((await product.db.dataSource.query(`SELECT count(*) AS n FROM import_rows WHERE batch_id = $1 AND outcome IS NOT NULL`, [batch.batchId]))[0].n);
    await eventually(async () => (await progressed()) >= 3, 'the run to have started a few journeys', { timeoutMs: 120_000 });
    await product.stack.api.stop('SIGKILL');
    const atCrash = await progressed();
    product.stack.api.start();
    await eventually(async () => (await fetch(`${product.stack.baseUrl}/health`).catch(() => null))?.status === 200, 'the restarted API to be healthy', { timeoutMs: 120_000 });
    const done = await eventually(
      async () => {
        const b = await crashOp('GET', `/imports/${batch.batchId}`);
        return b.body?.status === 'finished' ? b.body : undefined;
      },
      'the resumed run to finish',
      { timeoutMs: 240_000, intervalMs: 1000 },
    );
    expect(atCrash).toBeLessThan(40);
    expect(done.counts).toMatchObject({ processed: 40, started: 40, refusedAtRun: 0, pending: 0 });
    const journeys = await eventually(async () => {
      const answer = await crashOp('GET', `/journeys?officeId=${office}&pageSize=100`);
      return answer.body.items?.length === 40 ? answer.body.items : undefined;
    }, 'forty journeys in the read model', { timeoutMs: 120_000 });
    expect(new Set(journeys.map((j: { journeyId: string }) => j.journeyId)).size).toBe(40);
    const distinct: { n: string }[] = await product.db.dataSource.query(`SELECT count(DISTINCT journey_id) AS n FROM import_rows WHERE batch_id = $1`, [batch.batchId]);
    expect(Number(distinct[0].n)).toBe(40);
    // Eight pages of five, two per run: the workflow continued as new (its last run is not its first).
    const temporal = await connectTestClient();
    try {
      const description = await temporal.client.workflow.getHandle(importWorkflowIdFor(batch.batchId)).describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(description.raw.workflowExecutionInfo?.firstRunId).toBeTruthy();
      expect(description.runId).not.toBe(description.raw.workflowExecutionInfo?.firstRunId);
    } finally {
      await temporal.close();
    }
  }, 600_000);

  it('keeps a batch to its uploader’s offices', async () => {
    const stranger = product.as(tokenFor('operator', [OTHER_OFFICE], 'op-altrove'));
    expect((await stranger('GET', `/imports/${csvBatch}`)).body.error.code).toBe('FORBIDDEN');
    expect((await stranger('GET', `/imports/${csvBatch}/report`)).status).toBe(403);
    expect((await stranger('POST', `/imports/${csvBatch}/run`)).status).toBe(403);
    expect((await stranger('GET', '/imports/0b5c3f0e-8a4e-4c43-9a53-0d1f4f0c2a11')).body.error.code).toBe('IMPORT_NOT_FOUND');
  });

  it('lists the batches each caller may see, newest first, with their counts, a page at a time', async () => {
    const mine = await op('GET', '/imports?pageSize=100');
    expect(mine.status).toBe(200);
    const ids = mine.body.items.map((b: { batchId: string }) => b.batchId);
    expect(ids).toContain(csvBatch);
    expect(mine.body.total).toBe(ids.length);
    const created = mine.body.items.map((b: { createdAt: string }) => Date.parse(b.createdAt));
    expect(created).toEqual([...created].sort((x, y) => y - x));
    const listed = mine.body.items.find((b: { batchId: string }) => b.batchId === csvBatch);
    expect(listed).toMatchObject({ status: 'finished', createdBy: 'op-liste', counts: { rows: 5, ok: 2, refused: 3, started: 2, pending: 0 } });
    expect(listed.rows).toBeUndefined();
    // A page of one: the newest, and the total still counts them all.
    const first = await op('GET', '/imports?pageSize=1');
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, total: ids.length });
    expect(first.body.items.map((b: { batchId: string }) => b.batchId)).toEqual([ids[0]]);
    // A colleague of the same office sees them (uploaded for offices all among theirs); staff of another office, none.
    const colleague = await product.as(tokenFor('supervisor', [OFFICE], 'sup-liste'))('GET', '/imports?pageSize=100');
    expect(colleague.body.items.map((b: { batchId: string }) => b.batchId)).toContain(csvBatch);
    const stranger = await product.as(tokenFor('operator', [OTHER_OFFICE], 'op-altrove'))('GET', '/imports?pageSize=100');
    expect(stranger.status).toBe(200);
    expect(stranger.body.items.map((b: { batchId: string }) => b.batchId)).not.toContain(csvBatch);
    expect((await op('GET', '/imports?pageSize=101')).body.error.fields[0].field).toBe('pageSize');
  });
});
