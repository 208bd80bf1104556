import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model of the six services: appointments, services delivered per journey and conditionality steps, each
 * searchable per office; and on `journeys` what supervisors filter and count by (benefit, placement, hours delivered,
 * steps waiting for a decision, the next appointment). Rows are derived from the journey's state like the others, so
 * `npm run rebuild-read-model` fills them for journeys projected before this migration.
 */
export class ServicesReadModel1764240000000 implements MigrationInterface {
  name = 'ServicesReadModel1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN benefit_kind              varchar(16),
        ADD COLUMN benefit_application_date  date,
        ADD COLUMN first_contact_missed_at   timestamptz,
        ADD COLUMN total_service_hours       numeric(8, 2) NOT NULL DEFAULT 0,
        ADD COLUMN proposed_step_count       integer       NOT NULL DEFAULT 0,
        ADD COLUMN next_appointment_at       timestamptz,
        ADD COLUMN placement_employer        text,
        ADD COLUMN placement_contract_type   varchar(32),
        ADD COLUMN placement_start_date      date,
        ADD COLUMN placement_hours_per_week  numeric(5, 2),
        ADD COLUMN placement_recorded_at     timestamptz`);
    await q.query(`CREATE INDEX journeys_office_placement_idx ON journeys (office_id, placement_recorded_at) WHERE placement_recorded_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE appointments (
        journey_id          varchar(64) NOT NULL REFERENCES journeys (journey_id) ON DELETE CASCADE,
        appointment_id      varchar(16) NOT NULL,
        office_id           varchar(64) NOT NULL,
        programme_code      varchar(32) NOT NULL,
        service             varchar(32) NOT NULL,
        purpose             varchar(16) NOT NULL,
        at                  timestamptz NOT NULL,
        channel             varchar(16) NOT NULL,
        location            text,
        convocation         varchar(32) NOT NULL,
        convocation_valid   boolean     NOT NULL,
        operator_id         varchar(100) NOT NULL,
        status              varchar(16) NOT NULL CHECK (status IN ('scheduled', 'held', 'no_show', 'cancelled')),
        reminder_sent_at    timestamptz,
        rescheduled_count   integer     NOT NULL DEFAULT 0 CHECK (rescheduled_count >= 0),
        closed_at           timestamptz,
        cancellation_reason text,
        updated_at          timestamptz NOT NULL,
        PRIMARY KEY (journey_id, appointment_id)
      )`);
    await q.query(`CREATE INDEX appointments_office_at_idx ON appointments (office_id, at)`);
    await q.query(`CREATE INDEX appointments_office_status_at_idx ON appointments (office_id, status, at)`);

    await q.query(`
      CREATE TABLE journey_services (
        journey_id     varchar(64)   NOT NULL REFERENCES journeys (journey_id) ON DELETE CASCADE,
        service        varchar(32)   NOT NULL,
        office_id      varchar(64)   NOT NULL,
        programme_code varchar(32)   NOT NULL,
        required       boolean       NOT NULL,
        status         varchar(16)   NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed')),
        hours          numeric(8, 2) NOT NULL DEFAULT 0 CHECK (hours >= 0),
        sessions       integer       NOT NULL DEFAULT 0 CHECK (sessions >= 0),
        started_at     timestamptz,
        completed_at   timestamptz,
        PRIMARY KEY (journey_id, service)
      )`);
    await q.query(`CREATE INDEX journey_services_office_service_idx ON journey_services (office_id, service, programme_code, status)`);

    await q.query(`
      CREATE TABLE conditionality_steps (
        journey_id     varchar(64) NOT NULL REFERENCES journeys (journey_id) ON DELETE CASCADE,
        step_id        varchar(16) NOT NULL,
        office_id      varchar(64) NOT NULL,
        programme_code varchar(32) NOT NULL,
        lapse_id       varchar(16) NOT NULL,
        ladder         varchar(16) NOT NULL,
        ordinal        integer     NOT NULL CHECK (ordinal > 0),
        effect         varchar(32) NOT NULL,
        status         varchar(16) NOT NULL CHECK (status IN ('proposed', 'confirmed', 'dismissed')),
        proposed_at    timestamptz NOT NULL,
        decided_at     timestamptz,
        decided_by     varchar(100),
        appeal_due_at  timestamptz,
        appointment_id varchar(16),
        offer_id       varchar(16),
        PRIMARY KEY (journey_id, step_id)
      )`);
    // Steps waiting for an operator's decision are few and looked at all the time.
    await q.query(`CREATE INDEX conditionality_steps_proposed_idx ON conditionality_steps (office_id, proposed_at) WHERE status = 'proposed'`);
    await q.query(`CREATE INDEX conditionality_steps_office_status_idx ON conditionality_steps (office_id, status, proposed_at)`);
    // pact_actions.status is a plain varchar(16) without a CHECK constraint: 'withdrawn' fits as it is.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conditionality_steps`);
    await q.query(`DROP TABLE journey_services`);
    await q.query(`DROP TABLE appointments`);
    await q.query(`DROP INDEX journeys_office_placement_idx`);
    await q.query(`
      ALTER TABLE journeys
        DROP COLUMN benefit_kind, DROP COLUMN benefit_application_date, DROP COLUMN first_contact_missed_at,
        DROP COLUMN total_service_hours, DROP COLUMN proposed_step_count, DROP COLUMN next_appointment_at,
        DROP COLUMN placement_employer, DROP COLUMN placement_contract_type, DROP COLUMN placement_start_date,
        DROP COLUMN placement_hours_per_week, DROP COLUMN placement_recorded_at`);
  }
}
