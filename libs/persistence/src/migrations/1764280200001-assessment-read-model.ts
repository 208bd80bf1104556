import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, GOL's assessment on `journeys`: the GOL path (chosen, or the GOL-n programme a journey started under —
 * filled here for the rows already projected), the national model's last class and day, the day of the qualitative
 * assessment, and when the profiling is due for review (a partial index serves the supervisors' overdue reviews).
 * `npm run rebuild-read-model` gives the same.
 */
export class AssessmentReadModel1764280200001 implements MigrationInterface {
  name = 'AssessmentReadModel1764280200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN gol_path                 smallint,
        ADD COLUMN gol_profiling_class      varchar(16),
        ADD COLUMN profiled_on              date,
        ADD COLUMN qualitative_assessed_on  date,
        ADD COLUMN profiling_review_due_at  timestamptz`);
    await q.query(`UPDATE journeys SET gol_path = substring(programme_code from 5)::smallint WHERE programme_code ~ '^GOL-[1-5]$'`);
    await q.query(`CREATE INDEX journeys_profiling_review_idx ON journeys (office_id, profiling_review_due_at) WHERE profiling_review_due_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journeys_profiling_review_idx`);
    await q.query(`
      ALTER TABLE journeys
        DROP COLUMN gol_path,
        DROP COLUMN gol_profiling_class,
        DROP COLUMN profiled_on,
        DROP COLUMN qualitative_assessed_on,
        DROP COLUMN profiling_review_due_at`);
  }
}
