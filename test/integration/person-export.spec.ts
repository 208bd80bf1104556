import { journeyExportRows, personAuditEntries } from '@sal/persistence';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';

/**
 * The reads behind a person's export (issue 15) on a real PostgreSQL: the long tables (events, audit entries) are read
 * a batch at a time in key order, and every batch together gives every row of the journey, in order, and none of
 * another journey's.
 */

let db: ThrowawayDatabase;
beforeAll(async () => {
  db = await createThrowawayDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const hex = () => uniqueSuffix().replace(/[^0-9a-f]/gi, '').toLowerCase().padEnd(32, '0').slice(0, 32);
const MINE = `jrn_${hex()}`;
const THEIRS = `jrn_${'f'.repeat(31)}1`;
const PERSON = `prs_${'a'.repeat(32)}`;

async function event(journeyId: string, seq: number): Promise<void> {
  await db.dataSource.query(`INSERT INTO journey_events (journey_id, seq, type, occurred_at, data) VALUES ($1, $2, 'ContactRecorded', now(), $3)`, [journeyId, seq, { n: seq }]);
}

async function audit(journeyId: string | null, personRef: string | null, route: string): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO audit_log (subject, role, offices, method, route, journey_id, person_ref, status, outcome) VALUES ('admin-x', 'administrator', '{*}', 'GET', $1, $2, $3, 200, 'ok')`,
    [route, journeyId, personRef],
  );
}

describe("a person's export, read in batches", () => {
  it('gives every event and audit entry of the journey in order across batches, and nothing of another journey', async () => {
    // Seven events written out of order, and another journey's between them.
    for (const seq of [3, 1, 7, 2, 5, 4, 6]) {
      await event(MINE, seq);
      await event(THEIRS, seq);
    }
    for (let i = 1; i <= 5; i++) {
      await audit(MINE, null, `/mine/${i}`);
      await audit(THEIRS, null, `/theirs/${i}`);
    }
    for (const batch of [2, 3, 7, 1000]) {
      const rows = await journeyExportRows(db.dataSource, MINE, batch);
      expect([batch, rows.events.map((e) => e.seq)]).toEqual([batch, [1, 2, 3, 4, 5, 6, 7]]);
      expect(rows.events.every((e) => e.journeyId === MINE && (e.data as unknown as { n: number }).n === e.seq)).toBe(true);
      expect([batch, rows.audit.map((a) => a.route)]).toEqual([batch, ['/mine/1', '/mine/2', '/mine/3', '/mine/4', '/mine/5']]);
      expect(rows).toMatchObject({ pactActions: [], appointments: [], conditionalitySteps: [], services: [], notifications: [], sideEffectFailures: [] });
    }
  });

  it("gives the entries naming the person without a journey, in batches; not those of their journeys nor another person's", async () => {
    await audit(null, PERSON, '/people/search/1');
    await audit(MINE, PERSON, '/people/:personRef/export');
    await audit(null, `prs_${'b'.repeat(32)}`, '/people/search/other');
    await audit(null, PERSON, '/people/search/2');
    await audit(null, PERSON, '/people/search/3');
    for (const batch of [1, 2, 1000]) {
      expect((await personAuditEntries(db.dataSource, PERSON, batch)).map((a) => a.route)).toEqual(['/people/search/1', '/people/search/2', '/people/search/3']);
    }
  });
});
