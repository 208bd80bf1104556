import type { DataSource } from 'typeorm';

export interface OperationalCounts {
  /** Notices by outbox status (pending, sending, failed, undeliverable; sent is not counted). */
  notifications: Record<string, number>;
  /** Seconds since the oldest notice still to be sent was recorded (0: none). */
  oldestPendingSeconds: number;
  /** Open journeys stalled now, by office. */
  stalledByOffice: Record<string, number>;
  /** Overdue pact actions, by office. */
  overdueByOffice: Record<string, number>;
}

/**
 * The counts the metrics endpoint shows, read at each scrape: three grouped counts on partial indexes
 * (`journeys_stalled_idx`, `pact_actions_overdue_idx`, `notification_outbox_due_idx` and the office-status one), no row
 * read, no personal data.
 */
export async function operationalCounts(dataSource: DataSource): Promise<OperationalCounts> {
  const [outbox, stalled, overdue] = await Promise.all([
    dataSource.query(
      `SELECT status, count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status IN ('pending', 'sending'))), 0)::float8 AS oldest
       FROM notification_outbox WHERE status <> 'sent' GROUP BY status`,
    ) as Promise<{ status: string; n: number; oldest: number }[]>,
    dataSource.query(`SELECT office_id, count(*)::int AS n FROM journeys WHERE stalled_since IS NOT NULL AND status = 'open' GROUP BY office_id`) as Promise<
      { office_id: string; n: number }[]
    >,
    dataSource.query(`SELECT office_id, count(*)::int AS n FROM pact_actions WHERE status = 'overdue' GROUP BY office_id`) as Promise<{ office_id: string; n: number }[]>,
  ]);
  return {
    notifications: Object.fromEntries(outbox.map((r) => [r.status, r.n])),
    oldestPendingSeconds: Math.max(0, ...outbox.map((r) => Number(r.oldest) || 0)),
    stalledByOffice: Object.fromEntries(stalled.map((r) => [r.office_id, r.n])),
    overdueByOffice: Object.fromEntries(overdue.map((r) => [r.office_id, r.n])),
  };
}
