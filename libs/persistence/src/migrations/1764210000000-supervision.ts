import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What supervisors ask of the read model: stalled cases (why, since when) and overdue actions, per office. */
export class Supervision1764210000000 implements MigrationInterface {
  name = 'Supervision1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN catalogue_version   integer,
        ADD COLUMN stalled_since       timestamptz,
        ADD COLUMN stall_reasons       text[]      NOT NULL DEFAULT '{}',
        ADD COLUMN last_progress_at    timestamptz,
        ADD COLUMN next_contact_due_at timestamptz,
        ADD COLUMN pact_deadline_at    timestamptz`);
    await q.query(`
      ALTER TABLE pact_actions
        ADD COLUMN responsible_operator_id varchar(64),
        ADD COLUMN reminder_sent_at        timestamptz,
        ADD COLUMN escalated_at            timestamptz`);
    // Partial indexes: stalled journeys and overdue actions are a small, hot part of hundreds of thousands of rows.
    await q.query(`CREATE INDEX journeys_stalled_idx ON journeys (office_id, stalled_since) WHERE stalled_since IS NOT NULL`);
    await q.query(`CREATE INDEX journeys_office_closed_idx ON journeys (office_id, closed_at) WHERE closed_at IS NOT NULL`);
    await q.query(`CREATE INDEX pact_actions_overdue_idx ON pact_actions (office_id, due_at) WHERE status = 'overdue'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX pact_actions_overdue_idx`);
    await q.query(`DROP INDEX journeys_office_closed_idx`);
    await q.query(`DROP INDEX journeys_stalled_idx`);
    await q.query(`ALTER TABLE pact_actions DROP COLUMN responsible_operator_id, DROP COLUMN reminder_sent_at, DROP COLUMN escalated_at`);
    await q.query(`
      ALTER TABLE journeys DROP COLUMN catalogue_version, DROP COLUMN stalled_since, DROP COLUMN stall_reasons,
        DROP COLUMN last_progress_at, DROP COLUMN next_contact_due_at, DROP COLUMN pact_deadline_at`);
  }
}
