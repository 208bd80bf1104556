import type { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SupervisorReadModel } from '@sal/persistence';
import { quantile } from '../stats';

/**
 * Every supervisor view as the API asks it of the read model (`SupervisorReadModel`, the product's own query code, as
 * `apps/api/src/supervisor/supervisor.service.ts` calls it): an office's first page of 20 with its total, and the KPIs
 * of a region over a year. Timed in the bench's process against the seeded database, so the figure is the query's
 * (the API adds its HTTP, token and audit work, measured by the API queries above).
 */
export interface View {
  name: string;
  /** What the view is asked, for the office (or the region's offices) and the instant. */
  ask(model: SupervisorReadModel, officeIds: string[], now: string): Promise<unknown>;
  /** KPIs are asked of a region (several offices), the lists of one office. */
  scope: 'office' | 'region';
}

const PAGE = { page: 1, pageSize: 20 };

/** A year back from the instant, as Rome calendar days (the period the console's KPIs offer). */
function lastYear(now: string): { from: string; to: string } {
  const to = now.slice(0, 10);
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  return { from, to };
}

/** The next four weeks: an office's agenda. */
function nextWeeks(now: string): { from: string; to: string } {
  return { from: now.slice(0, 10), to: new Date(Date.parse(now) + 28 * 86_400_000).toISOString().slice(0, 10) };
}

export const VIEWS: View[] = [
  { name: 'stalled cases', scope: 'office', ask: (m, officeIds, now) => m.stalledCases({ officeIds, now, ...PAGE }) },
  { name: 'overdue actions', scope: 'office', ask: (m, officeIds, now) => m.overdueActions({ officeIds, now, ...PAGE }) },
  { name: 'appointments (next 4 weeks)', scope: 'office', ask: (m, officeIds, now) => m.appointments({ officeIds, now, ...nextWeeks(now), ...PAGE }) },
  { name: 'appointments (all)', scope: 'office', ask: (m, officeIds, now) => m.appointments({ officeIds, now, ...PAGE }) },
  { name: 'conditionality steps awaiting decision', scope: 'office', ask: (m, officeIds, now) => m.conditionalitySteps({ officeIds, now, status: 'proposed', ...PAGE }) },
  { name: 'conditionality steps (all)', scope: 'office', ask: (m, officeIds, now) => m.conditionalitySteps({ officeIds, now, ...PAGE }) },
  { name: 'pacts awaiting acceptance', scope: 'office', ask: (m, officeIds, now) => m.pactsAwaitingAcceptance({ officeIds, now, ...PAGE }) },
  { name: 'paused journeys', scope: 'office', ask: (m, officeIds, now) => m.pausedJourneys({ officeIds, now, ...PAGE }) },
  { name: 'profiling reviews due', scope: 'office', ask: (m, officeIds, now) => m.profilingReviewsDue({ officeIds, now, ...PAGE }) },
  { name: 'services', scope: 'office', ask: (m, officeIds, now) => m.services({ officeIds, now, ...PAGE }) },
  { name: 'KPIs of a region over a year', scope: 'region', ask: (m, officeIds, now) => m.kpis({ officeIds, now, ...lastYear(now) }) },
];

/** The seeded offices' regions (by province), largest first: Lombardia, then Lazio, … */
const REGION_OF_PROVINCE: Record<string, string> = {
  MI: 'lombardia', BS: 'lombardia', BG: 'lombardia', RM: 'lazio', NA: 'campania', SA: 'campania', TO: 'piemonte', PA: 'sicilia', CT: 'sicilia', ME: 'sicilia',
  BA: 'puglia', LE: 'puglia', BO: 'emilia-romagna', FI: 'toscana', GE: 'liguria', VE: 'veneto', VR: 'veneto', PD: 'veneto', CA: 'sardegna',
  TS: 'friuli-venezia-giulia', PG: 'umbria', AN: 'marche', RC: 'calabria', PE: 'abruzzo', TN: 'trento', BZ: 'bolzano', AO: 'valle-d-aosta',
};

/** The offices of each region, in the order of the regions' first office. */
export function regionsOf(offices: string[]): string[][] {
  const regions = new Map<string, string[]>();
  for (const office of offices) {
    const region = REGION_OF_PROVINCE[office.split('-')[1]] ?? 'other';
    regions.set(region, [...(regions.get(region) ?? []), office]);
  }
  return [...regions.values()];
}

export interface ViewTiming {
  view: string;
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

/** p50/p95 of each view over `samples` askings, the offices (or regions) in turn. */
export async function timeViews(db: DataSource, offices: string[], regions: string[][], samples: number, now: string): Promise<ViewTiming[]> {
  const model = new SupervisorReadModel(db);
  const timings: ViewTiming[] = [];
  for (const view of VIEWS) {
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const scope = view.scope === 'office' ? [offices[(i * 7) % offices.length]] : regions[i % regions.length];
      const started = process.hrtime.bigint();
      await view.ask(model, scope, now);
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    timings.push({ view: view.name, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), samples });
  }
  return timings;
}

/**
 * The plans of a view: its SQL statements caught as the product's code sends them (the query runner's `query`), then
 * each run again under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters.
 */
export async function explainView(db: DataSource, view: View, officeIds: string[], now: string): Promise<{ sql: string; plan: string }[]> {
  const caught: { sql: string; params: unknown[] }[] = [];
  const proto = PostgresQueryRunner.prototype as unknown as { query: (sql: string, params?: unknown[], ...rest: unknown[]) => Promise<unknown> };
  const original = proto.query;
  proto.query = function (this: unknown, sql: string, params?: unknown[], ...rest: unknown[]) {
    if (/^\s*(SELECT|WITH)/i.test(sql)) caught.push({ sql, params: params ?? [] });
    return original.call(this, sql, params, ...rest);
  };
  try {
    await view.ask(new SupervisorReadModel(db), officeIds, now);
  } finally {
    proto.query = original;
  }
  const plans: { sql: string; plan: string }[] = [];
  for (const q of caught) {
    const rows: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
    plans.push({ sql: q.sql, plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
  }
  return plans;
}
