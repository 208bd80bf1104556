import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Journeys whose projection or notices keep failing, for supervisors, administrators and the metrics. */
export class SideEffectFailures1764251100000 implements MigrationInterface {
  name = 'SideEffectFailures1764251100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE side_effect_failures (
        journey_id       varchar(64) NOT NULL,
        stream           varchar(16) NOT NULL,
        office_id        varchar(64) NOT NULL,
        type             varchar(32) NOT NULL,
        error            text        NOT NULL,
        first_seq        integer,
        attempts         integer     NOT NULL DEFAULT 1,
        first_failed_at  timestamptz NOT NULL DEFAULT now(),
        last_failed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (journey_id, stream)
      )`);
    await q.query(`CREATE INDEX side_effect_failures_office_idx ON side_effect_failures (office_id, first_failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE side_effect_failures`);
  }
}
