import type { DataSource } from 'typeorm';
import type { JourneyStage, PactActionKind, StallReason } from '@sal/domain';
import type { Page } from './journey-read-model';

/** Offices the asker may see; `undefined` means every office (role scoping narrows it before it gets here). */
export interface OfficeScope {
  officeIds?: string[];
}

export interface StalledCasesFilter extends OfficeScope {
  operatorId?: string;
  stage?: JourneyStage;
  reason?: StallReason;
  /** Only journeys stalled for at least this many days. */
  minDays?: number;
  /** Longest-stalled first (default) or most recent first. */
  sort?: 'longest' | 'newest';
  page: number;
  pageSize: number;
}

export interface StalledCase {
  journeyId: string;
  officeId: string;
  programmeCode: string;
  stage: JourneyStage;
  operatorId: string | null;
  givenName: string;
  familyName: string;
  stalledSince: string;
  daysStalled: number;
  reasons: StallReason[];
  overdueActionCount: number;
}

export interface OverdueActionsFilter extends OfficeScope {
  operatorId?: string;
  kind?: PactActionKind;
  minDaysOverdue?: number;
  escalated?: boolean;
  page: number;
  pageSize: number;
}

export interface OverdueAction {
  journeyId: string;
  actionId: string;
  officeId: string;
  operatorId: string | null;
  kind: PactActionKind;
  description: string;
  dueAt: string;
  daysOverdue: number;
  escalatedAt: string | null;
  givenName: string;
  familyName: string;
}

export interface KpiFilter extends OfficeScope {
  /**
   * Period for placements and intake-to-pact times, on the instant they happened: `from` inclusive, `to` exclusive
   * (ISO-8601 instants; the API turns Rome calendar days into them). Open-ended when absent.
   */
  from?: string;
  to?: string;
}

export interface Kpis {
  journeysByStage: Record<string, number>;
  openJourneys: number;
  stalledJourneys: number;
  stalledByReason: Record<string, number>;
  overdueActions: number;
  medianDaysIntakeToPact: number | null;
  placements: number;
}

/** The supervisors' questions, answered from the read model with the partial indexes of the supervision migration. */
export class SupervisorReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async stalledCases(f: StalledCasesFilter): Promise<Page<StalledCase>> {
    const where = new Where("j.status = 'open' AND j.stalled_since IS NOT NULL");
    where.officeScope('j.office_id', f);
    if (f.operatorId !== undefined) where.add('coalesce(j.responsible_operator_id, j.intake_operator_id) = ?', f.operatorId);
    if (f.stage !== undefined) where.add('j.stage = ?', f.stage);
    if (f.reason !== undefined) where.add('? = ANY(j.stall_reasons)', f.reason);
    if (f.minDays !== undefined) where.add("j.stalled_since <= now() - make_interval(days => ?)", f.minDays);
    const order = f.sort === 'newest' ? 'j.stalled_since DESC, j.journey_id' : 'j.stalled_since ASC, j.journey_id';
    const from = `FROM journeys j WHERE ${where.sql}`;
    const filterParams = [...where.params];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT j.journey_id, j.office_id, j.programme_code, j.stage, coalesce(j.responsible_operator_id, j.intake_operator_id) AS operator_id,
              j.given_name, j.family_name, j.stalled_since, j.stall_reasons, j.overdue_action_count,
              floor(extract(epoch FROM now() - j.stalled_since) / 86400)::int AS days_stalled, count(*) OVER () AS total
         ${from} ORDER BY ${order} LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
      where.params,
    );
    const total = await this.totalOf(rows, f, from, filterParams);
    return page(rows, f, total, (r) => ({
      journeyId: r.journey_id as string,
      officeId: r.office_id as string,
      programmeCode: r.programme_code as string,
      stage: r.stage as JourneyStage,
      operatorId: (r.operator_id as string | null) ?? null,
      givenName: r.given_name as string,
      familyName: r.family_name as string,
      stalledSince: (r.stalled_since as Date).toISOString(),
      daysStalled: r.days_stalled as number,
      reasons: r.stall_reasons as StallReason[],
      overdueActionCount: r.overdue_action_count as number,
    }));
  }

  async overdueActions(f: OverdueActionsFilter): Promise<Page<OverdueAction>> {
    const where = new Where("a.status = 'overdue' AND j.status = 'open'");
    where.officeScope('a.office_id', f);
    if (f.operatorId !== undefined) where.add('a.responsible_operator_id = ?', f.operatorId);
    if (f.kind !== undefined) where.add('a.kind = ?', f.kind);
    if (f.minDaysOverdue !== undefined) where.add('a.due_at <= now() - make_interval(days => ?)', f.minDaysOverdue);
    if (f.escalated !== undefined) where.add(f.escalated ? 'a.escalated_at IS NOT NULL' : 'a.escalated_at IS NULL');
    const from = `FROM pact_actions a JOIN journeys j ON j.journey_id = a.journey_id WHERE ${where.sql}`;
    const filterParams = [...where.params];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.journey_id, a.action_id, a.office_id, a.responsible_operator_id, a.kind, a.description, a.due_at, a.escalated_at,
              j.given_name, j.family_name, floor(extract(epoch FROM now() - a.due_at) / 86400)::int AS days_overdue, count(*) OVER () AS total
         ${from} ORDER BY a.due_at ASC, a.journey_id, a.action_id LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
      where.params,
    );
    const total = await this.totalOf(rows, f, from, filterParams);
    return page(rows, f, total, (r) => ({
      journeyId: r.journey_id as string,
      actionId: r.action_id as string,
      officeId: r.office_id as string,
      operatorId: (r.responsible_operator_id as string | null) ?? null,
      kind: r.kind as PactActionKind,
      description: r.description as string,
      dueAt: (r.due_at as Date).toISOString(),
      daysOverdue: r.days_overdue as number,
      escalatedAt: r.escalated_at ? (r.escalated_at as Date).toISOString() : null,
      givenName: r.given_name as string,
      familyName: r.family_name as string,
    }));
  }

  /**
   * How many rows match in all: the window count of the page's rows, or, when a page past the end has no rows to carry
   * it, a count of its own (so a client still learns how many there are).
   */
  private async totalOf(rows: Record<string, unknown>[], f: { page: number }, from: string, params: unknown[]): Promise<number> {
    if (rows.length > 0) return Number(rows[0].total);
    if (f.page === 1) return 0;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    return Number(total);
  }

  /** Every figure from one snapshot (REPEATABLE READ), so they agree with each other while projections go on. */
  kpis(f: KpiFilter): Promise<Kpis> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const scope = new Where('TRUE');
      scope.officeScope('office_id', f);
      const byStage: { stage: string; n: number }[] = await m.query(
        `SELECT stage, count(*)::int AS n FROM journeys WHERE ${scope.sql} GROUP BY stage`,
        scope.params,
      );
      const stalled: { reason: string; n: number }[] = await m.query(
        `SELECT unnest(stall_reasons) AS reason, count(*)::int AS n FROM journeys WHERE ${scope.sql} AND status = 'open' AND stalled_since IS NOT NULL GROUP BY 1`,
        scope.params,
      );
      const [totals] = await m.query(
        `SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
                count(*) FILTER (WHERE status = 'open' AND stalled_since IS NOT NULL)::int AS stalled,
                coalesce(sum(overdue_action_count) FILTER (WHERE status = 'open'), 0)::int AS overdue
           FROM journeys WHERE ${scope.sql}`,
        scope.params,
      );
      const period = new Where(scope.sql, [...scope.params]);
      const periodOn = (column: string) => {
        const p = new Where(`${period.sql} AND ${column} IS NOT NULL`, [...period.params]);
        if (f.from !== undefined) p.add(`${column} >= ?`, f.from);
        if (f.to !== undefined) p.add(`${column} < ?`, f.to);
        return p;
      };
      const signed = periodOn('pact_signed_at');
      const [median] = await m.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM pact_signed_at - taken_in_charge_at) / 86400) AS days
           FROM journeys WHERE ${signed.sql}`,
        signed.params,
      );
      const placed = periodOn('closed_at');
      const [placements] = await m.query(`SELECT count(*)::int AS n FROM journeys WHERE ${placed.sql} AND closure_reason = 'placed'`, placed.params);
      return {
        journeysByStage: Object.fromEntries(byStage.map((r) => [r.stage, r.n])),
        openJourneys: totals.open,
        stalledJourneys: totals.stalled,
        stalledByReason: Object.fromEntries(stalled.map((r) => [r.reason, r.n])),
        overdueActions: totals.overdue,
        medianDaysIntakeToPact: median.days === null ? null : Math.round(Number(median.days) * 10) / 10,
        placements: placements.n,
      };
    });
  }

}

/** A WHERE clause with numbered parameters, built one condition at a time (`?` marks the condition's parameter). */
class Where {
  constructor(
    public sql: string,
    public readonly params: unknown[] = [],
  ) {}

  add(condition: string, value?: unknown): void {
    this.sql += ` AND ${value === undefined ? condition : condition.replace('?', this.next(value))}`;
  }

  next(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  officeScope(column: string, scope: OfficeScope): void {
    if (scope.officeIds !== undefined) this.add(`${column} = ANY(?)`, scope.officeIds);
  }
}

function page<T>(rows: Record<string, unknown>[], f: { page: number; pageSize: number }, total: number, map: (r: Record<string, unknown>) => T): Page<T> {
  return { items: rows.map(map), page: f.page, pageSize: f.pageSize, total };
}
