import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who read or did what on which journey: append-only, like the events. */
export class AuditLog1764220000000 implements MigrationInterface {
  name = 'AuditLog1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id         bigserial   PRIMARY KEY,
        at         timestamptz NOT NULL DEFAULT now(),
        subject    varchar(64) NOT NULL,
        role       varchar(32) NOT NULL,
        offices    text[]      NOT NULL,
        method     varchar(8)  NOT NULL,
        route      text        NOT NULL,
        journey_id varchar(64),
        office_id  varchar(64),
        status     integer     NOT NULL,
        outcome    varchar(16) NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed'))
      )`);
    await q.query(`CREATE INDEX audit_log_journey_idx ON audit_log (journey_id, at DESC) WHERE journey_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject, at DESC)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
