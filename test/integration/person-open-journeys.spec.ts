import { applyEvents, decide, journeyStarted, replay, type JourneyCommand, type JourneyEvent, type JourneyState } from '@sal/domain';
import {
  backfillPersonRefs,
  JourneyProjector,
  JourneyRecord,
  PersonOpenJourneyRecord,
  personEpisodes,
  replaceStaleReservation,
  reserveOpenJourney,
} from '@sal/persistence';
import { episodeJourneyIdFor, personRefFor, transferJourneyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { randomFiscalCode } from '../support/journeys';

/**
 * The one-open-journey lock (`person_open_journeys`) and the person references of the read model, on a real
 * PostgreSQL: reserved atomically, released, moved and retaken by the projection in the events' transaction, and
 * backfilled for journeys projected before episodes.
 */

const KEY = 'person-open-journeys-spec-key';
let db: ThrowawayDatabase;
let projector: JourneyProjector;
beforeAll(async () => {
  db = await createThrowawayDatabase();
  projector = new JourneyProjector(db.dataSource);
});
afterAll(async () => {
  await db?.drop();
});

interface Journey {
  events: JourneyEvent[];
  state: JourneyState;
  run(command: JourneyCommand, now: string): JourneyEvent[];
}

/** A journey built through the real decision function; `personRef` left out is a journey started before episodes. */
function journey(fiscalCode: string, o: { didDate?: string; programmeCode?: string; officeId?: string; personRef?: boolean; startedAt?: string } = {}): Journey {
  const didDate = o.didDate ?? '2026-10-01';
  const events: JourneyEvent[] = [
    journeyStarted(
      {
        journeyId: episodeJourneyIdFor(fiscalCode, `${didDate}|${o.programmeCode ?? 'GOL-1'}`, KEY),
        programmeCode: o.programmeCode ?? 'GOL-1',
        officeId: o.officeId ?? 'CPI-TO-01',
        didDate,
        beneficiary: { fiscalCode, givenName: 'Elsa', familyName: 'Prova' },
        ...(o.personRef === false ? {} : { personRef: personRefFor(fiscalCode, KEY) }),
      },
      o.startedAt ?? '2026-10-02T08:00:00.000Z',
    ),
  ];
  const j: Journey = {
    events,
    state: replay(events),
    run(command, now) {
      const d = decide(j.state, command, now);
      if (!d.ok) throw new Error(d.refusal.message);
      events.push(...d.events);
      j.state = applyEvents(j.state, d.events);
      return d.events;
    },
  };
  return j;
}

const locks = () => db.dataSource.getRepository(PersonOpenJourneyRecord);
const lockOf = (fiscalCode: string) => locks().findOneBy({ personRef: personRefFor(fiscalCode, KEY) });
const rowOf = (journeyId: string) => db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId });

describe('the one-open-journey lock', () => {
  it('is reserved once per person, atomically: a second journey meets the holder, a stale one is replaced only as it was seen', async () => {
    const personRef = personRefFor(randomFiscalCode(), KEY);
    const [a, b, c] = ['jrn_' + 'a'.repeat(32), 'jrn_' + 'b'.repeat(32), 'jrn_' + 'c'.repeat(32)];
    const answers = await Promise.all([a, b, a, b].map((journeyId) => reserveOpenJourney(db.dataSource, { personRef, journeyId, officeId: 'CPI-TO-01' })));
    expect(answers.filter((r) => r.reserved)).toHaveLength(1);
    const holder = (await locks().findOneByOrFail({ personRef })).journeyId;
    for (const r of answers) if (!r.reserved) expect(r.holder).toMatchObject({ journeyId: holder, officeId: 'CPI-TO-01' });

    const other = holder === a ? b : a;
    expect(await replaceStaleReservation(db.dataSource, { personRef, staleJourneyId: other, journeyId: c, officeId: 'CPI-MI-01' })).toBe(false);
    expect(await replaceStaleReservation(db.dataSource, { personRef, staleJourneyId: holder, journeyId: c, officeId: 'CPI-MI-01' })).toBe(true);
    expect(await locks().findOneByOrFail({ personRef })).toMatchObject({ journeyId: c, officeId: 'CPI-MI-01' });
  });

  it('the projection takes it for a started journey, releases it with the closure, and a journey open again retakes it when free', async () => {
    const fiscalCode = randomFiscalCode();
    const j = journey(fiscalCode);
    await projector.project(j.events, j.state);
    expect(await lockOf(fiscalCode)).toMatchObject({ journeyId: j.state.journeyId, officeId: 'CPI-TO-01' });

    const closing = j.run({ type: 'CloseJourney', reason: 'withdrawn', operatorId: 'op-1' }, '2026-10-10T09:00:00.000Z');
    await projector.project(closing, j.state);
    expect(await lockOf(fiscalCode)).toBeNull();
    // A late, older projection (a retry racing the first attempt) takes nothing back.
    await projector.project(j.events.slice(0, 1), replay(j.events.slice(0, 1)));
    expect(await lockOf(fiscalCode)).toBeNull();

    // Open again (a decadenza annulled on appeal reopens the journey): the lock is free, so it is retaken.
    const reopened: JourneyState = { ...j.state, status: 'open', stage: 'pact_active', closure: null, lastSeq: j.state.lastSeq + 1 };
    await projector.project([], reopened);
    expect((await lockOf(fiscalCode))?.journeyId).toBe(j.state.journeyId);
  });

  it('a journey open again while the person has another open journey leaves that one the lock', async () => {
    const fiscalCode = randomFiscalCode();
    const first = journey(fiscalCode, { didDate: '2026-09-01' });
    await projector.project(first.events, first.state);
    await projector.project(first.run({ type: 'CloseJourney', reason: 'other', operatorId: 'op-1' }, '2026-09-10T09:00:00.000Z'), first.state);
    const second = journey(fiscalCode, { didDate: '2026-10-01' });
    await projector.project(second.events, second.state);
    await projector.project([], { ...first.state, status: 'open', stage: 'awaiting_intake', closure: null, lastSeq: first.state.lastSeq + 1 });
    expect((await lockOf(fiscalCode))?.journeyId).toBe(second.state.journeyId);
  });

  it('a transfer hands it to the next episode, whichever of the two is projected first', async () => {
    const fiscalCode = randomFiscalCode();
    const j = journey(fiscalCode);
    await projector.project(j.events, j.state);
    const nextJourneyId = transferJourneyIdFor(j.state.journeyId, 'GOL-2', KEY);
    const transfer = j.run(
      {
        type: 'TransferJourney',
        toProgrammeCode: 'GOL-2',
        reason: 'needs upskilling',
        operatorId: 'op-1',
        nextEpisode: { journeyId: nextJourneyId, programmeCode: 'GOL-2', personRef: personRefFor(fiscalCode, KEY), catalogueVersion: 1, clocks: j.state.clocks, services: null, workingDayClocks: [], offerSuitability: null },
      },
      '2026-10-12T09:00:00.000Z',
    );
    // The next episode's own start is projected first: the person's lock is still the transferred journey's.
    const next = journey(fiscalCode, { programmeCode: 'GOL-2', startedAt: '2026-10-12T09:00:01.000Z' });
    const nextState: JourneyState = { ...next.state, journeyId: nextJourneyId, previousJourneyId: j.state.journeyId };
    await projector.project([{ ...next.events[0], data: { ...next.events[0].data, journeyId: nextJourneyId } } as JourneyEvent], nextState);
    expect((await lockOf(fiscalCode))?.journeyId).toBe(j.state.journeyId);
    await projector.project(transfer, j.state);
    expect((await lockOf(fiscalCode))?.journeyId).toBe(nextJourneyId);
    expect(await rowOf(j.state.journeyId)).toMatchObject({ status: 'closed', closureReason: 'transferred', nextJourneyId, previousJourneyId: null });
    expect(await rowOf(nextJourneyId)).toMatchObject({ status: 'open', previousJourneyId: j.state.journeyId, nextJourneyId: null });
    expect((await personEpisodes(db.dataSource, personRefFor(fiscalCode, KEY))).map((r) => r.journeyId)).toEqual([j.state.journeyId, nextJourneyId]);
  });
});

describe('journeys projected before episodes', () => {
  it('get their person reference from the backfill, which locks the oldest open journey per person; it runs again to no effect', async () => {
    const twice = randomFiscalCode();
    const closedOnly = randomFiscalCode();
    const older = journey(twice, { programmeCode: 'GOL-1', personRef: false, startedAt: '2026-08-01T08:00:00.000Z', didDate: '2026-08-01' });
    const newer = journey(twice, { programmeCode: 'GOL-3', personRef: false, startedAt: '2026-09-01T08:00:00.000Z', didDate: '2026-09-01' });
    const closed = journey(closedOnly, { personRef: false });
    closed.run({ type: 'CloseJourney', reason: 'withdrawn', operatorId: 'op-1' }, '2026-10-05T09:00:00.000Z');
    for (const j of [older, newer, closed]) await projector.project(j.events, j.state);
    expect((await rowOf(older.state.journeyId)).personRef).toBeNull();
    expect(await lockOf(twice)).toBeNull();

    const first = await backfillPersonRefs(db.dataSource, (fiscalCode) => personRefFor(fiscalCode, KEY));
    expect(first.journeys).toBeGreaterThanOrEqual(3);
    for (const j of [older, newer]) expect((await rowOf(j.state.journeyId)).personRef).toBe(personRefFor(twice, KEY));
    expect((await rowOf(closed.state.journeyId)).personRef).toBe(personRefFor(closedOnly, KEY));
    expect((await lockOf(twice))?.journeyId).toBe(older.state.journeyId);
    expect(await lockOf(closedOnly)).toBeNull();
    expect(await backfillPersonRefs(db.dataSource, (fiscalCode) => personRefFor(fiscalCode, KEY))).toEqual({ journeys: 0, locks: 0 });

    // A later projection of the old journey (its state still has no reference) keeps the backfilled one, and its
    // closure releases the person's lock.
    await projector.project(older.run({ type: 'CloseJourney', reason: 'withdrawn', operatorId: 'op-1' }, '2026-10-06T09:00:00.000Z'), older.state);
    expect(await rowOf(older.state.journeyId)).toMatchObject({ personRef: personRefFor(twice, KEY), status: 'closed' });
    expect(await lockOf(twice)).toBeNull();
    // The other old open journey takes the lock with its next projection.
    await projector.project(newer.run({ type: 'RecordIntake', operatorId: 'op-1' }, '2026-10-06T10:00:00.000Z'), newer.state);
    expect((await lockOf(twice))?.journeyId).toBe(newer.state.journeyId);
  });
});
