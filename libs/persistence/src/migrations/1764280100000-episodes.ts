import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Episodes (issue 14): on `journeys`, the person (`person_ref`, the keyed hash `prs_…`) and the episodes before and
 * after; `person_open_journeys`, the lock that keeps at most one open journey per person. The migration cannot compute
 * `person_ref` (it has no `JOURNEY_ID_KEY`): the API fills it for rows without one at start-up, and takes the lock for
 * their open journeys (`backfillPersonRefs`).
 */
export class Episodes1764280100000 implements MigrationInterface {
  name = 'Episodes1764280100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN person_ref           varchar(36),
        ADD COLUMN previous_journey_id  varchar(64),
        ADD COLUMN next_journey_id      varchar(64)`);
    await q.query(`CREATE INDEX journeys_person_ref_idx ON journeys (person_ref, started_at) WHERE person_ref IS NOT NULL`);
    await q.query(`
      CREATE TABLE person_open_journeys (
        person_ref   varchar(36)  PRIMARY KEY,
        journey_id   varchar(64)  NOT NULL,
        office_id    varchar(64)  NOT NULL,
        reserved_at  timestamptz  NOT NULL
      )`);
    await q.query(`CREATE INDEX person_open_journeys_journey_idx ON person_open_journeys (journey_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_open_journeys`);
    await q.query(`DROP INDEX journeys_person_ref_idx`);
    await q.query(`ALTER TABLE journeys DROP COLUMN person_ref, DROP COLUMN previous_journey_id, DROP COLUMN next_journey_id`);
  }
}
