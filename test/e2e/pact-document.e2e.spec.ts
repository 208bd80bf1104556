import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { romeDateOf } from '@sal/domain';
import { PayloadDataKeyStore } from '@sal/persistence';
import { journeyPayloadCodec } from '@sal/temporal';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { connectTestClient } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * The pact as a document (issue 19): a signed version's PDF downloaded and read back with pdftotext (the parties, the
 * actions with their dates, the content of art. 20 c.2–3 D.lgs. 150/2015, the conditionality of art. 21 and the appeal),
 * its first page rendered to PNG for a person to look at (test/e2e/artifacts/, ignored by git); the signed copy
 * uploaded back (type sniffed, size limit) is the person's acceptance; the journey's history holds its hash, never its bytes.
 */

const LIMIT = '64kb';
const product = productForFile({ API_SIGNED_COPY_LIMIT: LIMIT }, async (started) => {
  expect((await started.as()('PUT', `/programmes/${PROGRAMME}`, { title: 'Test pact document', clocks: CLOCKS })).status).toBe(200);
});

const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-DOC-${suffix}`;
const OFFICE = `CPI-DOC-${suffix}`;
const OP = 'op-documenti';
const CLOCKS = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, defaultContactFrequency: 'P30D' };
const ARTIFACTS = join(__dirname, 'artifacts');

const opToken = tokenFor('operator', [OFFICE], OP);
const op = product.as(opToken);
const FISCAL_CODE = randomFiscalCode();
const PACT = {
  responsibleOperatorId: OP,
  profilingClass: 'high',
  jobSearchProof: 'Elenco mensile delle candidature inviate, con le risposte ricevute',
  availability: { workshops: true, training: false, suitableOffers: true },
  actions: [
    { kind: 'workshop', description: 'Laboratorio sul curriculum', dueDate: '2099-01-31' },
    { kind: 'job_search_act', description: 'Cinque candidature nel settore logistico', dueDate: '2099-03-15' },
  ],
  referrals: [{ to: 'training_body', organisation: 'CIOFS Piemonte', reason: 'Corso per carrellisti' }],
};

/** A raw request: bytes in, bytes out. */
async function raw(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}, token = opToken) {
  const response = await fetch(`${product.stack.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const normalised = (text: string) => text.replace(/\s+/g, ' ');

/** Every payload in a history, opened with the journey's codec, as one text. */
async function openedHistory(journeyId: string): Promise<string> {
  const temporal = await connectTestClient(product.db.dataSource);
  try {
    const history = await temporal.client.workflow.getHandle(journeyId).fetchHistory();
    const payloads: Payload[] = [];
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return;
      if (Array.isArray(v)) return v.forEach(walk);
      const metadata = (v as Payload).metadata;
      if (metadata && typeof metadata === 'object' && metadata[METADATA_ENCODING_KEY] instanceof Uint8Array) {
        payloads.push(v as Payload);
        return;
      }
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
    };
    walk(history.events ?? []);
    // The product seals each journey's payloads with its own data key, kept in its database.
    const opened = await journeyPayloadCodec(process.env, new PayloadDataKeyStore(product.db.dataSource)).decode(payloads);
    return opened.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8')).join('\n');
  } finally {
    await temporal.close();
  }
}

describe('the pact as a document', () => {
  let journeyId: string;
  let pdf: Buffer;

  beforeAll(async () => {
    const started = await op('POST', '/journeys', {
      beneficiary: { fiscalCode: FISCAL_CODE, givenName: 'Niccolò', familyName: 'Cantù', email: 'niccolo.cantu@example.org' },
      programmeCode: PROGRAMME,
      officeId: OFFICE,
      didDate: romeDateOf(Date.now()),
      benefit: { kind: 'naspi', applicationDate: romeDateOf(Date.now()) },
    });
    expect(started.status).toBe(201);
    journeyId = started.body.journeyId;
    expect((await op('POST', `/journeys/${journeyId}/intake`, {})).status).toBe(200);
    const signed = await op('POST', `/journeys/${journeyId}/pact`, PACT);
    expect(signed.status).toBe(200);
    expect(signed.body.pactVersionAwaitingAcceptance).toBe(1);
  });

  it('a signed version has its PDF to download: A4 PDF, ETag its SHA-256, the content of art. 20 c.2–3 read back with pdftotext', async () => {
    const answer = await eventually(async () => {
      const a = await raw('GET', `/journeys/${journeyId}/pact/versions/1/document`);
      if (a.status === 404) return undefined;
      return a;
    }, 'the document to be generated');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="patto-v1.pdf"');
    pdf = answer.bytes;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(answer.headers.get('etag')).toBe(`"${sha256(pdf)}"`);
    expect((await raw('GET', `/journeys/${journeyId}/pact/versions/1/document`, undefined, { 'if-none-match': `"${sha256(pdf)}"` })).status).toBe(304);

    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'pact-document.pdf');
    writeFileSync(file, pdf);
    const text = normalised(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    // The parties.
    expect(text).toContain('Patto di servizio personalizzato');
    expect(text).toContain('Beneficiario: Niccolò Cantù');
    expect(text).toContain(`Codice fiscale: ${FISCAL_CODE}`);
    expect(text).toContain(`Ufficio: ${OFFICE}`);
    // Art. 20 c.2: responsible operator, profiling class, actions with their dates, contact frequency, job-search proof.
    expect(text).toContain(`a) Responsabile delle attività: ${OP}`);
    expect(text).toContain('b) Classe di profilazione: alta');
    expect(text).toContain('A1 · Laboratorio di ricerca attiva: Laboratorio sul curriculum — entro il 31/01/2099');
    expect(text).toContain('A2 · Atto di ricerca attiva di lavoro: Cinque candidature nel settore logistico — entro il 15/03/2099');
    expect(text).toContain('ogni 30 giorni');
    expect(text).toContain('Elenco mensile delle candidature inviate, con le risposte ricevute');
    // Art. 20 c.3: availability.
    expect(text).toContain('a) Laboratori e iniziative di ricerca attiva e orientamento: Sì');
    expect(text).toContain('b) Formazione, riqualificazione o altra politica attiva: No');
    expect(text).toContain('c) Accettazione di offerte di lavoro congrue (art. 25): Sì');
    // Referrals, conditionality for a NASpI recipient, the appeal, the signatures, page numbers.
    expect(text).toContain('R1 · ente di formazione: CIOFS Piemonte — Corso per carrellisti');
    expect(text).toContain('percepisce la prestazione NASpI');
    expect(text).toContain('la terza volta: decadenza dalla prestazione e dallo stato di disoccupazione');
    expect(text).toContain('ricorso entro 30 giorni dalla sua notifica');
    expect(text).toContain('Ministero del lavoro e delle politiche sociali');
    expect(text).toContain('Il beneficiario');
    expect(text).toContain('Il responsabile delle attività');
    expect(text).toMatch(/Pagina 1 di \d/);

    // Fonts embedded (PDF/A), metadata without personal data.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/DejaVuSans.*\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toContain('(A4)');
    expect(info).not.toContain('Cantù');

    // Page 1 as an image, for a person to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, 'pact-document-page1')]);
    const png = join(ARTIFACTS, 'pact-document-page1.png');
    expect(existsSync(png) && statSync(png).size > 1000).toBe(true);
  });

  it('is scoped like the journey: another office’s operator is refused; a missing version is a 404', async () => {
    const outsider = tokenFor('operator', [`CPI-ALTRO-${suffix}`], 'op-altro');
    expect((await raw('GET', `/journeys/${journeyId}/pact/versions/1/document`, undefined, {}, outsider)).status).toBe(403);
    const missing = await raw('GET', `/journeys/${journeyId}/pact/versions/2/document`);
    expect([missing.status, missing.json().error.code]).toEqual([404, 'PACT_DOCUMENT_NOT_FOUND']);
    const noCopy = await raw('GET', `/journeys/${journeyId}/pact/versions/1/signed`);
    expect([noCopy.status, noCopy.json().error.code]).toEqual([404, 'PACT_DOCUMENT_NOT_FOUND']);
  });

  it('an upload that is not a PDF, JPEG or PNG is a 400 whatever its Content-Type; one over the limit a 413; nothing is accepted', async () => {
    const text = await raw('POST', `/journeys/${journeyId}/pact/versions/1/signed`, Buffer.from('firmato da Niccolò, giuro'), { 'content-type': 'application/pdf' });
    expect([text.status, text.json().error.code]).toEqual([400, 'UNSUPPORTED_DOCUMENT_TYPE']);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(65 * 1024, 0x20)]);
    const tooLarge = await raw('POST', `/journeys/${journeyId}/pact/versions/1/signed`, big, { 'content-type': 'application/pdf' });
    expect([tooLarge.status, tooLarge.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const supervisor = tokenFor('supervisor', [OFFICE], 'sup-documenti');
    expect((await raw('POST', `/journeys/${journeyId}/pact/versions/1/signed`, pdf, { 'content-type': 'application/pdf' }, supervisor)).status).toBe(403);
    const { body } = await op('GET', `/journeys/${journeyId}`);
    expect(body.pactVersionAwaitingAcceptance).toBe(1);
    // And the plain acceptance route cannot claim a signed copy.
    const claimed = await op('POST', `/journeys/${journeyId}/pact/versions/1/acceptance`, { method: 'signed_copy' });
    expect([claimed.status, claimed.body.error.code]).toEqual([400, 'INVALID_VALUE']);
  });

  it('the signed copy uploaded back is the person’s acceptance: the version in force, its hash shown, the copy downloadable; the history holds the hash only', async () => {
    // A scan: a PNG (sniffed from its bytes, sent as octet-stream), with a marker to look for in the history.
    const marker = `scan-marker-${suffix}`;
    const scan = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(marker), pdf.subarray(0, 2000)]);
    const uploaded = await raw('POST', `/journeys/${journeyId}/pact/versions/1/signed`, scan, { 'content-type': 'application/octet-stream' });
    expect(uploaded.status).toBe(201);
    const view = uploaded.json();
    expect(view).toMatchObject({ stage: 'pact_active', pactVersionInForce: 1, pactVersionAwaitingAcceptance: null });
    expect(view.pactVersions[0]).toMatchObject({ inForce: true, acceptance: { method: 'signed_copy', signedCopy: { sha256: sha256(scan), documentId: expect.any(String) } } });
    expect(view.actions.map((a: { actionId: string; status: string }) => `${a.actionId}:${a.status}`)).toEqual(['A1:pending', 'A2:pending']);

    const copy = await raw('GET', `/journeys/${journeyId}/pact/versions/1/signed`);
    expect([copy.status, copy.headers.get('content-type'), copy.headers.get('etag')]).toEqual([200, 'image/png', `"${sha256(scan)}"`]);
    expect(copy.bytes.equals(scan)).toBe(true);

    // A second copy for a version already in force is refused, and not kept.
    const again = await raw('POST', `/journeys/${journeyId}/pact/versions/1/signed`, pdf, { 'content-type': 'application/pdf' });
    expect([again.status, again.json().error.code]).toEqual([409, 'PACT_VERSION_ALREADY_ACCEPTED']);
    expect((await raw('GET', `/journeys/${journeyId}/pact/versions/1/signed`)).headers.get('etag')).toBe(`"${sha256(scan)}"`);

    const history = await openedHistory(journeyId);
    expect(history).toContain('Cantù'); // the codec opened the payloads
    expect(history).toContain(sha256(scan));
    expect(history).toContain(view.pactVersions[0].acceptance.signedCopy.documentId);
    expect(history).not.toContain(marker);
    expect(history).not.toContain(scan.toString('base64').slice(0, 40));
    expect(history).not.toContain('%PDF-');
  });

  it('the OpenAPI description documents the three routes', async () => {
    const doc = (await op('GET', '/docs-json')).body;
    expect(Object.keys(doc.paths['/journeys/{journeyId}/pact/versions/{version}/document'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/journeys/{journeyId}/pact/versions/{version}/signed']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/journeys/{journeyId}/pact/versions/{version}/signed'].post.requestBody.content)).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
  });
});
