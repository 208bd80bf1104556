import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, the pact as a document: each pact version's generated PDF and the signed copies uploaded back, with their
 * SHA-256. Personal data (the person's name and fiscal code are printed on them): kept outside Temporal, whose history
 * holds only a signed copy's id and hash, and erased with the journey's other personal data (`erasePactDocuments`).
 * A version's generated document is written once (the unique index), whatever retries of its activity do.
 */
export class PactDocuments1764300600000 implements MigrationInterface {
  name = 'PactDocuments1764300600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pact_documents (
        document_id  uuid         PRIMARY KEY,
        journey_id   varchar(64)  NOT NULL,
        version      integer      NOT NULL,
        kind         varchar(16)  NOT NULL CONSTRAINT pact_documents_kind_check CHECK (kind IN ('generated', 'signed')),
        sha256       char(64)     NOT NULL,
        media_type   varchar(64)  NOT NULL,
        size         integer      NOT NULL,
        content      bytea        NOT NULL,
        created_at   timestamptz  NOT NULL DEFAULT now(),
        uploaded_by  varchar(64)
      )`);
    await q.query(`CREATE UNIQUE INDEX pact_documents_generated_once ON pact_documents (journey_id, version) WHERE kind = 'generated'`);
    await q.query(`CREATE INDEX pact_documents_journey_idx ON pact_documents (journey_id, version, kind, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pact_documents`);
  }
}
