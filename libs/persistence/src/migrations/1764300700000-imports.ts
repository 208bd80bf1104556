import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, bulk intake: an uploaded list (CSV or XLSX) staged as a batch of rows, each with the verdict of its
 * preview and, once the batch runs, the outcome of its journey's start. Rows hold the person's data as the file gave
 * it (personal data, never in Temporal: the import workflow sees only the batch id and line numbers).
 */
export class Imports1764300700000 implements MigrationInterface {
  name = 'Imports1764300700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_batches (
        batch_id      uuid         PRIMARY KEY,
        created_by    varchar(64)  NOT NULL,
        created_role  varchar(32)  NOT NULL,
        caller_offices text[],
        file_type     varchar(8)   NOT NULL CONSTRAINT import_batches_file_type_check CHECK (file_type IN ('csv', 'xlsx')),
        status        varchar(16)  NOT NULL DEFAULT 'previewed' CONSTRAINT import_batches_status_check CHECK (status IN ('previewed', 'running', 'finished')),
        row_count     integer      NOT NULL DEFAULT 0,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        started_at    timestamptz,
        finished_at   timestamptz
      )`);
    await q.query(`
      CREATE TABLE import_rows (
        batch_id        uuid         NOT NULL REFERENCES import_batches (batch_id) ON DELETE CASCADE,
        line            integer      NOT NULL,
        person_ref      varchar(64),
        office_id       varchar(64),
        verdict         varchar(16)  NOT NULL CONSTRAINT import_rows_verdict_check CHECK (verdict IN ('ok', 'refused')),
        reason          text,
        data            jsonb        NOT NULL,
        outcome         varchar(16)  CONSTRAINT import_rows_outcome_check CHECK (outcome IN ('started', 'refused')),
        outcome_reason  text,
        journey_id      varchar(64),
        processed_at    timestamptz,
        PRIMARY KEY (batch_id, line)
      )`);
    await q.query(`CREATE INDEX import_rows_pending_idx ON import_rows (batch_id, line) WHERE verdict = 'ok' AND outcome IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_rows`);
    await q.query(`DROP TABLE import_batches`);
  }
}
