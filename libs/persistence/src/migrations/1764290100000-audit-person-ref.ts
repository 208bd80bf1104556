import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person an audit entry is about (issue 15, GDPR access): `person_ref` (`prs_…`, the keyed hash of the fiscal code,
 * never the code itself) on the requests that name a person — an export of their data, a listing of their episodes —
 * with a partial index to find them. Entries before it name no person (null); the column is only ever added to, like
 * the rest of the append-only log.
 */
export class AuditPersonRef1764290100000 implements MigrationInterface {
  name = 'AuditPersonRef1764290100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN person_ref varchar(36)`);
    await q.query(`CREATE INDEX audit_log_person_idx ON audit_log (person_ref, at DESC) WHERE person_ref IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_person_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN person_ref`);
  }
}
