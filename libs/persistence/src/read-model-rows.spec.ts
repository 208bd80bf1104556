import { applyEvents, decide, journeyStarted, replay, type JourneyCommand } from '@sal/domain';
import { readModelRows } from './read-model-rows';

function journey(...steps: [JourneyCommand, string][]) {
  let state = replay([
    journeyStarted(
      { journeyId: 'jrn_0123456789abcdef0123456789abcdef', programmeCode: 'GOL-3', officeId: 'CPI-FI-02', didDate: '2026-09-01', beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' } },
      '2026-09-02T08:00:00.000Z',
    ),
  ]);
  for (const [command, now] of steps) {
    const d = decide(state, command, now);
    if (!d.ok) throw new Error(d.refusal.message);
    state = applyEvents(state, d.events);
  }
  return state;
}

describe('read-model rows', () => {
  it('of a new journey carry what supervisors search and nothing of a pact yet', () => {
    const { journey: row, actions } = readModelRows(journey());
    expect(row).toMatchObject({ stage: 'awaiting_intake', status: 'open', officeId: 'CPI-FI-02', fiscalCode: 'RSSMRA85T10A562S', pactVersion: null, overdueActionCount: 0, nextDeadlineAt: null, lastSeq: 1 });
    expect(actions).toEqual([]);
  });

  it('of a journey with an overdue action count it and point at the next deadline', () => {
    const state = journey(
      [{ type: 'RecordIntake', operatorId: 'op-1' }, '2026-09-03T08:00:00.000Z'],
      [
        {
          type: 'SignPact',
          responsibleOperatorId: 'op-1',
          profilingClass: 'high',
          contactFrequency: 'P30D',
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [
            { kind: 'workshop', description: 'Workshop', dueDate: '2026-09-10' },
            { kind: 'training', description: 'Course', dueDate: '2026-11-30' },
          ],
        },
        '2026-09-04T08:00:00.000Z',
      ],
      [{ type: 'ProcessDeadlines' }, '2026-09-11T08:00:00.000Z'],
    );
    const { journey: row, actions } = readModelRows(state);
    expect(row).toMatchObject({ stage: 'pact_active', responsibleOperatorId: 'op-1', profilingClass: 'high', pactVersion: 1, overdueActionCount: 1, lastSeq: 4 });
    // The agreed contact (P30D after signing) comes before the training course falls due.
    expect(row.nextDeadlineAt?.toISOString()).toBe('2026-10-04T08:00:00.000Z');
    expect(row.nextContactDueAt?.toISOString()).toBe('2026-10-04T08:00:00.000Z');
    expect(row.stallReasons).toEqual(['overdue_action']);
    expect(row.stalledSince?.toISOString()).toBe('2026-09-11T08:00:00.000Z');
    expect(actions.map((a) => [a.actionId, a.status, a.officeId])).toEqual([
      ['A1', 'overdue', 'CPI-FI-02'],
      ['A2', 'pending', 'CPI-FI-02'],
    ]);
    expect(actions[0].overdueSince?.toISOString()).toBe('2026-09-11T08:00:00.000Z');
  });
});
