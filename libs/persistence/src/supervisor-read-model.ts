import type { DataSource } from 'typeorm';
import {
  SERVICE_CODES,
  type AppointmentChannel,
  type AppointmentPurpose,
  type AppointmentStatus,
  type BenefitKind,
  type ConditionalityLadder,
  type ConvocationMethod,
  type JourneyStage,
  type JourneyStatus,
  type PactActionKind,
  type SanctionEffect,
  type ServiceCode,
  type StallReason,
  type StepStatus,
} from '@sal/domain';
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
  /** Placements in the period by programme (only programmes with at least one). */
  placementsByProgramme: Record<string, number>;
  /** Hours delivered so far per service, over the offices' journeys (not limited to the period). */
  serviceHours: Record<string, number>;
  /** Conditionality steps waiting for an operator's decision now. */
  proposedSteps: number;
  /** Conditionality steps confirmed in the period. */
  confirmedSteps: number;
}

export interface AppointmentsFilter extends OfficeScope {
  /** Appointments at or after this instant (ISO-8601) … */
  from?: string;
  /** … and before this one (exclusive). */
  to?: string;
  status?: AppointmentStatus;
  service?: ServiceCode;
  purpose?: AppointmentPurpose;
  /** true: only appointments convened by PEC, registered letter or agreed and signed; false: only the others. */
  convocationValid?: boolean;
  programmeCode?: string;
  /** The operator who scheduled it. */
  operatorId?: string;
  /** Earliest first (default) or latest first. */
  sort?: 'earliest' | 'latest';
  page: number;
  pageSize: number;
}

export interface AppointmentItem {
  journeyId: string;
  appointmentId: string;
  officeId: string;
  programmeCode: string;
  service: ServiceCode;
  purpose: AppointmentPurpose;
  at: string;
  channel: AppointmentChannel;
  location: string | null;
  convocation: ConvocationMethod;
  convocationValid: boolean;
  operatorId: string;
  status: AppointmentStatus;
  reminderSentAt: string | null;
  rescheduledCount: number;
  closedAt: string | null;
  cancellationReason: string | null;
  givenName: string;
  familyName: string;
}

export interface ConditionalityStepsFilter extends OfficeScope {
  status?: StepStatus;
  ladder?: ConditionalityLadder;
  effect?: SanctionEffect;
  programmeCode?: string;
  /** Proposed at or after this instant (ISO-8601) … */
  from?: string;
  /** … and before this one (exclusive). */
  to?: string;
  /** Oldest proposal first (default: the longest waiting) or newest first. */
  sort?: 'oldest' | 'newest';
  page: number;
  pageSize: number;
}

export interface ConditionalityStepItem {
  journeyId: string;
  stepId: string;
  officeId: string;
  programmeCode: string;
  lapseId: string;
  ladder: ConditionalityLadder;
  ordinal: number;
  effect: SanctionEffect;
  status: StepStatus;
  proposedAt: string;
  /** Whole days since the proposal, while it waits for a decision; null once decided. */
  daysWaiting: number | null;
  decidedAt: string | null;
  decidedBy: string | null;
  appealDueAt: string | null;
  /** What caused it: the missed appointment or the refused suitable offer. */
  appointmentId: string | null;
  offerId: string | null;
  benefitKind: BenefitKind | null;
  operatorId: string | null;
  givenName: string;
  familyName: string;
}

export interface ServicesFilter extends OfficeScope {
  service?: ServiceCode;
  programmeCode?: string;
  /** Only services of open (or closed) journeys; every journey when absent. */
  journeyStatus?: JourneyStatus;
  /** One line per service and programme rather than per service. */
  byProgramme?: boolean;
  page: number;
  pageSize: number;
}

export interface ServiceFigures {
  service: ServiceCode;
  /** The programme, when the figures are by programme; null otherwise. */
  programmeCode: string | null;
  /** Journeys whose catalogue requires the service or that started it. */
  journeys: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  hours: number;
  sessions: number;
  /** Hours per journey that started the service (one decimal); null when none did. */
  averageHours: number | null;
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

  /** The offices' appointments in a period, with their outcome: the agenda, no-shows, convocations that allow no sanction. */
  async appointments(f: AppointmentsFilter): Promise<Page<AppointmentItem>> {
    const where = new Where('TRUE');
    where.officeScope('a.office_id', f);
    if (f.from !== undefined) where.add('a.at >= ?', f.from);
    if (f.to !== undefined) where.add('a.at < ?', f.to);
    if (f.status !== undefined) where.add('a.status = ?', f.status);
    if (f.service !== undefined) where.add('a.service = ?', f.service);
    if (f.purpose !== undefined) where.add('a.purpose = ?', f.purpose);
    if (f.convocationValid !== undefined) where.add('a.convocation_valid = ?', f.convocationValid);
    if (f.programmeCode !== undefined) where.add('a.programme_code = ?', f.programmeCode);
    if (f.operatorId !== undefined) where.add('a.operator_id = ?', f.operatorId);
    const order = f.sort === 'latest' ? 'a.at DESC, a.journey_id, a.appointment_id' : 'a.at ASC, a.journey_id, a.appointment_id';
    const from = `FROM appointments a JOIN journeys j ON j.journey_id = a.journey_id WHERE ${where.sql}`;
    const filterParams = [...where.params];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.*, j.given_name, j.family_name, count(*) OVER () AS total
         ${from} ORDER BY ${order} LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
      where.params,
    );
    const total = await this.totalOf(rows, f, from, filterParams);
    return page(rows, f, total, (r) => ({
      journeyId: r.journey_id as string,
      appointmentId: r.appointment_id as string,
      officeId: r.office_id as string,
      programmeCode: r.programme_code as string,
      service: r.service as ServiceCode,
      purpose: r.purpose as AppointmentPurpose,
      at: iso(r.at),
      channel: r.channel as AppointmentChannel,
      location: (r.location as string | null) ?? null,
      convocation: r.convocation as ConvocationMethod,
      convocationValid: r.convocation_valid as boolean,
      operatorId: r.operator_id as string,
      status: r.status as AppointmentStatus,
      reminderSentAt: isoOrNull(r.reminder_sent_at),
      rescheduledCount: r.rescheduled_count as number,
      closedAt: isoOrNull(r.closed_at),
      cancellationReason: (r.cancellation_reason as string | null) ?? null,
      givenName: r.given_name as string,
      familyName: r.family_name as string,
    }));
  }

  /** Conditionality steps: those waiting for a decision (the partial index), or decided ones with their appeal deadline. */
  async conditionalitySteps(f: ConditionalityStepsFilter): Promise<Page<ConditionalityStepItem>> {
    const where = new Where('TRUE');
    where.officeScope('s.office_id', f);
    if (f.status !== undefined) where.add('s.status = ?', f.status);
    if (f.ladder !== undefined) where.add('s.ladder = ?', f.ladder);
    if (f.effect !== undefined) where.add('s.effect = ?', f.effect);
    if (f.programmeCode !== undefined) where.add('s.programme_code = ?', f.programmeCode);
    if (f.from !== undefined) where.add('s.proposed_at >= ?', f.from);
    if (f.to !== undefined) where.add('s.proposed_at < ?', f.to);
    const order = f.sort === 'newest' ? 's.proposed_at DESC, s.journey_id, s.step_id' : 's.proposed_at ASC, s.journey_id, s.step_id';
    const from = `FROM conditionality_steps s JOIN journeys j ON j.journey_id = s.journey_id WHERE ${where.sql}`;
    const filterParams = [...where.params];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT s.*, j.given_name, j.family_name, j.benefit_kind, coalesce(j.responsible_operator_id, j.intake_operator_id) AS operator_id,
              CASE WHEN s.status = 'proposed' THEN floor(extract(epoch FROM now() - s.proposed_at) / 86400)::int END AS days_waiting,
              count(*) OVER () AS total
         ${from} ORDER BY ${order} LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
      where.params,
    );
    const total = await this.totalOf(rows, f, from, filterParams);
    return page(rows, f, total, (r) => ({
      journeyId: r.journey_id as string,
      stepId: r.step_id as string,
      officeId: r.office_id as string,
      programmeCode: r.programme_code as string,
      lapseId: r.lapse_id as string,
      ladder: r.ladder as ConditionalityLadder,
      ordinal: r.ordinal as number,
      effect: r.effect as SanctionEffect,
      status: r.status as StepStatus,
      proposedAt: iso(r.proposed_at),
      daysWaiting: (r.days_waiting as number | null) ?? null,
      decidedAt: isoOrNull(r.decided_at),
      decidedBy: (r.decided_by as string | null) ?? null,
      appealDueAt: isoOrNull(r.appeal_due_at),
      appointmentId: (r.appointment_id as string | null) ?? null,
      offerId: (r.offer_id as string | null) ?? null,
      benefitKind: (r.benefit_kind as BenefitKind | null) ?? null,
      operatorId: (r.operator_id as string | null) ?? null,
      givenName: r.given_name as string,
      familyName: r.family_name as string,
    }));
  }

  /**
   * Per service (and programme, when asked): how many journeys require or started it, how many have it not started, in
   * progress or completed, and the hours and sessions delivered. Services in the catalogue's order.
   */
  async services(f: ServicesFilter): Promise<Page<ServiceFigures>> {
    const where = new Where('TRUE');
    where.officeScope('s.office_id', f);
    if (f.service !== undefined) where.add('s.service = ?', f.service);
    if (f.programmeCode !== undefined) where.add('s.programme_code = ?', f.programmeCode);
    let join = '';
    if (f.journeyStatus !== undefined) {
      join = 'JOIN journeys j ON j.journey_id = s.journey_id';
      where.add('j.status = ?', f.journeyStatus);
    }
    const groups = f.byProgramme ? 's.service, s.programme_code' : 's.service';
    const from = `FROM journey_services s ${join} WHERE ${where.sql} GROUP BY ${groups}`;
    const filterParams = [...where.params];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT s.service, ${f.byProgramme ? 's.programme_code' : 'NULL::text AS programme_code'},
              count(*)::int AS journeys,
              count(*) FILTER (WHERE s.status = 'not_started')::int AS not_started,
              count(*) FILTER (WHERE s.status = 'in_progress')::int AS in_progress,
              count(*) FILTER (WHERE s.status = 'completed')::int AS completed,
              coalesce(sum(s.hours), 0)::float8 AS hours,
              coalesce(sum(s.sessions), 0)::int AS sessions,
              round(avg(s.hours) FILTER (WHERE s.status <> 'not_started'), 1)::float8 AS average_hours,
              count(*) OVER () AS total
         ${from}
         ORDER BY array_position(${where.next([...SERVICE_CODES])}::text[], s.service::text)${f.byProgramme ? ', s.programme_code' : ''}
         LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
      where.params,
    );
    const total = await this.totalOf(rows, f, `FROM (SELECT 1 ${from}) g`, filterParams);
    return page(rows, f, total, (r) => ({
      service: r.service as ServiceCode,
      programmeCode: (r.programme_code as string | null) ?? null,
      journeys: r.journeys as number,
      notStarted: r.not_started as number,
      inProgress: r.in_progress as number,
      completed: r.completed as number,
      hours: Math.round(Number(r.hours) * 100) / 100,
      sessions: r.sessions as number,
      averageHours: r.average_hours === null ? null : Number(r.average_hours),
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
      const byProgramme: { programme_code: string; n: number }[] = await m.query(
        `SELECT programme_code, count(*)::int AS n FROM journeys WHERE ${placed.sql} AND closure_reason = 'placed' GROUP BY programme_code`,
        placed.params,
      );
      const hours: { service: string; hours: number }[] = await m.query(
        `SELECT service, sum(hours)::float8 AS hours FROM journey_services WHERE ${scope.sql} AND sessions > 0 GROUP BY service`,
        scope.params,
      );
      const [proposed] = await m.query(`SELECT count(*)::int AS n FROM conditionality_steps WHERE ${scope.sql} AND status = 'proposed'`, scope.params);
      const decided = periodOn('decided_at');
      const [confirmed] = await m.query(`SELECT count(*)::int AS n FROM conditionality_steps WHERE ${decided.sql} AND status = 'confirmed'`, decided.params);
      return {
        journeysByStage: Object.fromEntries(byStage.map((r) => [r.stage, r.n])),
        openJourneys: totals.open,
        stalledJourneys: totals.stalled,
        stalledByReason: Object.fromEntries(stalled.map((r) => [r.reason, r.n])),
        overdueActions: totals.overdue,
        medianDaysIntakeToPact: median.days === null ? null : Math.round(Number(median.days) * 10) / 10,
        placements: byProgramme.reduce((n, r) => n + r.n, 0),
        placementsByProgramme: Object.fromEntries(byProgramme.map((r) => [r.programme_code, r.n])),
        serviceHours: Object.fromEntries(hours.map((r) => [r.service, Math.round(Number(r.hours) * 100) / 100])),
        proposedSteps: proposed.n,
        confirmedSteps: confirmed.n,
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

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value ? (value as Date).toISOString() : null;
}

function page<T>(rows: Record<string, unknown>[], f: { page: number; pageSize: number }, total: number, map: (r: Record<string, unknown>) => T): Page<T> {
  return { items: rows.map(map), page: f.page, pageSize: f.pageSize, total };
}
