import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The events log and the first read model: journeys and their pact actions. */
export class CreateReadModel1764158400000 implements MigrationInterface {
  name = 'CreateReadModel1764158400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE journey_events (
        journey_id  varchar(64) NOT NULL,
        seq         integer     NOT NULL CHECK (seq > 0),
        type        varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        data        jsonb       NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (journey_id, seq)
      )`);
    // Append-only: the log is evidence, so updates and deletes are refused by the database itself.
    await q.query(`
      CREATE FUNCTION journey_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'journey_events is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER journey_events_no_update_delete BEFORE UPDATE OR DELETE ON journey_events
      FOR EACH ROW EXECUTE FUNCTION journey_events_append_only()`);
    await q.query(`
      CREATE TABLE journeys (
        journey_id              varchar(64) PRIMARY KEY,
        programme_code          varchar(32) NOT NULL,
        office_id               varchar(64) NOT NULL,
        stage                   varchar(32) NOT NULL,
        status                  varchar(16) NOT NULL,
        fiscal_code             varchar(16) NOT NULL,
        given_name              text        NOT NULL,
        family_name             text        NOT NULL,
        did_date                date        NOT NULL,
        started_at              timestamptz NOT NULL,
        taken_in_charge_at      timestamptz,
        intake_operator_id      varchar(64),
        responsible_operator_id varchar(64),
        pact_version            integer,
        pact_signed_at          timestamptz,
        profiling_class         varchar(16),
        closed_at               timestamptz,
        closure_reason          varchar(32),
        overdue_action_count    integer     NOT NULL DEFAULT 0,
        next_deadline_at        timestamptz,
        last_seq                integer     NOT NULL,
        updated_at              timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX journeys_office_stage_status_idx ON journeys (office_id, stage, status, started_at DESC)`);
    await q.query(`CREATE INDEX journeys_overdue_idx ON journeys (office_id, started_at DESC) WHERE overdue_action_count > 0`);
    await q.query(`
      CREATE TABLE pact_actions (
        journey_id    varchar(64) NOT NULL REFERENCES journeys (journey_id) ON DELETE CASCADE,
        action_id     varchar(16) NOT NULL,
        office_id     varchar(64) NOT NULL,
        pact_version  integer     NOT NULL,
        kind          varchar(32) NOT NULL,
        description   text        NOT NULL,
        due_at        timestamptz NOT NULL,
        status        varchar(16) NOT NULL,
        overdue_since timestamptz,
        completed_at  timestamptz,
        completed_by  varchar(64),
        PRIMARY KEY (journey_id, action_id)
      )`);
    await q.query(`CREATE INDEX pact_actions_office_status_due_idx ON pact_actions (office_id, status, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pact_actions`);
    await q.query(`DROP TABLE journeys`);
    await q.query(`DROP TABLE journey_events`);
    await q.query(`DROP FUNCTION journey_events_append_only()`);
  }
}
