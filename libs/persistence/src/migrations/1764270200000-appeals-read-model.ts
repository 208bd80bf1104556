import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appeals in the read model (issue 13, art. 21 c.12 D.lgs. 150/2015): a conditionality step may be `annulled` on
 * appeal, and records how and when the decision reached the person, the appeal lodged and its outcome, the sanction
 * decided before a partial annulment, and whether an appeal waits for its outcome (for the supervisors).
 * No personal data: methods, dates, codes (the receipts' references stay in the journey).
 */
export class AppealsReadModel1764270200000 implements MigrationInterface {
  name = 'AppealsReadModel1764270200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conditionality_steps DROP CONSTRAINT conditionality_steps_status_check`);
    await q.query(`ALTER TABLE conditionality_steps ADD CONSTRAINT conditionality_steps_status_check CHECK (status IN ('proposed', 'confirmed', 'dismissed', 'annulled'))`);
    await q.query(`
      ALTER TABLE conditionality_steps
        ADD COLUMN notified_at             timestamptz,
        ADD COLUMN notification_method     varchar(32),
        ADD COLUMN appeal_lodged_on        date,
        ADD COLUMN appeal_body             varchar(32),
        ADD COLUMN appeal_outcome          varchar(16),
        ADD COLUMN appeal_decided_on       date,
        ADD COLUMN original_effect         varchar(32),
        ADD COLUMN appeal_window_closed_at timestamptz,
        ADD COLUMN appeal_pending          boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX conditionality_steps_appeal_pending_idx ON conditionality_steps (office_id, proposed_at) WHERE appeal_pending`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX conditionality_steps_appeal_pending_idx`);
    await q.query(`
      ALTER TABLE conditionality_steps
        DROP COLUMN notified_at,
        DROP COLUMN notification_method,
        DROP COLUMN appeal_lodged_on,
        DROP COLUMN appeal_body,
        DROP COLUMN appeal_outcome,
        DROP COLUMN appeal_decided_on,
        DROP COLUMN original_effect,
        DROP COLUMN appeal_window_closed_at,
        DROP COLUMN appeal_pending`);
    await q.query(`DELETE FROM conditionality_steps WHERE status = 'annulled'`);
    await q.query(`ALTER TABLE conditionality_steps DROP CONSTRAINT conditionality_steps_status_check`);
    await q.query(`ALTER TABLE conditionality_steps ADD CONSTRAINT conditionality_steps_status_check CHECK (status IN ('proposed', 'confirmed', 'dismissed'))`);
  }
}
