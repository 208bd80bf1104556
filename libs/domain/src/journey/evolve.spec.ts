import { SERVICE_CODES } from '../services/service-table';
import type { JourneyCommand } from './commands';
import { decide } from './decide';
import { applyEvents, evolve, journeyStarted, replay, upgradeState } from './evolve';
import { intake, run, signPactUnder, startJourney } from './journey.test-fixture';
import type { JourneyEvent, JourneyStartedData, JourneyState } from './model';

const START: JourneyStartedData = {
  journeyId: 'J-0002',
  programmeCode: 'GOL',
  officeId: 'CPI-TO-03',
  didDate: '2026-09-01',
  beneficiary: {
    fiscalCode: 'BNCLRA80A41F205G',
    givenName: 'Laura',
    familyName: 'Bianchi',
    email: 'laura.bianchi@example.org',
    phone: '+39 333 1234567',
  },
};
const STARTED_AT = '2026-09-01T07:30:00.000Z';

/** A whole journey, each step decided against the state folded so far. */
const SCRIPT: [JourneyCommand, string][] = [
  [{ type: 'RecordIntake', operatorId: 'op-anna', notes: 'Primo colloquio' }, '2026-09-02T08:00:00.000Z'],
  [
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-anna',
      profilingClass: 'high',
      contactFrequency: 'P1M',
      jobSearchProof: 'Screenshots of applications',
      availability: { workshops: true, training: false, suitableOffers: true },
      actions: [
        { kind: 'skills_assessment', description: 'Bilancio di competenze', dueDate: '2026-09-20' },
        { kind: 'tutoring', description: 'Tutoring sessions', dueDate: '2026-10-25' },
        { kind: 'company_scouting', description: 'Scouting', dueDate: '2026-11-30T09:00:00+01:00' },
      ],
    },
    '2026-09-03T08:00:00.000Z',
  ],
  [{ type: 'CompletePactAction', actionId: 'A2', operatorId: 'op-bruno', note: 'Early', completedAt: '2026-09-10T10:00:00+02:00' }, '2026-09-11T08:00:00.000Z'],
  [{ type: 'ProcessDeadlines' }, '2026-09-21T06:00:00.000Z'],
  [{ type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-carla' }, '2026-09-25T08:00:00.000Z'],
  [{ type: 'ProcessDeadlines' }, '2026-12-01T06:00:00.000Z'],
  [{ type: 'CloseJourney', reason: 'placed', operatorId: 'op-anna', details: 'Hired by ACME' }, '2026-12-02T08:00:00.000Z'],
];

/** The history and every intermediate state (states[i] is the state after history[i]). */
function playScript(): { history: JourneyEvent[]; states: JourneyState[] } {
  const history: JourneyEvent[] = [journeyStarted(START, STARTED_AT)];
  const states: JourneyState[] = [replay(history)];
  for (const [command, now] of SCRIPT) {
    const decision = decide(states[states.length - 1], command, now);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.refusal.code} ${decision.refusal.message}`);
    for (const event of decision.events) {
      history.push(event);
      states.push(evolve(states[states.length - 1], event));
    }
  }
  return { history, states };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the scripted journey', () => {
  it('produces the expected history', () => {
    const { history } = playScript();
    expect(history.map((e) => `${e.seq}:${e.type}`)).toEqual([
      '1:JourneyStarted',
      '2:IntakeRecorded',
      '3:PactSigned',
      '4:PactActionCompleted',
      '5:PactActionOverdue',
      '6:PactActionCompleted',
      // the agreed monthly contact (due 2026-10-03) was never recorded: missed before A3 fell due
      '7:ContactMissed',
      '8:PactActionOverdue',
      '9:JourneyClosed',
    ]);
  });
});

describe('replay', () => {
  it('of the whole history equals folding it step by step', () => {
    const { history, states } = playScript();
    expect(replay(history)).toStrictEqual(states[states.length - 1]);
    expect(applyEvents(replay(history.slice(0, 1)), history.slice(1))).toStrictEqual(states[states.length - 1]);
  });

  it('of every prefix equals the state reached at that point', () => {
    const { history, states } = playScript();
    history.forEach((_, i) => expect(replay(history.slice(0, i + 1))).toStrictEqual(states[i]));
  });

  it('rejects an empty history', () => {
    expect(() => replay([])).toThrow('a journey history starts with JourneyStarted');
  });

  it('rejects a history not starting with JourneyStarted', () => {
    const { history } = playScript();
    expect(() => replay(history.slice(1))).toThrow('a journey history starts with JourneyStarted');
  });

  it('rejects a history not starting at seq 1', () => {
    const { history } = playScript();
    const shifted = history.map((e) => ({ ...e, seq: e.seq + 1 }));
    expect(() => replay(shifted)).toThrow('a journey history starts at seq 1, not 2');
  });

  it('rejects a gap', () => {
    const { history } = playScript();
    const withGap = [...history.slice(0, 3), ...history.slice(4)];
    expect(() => replay(withGap)).toThrow('gap in journey history: seq 5 after 3');
  });

  it('rejects a repeated event and events out of order', () => {
    const { history } = playScript();
    expect(() => replay([...history.slice(0, 3), history[2], ...history.slice(3)])).toThrow('gap in journey history: seq 3 after 3');
    expect(() => replay([history[0], history[2], history[1]])).toThrow('gap in journey history: seq 3 after 1');
  });

  it('survives a JSON round trip of the events (as stored in PostgreSQL)', () => {
    const { history, states } = playScript();
    expect(replay(JSON.parse(JSON.stringify(history)) as JourneyEvent[])).toStrictEqual(states[states.length - 1]);
  });
});

describe('evolve', () => {
  it('starts a journey awaiting intake, open, with nothing recorded yet', () => {
    expect(replay([journeyStarted(START, STARTED_AT)])).toStrictEqual({
      ...START,
      stage: 'awaiting_intake',
      status: 'open',
      startedAt: STARTED_AT,
      intake: null,
      pact: null,
      actions: [],
      closure: null,
      // started without a catalogue: no version, every clock off
      catalogueVersion: null,
      catalogueScope: 'national',
      clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null },
      contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
      pactDeadlineMissedAt: null,
      pactDeadlineEscalatedAt: null,
      lastProgressAt: STARTED_AT,
      noProgressSince: null,
      lastSeq: 1,
      updatedAt: STARTED_AT,
      // nothing of the six services yet, and no catalogue services: any service, any order
      services: null,
      workingDayClocks: [],
      rollForwardClocks: {},
      benefit: null,
      firstContactMissedAt: null,
      pactVersions: [],
      serviceProgress: SERVICE_CODES.map((service) => ({ service, status: 'not_started', hours: 0, sessions: 0, startedAt: null, completedAt: null, outputs: {} })),
      appointments: [],
      offers: [],
      offerSuitability: null,
      lapses: [],
      conditionalitySteps: [],
      referrals: [],
      placement: null,
      // started without an edition: the rules before editions existed, and no office from the directory
      rules: 1,
      office: null,
      // started without a person reference (before episodes), no earlier episode, no pause, no GOL assessment
      personRef: null,
      previousJourneyId: null,
      pauses: [],
      assessment: null,
      // no catalogue absence list pinned: the GOL list applies (issue 14)
      absenceReasons: null,
      // no earlier benefit claim
      earlierBenefits: [],
      // not transferred to another path
      transfer: null,
      // no GOL monitoring data given (issue 15)
      monitoring: null,
      presentation: null,
    });
  });

  it('journeyStarted builds the first event', () => {
    expect(journeyStarted(START, STARTED_AT)).toEqual({ seq: 1, type: 'JourneyStarted', at: STARTED_AT, data: START });
  });

  it('moves through the stages and statuses, and tracks lastSeq and updatedAt', () => {
    const { history, states } = playScript();
    expect(states.map((s) => [s.lastSeq, s.stage, s.status])).toEqual([
      [1, 'awaiting_intake', 'open'],
      [2, 'awaiting_pact', 'open'],
      [3, 'pact_active', 'open'],
      [4, 'pact_active', 'open'],
      [5, 'pact_active', 'open'],
      [6, 'pact_active', 'open'],
      [7, 'pact_active', 'open'],
      [8, 'pact_active', 'open'],
      [9, 'closed', 'closed'],
    ]);
    states.forEach((s, i) => expect(s.updatedAt).toBe(history[i].at));
    states.forEach((s) => expect(s.startedAt).toBe(STARTED_AT));
  });

  it('IntakeRecorded stores the intake', () => {
    const { states } = playScript();
    expect(states[1].intake).toEqual({ operatorId: 'op-anna', takenInChargeAt: '2026-09-02T08:00:00.000Z', notes: 'Primo colloquio' });
    expect(states[1].pact).toBeNull();
  });

  it('PactSigned stores the pact (without its actions) and every action as pending', () => {
    const { states } = playScript();
    const s = states[2];
    expect(s.pact).toStrictEqual({
      version: 1,
      responsibleOperatorId: 'op-anna',
      profilingClass: 'high',
      contactFrequency: 'P1M',
      jobSearchProof: 'Screenshots of applications',
      availability: { workshops: true, training: false, suitableOffers: true },
      signedAt: '2026-09-03T08:00:00.000Z',
    });
    const blank = { status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null, reminderSentAt: null, escalatedAt: null };
    expect(s.actions).toStrictEqual([
      { actionId: 'A1', kind: 'skills_assessment', description: 'Bilancio di competenze', dueAt: '2026-09-20T21:59:59.999Z', ...blank },
      { actionId: 'A2', kind: 'tutoring', description: 'Tutoring sessions', dueAt: '2026-10-25T22:59:59.999Z', ...blank },
      { actionId: 'A3', kind: 'company_scouting', description: 'Scouting', dueAt: '2026-11-30T08:00:00.000Z', ...blank },
    ]);
  });

  it('PactActionCompleted completes only that action, recording when, by whom and the note', () => {
    const { states } = playScript();
    const [a1, a2, a3] = states[3].actions;
    expect(a2).toMatchObject({ status: 'completed', completedAt: '2026-09-10T08:00:00.000Z', completedBy: 'op-bruno', note: 'Early', overdueSince: null });
    expect(a1).toStrictEqual(states[2].actions[0]);
    expect(a3).toStrictEqual(states[2].actions[2]);
  });

  it('PactActionOverdue marks only that action overdue, since the instant it was noticed', () => {
    const { states } = playScript();
    const [a1, a2, a3] = states[4].actions;
    expect(a1).toMatchObject({ status: 'overdue', overdueSince: '2026-09-21T06:00:00.000Z', completedAt: null, completedBy: null });
    expect(a2).toStrictEqual(states[3].actions[1]);
    expect(a3).toStrictEqual(states[3].actions[2]);
  });

  it('completing an overdue action makes it completed and keeps when it became overdue', () => {
    const { states } = playScript();
    expect(states[5].actions[0]).toMatchObject({
      status: 'completed',
      overdueSince: '2026-09-21T06:00:00.000Z',
      completedAt: '2026-09-25T08:00:00.000Z',
      completedBy: 'op-carla',
      note: null,
    });
  });

  it('JourneyClosed records the closure and keeps the rest', () => {
    const { states } = playScript();
    const closed = states[8];
    expect(closed.closure).toEqual({ reason: 'placed', operatorId: 'op-anna', details: 'Hired by ACME', closedAt: '2026-12-02T08:00:00.000Z' });
    expect(closed.actions.map((a) => a.status)).toEqual(['completed', 'completed', 'overdue']);
    expect(closed.pact).toStrictEqual(states[7].pact);
    expect(closed.intake).toStrictEqual(states[7].intake);
    expect(closed.contact).toStrictEqual(states[7].contact);
  });

  it('closing straight from awaiting_intake closes with no intake or pact', () => {
    const start = replay([journeyStarted(START, STARTED_AT)]);
    const decision = decide(start, { type: 'CloseJourney', reason: 'unreachable', operatorId: 'op-anna' }, '2026-09-30T08:00:00.000Z');
    if (!decision.ok) throw new Error(decision.refusal.code);
    const closed = applyEvents(start, decision.events);
    expect(closed).toMatchObject({ stage: 'closed', status: 'closed', intake: null, pact: null, actions: [], lastSeq: 2 });
  });

  it('never modifies the state or the event it is given', () => {
    const { history } = playScript();
    let state = deepFreeze(replay(history.slice(0, 1)));
    for (const event of history.slice(1)) {
      state = deepFreeze(evolve(state, deepFreeze(event)));
    }
    expect(state.stage).toBe('closed');
  });

  it('applyEvents with no events returns an equal state', () => {
    const { states } = playScript();
    expect(applyEvents(states[3], [])).toStrictEqual(states[3]);
  });
});

describe('state crosses Temporal payloads as JSON', () => {
  it('every intermediate state deep-equals its JSON round trip (no undefined, Date or class instances)', () => {
    const { states } = playScript();
    for (const state of states) {
      expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
    }
  });

  it('a round-tripped state keeps evolving exactly like the original', () => {
    const { history, states } = playScript();
    const revived = JSON.parse(JSON.stringify(states[3])) as JourneyState;
    expect(applyEvents(revived, history.slice(4))).toStrictEqual(states[states.length - 1]);
  });

  it('also for a beneficiary without the optional contact fields', () => {
    const bare = { ...START, beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' } };
    const state = replay([journeyStarted(bare, STARTED_AT)]);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });
});

describe('upgradeState', () => {
  it('gives a state from before the six services their empty parts, reception done after the intake and the pact as version 1', () => {
    // A state from before the six services is of edition 1 (its pact in force from the signing).
    const full = run(run(startJourney({ services: null, benefit: null, rules: 1 }), intake(), '2026-03-03T09:00:00.000Z'), signPactUnder(1), '2026-03-04T09:00:00.000Z');
    const old = { ...full } as Partial<JourneyState>;
    for (const key of ['services', 'workingDayClocks', 'benefit', 'firstContactMissedAt', 'pactVersions', 'serviceProgress', 'appointments', 'offers', 'lapses', 'conditionalitySteps', 'referrals', 'placement'] as const) {
      delete old[key];
    }
    expect(upgradeState(old as JourneyState)).toEqual({ ...full, workingDayClocks: [] });
  });

  it('leaves a current state as it is', () => {
    const s = startJourney();
    expect(upgradeState(s)).toBe(s);
  });
});
