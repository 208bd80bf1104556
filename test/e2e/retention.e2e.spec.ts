import type { Payload } from '@temporalio/common';
import { romeDateOf } from '@sal/domain';
import { PactDocuments, PayloadDataKeyStore, PersonalDataEraser } from '@sal/persistence';
import { journeyPayloadCodec, PersonalDataErasedError } from '@sal/temporal';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { notePersonalData } from '../support/personal-data-ledger';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { connectTestClient, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * Retention and crypto-shredding (issue 15) through the built API and worker on a real Temporal dev server and
 * PostgreSQL. A catalogue keeps a closed episode's personal data for five seconds; a journey under it is taken in
 * charge with its monitoring data and closed by a placement, another under GOL-1 (ten years) likewise. An
 * administrator runs the retention sweep and waits for it to finish: the first journey's Temporal history can no
 * longer be decoded (PersonalDataErasedError) while the second's still can, the person's export finds nobody, the
 * read model keeps nothing that names or links the person, and the KPIs are exactly what they were. Intake lists
 * (issue 19): the staged rows of the erased person lose their data with the journey; a finished import's rows lose
 * theirs past the staging retention (its finish moved 91 days back), and an import never run is deleted.
 */

const suffix = uniqueSuffix().toUpperCase();
const OFFICE = `CPI-RET-${suffix}`;
const PROGRAMME = `RET-${suffix}`.slice(0, 32);
const OP = 'op-retention';
const today = () => romeDateOf(Date.now());

const product = productForFile({}, async (p) => {
  // GOL-1's rules, with a retention of seconds.
  const gol1 = (await p.as()('GET', '/programmes/GOL-1')).body;
  // The body of a publish is the catalogue without its code and version (undefined is left out of the JSON).
  const definition = { ...gol1, code: undefined, version: undefined };
  const published = await p.as()('PUT', `/programmes/${PROGRAMME}`, { ...definition, title: 'Retention test programme', personalDataRetention: 'PT5S' });
  if (published.status !== 200 && published.status !== 201) throw new Error(`publishing ${PROGRAMME}: ${published.status} ${JSON.stringify(published.body)}`);
});
const admin = product.as();
const op = product.as(tokenFor('operator', [OFFICE], OP));
const supervisor = product.as(tokenFor('supervisor', [OFFICE], 'sup-retention'));
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;

const shredded = { fiscalCode: randomFiscalCode(), givenName: 'Ottavia', familyName: `Dimenticata${suffix.slice(-4).toLowerCase()}`, email: `ottavia.${suffix.toLowerCase()}@example.org` };
const kept = { fiscalCode: randomFiscalCode(), givenName: 'Lorenzo', familyName: `Ricordato${suffix.slice(-4).toLowerCase()}`, email: `lorenzo.${suffix.toLowerCase()}@example.org` };
const EMPLOYER = `Officine Riservate ${suffix} S.r.l.`;
const monitoring = { birthDate: `${Number(today().slice(0, 4)) - 27}-01-01`, sex: 'F', disabled: false, longTermUnemployed: true, neet: false, socialServicesReferral: false };

// Intake lists (issue 19) at an office of their own (the KPIs above are OFFICE's): their staged rows hold the file's
// personal data, and are erased with the journey they started, or past the staging retention of their import.
const IMP_OFFICE = `CPI-RETI-${suffix}`;
const impOpToken = tokenFor('operator', [IMP_OFFICE], 'op-retention-imports');
const impOp = product.as(impOpToken);
const imported = { fiscalCode: randomFiscalCode(), givenName: 'Ines', familyName: `Importata${suffix.slice(-4).toLowerCase()}` };
const listedKept = { fiscalCode: randomFiscalCode(), givenName: 'Bruno', familyName: `Elencato${suffix.slice(-4).toLowerCase()}` };
const neverRun = { fiscalCode: randomFiscalCode(), givenName: 'Carla', familyName: `Dimenticata${suffix.slice(-4).toLowerCase()}` };
const IMPORT_HEADER = 'codice_fiscale;nome;cognome;data_did;programma;ufficio';
const listOf = (rows: { person: typeof imported; programme: string }[]) =>
  Buffer.from([IMPORT_HEADER, ...rows.map(({ person, programme }) => [person.fiscalCode, person.givenName, person.familyName, today(), programme, IMP_OFFICE].join(';'))].join('\r\n') + '\r\n', 'utf8');
const batches = { erasedWithJourney: '', pastStaging: '', neverRun: '' };
let importedId = '';
let listedKeptId = '';

async function uploaded(list: Buffer): Promise<string> {
  for (const person of [imported, listedKept, neverRun]) notePersonalData(person);
  const response = await fetch(`${product.stack.baseUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${impOpToken}`, 'content-type': 'text/csv' }, body: list });
  const body = (await response.json()) as { batchId: string; counts?: { rows: number } };
  expect([response.status, body.counts?.rows]).toEqual([201, expect.any(Number)]);
  return body.batchId;
}

async function ranToTheEnd(batchId: string) {
  expect((await impOp('POST', `/imports/${batchId}/run`)).status).toBe(202);
  return eventually(async () => {
    const batch = await impOp('GET', `/imports/${batchId}`);
    return batch.body?.status === 'finished' ? batch.body : undefined;
  }, `import ${batchId}, finished`, { timeoutMs: 120_000, intervalMs: 500 });
}

const stagedRows = (batchId: string): Promise<{ line: number; data: Record<string, unknown>; person_ref: string | null; verdict: string; outcome: string | null; journey_id: string | null }[]> =>
  product.db.dataSource.query('SELECT line, data, person_ref, verdict, outcome, journey_id FROM import_rows WHERE batch_id = $1 ORDER BY line', [batchId]);

let temporal: TestTemporal;
let shreddedId = '';
let keptId = '';
let kpisBefore: unknown;

/** Every payload in a history (any object with `metadata` and `data`), wherever the event keeps it. */
function payloadsIn(node: unknown, found: Payload[] = []): Payload[] {
  if (node === null || typeof node !== 'object') return found;
  if (node instanceof Uint8Array) return found;
  const record = node as Record<string, unknown>;
  if (record.metadata && typeof record.metadata === 'object' && 'data' in record) found.push(record as Payload);
  else for (const value of Object.values(record)) payloadsIn(value, found);
  return found;
}

/** A fresh codec of the product (no key cached), reading the journeys' data keys from its database. */
const productCodec = () => journeyPayloadCodec(process.env, new PayloadDataKeyStore(product.db.dataSource));

async function historyPayloads(journeyId: string): Promise<Payload[]> {
  const history = await temporal.client.workflow.getHandle(journeyId).fetchHistory();
  const payloads = payloadsIn(history.events);
  expect(payloads.length).toBeGreaterThan(3);
  return payloads;
}

const kpis = async () => {
  const answer = await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}&from=${today()}&to=${today()}`);
  expect(answer.status).toBe(200);
  return answer.body;
};

/** Starts a journey, takes the person in charge and places them: a closed episode whose workflow has finished. */
async function placedJourney(beneficiary: typeof shredded, programmeCode: string): Promise<string> {
  const body = { beneficiary, programmeCode, officeId: OFFICE, didDate: today(), monitoring };
  notePersonalData(body);
  const started = await op('POST', '/journeys', body);
  expect(started.status).toBe(201);
  return placed(started.body.journeyId, op);
}

/** Takes a started journey's person in charge and places them, until its workflow has finished. */
async function placed(journeyId: string, as: typeof op): Promise<string> {
  expect((await as('POST', `/journeys/${journeyId}/intake`, {})).status).toBe(200);
  const placement = { employer: EMPLOYER, contractType: 'permanent', startDate: today(), hoursPerWeek: 38 };
  notePersonalData(placement);
  const answer = await as('POST', `/journeys/${journeyId}/placement`, placement);
  expect([answer.status, answer.body.status]).toEqual([200, 'closed']);
  await eventually(async () => (await temporal.client.workflow.getHandle(journeyId).describe()).status.name === 'COMPLETED', 'the journey workflow, completed');
  await eventually(
    async () => (await product.db.dataSource.query('SELECT status FROM journeys WHERE journey_id = $1', [journeyId]))[0]?.status === 'closed',
    'the closed journey in the read model',
  );
  return journeyId;
}

describe('retention: a closed episode past its retention is erased, its history crypto-shredded, the KPIs unchanged', () => {
  beforeAll(async () => {
    temporal = await connectTestClient(product.db.dataSource);
  });
  afterAll(async () => {
    await temporal?.close();
  });

  it('publishes the retention with the catalogue and refuses one that is not a duration', async () => {
    const catalogue = await admin('GET', `/programmes/${PROGRAMME}`);
    expect(catalogue.body.personalDataRetention).toBe('PT5S');
    const bad = await admin('PUT', `/programmes/${PROGRAMME}`, { ...catalogue.body, code: undefined, version: undefined, personalDataRetention: 'five seconds' });
    expect([bad.status, codeOf(bad), bad.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, 'VALIDATION_FAILED', ['personalDataRetention']]);
  });

  it('closes two episodes, one under the five-second catalogue, and reads both histories and the KPIs', async () => {
    shreddedId = await placedJourney(shredded, PROGRAMME);
    keptId = await placedJourney(kept, 'GOL-1');
    // Both histories are sealed with their journeys' own data keys, and open with the product's key store.
    const keys: { journey_id: string; master_key_id: string }[] = await product.db.dataSource.query(
      'SELECT journey_id, master_key_id FROM payload_data_keys WHERE journey_id = ANY($1) AND wrapped_key IS NOT NULL',
      [[shreddedId, keptId]],
    );
    expect(keys.map((k) => k.journey_id).sort()).toEqual([shreddedId, keptId].sort());
    const sealed = await historyPayloads(shreddedId);
    const keyIds = new Set(sealed.map((p) => Buffer.from(p.metadata?.['encryption-key-id'] ?? []).toString()));
    expect(keyIds.has('journey')).toBe(true);
    const opened = JSON.stringify((await productCodec().decode(sealed)).map((p) => Buffer.from(p.data ?? []).toString('utf8')));
    expect(opened).toContain(shredded.fiscalCode);
    kpisBefore = await kpis();
    expect((kpisBefore as any).gol.placed).toBe(2);
    expect((kpisBefore as any).gol.takenInCharge).toBe(2);
  });

  it('imports lists: one under the five-second catalogue (its person twice), run and placed; one under GOL-1, run; one never run', async () => {
    batches.erasedWithJourney = await uploaded(listOf([{ person: imported, programme: PROGRAMME }, { person: imported, programme: PROGRAMME }]));
    const first = await ranToTheEnd(batches.erasedWithJourney);
    expect([first.counts.started, first.counts.refused]).toEqual([1, 1]);
    importedId = (await stagedRows(batches.erasedWithJourney))[0].journey_id!;
    expect(importedId).toBeTruthy();
    await placed(importedId, impOp);
    batches.pastStaging = await uploaded(listOf([{ person: listedKept, programme: 'GOL-1' }]));
    expect((await ranToTheEnd(batches.pastStaging)).counts.started).toBe(1);
    listedKeptId = (await stagedRows(batches.pastStaging))[0].journey_id!;
    batches.neverRun = await uploaded(listOf([{ person: neverRun, programme: 'GOL-1' }]));
    // The staged rows hold the file's data until then.
    for (const batchId of Object.values(batches)) {
      const rows = await stagedRows(batchId);
      expect(rows.every((r) => typeof (r.data.beneficiary as { fiscalCode?: unknown })?.fiscalCode === 'string' && r.person_ref !== null)).toBe(true);
    }
    // The second import finished, and the third was uploaded, longer ago than the staging retention (90 days).
    await product.db.dataSource.query(`UPDATE import_batches SET finished_at = finished_at - interval '91 days' WHERE batch_id = $1`, [batches.pastStaging]);
    await product.db.dataSource.query(`UPDATE import_batches SET created_at = created_at - interval '91 days' WHERE batch_id = $1`, [batches.neverRun]);
    await eventually(
      async () => (await product.db.dataSource.query(`SELECT closed_at + interval '5 seconds' < now() AS past FROM journeys WHERE journey_id = $1`, [importedId]))[0]?.past === true,
      'five seconds since the imported journey closed',
    );
  });

  it('runs the sweep on an administrator’s request and says what it erased', async () => {
    expect((await supervisor('POST', '/admin/retention/run')).status).toBe(403);
    await eventually(
      async () => (await product.db.dataSource.query(`SELECT closed_at + interval '5 seconds' < now() AS past FROM journeys WHERE journey_id = $1`, [shreddedId]))[0]?.past === true,
      'five seconds since the closure',
    );
    // A signed copy of the pact as the upload route stores it (bytes with the person's data): the eraser removes it.
    await new PactDocuments(product.db.dataSource).storeSigned(shreddedId, 1, Buffer.from(`%PDF-1.7 signed by ${shredded.familyName}`), 'application/pdf', 'op-retention');
    const run = await admin('POST', '/admin/retention/run');
    expect(run.status).toBe(202);
    const sweepId: string = run.body.sweepId;
    const done = await eventually(async () => {
      const answer = await admin('GET', `/admin/retention/runs/${sweepId}`);
      return answer.status === 200 && answer.body.status === 'completed' ? answer.body : undefined;
    }, 'the retention sweep, completed', { timeoutMs: 120_000, intervalMs: 500 });
    expect(done.outcome.erased).toContain(shreddedId);
    expect(done.outcome.erased).not.toContain(keptId);
    expect(done.outcome.erasedCount).toBe(done.outcome.erased.length);
    expect((await admin('GET', '/admin/retention/runs/retention-sweep-run-nothing-here')).status).toBe(404);
  });

  it("leaves the shredded journey's Temporal history undecodable, while the other journey's still decodes", async () => {
    const error = await productCodec()
      .decode(await historyPayloads(shreddedId))
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(PersonalDataErasedError);
    expect((error as PersonalDataErasedError).journeyId).toBe(shreddedId);
    const other = JSON.stringify((await productCodec().decode(await historyPayloads(keptId))).map((p) => Buffer.from(p.data ?? []).toString('utf8')));
    expect(other).toContain(kept.fiscalCode);
    // The codec endpoint (the Web UI's) answers the shredded payloads as erased, not as a failure.
    const [first] = await historyPayloads(shreddedId);
    const wire = { metadata: Object.fromEntries(Object.entries(first.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])), data: Buffer.from(first.data ?? []).toString('base64') };
    const decoded = await admin('POST', '/codec/decode', { payloads: [wire] });
    expect(decoded.status).toBe(200);
    expect(JSON.parse(Buffer.from(decoded.body.payloads[0].data, 'base64').toString('utf8'))).toEqual({ personalDataErased: true, journeyId: shreddedId });
  });

  it('finds the person no more: their export is 404, the journey answers 410, the read model names and links no one', async () => {
    notePersonalData({ fiscalCode: shredded.fiscalCode });
    const gone = await admin('POST', '/people/export', { fiscalCode: shredded.fiscalCode });
    expect([gone.status, codeOf(gone)]).toEqual([404, 'PERSON_NOT_FOUND']);
    expect((await admin('POST', '/people/export', { fiscalCode: kept.fiscalCode })).status).toBe(200);
    const view = await op('GET', `/journeys/${shreddedId}`);
    expect([view.status, codeOf(view)]).toEqual([410, 'PERSONAL_DATA_ERASED']);
    const timeline = await op('GET', `/journeys/${shreddedId}/events`);
    expect([timeline.status, codeOf(timeline)]).toEqual([410, 'PERSONAL_DATA_ERASED']);
    expect((await op('GET', `/journeys/${keptId}`)).status).toBe(200);

    const [row] = await product.db.dataSource.query('SELECT * FROM journeys WHERE journey_id = $1', [shreddedId]);
    expect(row).toMatchObject({ fiscal_code: '', given_name: '', family_name: '', person_ref: null, placement_employer: null });
    // What the KPIs count stays.
    expect(row).toMatchObject({ status: 'closed', closure_reason: 'placed', office_id: OFFICE, programme_code: PROGRAMME, age_at_did: 27, sex: 'F', long_term_unemployed: true, vulnerable: true });
    const text = JSON.stringify(await product.db.dataSource.query('SELECT * FROM journey_events WHERE journey_id = $1', [shreddedId]));
    for (const value of [shredded.fiscalCode, shredded.familyName, shredded.email, EMPLOYER]) expect(text).not.toContain(value);
    const events: { type: string; data: unknown }[] = await product.db.dataSource.query('SELECT type, data FROM journey_events WHERE journey_id = $1 ORDER BY seq', [shreddedId]);
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => JSON.stringify(e.data) === '{"personalDataErased":true}')).toBe(true);
    expect((await product.db.dataSource.query('SELECT count(*)::int AS n FROM notification_outbox WHERE journey_id = $1', [shreddedId]))[0].n).toBe(0);
    expect((await product.db.dataSource.query('SELECT count(*)::int AS n FROM pact_documents WHERE journey_id = $1', [shreddedId]))[0].n).toBe(0);
    expect((await product.db.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE journey_id = $1 AND person_ref IS NOT NULL', [shreddedId]))[0].n).toBe(0);
    const [key] = await product.db.dataSource.query('SELECT wrapped_key, shredded_at FROM payload_data_keys WHERE journey_id = $1', [shreddedId]);
    expect(key.wrapped_key).toBeNull();
    expect(key.shredded_at).not.toBeNull();
    const audit = await product.db.dataSource.query("SELECT method, outcome FROM audit_log WHERE journey_id = $1 AND subject = 'retention-sweep'", [shreddedId]);
    expect(audit).toEqual([{ method: 'ERASE', outcome: 'ok' }]);
    // The other journey is untouched.
    const [other] = await product.db.dataSource.query('SELECT fiscal_code, person_ref FROM journeys WHERE journey_id = $1', [keptId]);
    expect(other.fiscal_code).toBe(kept.fiscalCode);
    expect(other.person_ref).toMatch(/^prs_/);
  });

  it("erases the staged rows with the journey they started and the person's other rows, and finished imports' rows past the staging retention; deletes an import never run", async () => {
    expect(await new PersonalDataEraser(product.db.dataSource).erased(importedId)).not.toBeNull();
    // The journey's own row and the row refused as the same person: line, verdict and outcome stay, the data goes.
    const erased = await stagedRows(batches.erasedWithJourney);
    expect(erased.map((r) => [r.line, r.verdict, r.outcome, r.data, r.person_ref])).toEqual([
      [2, 'ok', 'started', {}, null],
      [3, 'refused', null, {}, null],
    ]);
    const batch = await impOp('GET', `/imports/${batches.erasedWithJourney}`);
    expect([batch.status, batch.body.counts.started, batch.body.counts.refused]).toEqual([200, 1, 1]);
    const report = await fetch(`${product.stack.baseUrl}/imports/${batches.erasedWithJourney}/report`, { headers: { authorization: `Bearer ${impOpToken}` } });
    const reportText = await report.text();
    expect(report.status).toBe(200);
    expect(reportText).toContain('the same person as line 2');
    expect(reportText).not.toContain(imported.fiscalCode);
    // The finished import past its staging retention: minimised, while the journey it started (GOL-1, ten years) keeps its data.
    const minimised = await stagedRows(batches.pastStaging);
    expect(minimised.map((r) => [r.verdict, r.outcome, r.journey_id, r.data, r.person_ref])).toEqual([['ok', 'started', listedKeptId, {}, null]]);
    expect((await product.db.dataSource.query('SELECT erased_at FROM import_batches WHERE batch_id = $1', [batches.pastStaging]))[0].erased_at).not.toBeNull();
    const [keptRow] = await product.db.dataSource.query('SELECT fiscal_code FROM journeys WHERE journey_id = $1', [listedKeptId]);
    expect(keptRow.fiscal_code).toBe(listedKept.fiscalCode);
    // The import never run: gone with its rows.
    expect((await impOp('GET', `/imports/${batches.neverRun}`)).status).toBe(404);
    expect(await stagedRows(batches.neverRun)).toEqual([]);
    const text = JSON.stringify(await product.db.dataSource.query('SELECT * FROM import_rows WHERE batch_id = ANY($1::uuid[])', [Object.values(batches)]));
    for (const person of [imported, listedKept, neverRun]) for (const value of [person.fiscalCode, person.familyName]) expect(text).not.toContain(value);
    const audit: { route: string }[] = await product.db.dataSource.query("SELECT route FROM audit_log WHERE subject = 'retention-sweep' AND method = 'ERASE' AND journey_id IS NULL");
    expect(audit.map((a) => a.route.replace(/^retention-sweep \S+: /, ''))).toEqual(
      expect.arrayContaining([`import ${batches.pastStaging} minimised (retention P90D)`, `import ${batches.neverRun} deleted (retention P90D)`]),
    );
  });

  it('keeps the KPIs exactly as they were, and a second sweep erases nothing more', async () => {
    expect(await kpis()).toEqual(kpisBefore);
    const again = await admin('POST', '/admin/retention/run');
    const done = await eventually(async () => {
      const answer = await admin('GET', `/admin/retention/runs/${again.body.sweepId}`);
      return answer.body?.status === 'completed' ? answer.body : undefined;
    }, 'the second sweep, completed', { timeoutMs: 120_000, intervalMs: 500 });
    expect(done.outcome.erased).not.toContain(shreddedId);
    expect(done.outcome.erased).not.toContain(keptId);
    expect(await kpis()).toEqual(kpisBefore);
  });
});
