import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PactDocumentContent } from '@sal/domain';
import { renderPactDocument } from './pact-document-pdf';

/** The renderer's layout: the domain's words on A4 pages, an embedded font, page numbers, PDF/A metadata. */

const LONG = 'Attività concordata con il responsabile, perché è utile alla ricerca; verrà verificata più volte. '.repeat(6);

const CONTENT: PactDocumentContent = {
  title: 'Patto di servizio personalizzato',
  subtitle: 'ai sensi dell’art. 20 del D.lgs. 14 settembre 2015, n. 150',
  reference: 'Versione 1 del 04/03/2026 · percorso jrn_test',
  sections: Array.from({ length: 8 }, (_, i) => ({
    heading: `Sezione ${i + 1} — è così`,
    blocks: [
      { kind: 'paragraph' as const, text: LONG },
      { kind: 'list' as const, items: ['A1 · Atto di ricerca attiva di lavoro: cinque candidature — entro il 30/06/2026'] },
      { kind: 'fields' as const, fields: [{ label: 'b) Classe di profilazione', value: 'media' }] },
    ],
  })),
  signatures: [
    { role: 'Il beneficiario', name: 'Niccolò Cantù' },
    { role: 'Il responsabile delle attività', name: 'op-anna' },
  ],
  metadata: { title: 'Patto di servizio personalizzato, versione 1', subject: 'Patto di servizio personalizzato (art. 20 D.lgs. 150/2015)', keywords: 'patto', createdAt: '2026-03-04T09:00:00.000Z' },
};

describe('renderPactDocument', () => {
  let file: string;
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderPactDocument(CONTENT);
    file = join(mkdtempSync(join(tmpdir(), 'pact-pdf-')), 'pact.pdf');
    writeFileSync(file, pdf);
  });

  it('is a PDF whose text is the content, accents included, with "Pagina n di m" on every page', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Patto di servizio personalizzato');
    expect(text).toContain('Niccolò Cantù');
    expect(text).toContain('perché è utile');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Pagina ${n} di ${pages}`);
  });

  it('embeds its fonts (DejaVu Sans), A4, with the metadata and no personal data in it', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/DejaVuSans/);
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // embedded, subset
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toContain('Title:           Patto di servizio personalizzato, versione 1');
    expect(info).not.toContain('Cantù');
    expect(pdf.toString('latin1')).toContain('pdfaid:part');
  });

  it('renders the same content to the same bytes (its hash is stable)', async () => {
    expect((await renderPactDocument(CONTENT)).equals(pdf)).toBe(true);
  });
});
