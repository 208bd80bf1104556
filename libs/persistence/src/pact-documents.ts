import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** What a stored document is: the version's generated PDF, or the signed copy uploaded back. */
export const PACT_DOCUMENT_KINDS = ['generated', 'signed'] as const;
export type PactDocumentKind = (typeof PACT_DOCUMENT_KINDS)[number];

/** A stored document without its bytes: what the journey, the API's headers and the audit may name. */
export interface PactDocumentInfo {
  documentId: string;
  journeyId: string;
  version: number;
  kind: PactDocumentKind;
  sha256: string;
  mediaType: string;
  size: number;
  createdAt: string;
  uploadedBy: string | null;
}

export interface PactDocument extends PactDocumentInfo {
  content: Buffer;
}

/** The SHA-256 of a document's bytes, lower-case hex. */
export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

interface Row {
  document_id: string;
  journey_id: string;
  version: number;
  kind: PactDocumentKind;
  sha256: string;
  media_type: string;
  size: number;
  created_at: Date;
  uploaded_by: string | null;
  content?: Buffer;
}

const INFO_COLUMNS = 'document_id, journey_id, version, kind, sha256, media_type, size, created_at, uploaded_by';

function toInfo(r: Row): PactDocumentInfo {
  return {
    documentId: r.document_id,
    journeyId: r.journey_id,
    version: r.version,
    kind: r.kind,
    sha256: r.sha256.trim(),
    mediaType: r.media_type,
    size: r.size,
    createdAt: r.created_at.toISOString(),
    uploadedBy: r.uploaded_by,
  };
}

/**
 * The pact's documents (`pact_documents`): each version's generated PDF, written once, and the signed copies
 * uploaded back. They hold personal data: {@link erasePactDocuments} removes a journey's.
 */
export class PactDocuments {
  constructor(private readonly dataSource: DataSource) {}

  /** The versions of a journey's pact that have their generated document. */
  async generatedVersions(journeyId: string): Promise<number[]> {
    const rows: { version: number }[] = await this.dataSource.query(`SELECT version FROM pact_documents WHERE journey_id = $1 AND kind = 'generated'`, [journeyId]);
    return rows.map((r) => r.version);
  }

  /** Stores a version's generated document unless it has one (a retry writes nothing): the stored one is answered. */
  async storeGenerated(journeyId: string, version: number, content: Buffer, mediaType: string): Promise<PactDocumentInfo> {
    await this.dataSource.query(
      `INSERT INTO pact_documents (document_id, journey_id, version, kind, sha256, media_type, size, content)
       VALUES ($1, $2, $3, 'generated', $4, $5, $6, $7)
       ON CONFLICT (journey_id, version) WHERE kind = 'generated' DO NOTHING`,
      [randomUUID(), journeyId, version, sha256Of(content), mediaType, content.length, content],
    );
    return (await this.latestInfo(journeyId, version, 'generated'))!;
  }

  /** Stores a signed copy uploaded by `uploadedBy` (the caller's token subject). */
  async storeSigned(journeyId: string, version: number, content: Buffer, mediaType: string, uploadedBy: string): Promise<PactDocumentInfo> {
    const documentId = randomUUID();
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO pact_documents (document_id, journey_id, version, kind, sha256, media_type, size, content, uploaded_by)
       VALUES ($1, $2, $3, 'signed', $4, $5, $6, $7, $8) RETURNING ${INFO_COLUMNS}`,
      [documentId, journeyId, version, sha256Of(content), mediaType, content.length, content, uploadedBy],
    );
    return toInfo(rows[0]);
  }

  /** Removes one stored document (a signed copy whose acceptance the journey refused). */
  async remove(documentId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM pact_documents WHERE document_id = $1', [documentId]);
  }

  /** The latest document of a kind for a version, with its bytes, or null. */
  async latest(journeyId: string, version: number, kind: PactDocumentKind): Promise<PactDocument | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${INFO_COLUMNS}, content FROM pact_documents WHERE journey_id = $1 AND version = $2 AND kind = $3 ORDER BY created_at DESC, document_id LIMIT 1`,
      [journeyId, version, kind],
    );
    return rows[0] ? { ...toInfo(rows[0]), content: rows[0].content! } : null;
  }

  /** The same, without the bytes. */
  async latestInfo(journeyId: string, version: number, kind: PactDocumentKind): Promise<PactDocumentInfo | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${INFO_COLUMNS} FROM pact_documents WHERE journey_id = $1 AND version = $2 AND kind = $3 ORDER BY created_at DESC, document_id LIMIT 1`,
      [journeyId, version, kind],
    );
    return rows[0] ? toInfo(rows[0]) : null;
  }
}

/**
 * Erases a journey's pact documents, generated and signed (their bytes carry the person's name and fiscal code), for
 * the minimisation of a closed journey's personal data after its retention. Answers how many were removed; the
 * journey's history keeps only a signed copy's id and hash.
 */
export async function erasePactDocuments(m: EntityManager | DataSource, journeyId: string): Promise<number> {
  const rows: { n: number }[] = await m.query('WITH d AS (DELETE FROM pact_documents WHERE journey_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d', [journeyId]);
  return rows[0].n;
}
