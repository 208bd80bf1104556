import type { JourneyClocks } from '../clocks/clock-table';
import type { JourneyCommand } from '../journey/commands';
import { contactDueAt, nextDeadline, pendingDeadlines } from '../journey/deadlines';
import { decide, type Decision } from '../journey/decide';
import { applyEvents, journeyStarted, replay } from '../journey/evolve';
import type { JourneyEvent, JourneyStartedData, JourneyState } from '../journey/model';
import { CONTACT_CHANNELS, type RecordContactCommand } from './model';
import { refusalKind, type Refusal } from '../journey/refusals';
import { toView } from '../journey/view';

// ---------------------------------------------------------------------------------------------------------------------
// The agreed contacts: the pact's contactFrequency after the signing, then after the last recorded contact.
// ---------------------------------------------------------------------------------------------------------------------

const CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };

const T = {
  started: '2026-03-02T08:00:00.000Z',
  intake: '2026-03-03T09:00:00.000Z',
  signed: '2026-03-05T10:00:00.000Z',
  /** signed + P30D */
  contactDue: '2026-04-04T10:00:00.000Z',
  /** contactDue + P7D */
  contactEscalation: '2026-04-11T10:00:00.000Z',
};

const START: JourneyStartedData = {
  journeyId: 'J-0200',
  programmeCode: 'GOL-2',
  officeId: 'CPI-BO-01',
  didDate: '2026-03-02',
  beneficiary: { fiscalCode: 'VRDGPP90E15H501Z', givenName: 'Giuseppe', familyName: 'Verdi' },
  catalogueVersion: 1,
  clocks: CLOCKS,
};

function accepted(decision: Decision): JourneyEvent[] {
  if (!decision.ok) throw new Error(`refused ${decision.refusal.code} (${decision.refusal.field ?? '-'}): ${decision.refusal.message}`);
  return decision.events;
}

function refused(decision: Decision): Refusal {
  if (decision.ok) throw new Error(`accepted: ${decision.events.map((e) => e.type).join(', ')}`);
  return decision.refusal;
}

function step(state: JourneyState, command: JourneyCommand, now: string): JourneyState {
  return applyEvents(state, accepted(decide(state, command, now)));
}

const started = () => replay([journeyStarted(START, T.started)]);
const awaitingPact = () => step(started(), { type: 'RecordIntake', operatorId: 'op-carla' }, T.intake);

/** A signed pact whose only action falls due in December, so that only the contact clock matters before May. */
function signed(contactFrequency = 'P30D'): JourneyState {
  return step(
    awaitingPact(),
    {
      type: 'SignPact',
      responsibleOperatorId: 'op-anna',
      profilingClass: 'high',
      contactFrequency,
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'tutoring', description: 'Tutoring', dueDate: '2026-12-01T10:00:00Z' }],
    },
    T.signed,
  );
}

const contact = (over: Partial<RecordContactCommand> = {}): RecordContactCommand => ({ type: 'RecordContact', operatorId: 'op-anna', channel: 'phone', ...over });

function tick(state: JourneyState, now: string): { events: JourneyEvent[]; state: JourneyState } {
  const events = accepted(decide(state, { type: 'ProcessDeadlines' }, now));
  return { events, state: applyEvents(state, events) };
}

const contactDeadlines = (state: JourneyState) => pendingDeadlines(state).filter((d) => d.kind.startsWith('contact_'));

// ---------------------------------------------------------------------------------------------------------------------

describe('when the agreed contact falls due', () => {
  it.each([
    ['P30D', '2026-04-04T10:00:00.000Z'],
    ['P1M', '2026-04-05T10:00:00.000Z'],
    ['P2W', '2026-03-19T10:00:00.000Z'],
    ['PT12H', '2026-03-05T22:00:00.000Z'],
  ])('contactFrequency %s → signedAt + %s', (frequency, dueAt) => {
    const state = signed(frequency);
    expect(contactDueAt(state)).toBe(dueAt);
    expect(contactDeadlines(state)).toEqual([{ at: dueAt, kind: 'contact_due' }]);
    expect(toView(state).nextContactDueAt).toBe(dueAt);
  });

  it('there is no agreed contact before the pact', () => {
    expect(contactDueAt(started())).toBeNull();
    expect(contactDueAt(awaitingPact())).toBeNull();
    expect(contactDeadlines(awaitingPact())).toEqual([]);
    expect(toView(awaitingPact()).nextContactDueAt).toBeNull();
  });
});

describe('RecordContact', () => {
  it('records who, how, when (defaulting to now) and the note (defaulting to null)', () => {
    const now = '2026-03-10T10:00:00.000Z';
    expect(accepted(decide(signed(), contact(), now))).toEqual([
      { seq: 4, type: 'ContactRecorded', at: now, data: { operatorId: 'op-anna', contactedAt: now, channel: 'phone', note: null } },
    ]);
  });

  it('keeps a past contactedAt in canonical UTC, and the note', () => {
    const [event] = accepted(decide(signed(), contact({ contactedAt: '2026-03-09T17:30:00+01:00', channel: 'in_person', note: 'Came to the office' }), '2026-03-10T10:00:00.000Z'));
    expect(event.data).toEqual({ operatorId: 'op-anna', contactedAt: '2026-03-09T16:30:00.000Z', channel: 'in_person', note: 'Came to the office' });
  });

  it.each(CONTACT_CHANNELS)('channel %s is accepted', (channel) => {
    expect(accepted(decide(signed(), contact({ channel }), '2026-03-10T10:00:00.000Z'))[0].data).toMatchObject({ channel });
  });

  it('moves the next contact to contactedAt + contactFrequency (not the recording time); the old due instant passes quietly', () => {
    const state = step(signed(), contact({ contactedAt: '2026-03-10T10:00:00.000Z' }), '2026-03-12T10:00:00.000Z');
    expect(state.contact).toEqual({ lastContactAt: '2026-03-10T10:00:00.000Z', missedDueAt: null, missedSince: null, escalatedAt: null });
    expect(contactDueAt(state)).toBe('2026-04-09T10:00:00.000Z');
    expect(contactDeadlines(state)).toEqual([{ at: '2026-04-09T10:00:00.000Z', kind: 'contact_due' }]);
    expect(tick(state, T.contactDue).events).toEqual([]);
    expect(tick(state, '2026-04-09T10:00:00.000Z').events).toEqual([
      { seq: 5, type: 'ContactMissed', at: '2026-04-09T10:00:00.000Z', data: { dueAt: '2026-04-09T10:00:00.000Z' } },
    ]);
  });

  it('does not touch the action deadlines', () => {
    const before = signed();
    const after = step(before, contact(), '2026-03-10T10:00:00.000Z');
    expect(pendingDeadlines(after).filter((d) => d.actionId)).toEqual(pendingDeadlines(before).filter((d) => d.actionId));
    expect(after.actions).toStrictEqual(before.actions);
  });

  describe('refusals', () => {
    const now = '2026-03-20T10:00:00.000Z';

    it.each([
      ['awaiting_intake', started],
      ['awaiting_pact', awaitingPact],
    ])('in %s → PACT_NOT_SIGNED (conflict, no field), even with a bad channel', (_stage, state) => {
      for (const command of [contact(), contact({ channel: 'fax' as never })]) {
        const refusal = refused(decide(state(), command, now));
        expect(refusal.code).toBe('PACT_NOT_SIGNED');
        expect(refusalKind(refusal.code)).toBe('conflict');
        expect(refusal).not.toHaveProperty('field');
      }
    });

    it('on a closed journey → JOURNEY_CLOSED', () => {
      const closed = step(signed(), { type: 'CloseJourney', reason: 'placed', operatorId: 'op-anna' }, '2026-03-15T10:00:00.000Z');
      expect(refused(decide(closed, contact(), now)).code).toBe('JOURNEY_CLOSED');
    });

    it.each(['fax', 'PHONE', 'sms', '', undefined])('channel %p → INVALID_VALUE on channel', (channel) => {
      const refusal = refused(decide(signed(), { ...contact(), channel: channel as never }, now));
      expect(refusal).toEqual({ code: 'INVALID_VALUE', field: 'channel', message: 'must be one of in_person, phone, email, video' });
    });

    it.each(['', '   ', undefined])('operatorId %p → INVALID_VALUE on operatorId', (operatorId) => {
      const refusal = refused(decide(signed(), { ...contact(), operatorId: operatorId as never }, now));
      expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
    });

    it('contactedAt in the future (by one millisecond) → INVALID_DATE on contactedAt; now itself is accepted', () => {
      expect(refused(decide(signed(), contact({ contactedAt: '2026-03-20T10:00:00.001Z' }), now))).toEqual({
        code: 'INVALID_DATE',
        field: 'contactedAt',
        message: 'cannot be in the future',
      });
      expect(accepted(decide(signed(), contact({ contactedAt: now }), now))[0].data).toMatchObject({ contactedAt: now });
    });

    it('contactedAt before the signing → INVALID_DATE on contactedAt; the signing instant is accepted', () => {
      expect(refused(decide(signed(), contact({ contactedAt: '2026-03-05T09:59:59.999Z' }), now))).toEqual({
        code: 'INVALID_DATE',
        field: 'contactedAt',
        message: 'cannot precede the signing of the pact',
      });
      expect(accepted(decide(signed(), contact({ contactedAt: T.signed }), now))[0].data).toMatchObject({ contactedAt: T.signed });
    });

    it('contactedAt before the last recorded contact → INVALID_DATE naming it; the same instant is accepted', () => {
      const last = '2026-03-10T10:00:00.000Z';
      const state = step(signed(), contact({ contactedAt: last }), '2026-03-11T10:00:00.000Z');
      const refusal = refused(decide(state, contact({ contactedAt: '2026-03-10T09:59:59.999Z' }), now));
      expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'contactedAt' });
      expect(refusal.message).toContain(last);
      expect(accepted(decide(state, contact({ contactedAt: last }), now))).toHaveLength(1);
    });

    it.each(['yesterday', '2026-03-10', '2026-03-10T10:00:00', '2026-02-30T10:00:00Z', ''])('unreadable contactedAt %p → INVALID_DATE on contactedAt', (contactedAt) => {
      expect(refused(decide(signed(), contact({ contactedAt }), now))).toMatchObject({ code: 'INVALID_DATE', field: 'contactedAt' });
    });

    it('a refusal leaves the journey as it was: a missed contact stays missed', () => {
      const missed = tick(signed(), T.contactDue).state;
      const copy = structuredClone(missed);
      refused(decide(missed, contact({ channel: 'fax' as never }), '2026-04-05T10:00:00.000Z'));
      expect(missed).toStrictEqual(copy);
      expect(missed.contact.missedDueAt).toBe(T.contactDue);
    });
  });
});

describe('a missed contact and its escalation (escalationAfter P7D)', () => {
  it('ContactMissed exactly at the due instant, not one millisecond before', () => {
    expect(tick(signed(), '2026-04-04T09:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(signed(), T.contactDue);
    expect(events).toEqual([{ seq: 4, type: 'ContactMissed', at: T.contactDue, data: { dueAt: T.contactDue } }]);
    expect(state.contact).toEqual({ lastContactAt: null, missedDueAt: T.contactDue, missedSince: T.contactDue, escalatedAt: null });
    expect(contactDeadlines(state)).toEqual([{ at: T.contactEscalation, kind: 'contact_escalation' }]);
    expect(toView(state).nextContactDueAt).toBeNull();
  });

  it('noticed late, it still names the instant the contact was due', () => {
    const { events, state } = tick(signed(), '2026-04-06T00:00:00.000Z');
    expect(events.map((e) => [e.type, e.data])).toEqual([['ContactMissed', { dueAt: T.contactDue }]]);
    expect(state.contact).toMatchObject({ missedDueAt: T.contactDue, missedSince: '2026-04-06T00:00:00.000Z' });
    expect(nextDeadline(state)).toEqual({ at: T.contactEscalation, kind: 'contact_escalation' });
  });

  it('ContactMissedEscalated at due + P7D exactly, once; then nothing more about contacts until one is recorded', () => {
    const missed = tick(signed(), T.contactDue).state;
    expect(tick(missed, '2026-04-11T09:59:59.999Z').events).toEqual([]);
    const { events, state } = tick(missed, T.contactEscalation);
    expect(events).toEqual([{ seq: 5, type: 'ContactMissedEscalated', at: T.contactEscalation, data: { dueAt: T.contactDue } }]);
    expect(state.contact).toEqual({ lastContactAt: null, missedDueAt: T.contactDue, missedSince: T.contactDue, escalatedAt: T.contactEscalation });
    expect(contactDeadlines(state)).toEqual([]);
    expect(tick(state, '2026-05-01T00:00:00.000Z').events).toEqual([]);
  });

  it('a late wake-up records the miss and its escalation together, in that order', () => {
    const { events } = tick(signed(), '2026-04-20T00:00:00.000Z');
    expect(events.map((e) => [e.seq, e.type, e.data])).toEqual([
      [4, 'ContactMissed', { dueAt: T.contactDue }],
      [5, 'ContactMissedEscalated', { dueAt: T.contactDue }],
    ]);
  });

  it('a contact recorded after the miss, before the escalation, cancels the escalation', () => {
    let state = tick(signed(), T.contactDue).state;
    state = step(state, contact(), '2026-04-06T10:00:00.000Z');
    expect(state.contact).toEqual({ lastContactAt: '2026-04-06T10:00:00.000Z', missedDueAt: null, missedSince: null, escalatedAt: null });
    expect(contactDeadlines(state)).toEqual([{ at: '2026-05-06T10:00:00.000Z', kind: 'contact_due' }]);
    expect(tick(state, T.contactEscalation).events).toEqual([]);
    expect(toView(state).nextContactDueAt).toBe('2026-05-06T10:00:00.000Z');
  });

  it('a contact recorded after the escalation clears both; the next miss is a new one, with its own due instant', () => {
    let state = tick(signed(), T.contactEscalation).state;
    expect(state.contact.escalatedAt).toBe(T.contactEscalation);
    state = step(state, contact({ channel: 'video' }), '2026-04-12T10:00:00.000Z');
    expect(state.contact).toEqual({ lastContactAt: '2026-04-12T10:00:00.000Z', missedDueAt: null, missedSince: null, escalatedAt: null });
    const { events } = tick(state, '2026-05-20T10:00:00.000Z');
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['ContactMissed', { dueAt: '2026-05-12T10:00:00.000Z' }],
      ['ContactMissedEscalated', { dueAt: '2026-05-12T10:00:00.000Z' }],
    ]);
  });

  it('a contact recorded late but back-dated before the due instant clears the miss; the next one counts from when it happened', () => {
    let state = tick(signed(), T.contactDue).state;
    state = step(state, contact({ contactedAt: '2026-04-03T15:00:00.000Z' }), '2026-04-05T10:00:00.000Z');
    expect(state.contact.missedDueAt).toBeNull();
    expect(contactDueAt(state)).toBe('2026-05-03T15:00:00.000Z');
  });

  it('without the escalation clock a missed contact is never escalated', () => {
    const noEscalation = replay([journeyStarted({ ...START, clocks: { ...CLOCKS, escalationAfter: null } }, T.started)]);
    let state = step(noEscalation, { type: 'RecordIntake', operatorId: 'op-carla' }, T.intake);
    state = step(
      state,
      {
        type: 'SignPact',
        responsibleOperatorId: 'op-anna',
        profilingClass: 'high',
        contactFrequency: 'P30D',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'tutoring', description: 'Tutoring', dueDate: '2026-12-01T10:00:00Z' }],
      },
      T.signed,
    );
    const { events, state: after } = tick(state, '2026-04-30T00:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['ContactMissed']);
    expect(contactDeadlines(after)).toEqual([]);
  });
});
