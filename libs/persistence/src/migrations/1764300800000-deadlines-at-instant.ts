import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, answers exact at the instant they are asked: the read model keeps each journey's deadlines still pending
 * (where the pauses put them), so a view compares them with the request's `now` instead of waiting for the workflow's
 * timers to mark them. Partial indexes on the open deadlines serve those predicates. Rows projected before this
 * migration get the pact's agreed dates for their pending actions (pauses are counted once `npm run
 * rebuild-read-model` or the next projection rewrites them); the journeys' new columns fill in the same way.
 */
export class DeadlinesAtInstant1764300800000 implements MigrationInterface {
  name = 'DeadlinesAtInstant1764300800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pact_actions ADD COLUMN falls_due_at timestamptz`);
    await q.query(`UPDATE pact_actions SET falls_due_at = due_at WHERE status = 'pending'`);
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN next_action_due_at timestamptz,
        ADD COLUMN pact_deadline_due_at timestamptz,
        ADD COLUMN first_contact_due_at timestamptz,
        ADD COLUMN no_progress_due_at timestamptz,
        ADD COLUMN stalls_at timestamptz`);
    await q.query(`
      UPDATE journeys j SET next_action_due_at = a.due
        FROM (SELECT journey_id, min(falls_due_at) AS due FROM pact_actions WHERE status = 'pending' GROUP BY journey_id) a
       WHERE a.journey_id = j.journey_id AND j.status = 'open'`);
    await q.query(`UPDATE journeys SET stalls_at = LEAST(next_action_due_at, next_contact_due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX pact_actions_falls_due_idx ON pact_actions (office_id, falls_due_at) WHERE status = 'pending' AND falls_due_at IS NOT NULL`);
    await q.query(`CREATE INDEX journeys_stalls_at_idx ON journeys (office_id, stalls_at) WHERE status = 'open' AND stalls_at IS NOT NULL`);
    await q.query(`CREATE INDEX journeys_next_action_due_idx ON journeys (office_id, next_action_due_at) WHERE next_action_due_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journeys_next_action_due_idx`);
    await q.query(`DROP INDEX journeys_stalls_at_idx`);
    await q.query(`DROP INDEX pact_actions_falls_due_idx`);
    await q.query(`ALTER TABLE journeys DROP COLUMN stalls_at, DROP COLUMN no_progress_due_at, DROP COLUMN first_contact_due_at, DROP COLUMN pact_deadline_due_at, DROP COLUMN next_action_due_at`);
    await q.query(`ALTER TABLE pact_actions DROP COLUMN falls_due_at`);
  }
}
