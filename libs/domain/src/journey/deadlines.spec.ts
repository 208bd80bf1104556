import type { JourneyCommand } from './commands';
import { nextDeadline } from './deadlines';
import { decide, type Decision } from './decide';
import { applyEvents, journeyStarted, replay } from './evolve';
import type { JourneyEvent, JourneyState, PactActionInput } from './model';
import { toView } from './view';

const SIGNED_AT = '2026-02-02T09:00:00.000Z';

/** Due instants, deliberately listed out of order in the pact. */
const DUE = {
  A1: '2026-03-10T22:59:59.999Z', // given as 2026-03-10
  A2: '2026-02-20T10:00:00.000Z', // the earliest
  A3: '2026-04-01T21:59:59.999Z', // given as 2026-04-01 (summer time)
  A4: '2026-02-20T10:00:00.000Z', // same instant as A2
};
const ACTIONS: PactActionInput[] = [
  { kind: 'job_search_act', description: 'Applications', dueDate: '2026-03-10' },
  { kind: 'interview', description: 'Interview', dueDate: '2026-02-20T11:00:00+01:00' },
  { kind: 'training', description: 'Course', dueDate: '2026-04-01' },
  { kind: 'workshop', description: 'Workshop', dueDate: '2026-02-20T10:00:00Z' },
];

function accepted(decision: Decision): JourneyEvent[] {
  if (!decision.ok) throw new Error(`refused ${decision.refusal.code}: ${decision.refusal.message}`);
  return decision.events;
}

function step(state: JourneyState, command: JourneyCommand, now: string): JourneyState {
  return applyEvents(state, accepted(decide(state, command, now)));
}

function started(): JourneyState {
  return replay([
    journeyStarted(
      {
        journeyId: 'J-0003',
        programmeCode: 'GOL',
        officeId: 'CPI-RM-02',
        didDate: '2026-02-01',
        beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' },
      },
      '2026-02-01T08:00:00.000Z',
    ),
  ]);
}

function awaitingPact(): JourneyState {
  return step(started(), { type: 'RecordIntake', operatorId: 'op-anna' }, '2026-02-01T09:00:00.000Z');
}

/** A signed pact; its first agreed contact falls due at SIGNED_AT + contactFrequency (P30D: 2026-03-04T09:00Z). */
function active(actions: PactActionInput[] = ACTIONS, contactFrequency = 'P30D'): JourneyState {
  return step(
    awaitingPact(),
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-anna',
      profilingClass: 'low',
      contactFrequency,
      availability: { workshops: true, training: true, suitableOffers: true },
      actions,
    },
    SIGNED_AT,
  );
}

/** The first agreed contact under the default fixture (P30D after the signing): between A2/A4 and A1. */
const CONTACT_DUE = '2026-03-04T09:00:00.000Z';

/** For tests about action deadlines only: the first agreed contact (a year after the signing) comes after every action. */
const actionsOnly = () => active(ACTIONS, 'P1Y');

const markOverdue = (state: JourneyState, now: string) => accepted(decide(state, { type: 'ProcessDeadlines' }, now));
const complete = (state: JourneyState, actionId: string, now: string) => step(state, { type: 'CompletePactAction', actionId, operatorId: 'op-bruno' }, now);

describe('nextDeadline', () => {
  it('is null before the pact (no actions yet)', () => {
    expect(nextDeadline(started())).toBeNull();
    expect(nextDeadline(awaitingPact())).toBeNull();
  });

  it('is the earliest pending action, whatever the order of the pact; ties go to the first listed', () => {
    const state = active();
    expect(state.actions.map((a) => a.dueAt)).toEqual([DUE.A1, DUE.A2, DUE.A3, DUE.A4]);
    expect(nextDeadline(state)).toEqual({ at: DUE.A2, kind: 'action_due', actionId: 'A2' });
  });

  it('skips completed actions', () => {
    let state = complete(actionsOnly(), 'A2', '2026-02-10T09:00:00.000Z');
    expect(nextDeadline(state)).toEqual({ at: DUE.A4, kind: 'action_due', actionId: 'A4' });
    state = complete(state, 'A4', '2026-02-10T09:00:00.000Z');
    expect(nextDeadline(state)).toEqual({ at: DUE.A1, kind: 'action_due', actionId: 'A1' });
  });

  it('skips overdue actions', () => {
    const state = step(actionsOnly(), { type: 'ProcessDeadlines' }, '2026-02-21T00:00:00.000Z');
    expect(state.actions.filter((a) => a.status === 'overdue').map((a) => a.actionId)).toEqual(['A2', 'A4']);
    expect(nextDeadline(state)).toEqual({ at: DUE.A1, kind: 'action_due', actionId: 'A1' });
  });

  it('is null once nothing is pending (every action settled, the agreed contact missed, no clocks to escalate)', () => {
    let state = step(active(), { type: 'ProcessDeadlines' }, '2026-03-11T00:00:00.000Z'); // A1, A2, A4 overdue, contact missed
    state = complete(state, 'A3', '2026-03-12T00:00:00.000Z');
    expect(state.actions.map((a) => a.status)).toEqual(['overdue', 'overdue', 'completed', 'overdue']);
    expect(state.contact.missedDueAt).toBe(CONTACT_DUE);
    expect(nextDeadline(state)).toBeNull();
  });

  it('is null once the journey is closed, even with pending actions', () => {
    const closed = step(active(), { type: 'CloseJourney', reason: 'transferred', operatorId: 'op-anna' }, '2026-02-05T09:00:00.000Z');
    expect(closed.actions.every((a) => a.status === 'pending')).toBe(true);
    expect(nextDeadline(closed)).toBeNull();
  });
});

describe('ProcessDeadlines', () => {
  it('marks nothing one millisecond before the earliest due instant', () => {
    expect(markOverdue(active(), '2026-02-20T09:59:59.999Z')).toEqual([]);
  });

  it('marks the pending actions due exactly now (the boundary counts), in pact order', () => {
    const now = DUE.A2;
    const events = markOverdue(active(), now);
    expect(events).toEqual([
      { seq: 4, type: 'PactActionOverdue', at: now, data: { actionId: 'A2', dueAt: DUE.A2 } },
      { seq: 5, type: 'PactActionOverdue', at: now, data: { actionId: 'A4', dueAt: DUE.A4 } },
    ]);
  });

  it('marks exactly the pending actions with dueAt <= now: not completed ones, not future ones', () => {
    let state = complete(active(), 'A4', '2026-02-10T09:00:00.000Z');
    state = step(state, { type: 'ProcessDeadlines' }, '2026-02-25T00:00:00.000Z');
    expect(state.actions.map((a) => [a.actionId, a.status])).toEqual([
      ['A1', 'pending'],
      ['A2', 'overdue'],
      ['A3', 'pending'],
      ['A4', 'completed'],
    ]);
  });

  it('does not mark an overdue action again', () => {
    const state = step(actionsOnly(), { type: 'ProcessDeadlines' }, '2026-02-21T00:00:00.000Z');
    expect(markOverdue(state, '2026-02-22T00:00:00.000Z')).toEqual([]);
    expect(markOverdue(state, DUE.A1).map((e) => e.data)).toEqual([{ actionId: 'A1', dueAt: DUE.A1 }]);
  });

  it('a bare due date is overdue only after the end of that day in Rome', () => {
    const state = complete(complete(actionsOnly(), 'A2', '2026-02-10T09:00:00.000Z'), 'A4', '2026-02-10T09:00:00.000Z');
    // 2026-03-10 ends in Rome at 22:59:59.999Z (winter time)
    expect(markOverdue(state, '2026-03-10T22:00:00.000Z')).toEqual([]);
    expect(markOverdue(state, '2026-03-10T22:59:59.998Z')).toEqual([]);
    expect(markOverdue(state, '2026-03-10T22:59:59.999Z').map((e) => e.data)).toEqual([{ actionId: 'A1', dueAt: DUE.A1 }]);
  });

  it('after marking, the next deadline moves on to the next pending one (actions and the agreed contact), and the timer loop ends', () => {
    let state = active();
    const firings: string[] = [];
    // What the journey's single timer does: sleep until nextDeadline, then mark.
    for (let deadline = nextDeadline(state); deadline; deadline = nextDeadline(state)) {
      firings.push(`${deadline.at} ${deadline.kind} ${deadline.actionId ?? '-'}`);
      const before = state.lastSeq;
      state = step(state, { type: 'ProcessDeadlines' }, deadline.at);
      expect(state.lastSeq).toBeGreaterThan(before); // every wake-up makes progress
    }
    expect(firings).toEqual([`${DUE.A2} action_due A2`, `${CONTACT_DUE} contact_due -`, `${DUE.A1} action_due A1`, `${DUE.A3} action_due A3`]);
    expect(state.actions.every((a) => a.status === 'overdue')).toBe(true);
    expect(state.contact).toEqual({ lastContactAt: null, missedDueAt: CONTACT_DUE, missedSince: CONTACT_DUE, escalatedAt: null });
  });
});

describe('toView', () => {
  it('adds the overdue count and the next deadline to the state', () => {
    const state = active();
    const view = toView(state);
    expect(view).toStrictEqual({
      ...state,
      catalogueLabel: 'GOL',
      overdueActionCount: 0,
      pactVersionInForce: 1,
      pactVersionAwaitingAcceptance: null,
      pactAcceptanceDueAt: null,
      nextDeadline: { at: DUE.A2, kind: 'action_due', actionId: 'A2' },
      nextContactDueAt: CONTACT_DUE,
      pactDeadlineAt: null, // signed already
      firstContactDueAt: null, // taken in charge already
      // each pending action's due instant, as the pauses put it (no pause: the pact's own)
      actionsDueAt: state.actions.map((a) => ({ actionId: a.actionId, dueAt: a.dueAt })),
      pause: null,
      stalled: null,
      pendingServices: [], // no catalogue services
      totalServiceHours: 0,
      nextAppointment: null,
      proposedStepCount: 0,
      benefitRunning: false, // no benefit claimed
      profilingReviewDueAt: null, // no GOL assessment
      nextPresentationDueAt: null, // no ADI/SFL obligation
      participationEndsAt: null,
    });
  });

  it('counts overdue actions, and stops counting them once completed', () => {
    let state = step(active(), { type: 'ProcessDeadlines' }, '2026-03-11T00:00:00.000Z');
    expect(toView(state)).toMatchObject({ overdueActionCount: 3, nextDeadline: { actionId: 'A3', at: DUE.A3 } });
    state = complete(state, 'A2', '2026-03-12T00:00:00.000Z');
    expect(toView(state).overdueActionCount).toBe(2);
  });

  it('before the pact: no overdue actions, no deadline', () => {
    expect(toView(awaitingPact())).toMatchObject({ stage: 'awaiting_pact', overdueActionCount: 0, nextDeadline: null });
  });

  it('a closed journey still shows its overdue actions, with no deadline', () => {
    let state = step(active(), { type: 'ProcessDeadlines' }, '2026-02-21T00:00:00.000Z');
    state = step(state, { type: 'CloseJourney', reason: 'unreachable', operatorId: 'op-anna' }, '2026-02-22T00:00:00.000Z');
    expect(toView(state)).toMatchObject({ status: 'closed', overdueActionCount: 2, nextDeadline: null });
  });

  it('survives a JSON round trip (it is the query result)', () => {
    const view = toView(step(active(), { type: 'ProcessDeadlines' }, '2026-02-21T00:00:00.000Z'));
    expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
  });
});
