import type { JourneyClocks } from '../clocks/clock-table';
import type { JourneyCommand } from './commands';
import { nextDeadline } from './deadlines';
import { decide, type Decision } from './decide';
import { applyEvents, journeyStarted, replay } from './evolve';
import type { Beneficiary, JourneyEvent, JourneyStartedData, JourneyState } from './model';
import { NOTICE_AUDIENCES, NOTICE_KINDS, noticesFor, type JourneyNotice } from './notices';

// ---------------------------------------------------------------------------------------------------------------------
// Fixtures: the intake operator (op-carla) differs from the pact's responsible operator (op-anna).
// ---------------------------------------------------------------------------------------------------------------------

const CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };
const FISCAL_CODE = 'BNCLRA80A41F205G';
const PHONE = '+39 333 1234567';

const T = {
  started: '2026-03-02T08:00:00.000Z',
  intake: '2026-03-03T09:00:00.000Z',
  signed: '2026-03-05T10:00:00.000Z',
  pactDeadline: '2026-04-02T09:00:00.000Z',
  pactEscalation: '2026-04-09T09:00:00.000Z',
  a1Reminder: '2026-03-18T10:00:00.000Z',
  a1Due: '2026-03-20T10:00:00.000Z',
  a1Escalation: '2026-03-27T10:00:00.000Z',
  a2Due: '2026-04-10T10:00:00.000Z',
  contactDue: '2026-04-04T10:00:00.000Z',
  contactEscalation: '2026-04-11T10:00:00.000Z',
};

const BENEFICIARY: Beneficiary = { fiscalCode: FISCAL_CODE, givenName: 'Laura', familyName: 'Bianchi', email: 'laura.bianchi@example.org', phone: PHONE };

const START: JourneyStartedData = {
  journeyId: 'J-0300',
  programmeCode: 'GOL-3',
  officeId: 'CPI-TO-03',
  didDate: '2026-03-02',
  beneficiary: BENEFICIARY,
  catalogueVersion: 2,
  clocks: CLOCKS,
};

function accepted(decision: Decision): JourneyEvent[] {
  if (!decision.ok) throw new Error(`refused ${decision.refusal.code} (${decision.refusal.field ?? '-'}): ${decision.refusal.message}`);
  return decision.events;
}

function step(state: JourneyState, command: JourneyCommand, now: string): JourneyState {
  return applyEvents(state, accepted(decide(state, command, now)));
}

function started(start: Partial<JourneyStartedData> = {}): JourneyState {
  return replay([journeyStarted({ ...START, ...start }, T.started)]);
}

function awaitingPact(start: Partial<JourneyStartedData> = {}): JourneyState {
  return step(started(start), { type: 'RecordIntake', operatorId: 'op-carla' }, T.intake);
}

function signed(start: Partial<JourneyStartedData> = {}): JourneyState {
  return step(
    awaitingPact(start),
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-anna',
      profilingClass: 'medium',
      contactFrequency: 'P30D',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [
        { kind: 'interview', description: 'Job interview at ACME', dueDate: T.a1Due },
        { kind: 'training', description: 'Forklift licence course', dueDate: T.a2Due },
      ],
    },
    T.signed,
  );
}

/** One wake-up of the timer: its events, the state after them and the notices they send. */
function tick(state: JourneyState, now: string): { events: JourneyEvent[]; state: JourneyState; notices: JourneyNotice[] } {
  const events = accepted(decide(state, { type: 'ProcessDeadlines' }, now));
  const after = applyEvents(state, events);
  return { events, state: after, notices: noticesFor(events, after) };
}

/** Every notice the on-time timer sends over a journey's life, wake-up by wake-up. */
function allNoticesOnTime(state: JourneyState): JourneyNotice[] {
  const notices: JourneyNotice[] = [];
  for (let d = nextDeadline(state), guard = 0; d && guard < 50; d = nextDeadline(state), guard++) {
    const result = tick(state, d.at);
    notices.push(...result.notices);
    state = result.state;
  }
  return notices;
}

const who = (notices: JourneyNotice[]) => notices.map((n) => `${n.kind} → ${n.audience}`);

// ---------------------------------------------------------------------------------------------------------------------

describe('noticesFor: which notice each deadline sends, and to whom', () => {
  it('an action reminder → the beneficiary only, about the action and when it is due', () => {
    const { notices } = tick(signed(), T.a1Reminder);
    expect(notices).toEqual([
      {
        key: `J-0300:action_due_reminder:A1@${T.a1Due}:beneficiary`,
        journeyId: 'J-0300',
        officeId: 'CPI-TO-03',
        programmeCode: 'GOL-3',
        kind: 'action_due_reminder',
        audience: 'beneficiary',
        operatorId: 'op-anna',
        beneficiary: { givenName: 'Laura', familyName: 'Bianchi', email: 'laura.bianchi@example.org' },
        subject: { actionId: 'A1', actionDescription: 'Job interview at ACME', dueAt: T.a1Due },
        at: T.a1Reminder,
      },
    ]);
  });

  it('an overdue action → the beneficiary and the operator, saying since when it is overdue', () => {
    const now = '2026-03-20T10:05:00.000Z';
    const { notices } = tick(tick(signed(), T.a1Reminder).state, now);
    expect(who(notices)).toEqual(['action_overdue → beneficiary', 'action_overdue → operator']);
    for (const n of notices) {
      expect(n).toMatchObject({ operatorId: 'op-anna', at: now });
      expect(n.subject).toEqual({ actionId: 'A1', actionDescription: 'Job interview at ACME', dueAt: T.a1Due, overdueSince: now });
    }
  });

  it('an escalated action → the supervisors only, with the due instant and since when it is overdue', () => {
    const overdue = tick(signed(), T.a1Due).state;
    const { notices } = tick(overdue, T.a1Escalation);
    expect(who(notices)).toEqual(['action_overdue_escalation → supervisor']);
    expect(notices[0]).toMatchObject({
      operatorId: 'op-anna',
      at: T.a1Escalation,
      subject: { actionId: 'A1', actionDescription: 'Job interview at ACME', dueAt: T.a1Due, overdueSince: T.a1Due },
    });
  });

  it('a missed contact → the beneficiary and the operator; its escalation → the supervisors', () => {
    const actionsDone = [
      { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' },
      { type: 'CompletePactAction', actionId: 'A2', operatorId: 'op-anna' },
    ] as const;
    let state = signed();
    for (const c of actionsDone) state = step(state, c, '2026-03-10T10:00:00.000Z');
    const missed = tick(state, T.contactDue);
    expect(who(missed.notices)).toEqual(['contact_missed → beneficiary', 'contact_missed → operator']);
    expect(missed.notices.map((n) => n.subject)).toEqual([{ contactDueAt: T.contactDue }, { contactDueAt: T.contactDue }]);
    const escalated = tick(missed.state, T.contactEscalation);
    expect(who(escalated.notices)).toEqual(['contact_missed_escalation → supervisor']);
    expect(escalated.notices[0]).toMatchObject({ operatorId: 'op-anna', subject: { contactDueAt: T.contactDue }, at: T.contactEscalation });
  });

  it('a missed pact deadline → the operator who took the person in charge (no pact, no responsible operator yet); its escalation → the supervisors', () => {
    const missed = tick(awaitingPact(), T.pactDeadline);
    expect(who(missed.notices)).toEqual(['pact_deadline_missed → operator']);
    expect(missed.notices[0]).toMatchObject({ operatorId: 'op-carla', subject: { pactDeadlineAt: T.pactDeadline }, at: T.pactDeadline });
    const escalated = tick(missed.state, T.pactEscalation);
    expect(who(escalated.notices)).toEqual(['pact_deadline_escalation → supervisor']);
    expect(escalated.notices[0]).toMatchObject({ operatorId: 'op-carla', subject: { pactDeadlineAt: T.pactDeadline }, at: T.pactEscalation });
  });

  it('every other event sends nothing: start, intake, pact, completion, contact, no progress, closure', () => {
    const history: JourneyEvent[] = [journeyStarted(START, T.started)];
    let state = replay(history);
    const run = (command: JourneyCommand, now: string) => {
      const events = accepted(decide(state, command, now));
      history.push(...events);
      state = applyEvents(state, events);
    };
    run({ type: 'RecordIntake', operatorId: 'op-carla' }, T.intake);
    run(
      {
        type: 'SignPact',
        responsibleOperatorId: 'op-anna',
        profilingClass: 'low',
        contactFrequency: 'P1Y',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'workshop', description: 'CV workshop', dueDate: '2026-12-01' }],
      },
      T.signed,
    );
    run({ type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-03-06T10:00:00.000Z');
    run({ type: 'RecordContact', operatorId: 'op-anna', channel: 'phone' }, '2026-03-07T10:00:00.000Z');
    run({ type: 'ProcessDeadlines' }, '2026-05-07T10:00:00.000Z'); // 60 days without progress
    run({ type: 'CloseJourney', reason: 'placed', operatorId: 'op-anna' }, '2026-05-08T10:00:00.000Z');

    expect(history.map((e) => e.type)).toEqual([
      'JourneyStarted',
      'IntakeRecorded',
      'PactSigned',
      'PactActionCompleted',
      'ContactRecorded',
      'NoProgressDetected',
      'JourneyClosed',
    ]);
    for (const event of history) expect(noticesFor([event], state)).toEqual([]);
    expect(noticesFor(history, state)).toEqual([]);
  });

  it('a batch sends the notices of its events in order (a wake-up after weeks of downtime)', () => {
    const { notices } = tick(signed(), '2026-06-01T00:00:00.000Z');
    expect(who(notices)).toEqual([
      'action_overdue → beneficiary',
      'action_overdue → operator',
      'contact_missed → beneficiary',
      'contact_missed → operator',
      'action_overdue → beneficiary',
      'action_overdue → operator',
      // NoProgressDetected sends nothing
      'action_overdue_escalation → supervisor',
      'contact_missed_escalation → supervisor',
      'action_overdue_escalation → supervisor',
    ]);
    expect(notices.map((n) => n.subject.actionId ?? '-')).toEqual(['A1', 'A1', '-', '-', 'A2', 'A2', 'A1', '-', 'A2']);
    // no reminder for an action that is already overdue
    expect(notices.map((n) => n.kind)).not.toContain('action_due_reminder');
  });

  it('over a whole journey the on-time timer uses every kind of the pact\'s clocks and every audience', () => {
    const notices = [...allNoticesOnTime(awaitingPact()), ...allNoticesOnTime(signed())];
    // The other kinds (first contact, appointments, conditionality) are in services-notices.spec.ts, pact acceptance in pact/pact-acceptance.spec.ts.
    const others = (k: string) => k === 'pact_acceptance_overdue';
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(NOTICE_KINDS.filter((k) => !others(k) && (k.startsWith('action_') || k.startsWith('contact_') || k.startsWith('pact_')))));
    expect(new Set(notices.map((n) => n.audience))).toEqual(new Set(NOTICE_AUDIENCES));
  });
});

describe('notice keys', () => {
  const everything = () => [...allNoticesOnTime(awaitingPact()), ...allNoticesOnTime(signed())];

  it('are unique per journey, kind, deadline and audience over a whole journey', () => {
    const keys = everything().map((n) => n.key);
    expect(keys.length).toBeGreaterThan(10);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are unique within one catch-up batch', () => {
    const keys = tick(signed(), '2026-06-01T00:00:00.000Z').notices.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are stable: the same decision retried gives the same keys', () => {
    const state = tick(signed(), T.a1Reminder).state;
    expect(tick(state, T.a1Due).notices.map((n) => n.key)).toEqual(tick(state, T.a1Due).notices.map((n) => n.key));
  });

  it('do not depend on when the deadline was noticed (a retry at a later instant must not send twice)', () => {
    const onTime = tick(signed(), T.a1Due).notices;
    const late = tick(signed(), '2026-03-21T08:00:00.000Z').notices;
    expect(late.map((n) => n.at)).not.toEqual(onTime.map((n) => n.at));
    expect(late.map((n) => n.key)).toEqual(onTime.map((n) => n.key));
  });

  it('differ for a different due instant: each missed contact is a new notice', () => {
    let state = step(signed(), { type: 'CompletePactAction', actionId: 'A1', operatorId: 'op-anna' }, '2026-03-10T10:00:00.000Z');
    state = step(state, { type: 'CompletePactAction', actionId: 'A2', operatorId: 'op-anna' }, '2026-03-10T10:00:00.000Z');
    const first = tick(state, T.contactDue);
    const recontacted = step(first.state, { type: 'RecordContact', operatorId: 'op-anna', channel: 'email' }, '2026-04-05T10:00:00.000Z');
    const second = tick(recontacted, '2026-05-05T10:00:00.000Z');
    expect(who(second.notices)).toEqual(who(first.notices));
    expect(second.notices[0].subject.contactDueAt).toBe('2026-05-05T10:00:00.000Z');
    for (const key of second.notices.map((n) => n.key)) expect(first.notices.map((n) => n.key)).not.toContain(key);
  });

  it('differ between the beneficiary and the operator copy, between actions, and between a reminder and the overdue', () => {
    const reminded = tick(signed(), T.a1Reminder);
    const overdue = tick(reminded.state, T.a1Due);
    const [toBeneficiary, toOperator] = overdue.notices;
    expect(toBeneficiary.key).not.toBe(toOperator.key);
    expect(reminded.notices[0].key).not.toBe(toBeneficiary.key);
    const a2 = tick(overdue.state, T.a2Due).notices.filter((n) => n.kind === 'action_overdue');
    expect(a2.map((n) => n.key)).not.toContain(toBeneficiary.key);
    expect(a2.map((n) => n.key)).not.toContain(toOperator.key);
  });

  it('differ between journeys for the same deadline', () => {
    const mine = tick(signed(), T.a1Due).notices.map((n) => n.key);
    const other = tick(signed({ journeyId: 'J-0301' }), T.a1Due).notices.map((n) => n.key);
    expect(other).toHaveLength(mine.length);
    for (const key of other) expect(mine).not.toContain(key);
  });
});

describe('notice content', () => {
  it('operatorId is the responsible operator once the pact is signed, for every audience', () => {
    const notices = allNoticesOnTime(signed());
    expect(new Set(notices.map((n) => n.operatorId))).toEqual(new Set(['op-anna']));
  });

  it('the beneficiary email is null when the person gave none', () => {
    const { fiscalCode, givenName, familyName } = BENEFICIARY;
    const notices = tick(signed({ beneficiary: { fiscalCode, givenName, familyName } }), T.a1Due).notices;
    expect(notices.map((n) => n.beneficiary)).toEqual([
      { givenName: 'Laura', familyName: 'Bianchi', email: null },
      { givenName: 'Laura', familyName: 'Bianchi', email: null },
    ]);
  });

  it('carries no fiscal code (nor phone number) anywhere, only given name, family name and email', () => {
    const notices = [...allNoticesOnTime(awaitingPact()), ...allNoticesOnTime(signed()), ...tick(signed(), '2026-06-01T00:00:00.000Z').notices];
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      const json = JSON.stringify(notice);
      expect(json).not.toContain(FISCAL_CODE);
      expect(json).not.toContain(PHONE);
      expect(Object.keys(notice.beneficiary).sort()).toEqual(['email', 'familyName', 'givenName']);
    }
  });

  it('every notice survives a JSON round trip unchanged (it is stored in an outbox)', () => {
    const notices = [...allNoticesOnTime(awaitingPact()), ...allNoticesOnTime(signed())];
    expect(JSON.parse(JSON.stringify(notices))).toStrictEqual(notices);
  });

  it('names the journey, its office and programme', () => {
    for (const notice of allNoticesOnTime(signed())) {
      expect(notice).toMatchObject({ journeyId: 'J-0300', officeId: 'CPI-TO-03', programmeCode: 'GOL-3' });
    }
  });
});
