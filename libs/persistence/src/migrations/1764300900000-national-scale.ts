import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, national scale: at a million journeys an office's first page with its total must come off an index. The
 * stalled cases are ordered by an expression of the row (`stalledOrderAt` in at-instant.ts) that an index holds, with
 * the columns the exact-at-instant condition reads included, so the total is an index-only count. The overdue actions
 * carry whether their journey is open (written by the projection from the journey's state), so an office's overdue
 * actions are listed and counted from one partial index without visiting the journeys; the services' figures of an
office are summed from an index that includes the hours and sessions. EXPLAIN (ANALYZE, BUFFERS) of
 * each view at 1,000,000 journeys: test/bench/README.md.
 */
export class NationalScale1764300900000 implements MigrationInterface {
  name = 'NationalScale1764300900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pact_actions ADD COLUMN journey_open boolean NOT NULL DEFAULT true`);
    await q.query(`UPDATE pact_actions a SET journey_open = false FROM journeys j WHERE j.journey_id = a.journey_id AND j.status <> 'open'`);
    await q.query(`
      CREATE INDEX pact_actions_open_overdue_order_idx ON pact_actions (office_id, due_at, journey_id, action_id)
        INCLUDE (status, falls_due_at)
        WHERE journey_open AND status IN ('overdue', 'pending')`);
    await q.query(`
      CREATE INDEX journeys_stalled_order_idx ON journeys (office_id, (LEAST(stalled_since, CASE WHEN pause_kind IS DISTINCT FROM 'job' THEN stalls_at END)), journey_id)
        INCLUDE (stalled_since, stalls_at, pause_kind)
        WHERE status = 'open' AND (stalled_since IS NOT NULL OR stalls_at IS NOT NULL)`);
    // The services' figures of an office summed index-only (hours and sessions included).
    await q.query(`CREATE INDEX journey_services_office_figures_idx ON journey_services (office_id, service, programme_code, status) INCLUDE (hours, sessions)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journey_services_office_figures_idx`);
    await q.query(`DROP INDEX journeys_stalled_order_idx`);
    await q.query(`DROP INDEX pact_actions_open_overdue_order_idx`);
    await q.query(`ALTER TABLE pact_actions DROP COLUMN journey_open`);
  }
}
