import { pendingDeadlines, nextDeadline } from '../journey/deadlines';
import { activeJourney, awaitingPactJourney, LEGAL_CLOCKS, startJourney } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import type { PauseState } from './model';

/**
 * Every deadline of a journey goes through the pause clock in one place (`pendingDeadlines`): the features keep
 * their deadlines as if nothing paused, with when their clock started.
 */
const DAY = 86_400_000;
const paused = (state: JourneyState, from: string, endedAt: string | null): JourneyState => ({
  ...state,
  pauses: [...state.pauses, { pauseId: `P${state.pauses.length + 1}`, kind: 'absence', from, endedAt, expectedEnd: null, job: null, resumeStage: null, absenceReason: 'illness', operatorId: 'op', endedBy: null } satisfies PauseState],
});
const at = (state: JourneyState, kind: string, actionId?: string) => pendingDeadlines(state).find((d) => d.kind === kind && (actionId === undefined || d.actionId === actionId))?.at;

describe('pauses move every pending deadline', () => {
  it('an action due during a suspension falls due later by the suspension', () => {
    const active = activeJourney(); // pact signed on 4 March, A1 due 30 June
    const dueAt = at(active, 'action_due', 'A1')!;
    const ended = paused(active, '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z');
    expect(new Date(at(ended, 'action_due', 'A1')!).getTime() - new Date(dueAt).getTime()).toBe(30 * DAY);
  });

  it('a running pause holds every clock that started before it; nothing is ahead of the journey but fixed instants', () => {
    const active = activeJourney();
    expect(pendingDeadlines(active).length).toBeGreaterThan(0);
    const running = paused(active, '2026-04-01T00:00:00.000Z', null);
    expect(pendingDeadlines(running)).toEqual([]);
    expect(nextDeadline(running)).toBeNull();
  });

  it('the pact deadline and the first contact move by the pause', () => {
    const clocks = { ...LEGAL_CLOCKS, pactDeadline: 'P30D' };
    const waiting = awaitingPactJourney({ clocks }); // taken in charge on 3 March
    const before = at(waiting, 'pact_deadline')!;
    expect(at(paused(waiting, '2026-03-10T00:00:00.000Z', '2026-03-20T00:00:00.000Z'), 'pact_deadline')).toBe(new Date(new Date(before).getTime() + 10 * DAY).toISOString());

    const started = startJourney({ benefit: null });
    const firstContact = at(started, 'first_contact')!;
    expect(at(paused(started, '2026-03-05T00:00:00.000Z', '2026-03-12T00:00:00.000Z'), 'first_contact')).toBe(new Date(new Date(firstContact).getTime() + 7 * DAY).toISOString());
  });

  it('a pause over before a clock started leaves it alone', () => {
    const active = activeJourney();
    const old = paused(active, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
    expect(pendingDeadlines(old)).toEqual(pendingDeadlines(active));
  });

  it('deadlines carry no clock bookkeeping out of the domain', () => {
    for (const d of pendingDeadlines(activeJourney())) {
      expect(d).not.toHaveProperty('since');
      expect(d).not.toHaveProperty('fixed');
    }
  });
});
