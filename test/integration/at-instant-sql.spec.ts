import { statusAt, type JourneyState } from '@sal/domain';
import { JourneyReadModel, JourneyRecord, keptOverdueActionTotal, keptStalledTotal, PactActionRecord, readModelRows, SupervisorReadModel } from '@sal/persistence';
// The domain spec's own cases (a test fixture, left out of the domain's build): the SQL must agree on exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AT_INSTANT_CASES } from '../../libs/domain/src/at-instant/at-instant.test-fixture';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';

/**
 * Issue 17: the read model's SQL (`libs/persistence/src/at-instant.ts`) and the domain's `statusAt` are one rule. The
 * domain's cases — journeys before and after their deadlines, some timers fired and some not, suspended, closed — are
 * written to a real PostgreSQL as the projection writes them, and every supervisor list, the search and the KPIs are
 * asked at each of the cases' instants: they must say what `statusAt` says of the same states at the same instant.
 */

let db: ThrowawayDatabase;
const office = `CPI-SQL-${uniqueSuffix()}`;
const states: JourneyState[] = AT_INSTANT_CASES.map((c, i) => ({ ...c.state, journeyId: `jrn_exa_${i}_${uniqueSuffix()}`, officeId: office }));
const instants = [...new Set(AT_INSTANT_CASES.flatMap((c) => c.instants))].sort();

beforeAll(async () => {
  db = await createThrowawayDatabase();
  await db.dataSource.transaction(async (m) => {
    for (const state of states) {
      const { journey, actions } = readModelRows(state);
      await m.upsert(JourneyRecord, { ...journey, personRef: null }, ['journeyId']);
      if (actions.length > 0) await m.upsert(PactActionRecord, actions, ['journeyId', 'actionId']);
    }
  });
});

afterAll(async () => {
  await db?.drop();
});

const open = states.filter((s) => s.status === 'open');
const all = { officeIds: [office], page: 1, pageSize: 100 };

describe('the SQL of the statuses at an instant agrees with statusAt', () => {
  it.each(instants)('at %s: overdue actions, stalled cases, the search and the KPIs', async (now) => {
    const supervision = new SupervisorReadModel(db.dataSource);
    const journeys = new JourneyReadModel(db.dataSource);
    const expected = new Map(states.map((s) => [s.journeyId, statusAt(s, now)]));

    const overdue = await supervision.overdueActions({ ...all, now });
    const overdueExpected = open.flatMap((s) => expected.get(s.journeyId)!.actions.filter((a) => a.overdue).map((a) => `${s.journeyId}/${a.actionId}/${a.daysOverdue}`));
    expect(overdue.items.map((a) => `${a.journeyId}/${a.actionId}/${a.daysOverdue}`).sort()).toEqual(overdueExpected.sort());
    expect(overdue.total).toBe(overdueExpected.length);

    const stalled = await supervision.stalledCases({ ...all, now });
    const stalledExpected = open
      .filter((s) => expected.get(s.journeyId)!.stalled)
      .map((s) => {
        const x = expected.get(s.journeyId)!;
        return { journeyId: s.journeyId, stalledSince: x.stalled!.since, reasons: x.stalled!.reasons, daysStalled: x.daysStalled, overdueActionCount: x.overdueActionCount };
      });
    const byId = (a: { journeyId: string }, b: { journeyId: string }) => a.journeyId.localeCompare(b.journeyId);
    expect(stalled.items.map(({ journeyId, stalledSince, reasons, daysStalled, overdueActionCount }) => ({ journeyId, stalledSince, reasons, daysStalled, overdueActionCount })).sort(byId)).toEqual(stalledExpected.sort(byId));
    for (const reason of ['overdue_action', 'missed_contact', 'no_progress'] as const) {
      const some = await supervision.stalledCases({ ...all, now, reason });
      expect(some.items.map((c) => c.journeyId).sort()).toEqual(stalledExpected.filter((c) => c.reasons.includes(reason)).map((c) => c.journeyId).sort());
    }

    // The totals a full first page cannot give: from the day buckets the read model keeps, exact at the instant.
    expect(await keptOverdueActionTotal(db.dataSource.manager, [office], now)).toBe(overdueExpected.length);
    expect(await keptStalledTotal(db.dataSource.manager, [office], now)).toBe(stalledExpected.length);
    expect((await supervision.overdueActions({ ...all, pageSize: 1, now })).total).toBe(overdueExpected.length);
    expect((await supervision.stalledCases({ ...all, pageSize: 1, now })).total).toBe(stalledExpected.length);

    const found = await journeys.search({ ...all, now });
    for (const row of found.items) {
      const x = expected.get(row.journeyId)!;
      expect([row.journeyId, row.overdueActionCount, row.stalledSince?.toISOString() ?? null, row.stallReasons]).toEqual([row.journeyId, x.overdueActionCount, x.stalled?.since ?? null, x.stalled?.reasons ?? []]);
    }
    const overdueJourneys = (await journeys.search({ ...all, now, overdue: true })).items.map((j) => j.journeyId).sort();
    expect(overdueJourneys).toEqual(states.filter((s) => expected.get(s.journeyId)!.overdueActionCount > 0).map((s) => s.journeyId).sort());
    const stalledJourneys = (await journeys.search({ ...all, now, stalled: true })).items.map((j) => j.journeyId).sort();
    expect(stalledJourneys).toEqual(stalledExpected.map((c) => c.journeyId).sort());

    const kpis = await supervision.kpis({ officeIds: [office], now });
    expect(kpis.overdueActions).toBe(overdueExpected.length);
    expect(kpis.stalledJourneys).toBe(stalledExpected.length);
    const byReason: Record<string, number> = {};
    for (const c of stalledExpected) for (const r of c.reasons) byReason[r] = (byReason[r] ?? 0) + 1;
    expect(kpis.stalledByReason).toEqual(byReason);
  });

  it('has cases that are stalled and overdue only because their deadlines passed, not because a timer fired', () => {
    const undecided = instants.some((now) => states.some((s) => statusAt(s, now).actions.some((a) => a.overdue) && s.actions.every((a) => a.status !== 'overdue')));
    expect(undecided).toBe(true);
  });
});
