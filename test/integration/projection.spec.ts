import { createJourneyActivities } from '@sal/activities';
import { applyEvents, decide, journeyStarted, replay, type JourneyCommand, type JourneyEvent, type JourneyState } from '@sal/domain';
import { JourneyEventRecord, JourneyProjector, JourneyReadModel, JourneyRecord, PactActionRecord } from '@sal/persistence';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { randomFiscalCode } from '../support/journeys';
import { uniqueSuffix } from '../support/env';

let db: ThrowawayDatabase;
beforeAll(async () => {
  db = await createThrowawayDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** A journey history built through the real decision function, with instants on a fixed clock. */
function history(officeId: string): { events: JourneyEvent[]; state: JourneyState } {
  const journeyId = `jrn_${uniqueSuffix().padEnd(32, '0').slice(0, 32)}`;
  const events: JourneyEvent[] = [
    journeyStarted(
      { journeyId, programmeCode: 'GOL-2', officeId, didDate: '2026-10-01', beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Luca', familyName: 'Prova' } },
      '2026-10-02T08:00:00.000Z',
    ),
  ];
  let state = replay(events);
  const run = (command: JourneyCommand, now: string) => {
    const d = decide(state, command, now);
    if (!d.ok) throw new Error(d.refusal.message);
    events.push(...d.events);
    state = applyEvents(state, d.events);
  };
  run({ type: 'RecordIntake', operatorId: 'op-1' }, '2026-10-03T09:00:00.000Z');
  run(
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-1',
      profilingClass: 'medium',
      contactFrequency: 'P30D',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [
        { kind: 'workshop', description: 'Job-search workshop', dueDate: '2026-10-20' },
        { kind: 'training', description: 'Course', dueDate: '2026-12-20' },
      ],
    },
    '2026-10-05T09:00:00.000Z',
  );
  run({ type: 'ProcessDeadlines' }, '2026-10-21T00:00:00.000Z');
  return { events, state };
}

async function counts(journeyId: string) {
  return {
    events: await db.dataSource.getRepository(JourneyEventRecord).countBy({ journeyId }),
    actions: await db.dataSource.getRepository(PactActionRecord).countBy({ journeyId }),
    row: await db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId }),
  };
}

describe('projection into PostgreSQL', () => {
  it('writes nothing twice when the activity is retried with the same events', async () => {
    const { projectJourney } = createJourneyActivities({ dataSource: db.dataSource, notices: { notify: async () => undefined } });
    const { events, state } = history('CPI-MI-01');
    await projectJourney({ journeyId: state.journeyId, events, state });
    const first = await counts(state.journeyId);
    await projectJourney({ journeyId: state.journeyId, events, state });
    await projectJourney({ journeyId: state.journeyId, events: events.slice(2), state });
    const again = await counts(state.journeyId);
    expect(first.events).toBe(4);
    expect(first.actions).toBe(2);
    expect(again).toEqual(first);
    expect(again.row).toMatchObject({ stage: 'pact_active', overdueActionCount: 1, lastSeq: 4 });
  });

  it('ignores a late, older projection: the row never goes back in time', async () => {
    const projector = new JourneyProjector(db.dataSource);
    const { events, state } = history('CPI-MI-02');
    await projector.project(events, state);
    const older = replay(events.slice(0, 2));
    await projector.project(events.slice(0, 2), older);
    const row = await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId: state.journeyId });
    expect(row.lastSeq).toBe(4);
    expect(row.stage).toBe('pact_active');
  });

  it('rebuilds the read model from journey_events alone, row for row', async () => {
    const projector = new JourneyProjector(db.dataSource);
    for (let i = 0; i < 3; i++) {
      const { events, state } = history('CPI-RM-01');
      await projector.project(events, state);
    }
    const readModel = new JourneyReadModel(db.dataSource);
    const before = await readModel.search({ page: 1, pageSize: 100 });
    const actionsBefore = await db.dataSource.getRepository(PactActionRecord).find({ order: { journeyId: 'ASC', actionId: 'ASC' } });
    await db.dataSource.query('DELETE FROM journeys');
    expect((await readModel.search({ page: 1, pageSize: 100 })).total).toBe(0);

    const progress: number[] = [];
    const result = await projector.rebuild((done) => progress.push(done), 2);
    const after = await readModel.search({ page: 1, pageSize: 100 });
    expect(result.journeys).toBe(before.total);
    expect(progress[progress.length - 1]).toBe(before.total);
    expect(after.items).toEqual(before.items);
    expect(await db.dataSource.getRepository(PactActionRecord).find({ order: { journeyId: 'ASC', actionId: 'ASC' } })).toEqual(actionsBefore);
  });

  it('keeps journey_events append-only: the database refuses updates and deletes', async () => {
    const { events, state } = history('CPI-MI-03');
    await new JourneyProjector(db.dataSource).project(events, state);
    await expect(db.dataSource.query(`DELETE FROM journey_events WHERE journey_id = $1`, [state.journeyId])).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`UPDATE journey_events SET type = 'X' WHERE journey_id = $1`, [state.journeyId])).rejects.toThrow(/append-only/);
  });

  it('searches the read model by office, stage, status and overdue, with pagination', async () => {
    const projector = new JourneyProjector(db.dataSource);
    const office = `CPI-S-${uniqueSuffix()}`;
    for (let i = 0; i < 3; i++) {
      const { events, state } = history(office);
      await projector.project(events, state);
    }
    const readModel = new JourneyReadModel(db.dataSource);
    const page1 = await readModel.search({ officeIds: [office], overdue: true, page: 1, pageSize: 2 });
    const page2 = await readModel.search({ officeIds: [office], overdue: true, page: 2, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((j) => j.journeyId)).size).toBe(3);
    expect((await readModel.search({ officeIds: [office], overdue: false, page: 1, pageSize: 10 })).total).toBe(0);
    expect((await readModel.search({ officeIds: [office], stage: 'closed', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await readModel.search({ officeIds: [office], stage: 'pact_active', status: 'open', page: 1, pageSize: 10 })).total).toBe(3);
  });
});
