import type { JourneyState } from '@sal/domain';
import { atInstantSql, JourneyRecord, keptOverdueActionTotal, keptStalledTotal, PactActionRecord, readModelRows } from '@sal/persistence';

const { openActionOverdueAt, stalledAt } = atInstantSql;
// The domain spec's own cases (a test fixture, left out of the domain's build).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AT_INSTANT_CASES } from '../../libs/domain/src/at-instant/at-instant.test-fixture';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';

/**
 * Issue 17, national scale: the totals of the overdue-actions and stalled-cases lists come from day buckets that
 * statement triggers keep in the transaction of the rows (migration SupervisorCounts1764302000000). Whatever writes
 * the rows — upserts as the projection makes them, updates, deletes, a transfer to another office, a TRUNCATE — the
 * kept totals must equal counting the rows with the lists' own conditions (at-instant.ts), at every instant of the
 * domain's cases, including instants inside a day (where part of the total is the day's residue), and the buckets must
 * equal what `supervisor_counts_rebuild()` computes from the rows.
 */

let db: ThrowawayDatabase;
const office = `CPI-KT-${uniqueSuffix()}`;
const other = `CPI-KT2-${uniqueSuffix()}`;
const states: JourneyState[] = AT_INSTANT_CASES.map((c, i) => ({ ...c.state, journeyId: `jrn_kt_${i}_${uniqueSuffix()}`, officeId: office }));
const caseInstants = [...new Set(AT_INSTANT_CASES.flatMap((c) => c.instants))];
// Besides the cases' own instants, some in the middle of a day and just around every deadline the rows hold.
const instants = [
  ...new Set([
    ...caseInstants,
    ...caseInstants.map((t) => new Date(Date.parse(t) + 13.5 * 3_600_000).toISOString()),
    ...states.flatMap((s) => {
      const { journey, actions } = readModelRows(s);
      const at = [journey.stallsAt, ...actions.map((a) => a.fallsDueAt)].filter((d): d is Date => d !== null);
      return at.flatMap((d) => [new Date(d.getTime() - 1).toISOString(), d.toISOString(), new Date(d.getTime() + 1).toISOString()]);
    }),
  ]),
].sort();

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

async function counted(officeIds: string[]): Promise<{ overdue: number[]; stalled: number[] }> {
  const q = (sql: string, now: string) => db.dataSource.query(sql.replaceAll(':now', '$1'), [now, officeIds]).then((r: { n: string }[]) => Number(r[0].n));
  const overdue: number[] = [];
  const stalled: number[] = [];
  for (const now of instants) {
    overdue.push(await q(`SELECT count(*) AS n FROM pact_actions a WHERE a.office_id = ANY($2) AND ${openActionOverdueAt('a')}`, now));
    stalled.push(await q(`SELECT count(*) AS n FROM journeys j WHERE j.office_id = ANY($2) AND ${stalledAt('j')}`, now));
  }
  return { overdue, stalled };
}

async function kept(officeIds: string[] | undefined): Promise<{ overdue: number[]; stalled: number[] }> {
  const overdue: number[] = [];
  const stalled: number[] = [];
  for (const now of instants) {
    overdue.push(await keptOverdueActionTotal(db.dataSource.manager, officeIds, now));
    stalled.push(await keptStalledTotal(db.dataSource.manager, officeIds, now));
  }
  return { overdue, stalled };
}

async function buckets(): Promise<string[]> {
  const rows: { t: string; office_id: string; due_day: string; n: string }[] = await db.dataSource.query(
    `SELECT 'a' AS t, office_id, due_day::text, n::text FROM overdue_action_buckets WHERE n <> 0
     UNION ALL SELECT 's', office_id, due_day::text, n::text FROM stall_buckets WHERE n <> 0`,
  );
  return rows.map((r) => `${r.t} ${r.office_id} ${r.due_day} ${r.n}`).sort();
}

async function expectExact(): Promise<void> {
  for (const offices of [[office], [other], [office, other]]) expect(await kept(offices)).toEqual(await counted(offices));
  expect(await kept(undefined)).toEqual(await counted([office, other]));
  const keptBuckets = await buckets();
  await db.dataSource.query('SELECT supervisor_counts_rebuild()');
  expect(await buckets()).toEqual(keptBuckets);
}

describe('the kept totals of overdue actions and stalled cases', () => {
  it('equal the counted rows at every instant, after the projection\'s upserts', async () => {
    const { overdue, stalled } = await counted([office]);
    // The cases must make the comparison mean something: totals that differ between instants.
    expect(new Set(overdue).size).toBeGreaterThan(2);
    expect(new Set(stalled).size).toBeGreaterThan(2);
    await expectExact();
  });

  it('stay exact through updates, deletes, a transfer and the projection writing a journey again', async () => {
    const [first, second, third] = states.filter((s) => s.status === 'open' && s.actions.length > 0);
    const fourth = states.find((s) => s.status === 'open' && ![first, second, third].includes(s))!;
    expect([first, second, third, fourth].every((s) => s !== undefined)).toBe(true);
    await db.dataSource.transaction(async (m) => {
      // A journey closed: its actions leave the list.
      await m.query(`UPDATE journeys SET status = 'closed' WHERE journey_id = $1`, [first.journeyId]);
      await m.query(`UPDATE pact_actions SET journey_open = false WHERE journey_id = $1`, [first.journeyId]);
      // Another one's actions deleted and written again (as the projection does), one of them marked overdue.
      await m.query(`DELETE FROM pact_actions WHERE journey_id = $1`, [second.journeyId]);
      const { actions } = readModelRows(second);
      await m.insert(PactActionRecord, actions.map((a, i) => (i === 0 ? { ...a, status: 'overdue', overdueSince: a.fallsDueAt } : a)));
      // A third transferred to another office.
      await m.query(`UPDATE journeys SET office_id = $2 WHERE journey_id = $1`, [third.journeyId, other]);
      await m.query(`UPDATE pact_actions SET office_id = $2 WHERE journey_id = $1`, [third.journeyId, other]);
      // A fourth: its stall decided, then suspended for a job.
      await m.query(`UPDATE journeys SET stalled_since = started_at WHERE journey_id = $1`, [fourth.journeyId]);
    });
    await expectExact();
    await db.dataSource.query(`UPDATE journeys SET stalled_since = NULL, pause_kind = 'job' WHERE journey_id = $1`, [fourth.journeyId]);
    await expectExact();
  });

  it('are emptied with the rows by a TRUNCATE and filled again by inserts', async () => {
    await db.dataSource.query('TRUNCATE pact_actions');
    expect((await buckets()).filter((b) => b.startsWith('a '))).toEqual([]);
    await db.dataSource.transaction(async (m) => {
      for (const state of states) {
        const { actions } = readModelRows(state);
        if (actions.length > 0) await m.insert(PactActionRecord, actions);
      }
    });
    await expectExact();
  });
});
