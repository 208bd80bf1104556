import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issues 19 and 15, staged intake rows at scale and past retention: the preview finds the same person earlier in the
 * file by an index on the staged people (instead of remembering every person of the file in the API's memory), which
 * also serves the erasure of a person's staged rows; the erasure of a journey finds the staged row that started it
 * by its journey id; a batch records when its
 * rows' personal data was minimised (`erased_at`).
 */
export class ImportRetention1764301000000 implements MigrationInterface {
  name = 'ImportRetention1764301000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX import_rows_person_idx ON import_rows (person_ref, batch_id, line) WHERE person_ref IS NOT NULL`);
    await q.query(`CREATE INDEX import_rows_journey_idx ON import_rows (journey_id) WHERE journey_id IS NOT NULL`);
    await q.query(`ALTER TABLE import_batches ADD COLUMN erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batches DROP COLUMN erased_at`);
    await q.query(`DROP INDEX import_rows_journey_idx`);
    await q.query(`DROP INDEX import_rows_person_idx`);
  }
}
