import { addDuration, subtractDuration } from '../dates';
import { NO_CLOCKS, type JourneyClocks } from '../clocks/clock-table';
import { GOL_DEFAULT_CATALOGUES } from '../programme/catalogue';
import type { JourneyCommand } from './commands';
import { nextDeadline, pactDeadlineAt, pendingDeadlines, stallOf, type Deadline } from './deadlines';
import { decide, type Decision } from './decide';
import { applyEvents, journeyStarted, replay } from './evolve';
import type { JourneyEvent, JourneyStartedData, JourneyState, PactActionInput } from './model';
import { toView } from './view';

// ---------------------------------------------------------------------------------------------------------------------
// Fixtures: every state is folded from journeyStarted(...) through decided events, never written by hand.
// ---------------------------------------------------------------------------------------------------------------------

/** The GOL default clocks: remind 2 days before, escalate after 7 days, pact within 30 days, stalled after 60 days. */
const CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };

const T = {
  started: '2026-03-02T08:00:00.000Z',
  intake: '2026-03-03T09:00:00.000Z',
  signed: '2026-03-05T10:00:00.000Z',
};

/** Every instant the clocks derive from the fixture, worked out by hand. */
const AT = {
  noProgressAfterStart: '2026-05-01T08:00:00.000Z', // started + P60D
  pactDeadline: '2026-04-02T09:00:00.000Z', // intake + P30D
  pactEscalation: '2026-04-09T09:00:00.000Z', // pact deadline + P7D
  noProgressAfterIntake: '2026-05-02T09:00:00.000Z', // intake + P60D
  a1Reminder: '2026-03-18T10:00:00.000Z', // A1 due − P2D
  a1Due: '2026-03-20T10:00:00.000Z',
  a1Escalation: '2026-03-27T10:00:00.000Z', // A1 due + P7D
  a2Reminder: '2026-04-08T10:00:00.000Z',
  a2Due: '2026-04-10T10:00:00.000Z',
  a2Escalation: '2026-04-17T10:00:00.000Z',
  contactDue: '2026-04-04T10:00:00.000Z', // signed + P30D
  contactEscalation: '2026-04-11T10:00:00.000Z', // contact due + P7D
  noProgressAfterSigning: '2026-05-04T10:00:00.000Z', // signed + P60D
};

const START: JourneyStartedData = {
  journeyId: 'J-0100',
  programmeCode: 'GOL-1',
  officeId: 'CPI-MI-01',
  didDate: '2026-03-02',
  beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.org' },
};

const ACTIONS: PactActionInput[] = [
  { kind: 'interview', description: 'Job interview at ACME', dueDate: AT.a1Due },
  { kind: 'training', description: 'Forklift licence course', dueDate: AT.a2Due },
];

interface Options {
  /** `undefined` starts the journey as before catalogues (no clocks in JourneyStarted). */
  clocks?: JourneyClocks;
  catalogueVersion?: number;
  contactFrequency?: string;
  actions?: PactActionInput[];
  signedAt?: string;
}

function accepted(decision: Decision): JourneyEvent[] {
  if (!decision.ok) throw new Error(`refused ${decision.refusal.code} (${decision.refusal.field ?? '-'}): ${decision.refusal.message}`);
  return decision.events;
}

function step(state: JourneyState, command: JourneyCommand, now: string): JourneyState {
  return applyEvents(state, accepted(decide(state, command, now)));
}

function started(opts: Options = { clocks: CLOCKS, catalogueVersion: 1 }): JourneyState {
  const data: JourneyStartedData = opts.clocks ? { ...START, clocks: opts.clocks, catalogueVersion: opts.catalogueVersion ?? 1 } : START;
  return replay([journeyStarted(data, T.started)]);
}

function awaitingPact(opts: Options = { clocks: CLOCKS }): JourneyState {
  return step(started(opts), { type: 'RecordIntake', operatorId: 'op-carla' }, T.intake);
}

/** A signed pact. The contact frequency defaults to a year, so that only tests about contacts see a contact deadline. */
function signed(opts: Options = { clocks: CLOCKS }): JourneyState {
  return step(
    awaitingPact(opts),
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-anna',
      profilingClass: 'medium',
      contactFrequency: opts.contactFrequency ?? 'P1Y',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: opts.actions ?? ACTIONS,
    },
    opts.signedAt ?? T.signed,
  );
}

/** One wake-up of the journey timer at `now`: the events it records and the state after them. */
function tick(state: JourneyState, now: string): { events: JourneyEvent[]; state: JourneyState } {
  const events = accepted(decide(state, { type: 'ProcessDeadlines' }, now));
  return { events, state: applyEvents(state, events) };
}

const brief = (events: JourneyEvent[]) => events.map((e) => ('actionId' in e.data ? `${e.type} ${e.data.actionId}` : e.type));

/** The journey's single timer run on time: sleep until nextDeadline, process it, repeat until nothing is pending. */
function runTimer(state: JourneyState): { firings: { at: string; events: string[] }[]; state: JourneyState } {
  const firings: { at: string; events: string[] }[] = [];
  for (let d = nextDeadline(state); d; d = nextDeadline(state)) {
    if (firings.length > 50) throw new Error('the timer never settles');
    const result = tick(state, d.at);
    if (result.events.length === 0) throw new Error(`the timer woke at ${d.at} (${d.kind}) for nothing`);
    firings.push({ at: d.at, events: brief(result.events) });
    state = result.state;
  }
  return { firings, state };
}

const action = (state: JourneyState, actionId: string) => state.actions.find((a) => a.actionId === actionId)!;
const kindsOf = (deadlines: Deadline[]) => deadlines.map((d) => (d.actionId ? `${d.kind} ${d.actionId}` : d.kind));

// ---------------------------------------------------------------------------------------------------------------------

describe('the clocks a journey pins at start', () => {
  it('the GOL-1 default catalogue carries exactly the clocks these tests use', () => {
    expect(GOL_DEFAULT_CATALOGUES.find((c) => c.code === 'GOL-1')?.clocks).toEqual(expect.objectContaining(CLOCKS));
  });

  it('JourneyStarted with clocks and catalogueVersion pins both in the state', () => {
    const state = started({ clocks: CLOCKS, catalogueVersion: 3 });
    expect(state.clocks).toEqual(CLOCKS);
    expect(state.catalogueVersion).toBe(3);
  });

  it('a journey started before catalogues (no clocks) runs with every clock off and no catalogue version', () => {
    const state = started({});
    expect(state.clocks).toEqual(NO_CLOCKS);
    expect(state.catalogueVersion).toBeNull();
  });
});

describe('pendingDeadlines with the GOL clocks', () => {
  it('awaiting intake: only the no-progress clock, from the start', () => {
    expect(pendingDeadlines(started())).toEqual([{ at: AT.noProgressAfterStart, kind: 'no_progress' }]);
  });

  it('awaiting the pact: the pact deadline after the presa in carico, and no progress from the intake', () => {
    expect(pendingDeadlines(awaitingPact())).toEqual([
      { at: AT.pactDeadline, kind: 'pact_deadline' },
      { at: AT.noProgressAfterIntake, kind: 'no_progress' },
    ]);
  });

  it('the pact deadline counts from takenInChargeAt (a back-dated presa in carico), not from when it was recorded', () => {
    const state = step(started(), { type: 'RecordIntake', operatorId: 'op-carla', takenInChargeAt: '2026-03-02T10:00:00+01:00' }, T.intake);
    expect(pactDeadlineAt(state)).toBe('2026-04-01T09:00:00.000Z');
    expect(pendingDeadlines(state)).toContainEqual({ at: '2026-04-01T09:00:00.000Z', kind: 'pact_deadline' });
  });

  it('pact active: a reminder and a due instant per action, the agreed contact, no progress from the signing; no pact deadline', () => {
    expect(pendingDeadlines(signed({ clocks: CLOCKS, contactFrequency: 'P30D' }))).toEqual([
      { at: AT.a1Reminder, kind: 'action_reminder', actionId: 'A1' },
      { at: AT.a1Due, kind: 'action_due', actionId: 'A1' },
      { at: AT.a2Reminder, kind: 'action_reminder', actionId: 'A2' },
      { at: AT.a2Due, kind: 'action_due', actionId: 'A2' },
      { at: AT.contactDue, kind: 'contact_due' },
      { at: AT.noProgressAfterSigning, kind: 'no_progress' },
    ]);
  });

  it('nextDeadline is the earliest of every kind: the first reminder, before any due instant', () => {
    expect(nextDeadline(signed())).toEqual({ at: AT.a1Reminder, kind: 'action_reminder', actionId: 'A1' });
    expect(nextDeadline(awaitingPact())).toEqual({ at: AT.pactDeadline, kind: 'pact_deadline' });
  });

  it('a closed journey waits for nothing, whatever it left pending', () => {
    const closed = step(signed(), { type: 'CloseJourney', reason: 'withdrawn', operatorId: 'op-anna' }, '2026-03-10T10:00:00.000Z');
    expect(pendingDeadlines(closed)).toEqual([]);
    expect(nextDeadline(closed)).toBeNull();
  });
});

describe('action reminders (reminderBeforeDue P2D)', () => {
  it('fire exactly at dueAt − P2D, not one millisecond before', () => {
    expect(tick(signed(), '2026-03-18T09:59:59.999Z').events).toEqual([]);
    expect(tick(signed(), AT.a1Reminder).events).toEqual([
      { seq: 4, type: 'PactActionReminderDue', at: AT.a1Reminder, data: { actionId: 'A1', dueAt: AT.a1Due } },
    ]);
  });

  it('fire once: the action records when, stays pending, and the next wake-up sends nothing more', () => {
    const { state } = tick(signed(), AT.a1Reminder);
    expect(action(state, 'A1')).toMatchObject({ status: 'pending', reminderSentAt: AT.a1Reminder, overdueSince: null });
    expect(tick(state, '2026-03-19T10:00:00.000Z').events).toEqual([]);
    expect(nextDeadline(state)).toEqual({ at: AT.a1Due, kind: 'action_due', actionId: 'A1' });
  });

  it('no reminder for an action already overdue at the same wake-up: only PactActionOverdue, and never a reminder afterwards', () => {
    const { events, state } = tick(signed(), AT.a1Due);
    expect(brief(events)).toEqual(['PactActionOverdue A1']);
    expect(action(state, 'A1')).toMatchObject({ status: 'overdue', reminderSentAt: null });
    expect(kindsOf(pendingDeadlines(state))).not.toContain('action_reminder A1');
    expect(brief(tick(state, '2026-03-21T10:00:00.000Z').events)).toEqual([]);
  });

  it('a completed action gets no reminder, no overdue and no escalation: completion cancels its deadlines', () => {
    const done = step(signed(), { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-03-10T10:00:00.000Z');
    expect(kindsOf(pendingDeadlines(done)).filter((k) => k.endsWith('A1'))).toEqual([]);
    // well past A1's reminder, due instant and escalation, before anything of A2
    expect(tick(done, '2026-03-30T10:00:00.000Z').events).toEqual([]);
  });

  it('completing an action after its reminder cancels the overdue and the escalation still ahead', () => {
    let state = tick(signed(), AT.a1Reminder).state;
    state = step(state, { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-03-19T10:00:00.000Z');
    expect(tick(state, '2026-03-30T10:00:00.000Z').events).toEqual([]);
    expect(action(state, 'A1')).toMatchObject({ status: 'completed', reminderSentAt: AT.a1Reminder, overdueSince: null, escalatedAt: null });
  });

  it('a reminder instant already past at the signing (due in one day) fires at the first wake-up, before the due instant', () => {
    const dueAt = '2026-03-06T10:00:00.000Z'; // signed + P1D: the reminder instant (2026-03-04) precedes the signing
    const state = signed({ clocks: CLOCKS, actions: [{ kind: 'interview', description: 'Interview tomorrow', dueDate: dueAt }] });
    expect(nextDeadline(state)).toEqual({ at: '2026-03-04T10:00:00.000Z', kind: 'action_reminder', actionId: 'A1' });
    const first = tick(state, '2026-03-05T10:00:01.000Z');
    expect(first.events).toEqual([
      { seq: 4, type: 'PactActionReminderDue', at: '2026-03-05T10:00:01.000Z', data: { actionId: 'A1', dueAt } },
    ]);
    expect(brief(tick(first.state, dueAt).events)).toEqual(['PactActionOverdue A1']);
  });
});

describe('overdue actions and their escalation (escalationAfter P7D)', () => {
  it('an action falls overdue exactly at dueAt', () => {
    const reminded = tick(signed(), AT.a1Reminder).state;
    expect(tick(reminded, '2026-03-20T09:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(reminded, AT.a1Due);
    expect(events).toEqual([{ seq: 5, type: 'PactActionOverdue', at: AT.a1Due, data: { actionId: 'A1', dueAt: AT.a1Due } }]);
    expect(action(state, 'A1')).toMatchObject({ status: 'overdue', overdueSince: AT.a1Due, escalatedAt: null });
    expect(nextDeadline(state)).toEqual({ at: AT.a1Escalation, kind: 'action_escalation', actionId: 'A1' });
  });

  it('escalates at dueAt + P7D (not one millisecond before), once', () => {
    const overdue = tick(signed(), AT.a1Due).state;
    expect(tick(overdue, '2026-03-27T09:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(overdue, AT.a1Escalation);
    expect(events).toEqual([{ seq: 5, type: 'PactActionEscalated', at: AT.a1Escalation, data: { actionId: 'A1', dueAt: AT.a1Due } }]);
    expect(action(state, 'A1')).toMatchObject({ status: 'overdue', escalatedAt: AT.a1Escalation });
    expect(kindsOf(pendingDeadlines(state)).filter((k) => k.endsWith('A1'))).toEqual([]);
    expect(tick(state, '2026-03-28T10:00:00.000Z').events).toEqual([]);
  });

  it('the escalation counts from the due instant, even when the overdue was noticed late', () => {
    const late = tick(signed(), '2026-03-25T10:00:00.000Z').state; // noticed five days late
    expect(action(late, 'A1').overdueSince).toBe('2026-03-25T10:00:00.000Z');
    expect(nextDeadline(late)).toEqual({ at: AT.a1Escalation, kind: 'action_escalation', actionId: 'A1' });
  });

  it('completing an overdue action cancels its escalation', () => {
    let state = tick(signed(), AT.a1Due).state;
    state = step(state, { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-03-22T10:00:00.000Z');
    expect(kindsOf(pendingDeadlines(state))).not.toContain('action_escalation A1');
    expect(tick(state, '2026-03-30T10:00:00.000Z').events).toEqual([]);
    expect(action(state, 'A1')).toMatchObject({ status: 'completed', overdueSince: AT.a1Due, escalatedAt: null });
  });

  it('with no escalation clock, an overdue action is never escalated', () => {
    const overdue = tick(signed({ clocks: { ...CLOCKS, escalationAfter: null } }), AT.a1Due).state;
    expect(kindsOf(pendingDeadlines(overdue))).not.toContain('action_escalation A1');
    expect(brief(tick(overdue, '2026-04-01T00:00:00.000Z').events)).toEqual([]);
  });
});

describe('the timer fired on time vs. once after weeks of downtime', () => {
  const lively = () => signed({ clocks: CLOCKS, contactFrequency: 'P30D' });

  it('on time: every deadline fires at its own instant, each wake-up records exactly its event, then the timer stops', () => {
    const { firings, state } = runTimer(lively());
    expect(firings).toEqual([
      { at: AT.a1Reminder, events: ['PactActionReminderDue A1'] },
      { at: AT.a1Due, events: ['PactActionOverdue A1'] },
      { at: AT.a1Escalation, events: ['PactActionEscalated A1'] },
      { at: AT.contactDue, events: ['ContactMissed'] },
      { at: AT.a2Reminder, events: ['PactActionReminderDue A2'] },
      { at: AT.a2Due, events: ['PactActionOverdue A2'] },
      { at: AT.contactEscalation, events: ['ContactMissedEscalated'] },
      { at: AT.a2Escalation, events: ['PactActionEscalated A2'] },
      { at: AT.noProgressAfterSigning, events: ['NoProgressDetected'] },
    ]);
    expect(nextDeadline(state)).toBeNull();
    // none of those deadline events counts as progress
    expect(state.lastProgressAt).toBe(T.signed);
  });

  it('one wake-up long after everything: overdue (without reminders) and escalations in one call, each overdue before its escalation, seq without gaps', () => {
    const now = '2026-06-01T00:00:00.000Z';
    const state = lively();
    const { events, state: after } = tick(state, now);
    // First what fell due (oldest first), then, on the resulting state, the escalations those opened (oldest first).
    expect(events.map((e) => [e.seq, e.type, e.data])).toEqual([
      [4, 'PactActionOverdue', { actionId: 'A1', dueAt: AT.a1Due }],
      [5, 'ContactMissed', { dueAt: AT.contactDue }],
      [6, 'PactActionOverdue', { actionId: 'A2', dueAt: AT.a2Due }],
      [7, 'NoProgressDetected', { lastProgressAt: T.signed }],
      [8, 'PactActionEscalated', { actionId: 'A1', dueAt: AT.a1Due }],
      [9, 'ContactMissedEscalated', { dueAt: AT.contactDue }],
      [10, 'PactActionEscalated', { actionId: 'A2', dueAt: AT.a2Due }],
    ]);
    expect(events.every((e) => e.at === now)).toBe(true);
    expect(after.actions.map((a) => [a.actionId, a.status, a.reminderSentAt, a.overdueSince, a.escalatedAt])).toEqual([
      ['A1', 'overdue', null, now, now],
      ['A2', 'overdue', null, now, now],
    ]);
    expect(nextDeadline(after)).toBeNull();
    expect(tick(after, '2026-07-01T00:00:00.000Z').events).toEqual([]);
    // the catch-up history replays like any other
    expect(replay([journeyStarted({ ...START, clocks: CLOCKS, catalogueVersion: 1 }, T.started), ...historyAfterStart(state), ...events])).toStrictEqual(after);
  });

  it('reaches the same outcome as the on-time timer (same events, same statuses), only noticed later', () => {
    const onTime = runTimer(lively());
    const late = tick(lively(), '2026-06-01T00:00:00.000Z');
    const outcome = (s: JourneyState) => ({
      actions: s.actions.map((a) => [a.actionId, a.status, a.escalatedAt !== null]),
      contact: [s.contact.missedDueAt, s.contact.escalatedAt !== null],
      stalled: stallOf(s)?.reasons,
    });
    expect(outcome(late.state)).toEqual(outcome(onTime.state));
    const onTimeEvents = onTime.firings.flatMap((f) => f.events).filter((e) => !e.startsWith('PactActionReminderDue'));
    expect(brief(late.events).sort()).toEqual(onTimeEvents.sort());
  });

  it('deciding the same catch-up twice (a retried activity) gives the same events', () => {
    const state = lively();
    expect(decide(state, { type: 'ProcessDeadlines' }, '2026-06-01T00:00:00.000Z')).toEqual(
      decide(state, { type: 'ProcessDeadlines' }, '2026-06-01T00:00:00.000Z'),
    );
  });
});

/** The events that built a state after JourneyStarted, re-decided from the fixture (states carry no history). */
function historyAfterStart(state: JourneyState): JourneyEvent[] {
  const history: JourneyEvent[] = [];
  let s = started();
  const run = (command: JourneyCommand, now: string) => {
    const events = accepted(decide(s, command, now));
    history.push(...events);
    s = applyEvents(s, events);
  };
  run({ type: 'RecordIntake', operatorId: 'op-carla' }, T.intake);
  run(
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-anna',
      profilingClass: 'medium',
      contactFrequency: state.pact!.contactFrequency,
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: ACTIONS,
    },
    T.signed,
  );
  expect(s).toStrictEqual(state);
  return history;
}

describe('the pact deadline (pactDeadline P30D after the presa in carico)', () => {
  it('is missed exactly at intake + P30D while the pact is unsigned', () => {
    expect(tick(awaitingPact(), '2026-04-02T08:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(awaitingPact(), AT.pactDeadline);
    expect(events).toEqual([{ seq: 3, type: 'PactDeadlineMissed', at: AT.pactDeadline, data: { deadlineAt: AT.pactDeadline } }]);
    expect(state.pactDeadlineMissedAt).toBe(AT.pactDeadline);
    expect(nextDeadline(state)).toEqual({ at: AT.pactEscalation, kind: 'pact_escalation' });
  });

  it('escalates P7D after the deadline, once', () => {
    const missed = tick(awaitingPact(), AT.pactDeadline).state;
    expect(tick(missed, '2026-04-09T08:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(missed, AT.pactEscalation);
    expect(events).toEqual([{ seq: 4, type: 'PactDeadlineEscalated', at: AT.pactEscalation, data: { deadlineAt: AT.pactDeadline } }]);
    expect(state.pactDeadlineEscalatedAt).toBe(AT.pactEscalation);
    expect(kindsOf(pendingDeadlines(state))).toEqual(['no_progress']);
  });

  it('a late wake-up records the missed deadline and its escalation together, in that order', () => {
    const { events } = tick(awaitingPact(), '2026-04-20T00:00:00.000Z');
    expect(events.map((e) => [e.seq, e.type, e.data])).toEqual([
      [3, 'PactDeadlineMissed', { deadlineAt: AT.pactDeadline }],
      [4, 'PactDeadlineEscalated', { deadlineAt: AT.pactDeadline }],
    ]);
  });

  it('signing the pact before the deadline removes the deadline and its escalation', () => {
    const state = signed({ clocks: CLOCKS, signedAt: '2026-03-20T09:00:00.000Z' });
    expect(kindsOf(pendingDeadlines(state))).not.toContain('pact_deadline');
    expect(toView(state).pactDeadlineAt).toBeNull();
    const { events } = tick(state, '2026-04-15T00:00:00.000Z');
    expect(events.map((e) => e.type)).not.toContain('PactDeadlineMissed');
    expect(events.map((e) => e.type)).not.toContain('PactDeadlineEscalated');
  });

  it('signing after the deadline was missed removes the escalation still ahead', () => {
    const missed = tick(awaitingPact(), AT.pactDeadline).state;
    const state = step(
      missed,
      {
        type: 'SignPact',
        responsibleOperatorId: 'op-anna',
        profilingClass: 'low',
        contactFrequency: 'P1Y',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'workshop', description: 'CV workshop', dueDate: '2026-09-30' }],
      },
      '2026-04-05T09:00:00.000Z',
    );
    expect(kindsOf(pendingDeadlines(state))).not.toContain('pact_escalation');
    expect(tick(state, '2026-04-20T00:00:00.000Z').events).toEqual([]);
    expect(stallOf(state)).toBeNull();
  });

  it('no pact deadline before the presa in carico, nor without the pactDeadline clock', () => {
    expect(kindsOf(pendingDeadlines(started()))).not.toContain('pact_deadline');
    expect(pactDeadlineAt(started())).toBeNull();
    const unclocked = awaitingPact({ clocks: { ...CLOCKS, pactDeadline: null } });
    expect(pactDeadlineAt(unclocked)).toBeNull();
    expect(kindsOf(pendingDeadlines(unclocked))).toEqual(['no_progress']);
  });
});

describe('no progress (stallAfter P60D after the last progress)', () => {
  it('is detected exactly at lastProgressAt + P60D, once, naming the last progress', () => {
    expect(tick(started(), '2026-05-01T07:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(started(), AT.noProgressAfterStart);
    expect(events).toEqual([{ seq: 2, type: 'NoProgressDetected', at: AT.noProgressAfterStart, data: { lastProgressAt: T.started } }]);
    expect(state.noProgressSince).toBe(AT.noProgressAfterStart);
    expect(pendingDeadlines(state)).toEqual([]);
    expect(tick(state, '2026-08-01T00:00:00.000Z').events).toEqual([]);
  });

  /** Each progress, on a journey already flagged as not progressing. */
  const progress: { label: string; flagged: () => JourneyState; flaggedAt: string; command: JourneyCommand; now: string; nextCheck: string }[] = [
    {
      label: 'the presa in carico',
      flagged: () => started(),
      flaggedAt: AT.noProgressAfterStart,
      command: { type: 'RecordIntake', operatorId: 'op-carla' },
      now: '2026-05-02T08:00:00.000Z',
      nextCheck: '2026-07-01T08:00:00.000Z',
    },
    {
      label: 'the signing of the pact',
      flagged: () => awaitingPact(),
      flaggedAt: AT.noProgressAfterIntake,
      command: {
        type: 'SignPact',
        responsibleOperatorId: 'op-anna',
        profilingClass: 'low',
        contactFrequency: 'P1Y',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'workshop', description: 'CV workshop', dueDate: '2026-12-01T10:00:00Z' }],
      },
      now: '2026-05-03T09:00:00.000Z',
      nextCheck: '2026-07-02T09:00:00.000Z',
    },
    {
      label: 'a completed action',
      flagged: () => signed({ clocks: CLOCKS, actions: [{ kind: 'workshop', description: 'CV workshop', dueDate: '2026-12-01T10:00:00Z' }] }),
      flaggedAt: AT.noProgressAfterSigning,
      command: { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' },
      now: '2026-05-05T10:00:00.000Z',
      nextCheck: '2026-07-04T10:00:00.000Z',
    },
    {
      label: 'a recorded contact',
      flagged: () => signed({ clocks: CLOCKS, actions: [{ kind: 'workshop', description: 'CV workshop', dueDate: '2026-12-01T10:00:00Z' }] }),
      flaggedAt: AT.noProgressAfterSigning,
      command: { type: 'RecordContact', operatorId: 'op-anna', channel: 'phone' },
      now: '2026-05-05T10:00:00.000Z',
      nextCheck: '2026-07-04T10:00:00.000Z',
    },
  ];

  it.each(progress)('$label clears it and restarts the clock', ({ flagged, flaggedAt, command, now, nextCheck }) => {
    const { events, state: stalled } = tick(flagged(), flaggedAt);
    expect(events.map((e) => e.type)).toContain('NoProgressDetected');
    expect(stallOf(stalled)?.reasons).toContain('no_progress');

    const state = step(stalled, command, now);
    expect(state.noProgressSince).toBeNull();
    expect(state.lastProgressAt).toBe(now);
    expect(pendingDeadlines(state)).toContainEqual({ at: nextCheck, kind: 'no_progress' });
    expect(stallOf(state)?.reasons ?? []).not.toContain('no_progress');
  });

  it.each(progress)('$label one day before the check moves the check P60D further', ({ flagged, flaggedAt, command }) => {
    const dayBefore = subtractDuration(flaggedAt, 'P1D');
    const state = step(flagged(), command, dayBefore);
    expect(state.lastProgressAt).toBe(dayBefore);
    expect(pendingDeadlines(state).find((d) => d.kind === 'no_progress')?.at).toBe(addDuration(dayBefore, 'P60D'));
    expect(tick(state, flaggedAt).events.map((e) => e.type)).not.toContain('NoProgressDetected');
  });

  it('deadline events (reminder, overdue, escalation, missed contact, missed pact deadline) are not progress', () => {
    const { state } = runTimer(signed({ clocks: CLOCKS, contactFrequency: 'P30D' }));
    expect(state.lastProgressAt).toBe(T.signed);
    expect(state.noProgressSince).toBe(AT.noProgressAfterSigning);

    const pact = runTimer(awaitingPact());
    expect(pact.firings.map((f) => f.events)).toEqual([['PactDeadlineMissed'], ['PactDeadlineEscalated'], ['NoProgressDetected']]);
    expect(pact.state.lastProgressAt).toBe(T.intake);
  });

  it('is off without the stallAfter clock', () => {
    const state = signed({ clocks: { ...CLOCKS, stallAfter: null } });
    expect(kindsOf(pendingDeadlines(state))).not.toContain('no_progress');
    expect(tick(state, '2027-01-01T00:00:00.000Z').events.map((e) => e.type)).not.toContain('NoProgressDetected');
  });
});

describe('each clock set to null turns off exactly its deadlines', () => {
  const SIGNED_ON_TIME = [
    'PactActionReminderDue A1',
    'PactActionOverdue A1',
    'PactActionEscalated A1',
    'ContactMissed',
    'PactActionReminderDue A2',
    'PactActionOverdue A2',
    'ContactMissedEscalated',
    'PactActionEscalated A2',
    'NoProgressDetected',
  ];
  const AWAITING_ON_TIME = ['PactDeadlineMissed', 'PactDeadlineEscalated', 'NoProgressDetected'];
  const timeline = (s: JourneyState) => runTimer(s).firings.flatMap((f) => f.events);

  it.each([
    { clock: 'reminderBeforeDue', gone: ['PactActionReminderDue'] },
    { clock: 'escalationAfter', gone: ['PactActionEscalated', 'ContactMissedEscalated', 'PactDeadlineEscalated'] },
    { clock: 'pactDeadline', gone: ['PactDeadlineMissed', 'PactDeadlineEscalated'] },
    { clock: 'stallAfter', gone: ['NoProgressDetected'] },
  ] as { clock: keyof JourneyClocks; gone: string[] }[])('$clock: null → no $gone', ({ clock, gone }) => {
    const clocks = { ...CLOCKS, [clock]: null };
    const keep = (e: string) => !gone.includes(e.split(' ')[0]);
    expect(timeline(signed({ clocks, contactFrequency: 'P30D' }))).toEqual(SIGNED_ON_TIME.filter(keep));
    expect(timeline(awaitingPact({ clocks }))).toEqual(AWAITING_ON_TIME.filter(keep));
  });

  it('with every clock on, both timelines are complete', () => {
    expect(timeline(signed({ clocks: CLOCKS, contactFrequency: 'P30D' }))).toEqual(SIGNED_ON_TIME);
    expect(timeline(awaitingPact())).toEqual(AWAITING_ON_TIME);
  });
});

describe('journeys without clocks (started before catalogues)', () => {
  const legacy = () => signed({ contactFrequency: 'P30D' });

  it('have no reminder, escalation, pact-deadline or no-progress deadline, but still action_due and contact_due', () => {
    expect(pendingDeadlines(started({}))).toEqual([]);
    expect(pendingDeadlines(awaitingPact({}))).toEqual([]);
    expect(pendingDeadlines(legacy())).toEqual([
      { at: AT.a1Due, kind: 'action_due', actionId: 'A1' },
      { at: AT.a2Due, kind: 'action_due', actionId: 'A2' },
      { at: AT.contactDue, kind: 'contact_due' },
    ]);
  });

  it('the on-time timer records only overdue actions and the missed contact, then stops', () => {
    const { firings, state } = runTimer(legacy());
    expect(firings).toEqual([
      { at: AT.a1Due, events: ['PactActionOverdue A1'] },
      { at: AT.contactDue, events: ['ContactMissed'] },
      { at: AT.a2Due, events: ['PactActionOverdue A2'] },
    ]);
    expect(nextDeadline(state)).toBeNull();
    expect(tick(state, '2027-12-31T00:00:00.000Z').events).toEqual([]);
  });

  it('a pact never signed is never flagged; the view shows no pact deadline', () => {
    const state = awaitingPact({});
    expect(tick(state, '2027-12-31T00:00:00.000Z').events).toEqual([]);
    expect(toView(state)).toMatchObject({ pactDeadlineAt: null, nextDeadline: null, stalled: null });
  });

  it('overdue actions and a missed contact still make them stalled', () => {
    const state = tick(legacy(), '2026-04-05T00:00:00.000Z').state;
    expect(stallOf(state)).toEqual({ since: '2026-04-05T00:00:00.000Z', reasons: ['overdue_action', 'missed_contact'] });
  });
});

describe('stallOf and toView().stalled', () => {
  it('a fresh journey in any stage is not stalled', () => {
    for (const state of [started(), awaitingPact(), signed()]) {
      expect(stallOf(state)).toBeNull();
      expect(toView(state).stalled).toBeNull();
    }
  });

  it('overdue_action: since the earliest overdue action, moving on as actions are completed, gone with the last', () => {
    let state = tick(signed(), AT.a1Due).state;
    expect(toView(state).stalled).toEqual({ since: AT.a1Due, reasons: ['overdue_action'] });
    state = tick(state, AT.a2Due).state; // also escalates A1, reminds nobody (A2 is due at the same wake-up)
    expect(state.actions.map((a) => a.status)).toEqual(['overdue', 'overdue']);
    expect(stallOf(state)).toEqual({ since: AT.a1Due, reasons: ['overdue_action'] });
    state = step(state, { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-04-11T10:00:00.000Z');
    expect(stallOf(state)).toEqual({ since: AT.a2Due, reasons: ['overdue_action'] });
    state = step(state, { type: 'CompletePactAction', actionId: 'A2', operatorId: 'op-anna' }, '2026-04-12T10:00:00.000Z');
    expect(stallOf(state)).toBeNull();
  });

  it('missed_contact: since the contact was noticed missing, gone with the next recorded contact', () => {
    let state = tick(signed({ clocks: CLOCKS, contactFrequency: 'P30D', actions: [{ kind: 'other', description: 'Later', dueDate: '2026-12-01' }] }), AT.contactDue).state;
    expect(toView(state).stalled).toEqual({ since: AT.contactDue, reasons: ['missed_contact'] });
    state = tick(state, AT.contactEscalation).state; // escalating does not change since when
    expect(stallOf(state)).toEqual({ since: AT.contactDue, reasons: ['missed_contact'] });
    state = step(state, { type: 'RecordContact', operatorId: 'op-anna', channel: 'in_person' }, '2026-04-12T10:00:00.000Z');
    expect(stallOf(state)).toBeNull();
  });

  it('pact_not_signed: since the pact deadline was missed, gone once the pact is signed', () => {
    const missed = tick(awaitingPact(), AT.pactDeadline).state;
    expect(toView(missed).stalled).toEqual({ since: AT.pactDeadline, reasons: ['pact_not_signed'] });
    const escalated = tick(missed, AT.pactEscalation).state;
    expect(stallOf(escalated)).toEqual({ since: AT.pactDeadline, reasons: ['pact_not_signed'] });
  });

  it('no_progress: since it was detected, gone with the next progress', () => {
    const flagged = tick(started(), AT.noProgressAfterStart).state;
    expect(toView(flagged).stalled).toEqual({ since: AT.noProgressAfterStart, reasons: ['no_progress'] });
    expect(stallOf(step(flagged, { type: 'RecordIntake', operatorId: 'op-carla' }, '2026-05-02T08:00:00.000Z'))).toBeNull();
  });

  it('several reasons at once, in a fixed order, since the earliest; each leaves as it clears', () => {
    // pact not signed on 2 April, then no progress on 2 May
    let state = tick(awaitingPact(), AT.pactDeadline).state;
    state = tick(state, AT.noProgressAfterIntake).state;
    expect(stallOf(state)).toEqual({ since: AT.pactDeadline, reasons: ['pact_not_signed', 'no_progress'] });

    // a pact signed: both cleared; then A1 overdue, the contact missed, and no progress
    state = signed({ clocks: CLOCKS, contactFrequency: 'P30D' });
    state = tick(state, AT.a1Due).state;
    state = tick(state, AT.contactDue).state; // also escalates A1
    state = tick(state, AT.noProgressAfterSigning).state; // also A2 overdue and escalated, contact escalated
    expect(stallOf(state)).toEqual({ since: AT.a1Due, reasons: ['overdue_action', 'missed_contact', 'no_progress'] });

    // completing A1 is progress: no_progress goes; A2 is still overdue (since 4 May), the contact missed since 4 April
    state = step(state, { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-05-05T10:00:00.000Z');
    expect(stallOf(state)).toEqual({ since: AT.contactDue, reasons: ['overdue_action', 'missed_contact'] });
    state = step(state, { type: 'RecordContact', operatorId: 'op-anna', channel: 'video' }, '2026-05-06T10:00:00.000Z');
    expect(stallOf(state)).toEqual({ since: AT.noProgressAfterSigning, reasons: ['overdue_action'] });
    state = step(state, { type: 'CompletePactAction', actionId: 'A2', operatorId: 'op-anna' }, '2026-05-07T10:00:00.000Z');
    expect(stallOf(state)).toBeNull();
    expect(toView(state).stalled).toBeNull();
  });

  it('a closed journey is never stalled, even with overdue actions and a missed contact', () => {
    let state = tick(signed({ clocks: CLOCKS, contactFrequency: 'P30D' }), '2026-06-01T00:00:00.000Z').state;
    expect(stallOf(state)?.reasons).toEqual(['overdue_action', 'missed_contact', 'no_progress']);
    state = step(state, { type: 'CloseJourney', reason: 'unreachable', operatorId: 'op-anna' }, '2026-06-02T00:00:00.000Z');
    expect(stallOf(state)).toBeNull();
    expect(toView(state)).toMatchObject({ stalled: null, overdueActionCount: 2, nextDeadline: null, nextContactDueAt: null });
  });

  it('the view survives a JSON round trip with every new field set', () => {
    const view = toView(tick(signed({ clocks: CLOCKS, contactFrequency: 'P30D' }), '2026-06-01T00:00:00.000Z').state);
    expect(view.stalled).not.toBeNull();
    expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
  });
});

describe('toView: nextContactDueAt and pactDeadlineAt', () => {
  it('before the pact: no contact due; the pact deadline only once taken in charge', () => {
    expect(toView(started())).toMatchObject({ nextContactDueAt: null, pactDeadlineAt: null });
    expect(toView(awaitingPact())).toMatchObject({ nextContactDueAt: null, pactDeadlineAt: AT.pactDeadline });
  });

  it('pact active: the contact is due contactFrequency after the signing, then after the last contact; none while missed', () => {
    let state = signed({ clocks: CLOCKS, contactFrequency: 'P30D' });
    expect(toView(state)).toMatchObject({ nextContactDueAt: AT.contactDue, pactDeadlineAt: null });
    state = step(state, { type: 'RecordContact', operatorId: 'op-anna', channel: 'email' }, '2026-03-10T10:00:00.000Z');
    expect(toView(state).nextContactDueAt).toBe('2026-04-09T10:00:00.000Z');
    state = tick(state, '2026-04-09T10:00:00.000Z').state;
    expect(state.contact.missedDueAt).toBe('2026-04-09T10:00:00.000Z');
    expect(toView(state).nextContactDueAt).toBeNull();
  });
});
