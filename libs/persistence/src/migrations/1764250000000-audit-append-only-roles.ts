import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables no role but their owner may change or empty: the evidence of what happened and who did it. */
export const APPEND_ONLY_TABLES = ['audit_log', 'journey_events'] as const;

/**
 * The audit log becomes complete and unforgeable by the application:
 * - `entry_id` names each entry (unique), so an entry buffered while the database was down is replayed exactly once;
 *   `request_id` ties a mutating request's `requested` entry (written before anything is sent) to its outcome entry.
 * - TRUNCATE is refused by a trigger, as updates and deletes already are.
 * - Every role but the owner loses UPDATE, DELETE and TRUNCATE on the append-only tables (the embedded default grants
 *   the application role SELECT, INSERT, UPDATE, DELETE on every table the owner creates; see infra's
 *   `ensureDatabaseRoles`). Run as the owner, this migration does not need to know the application role's name.
 */
export class AuditAppendOnlyRoles1764250000000 implements MigrationInterface {
  name = 'AuditAppendOnlyRoles1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN entry_id uuid, ADD COLUMN request_id uuid`);
    await q.query(`CREATE UNIQUE INDEX audit_log_entry_id_idx ON audit_log (entry_id)`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_outcome_check`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_outcome_check CHECK (outcome IN ('requested', 'ok', 'refused', 'failed'))`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await revokeChangesOnAppendOnlyTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_outcome_check`);
    // Rows written since cannot be removed (append-only): their outcome stays readable as text.
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_outcome_check CHECK (outcome IN ('requested', 'ok', 'refused', 'failed')) NOT VALID`);
    await q.query(`DROP INDEX audit_log_entry_id_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN request_id, DROP COLUMN entry_id`);
  }
}

/** UPDATE, DELETE, TRUNCATE on the append-only tables are taken back from PUBLIC and every grantee but the owner. */
export async function revokeChangesOnAppendOnlyTables(q: Pick<QueryRunner, 'query'>): Promise<void> {
  const tables = APPEND_ONLY_TABLES.join(', ');
  await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${tables} FROM PUBLIC`);
  await q.query(`
    DO $$
    DECLARE grantee text;
    BEGIN
      FOR grantee IN
        SELECT DISTINCT a.grantee::regrole::text
        FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
        WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relname IN (${APPEND_ONLY_TABLES.map((t) => `'${t}'`).join(', ')})
          AND a.grantee <> 0 AND a.grantee <> c.relowner
      LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON ${tables} FROM %s', grantee);
      END LOOP;
    END $$`);
}
