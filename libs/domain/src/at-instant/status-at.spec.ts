import { toView } from '../journey/view';
import { asEvents, processDeadlines } from '../journey/deadline-round';
import { applyEvents } from '../journey/evolve';
import { activeJourney } from '../journey/journey.test-fixture';
import { AT_INSTANT_CASES, CLOCKS, firedUpTo } from './at-instant.test-fixture';
import { statusAt } from './status-at';
import { viewAt } from './view-at';

/** What a supervisor is told, without whether the journey has decided it yet. */
function told(s: ReturnType<typeof statusAt>) {
  return {
    overdue: s.actions.filter((a) => a.overdue).map((a) => [a.actionId, a.overdueSince, a.daysOverdue]),
    overdueActionCount: s.overdueActionCount,
    contactMissed: s.contactMissed?.since ?? null,
    pactDeadlineMissed: s.pactDeadlineMissed?.since ?? null,
    firstContactMissed: s.firstContactMissed?.since ?? null,
    stalled: s.stalled,
    daysStalled: s.daysStalled,
  };
}

describe('statusAt: the time-derived statuses at the instant asked', () => {
  describe.each(AT_INSTANT_CASES)('$name', ({ state, instants }) => {
    it.each(instants)('at %s the answer does not depend on how far the timers have fired', (now) => {
      expect(told(statusAt(state, now))).toEqual(told(statusAt(firedUpTo(state, now), now)));
    });
  });

  const signed = activeJourney({ clocks: CLOCKS });
  const a1Due = signed.actions[0].dueAt;

  it('an action is overdue from the instant it falls due, before any timer marks it', () => {
    const justBefore = new Date(Date.parse(a1Due) - 1).toISOString();
    expect(statusAt(signed, justBefore).actions[0]).toMatchObject({ overdue: false, overdueSince: null, daysOverdue: null });
    expect(statusAt(signed, a1Due).actions[0]).toEqual({ actionId: signed.actions[0].actionId, overdue: true, overdueSince: a1Due, daysOverdue: 0 });
    const later = statusAt(signed, '2026-07-03T12:00:00.000Z');
    expect(later.actions[0]).toMatchObject({ overdue: true, overdueSince: a1Due, daysOverdue: 2 });
    expect(later.stalled?.reasons).toContain('overdue_action');
  });

  it('the agreed contact missed, the pact deadline missed, the first contact missed and no progress each stall the journey', () => {
    // Contacts every 30 days from the signing on 4 March (09:00 UTC, 08:00 once Rome is on summer time); 60 days without progress.
    expect(statusAt(signed, '2026-04-03T07:59:59.999Z').stalled).toBeNull();
    expect(statusAt(signed, '2026-04-04T09:00:00.000Z')).toMatchObject({ contactMissed: { since: '2026-04-03T08:00:00.000Z', decided: false }, stalled: { since: '2026-04-03T08:00:00.000Z', reasons: ['missed_contact'] } });
    expect(statusAt(signed, '2026-05-20T00:00:00.000Z').stalled).toEqual({ since: '2026-04-03T08:00:00.000Z', reasons: ['missed_contact', 'no_progress'] });
    const fired = firedUpTo(signed, '2026-04-04T09:00:00.000Z');
    expect(statusAt(fired, '2026-04-04T09:00:00.000Z').contactMissed).toEqual({ since: '2026-04-03T08:00:00.000Z', decided: true });
    const [pactCase, firstContactCase] = [AT_INSTANT_CASES[2].state, AT_INSTANT_CASES[3].state];
    expect(statusAt(pactCase, '2026-04-02T09:00:00.000Z')).toMatchObject({ pactDeadlineMissed: { since: '2026-04-02T08:00:00.000Z' }, stalled: { reasons: ['pact_not_signed'] } });
    expect(statusAt(firstContactCase, '2026-04-10T00:00:00.000Z').firstContactMissed).toMatchObject({ decided: false });
    expect(statusAt(firstContactCase, '2026-04-10T00:00:00.000Z').stalled?.reasons).toEqual(['first_contact_missed']);
  });

  it('a suspended journey and a closed one are never stalled, nothing of theirs falls overdue', () => {
    for (const c of AT_INSTANT_CASES.slice(4)) {
      const s = statusAt(c.state, '2026-12-31T00:00:00.000Z');
      expect(s.stalled).toBeNull();
      expect(s.overdueActionCount).toBe(0);
    }
  });

  it('a deadline decided late (the worker behind) counts from when it fell due, as before it was decided', () => {
    const firedAt = '2026-07-01T03:00:00.000Z';
    const late = applyEvents(signed, asEvents(signed, processDeadlines(signed, firedAt), firedAt));
    expect(late.contact.missedSince).toBe(firedAt);
    expect(late.actions[0]).toMatchObject({ status: 'overdue', overdueSince: firedAt });
    for (const now of [firedAt, '2026-07-20T00:00:00.000Z']) expect(told(statusAt(late, now))).toEqual(told(statusAt(signed, now)));
    expect(statusAt(late, firedAt).stalled).toEqual({ since: '2026-04-03T08:00:00.000Z', reasons: ['overdue_action', 'missed_contact', 'no_progress'] });
    expect(statusAt(late, firedAt).actions[0].overdueSince).toBe(a1Due);
  });

  it('viewAt shows the live view as of the instant: the action overdue, its count and the stall', () => {
    const view = viewAt(toView(signed), '2026-07-03T12:00:00.000Z');
    expect(view.asOf).toBe('2026-07-03T12:00:00.000Z');
    expect(view.actions[0]).toMatchObject({ status: 'overdue', overdueSince: a1Due });
    expect(view.actions[1].status).toBe('pending');
    expect(view.overdueActionCount).toBe(1);
    expect(view.stalled?.reasons).toEqual(['overdue_action', 'missed_contact', 'no_progress']);
    // Before anything falls due, the view is the journey's own.
    const early = viewAt(toView(signed), '2026-03-10T00:00:00.000Z');
    expect({ ...early, asOf: undefined }).toEqual({ ...toView(signed), asOf: undefined });
  });
});
