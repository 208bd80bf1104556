import type { EntityManager } from 'typeorm';
import { notSuspended } from './at-instant';

/**
 * Issue 17, national scale: the totals of the overdue-actions and stalled-cases lists at an instant, from the day
 * buckets the read model keeps (migration `SupervisorCounts1764302000000`) instead of counting an office's rows. At
 * instant t the list holds the rows already marked (bucket `-infinity`), the pending ones whose deadline fell on a
 * UTC day before t's (the buckets before t's day), and those whose deadline fell since t's midnight, up to t (counted
 * off the partial index of the deadline: at most a day's worth). The same conditions as `openActionOverdueAt` and
 * `stalledAt` (at-instant.ts); `test/integration/kept-totals.spec.ts` checks the totals equal the lists' counts.
 */

/** `office_id` among the offices (every office when not given), with the array bound as `$2`. */
function officeCondition(column: string, officeIds: string[] | undefined): { sql: string; params: unknown[] } {
  if (officeIds === undefined) return { sql: 'TRUE', params: [] };
  return { sql: `${column} = ANY($2)`, params: [officeIds] };
}

const DAY_OF_NOW = `(CAST($1 AS timestamptz) AT TIME ZONE 'UTC')::date`;
const MIDNIGHT_OF_NOW = `(date_trunc('day', CAST($1 AS timestamptz) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

async function total(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [{ total }] = (await manager.query(sql, params)) as { total: string | number }[];
  return Number(total);
}

/** How many actions of open journeys are overdue at `now` (the overdue-actions list's total). */
export function keptOverdueActionTotal(manager: EntityManager, officeIds: string[] | undefined, now: string): Promise<number> {
  const b = officeCondition('b.office_id', officeIds);
  const a = officeCondition('a.office_id', officeIds);
  return total(
    manager,
    `SELECT (SELECT coalesce(sum(b.n), 0) FROM overdue_action_buckets b WHERE ${b.sql} AND b.due_day < ${DAY_OF_NOW})
          + (SELECT count(*) FROM pact_actions a
              WHERE ${a.sql} AND a.status = 'pending' AND a.falls_due_at IS NOT NULL AND a.journey_open
                AND a.falls_due_at >= ${MIDNIGHT_OF_NOW} AND a.falls_due_at <= CAST($1 AS timestamptz)) AS total`,
    [now, ...b.params],
  );
}

/** How many open journeys are stalled at `now` (the stalled-cases list's total). */
export function keptStalledTotal(manager: EntityManager, officeIds: string[] | undefined, now: string): Promise<number> {
  const b = officeCondition('b.office_id', officeIds);
  const j = officeCondition('j.office_id', officeIds);
  return total(
    manager,
    `SELECT (SELECT coalesce(sum(b.n), 0) FROM stall_buckets b WHERE ${b.sql} AND b.due_day < ${DAY_OF_NOW})
          + (SELECT count(*) FROM journeys j
              WHERE ${j.sql} AND j.status = 'open' AND j.stalls_at IS NOT NULL AND j.stalled_since IS NULL AND ${notSuspended('j')}
                AND j.stalls_at >= ${MIDNIGHT_OF_NOW} AND j.stalls_at <= CAST($1 AS timestamptz)) AS total`,
    [now, ...b.params],
  );
}
