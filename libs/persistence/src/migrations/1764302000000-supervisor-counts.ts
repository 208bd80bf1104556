import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, national scale: the totals of the two big time-derived lists (overdue actions, stalled cases) without
 * counting an office's whole set. Time makes an action overdue or a journey stalled without any event, so no counter
 * of "overdue" can be kept; what the projection can keep exactly is how many rows fall due on each (UTC) day. The
 * rows the list would count at instant t are then the rows already marked (bucket `-infinity`), plus the pending ones
 * due on a day before t's (a sum of buckets), plus the few pending ones due between t's midnight and t (counted off
 * the partial indexes `pact_actions_falls_due_idx` / `journeys_stalls_at_idx`): exact at any instant.
 *
 * The buckets are kept by statement-level triggers on `pact_actions` and `journeys`, in the transaction of the rows
 * they count (the projection's, the rebuild's, an erasure's, a migration's backfill), so they can never drift; a
 * TRUNCATE empties them. Which bucket a row belongs to is one SQL function per table (`*_bucket_of`), the mirror of
 * `openActionOverdueAt` and `stalledAt` in at-instant.ts (see there); `supervisor_counts_rebuild()` recomputes both
 * tables from the rows (after a bulk load with the triggers disabled, as the bench's seed does).
 */
export class SupervisorCounts1764302000000 implements MigrationInterface {
  name = 'SupervisorCounts1764302000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE overdue_action_buckets (
        office_id varchar(64) NOT NULL,
        due_day date NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (office_id, due_day)
      )`);
    await q.query(`
      CREATE TABLE stall_buckets (
        office_id varchar(64) NOT NULL,
        due_day date NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (office_id, due_day)
      )`);
    // An action of an open journey that the overdue list may count: marked overdue (whatever the instant), or pending
    // with a due instant (from that instant's day on); NULL when it can never be listed as it is.
    await q.query(`
      CREATE FUNCTION overdue_action_bucket_of(journey_open boolean, status text, falls_due_at timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN NOT journey_open THEN NULL
          WHEN status = 'overdue' THEN '-infinity'::date
          WHEN status = 'pending' AND falls_due_at IS NOT NULL THEN (falls_due_at AT TIME ZONE 'UTC')::date
        END
      $$`);
    // An open journey that the stalled list may count: its stall decided (whatever the instant), or a stalling
    // deadline while not suspended for a job (from that deadline's day on).
    await q.query(`
      CREATE FUNCTION stall_bucket_of(status text, stalled_since timestamptz, pause_kind text, stalls_at timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN status IS DISTINCT FROM 'open' THEN NULL
          WHEN stalled_since IS NOT NULL THEN '-infinity'::date
          WHEN stalls_at IS NOT NULL AND pause_kind IS DISTINCT FROM 'job' THEN (stalls_at AT TIME ZONE 'UTC')::date
        END
      $$`);
    for (const t of TABLES) {
      // Each statement's rows, folded into one change per bucket and applied in the buckets' order.
      const apply = (source: string) => `
        INSERT INTO ${t.buckets} AS b (office_id, due_day, n)
        SELECT office_id, due_day, sum(d) FROM (${source}) x
         WHERE due_day IS NOT NULL GROUP BY office_id, due_day HAVING sum(d) <> 0 ORDER BY office_id, due_day
        ON CONFLICT (office_id, due_day) DO UPDATE SET n = b.n + EXCLUDED.n;`;
      const rows = (alias: string, d: number) => `SELECT office_id, ${t.bucketOf} AS due_day, ${d} AS d FROM ${alias}`;
      await q.query(`CREATE FUNCTION ${t.table}_buckets_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${apply(rows('new_rows', 1))} RETURN NULL; END $$`);
      await q.query(`CREATE FUNCTION ${t.table}_buckets_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${apply(rows('old_rows', -1))} RETURN NULL; END $$`);
      await q.query(
        `CREATE FUNCTION ${t.table}_buckets_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${apply(`${rows('old_rows', -1)} UNION ALL ${rows('new_rows', 1)}`)} RETURN NULL; END $$`,
      );
      await q.query(`CREATE FUNCTION ${t.table}_buckets_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM ${t.buckets}; RETURN NULL; END $$`);
      await q.query(`CREATE TRIGGER ${t.table}_buckets_insert AFTER INSERT ON ${t.table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${t.table}_buckets_insert()`);
      await q.query(`CREATE TRIGGER ${t.table}_buckets_delete AFTER DELETE ON ${t.table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${t.table}_buckets_delete()`);
      await q.query(
        `CREATE TRIGGER ${t.table}_buckets_update AFTER UPDATE ON ${t.table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${t.table}_buckets_update()`,
      );
      await q.query(`CREATE TRIGGER ${t.table}_buckets_truncate AFTER TRUNCATE ON ${t.table} FOR EACH STATEMENT EXECUTE FUNCTION ${t.table}_buckets_truncate()`);
    }
    await q.query(`
      CREATE FUNCTION supervisor_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${TABLES.map(
          (t) => `DELETE FROM ${t.buckets};
        INSERT INTO ${t.buckets} (office_id, due_day, n)
        SELECT office_id, ${t.bucketOf} AS due_day, count(*) FROM ${t.table}
         WHERE ${t.bucketOf} IS NOT NULL GROUP BY 1, 2;`,
        ).join('\n        ')}
      END $$`);
    await q.query(`SELECT supervisor_counts_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION supervisor_counts_rebuild()`);
    for (const t of TABLES) {
      for (const op of ['insert', 'delete', 'update', 'truncate']) {
        await q.query(`DROP TRIGGER ${t.table}_buckets_${op} ON ${t.table}`);
        await q.query(`DROP FUNCTION ${t.table}_buckets_${op}()`);
      }
    }
    await q.query(`DROP FUNCTION stall_bucket_of(text, timestamptz, text, timestamptz)`);
    await q.query(`DROP FUNCTION overdue_action_bucket_of(boolean, text, timestamptz)`);
    await q.query(`DROP TABLE stall_buckets`);
    await q.query(`DROP TABLE overdue_action_buckets`);
  }
}

const TABLES = [
  { table: 'pact_actions', buckets: 'overdue_action_buckets', bucketOf: 'overdue_action_bucket_of(journey_open, status, falls_due_at)' },
  { table: 'journeys', buckets: 'stall_buckets', bucketOf: 'stall_bucket_of(status, stalled_since, pause_kind, stalls_at)' },
] as const;
