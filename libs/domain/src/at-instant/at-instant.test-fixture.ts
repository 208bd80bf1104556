/** States and instants shared by the at-instant specs: the domain's own and the SQL predicate's (test/integration). */
import { toMillis } from '../dates';
import type { JourneyClocks } from '../clocks/clock-table';
import { asEvents, processDeadlines } from '../journey/deadline-round';
import { pendingDeadlines } from '../journey/deadlines';
import { applyEvents } from '../journey/evolve';
import type { JourneyState } from '../journey/model';
import { activeJourney, awaitingPactJourney, LEGAL_CLOCKS, OP, run, startJourney } from '../journey/journey.test-fixture';

/** Clocks that make every status possible: pact within 30 days, stalled after 60 days without progress, escalation after 7. */
export const CLOCKS: JourneyClocks = { ...LEGAL_CLOCKS, escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };

/**
 * The journey as its workflow leaves it once every timer up to `now` has fired on time: each deadline decided at its
 * own instant, as a worker keeping up would.
 */
export function firedUpTo(state: JourneyState, now: string): JourneyState {
  let current = state;
  for (let i = 0; i < 100; i++) {
    const due = pendingDeadlines(current).filter((d) => toMillis(d.at) <= toMillis(now));
    if (due.length === 0) return current;
    const at = due.map((d) => d.at).sort((a, b) => toMillis(a) - toMillis(b))[0];
    current = applyEvents(current, asEvents(current, processDeadlines(current, at), at));
  }
  throw new Error('the deadlines did not settle');
}

export interface AtInstantCase {
  name: string;
  state: JourneyState;
  /** Instants to ask at. */
  instants: string[];
}

const suspended = run(activeJourney({ clocks: CLOCKS }), { type: 'SuspendForJob', employer: 'ACME', contractType: 'fixed_term', startDate: '2026-03-10', expectedEndDate: '2026-06-10', operatorId: OP }, '2026-03-10T09:00:00.000Z');
const closed = run(activeJourney({ clocks: CLOCKS }), { type: 'CloseJourney', reason: 'withdrawn', operatorId: OP }, '2026-03-10T09:00:00.000Z');

/** Journeys in every situation a time-derived status has, each asked at instants before, at and after its deadlines. */
export const AT_INSTANT_CASES: AtInstantCase[] = [
  {
    name: 'pact signed: actions due 30 June and 15 July, contacts every 30 days, stalled after 60 days',
    state: activeJourney({ clocks: CLOCKS }),
    instants: ['2026-03-20T00:00:00.000Z', '2026-04-03T09:00:00.000Z', '2026-04-04T09:00:00.000Z', '2026-05-20T00:00:00.000Z', '2026-06-30T21:59:59.999Z', '2026-06-30T22:00:00.000Z', '2026-07-20T00:00:00.000Z', '2026-09-01T00:00:00.000Z'],
  },
  {
    name: 'the same journey with its first timers already fired (the worker kept up until 20 May)',
    state: firedUpTo(activeJourney({ clocks: CLOCKS }), '2026-05-20T00:00:00.000Z'),
    instants: ['2026-05-20T00:00:00.000Z', '2026-07-01T00:00:00.000Z', '2026-07-20T00:00:00.000Z'],
  },
  {
    name: 'taken in charge, pact not signed (deadline 30 days after the presa in carico)',
    state: awaitingPactJourney({ clocks: CLOCKS }),
    instants: ['2026-03-20T00:00:00.000Z', '2026-04-02T07:59:59.999Z', '2026-04-02T08:00:00.000Z', '2026-05-10T00:00:00.000Z'],
  },
  {
    name: 'waiting for the first contact (30 days from the DID, 15 from the NASpI claim)',
    state: startJourney({ clocks: CLOCKS }),
    instants: ['2026-03-10T00:00:00.000Z', '2026-03-25T00:00:00.000Z', '2026-04-10T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
  },
  { name: 'suspended by a job: its clocks stand still', state: suspended, instants: ['2026-05-01T00:00:00.000Z', '2026-07-20T00:00:00.000Z'] },
  { name: 'closed', state: closed, instants: ['2026-07-20T00:00:00.000Z'] },
];
