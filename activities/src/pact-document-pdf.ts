import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PactDocumentBlock, PactDocumentContent } from '@sal/domain';

/**
 * Renders a pact version's document (the domain's `pactDocumentContent`) as an A4 PDF/A-2b: DejaVu Sans embedded (a
 * free TrueType font with every Italian accent; pdfkit's built-in Helvetica is not embedded, which PDF/A forbids), the
 * sections in order, a signatures block, the reference and "Pagina n di m" in every page's footer. Layout only: what
 * it says is the domain's. The same content renders to the same bytes (the creation date is the version's).
 */

const FONT_DIR = 'dejavu-fonts-ttf/ttf';
let fonts: { regular: Buffer; bold: Buffer } | null = null;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve(`${FONT_DIR}/DejaVuSans.ttf`)),
    bold: readFileSync(require.resolve(`${FONT_DIR}/DejaVuSans-Bold.ttf`)),
  };
  return fonts;
}

const MARGIN = 56;
const FOOTER = 40;
const GREY = '#555555';
const RULE = '#999999';

export const PACT_DOCUMENT_MEDIA_TYPE = 'application/pdf';

/** The PDF of a pact version's document. */
export function renderPactDocument(content: PactDocumentContent): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const createdAt = new Date(content.metadata.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
    lang: 'it-IT',
    displayTitle: true,
    bufferPages: true,
    font: regular as unknown as string,
    info: {
      Title: content.metadata.title,
      Subject: content.metadata.subject,
      Keywords: content.metadata.keywords,
      Author: 'Servizi al Lavoro',
      Creator: 'sal-journey-engine',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font('bold').fontSize(18).text(content.title, { align: 'center' });
  doc.font('regular').fontSize(11).text(content.subtitle, { align: 'center' });
  doc.moveDown(0.3).fontSize(9).fillColor(GREY).text(content.reference, { align: 'center' }).fillColor('black');
  doc.moveDown(1);

  for (const section of content.sections) {
    keepSpace(doc, 60);
    doc.font('bold').fontSize(12).text(section.heading);
    const y = doc.y + 2;
    doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.moveDown(0.4);
    for (const block of section.blocks) renderBlock(doc, block);
    doc.moveDown(0.6);
  }

  renderSignatures(doc, content, width);
  renderFooters(doc, content.reference);
  doc.end();
  return done;
}

function renderBlock(doc: PDFKit.PDFDocument, block: PactDocumentBlock): void {
  doc.fontSize(10);
  if (block.kind === 'paragraph') {
    doc.font('regular').text(block.text, { align: 'justify' });
  } else if (block.kind === 'list') {
    for (const item of block.items) {
      keepSpace(doc, 24);
      doc.font('regular').text(`•  ${item}`, { indent: 0 });
      doc.moveDown(0.2);
    }
  } else {
    for (const field of block.fields) {
      keepSpace(doc, 24);
      doc.font('bold').text(`${field.label}: `, { continued: true }).font('regular').text(field.value);
      doc.moveDown(0.15);
    }
  }
  doc.moveDown(0.3);
}

function renderSignatures(doc: PDFKit.PDFDocument, content: PactDocumentContent, width: number): void {
  keepSpace(doc, 150);
  doc.moveDown(0.5).font('regular').fontSize(10).text('Luogo e data: ______________________________');
  doc.moveDown(2.5);
  const top = doc.y;
  const column = width / content.signatures.length;
  content.signatures.forEach((s, i) => {
    const x = MARGIN + i * column;
    doc.moveTo(x + 10, top).lineTo(x + column - 20, top).lineWidth(0.7).strokeColor('black').stroke();
    doc.font('bold').fontSize(10).text(s.role, x + 10, top + 6, { width: column - 30 });
    doc.font('regular').fontSize(9).text(s.name, x + 10, doc.y + 2, { width: column - 30 });
  });
  doc.x = MARGIN;
}

/** Starts a new page unless `points` fit above the bottom margin. */
function keepSpace(doc: PDFKit.PDFDocument, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function renderFooters(doc: PDFKit.PDFDocument, reference: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing in the bottom margin must not open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 12;
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(reference, MARGIN, y, { width: doc.page.width - MARGIN * 2, align: 'left', lineBreak: false });
    doc.text(`Pagina ${i + 1} di ${range.count}`, MARGIN, y, { width: doc.page.width - MARGIN * 2, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}
