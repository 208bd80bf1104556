import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The staff directory, the notification outbox and its delivery attempts. */
export class Notifications1764200000000 implements MigrationInterface {
  name = 'Notifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_members (
        staff_id     varchar(64) PRIMARY KEY,
        office_id    varchar(64) NOT NULL,
        role         varchar(16) NOT NULL CHECK (role IN ('operator', 'supervisor')),
        email        text        NOT NULL,
        display_name text        NOT NULL,
        active       boolean     NOT NULL DEFAULT true,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX staff_members_office_role_idx ON staff_members (office_id, role)`);
    // gen_random_uuid() is built into PostgreSQL 13 and later.
    await q.query(`
      CREATE TABLE notification_outbox (
        id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        dedup_key       text        NOT NULL UNIQUE,
        notice_key      text        NOT NULL,
        journey_id      varchar(64) NOT NULL,
        office_id       varchar(64) NOT NULL,
        kind            varchar(48) NOT NULL,
        audience        varchar(16) NOT NULL CHECK (audience IN ('beneficiary', 'operator', 'supervisor')),
        recipient_ref   varchar(64) NOT NULL,
        to_address      text,
        subject         text        NOT NULL,
        body            text        NOT NULL,
        status          varchar(16) NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'undeliverable')),
        attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until     timestamptz,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        CHECK (status = 'undeliverable' OR to_address IS NOT NULL),
        CHECK (status <> 'sending' OR lease_until IS NOT NULL)
      )`);
    // The dispatcher's question: what is due (pending) or abandoned (sending past its lease)?
    await q.query(`
      CREATE INDEX notification_outbox_due_idx ON notification_outbox (status, next_attempt_at)
      WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX notification_outbox_notice_idx ON notification_outbox (notice_key)`);
    await q.query(`CREATE INDEX notification_outbox_journey_idx ON notification_outbox (journey_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_outbox_office_status_idx ON notification_outbox (office_id, status, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification_delivery_attempts (
        id            bigserial   PRIMARY KEY,
        outbox_id     uuid        NOT NULL REFERENCES notification_outbox (id) ON DELETE CASCADE,
        attempted_at  timestamptz NOT NULL DEFAULT now(),
        outcome       varchar(16) NOT NULL CHECK (outcome IN ('sent', 'failed')),
        error         text,
        smtp_response text
      )`);
    await q.query(`CREATE INDEX notification_delivery_attempts_outbox_idx ON notification_delivery_attempts (outbox_id, attempted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_delivery_attempts`);
    await q.query(`DROP TABLE notification_outbox`);
    await q.query(`DROP TABLE staff_members`);
  }
}
