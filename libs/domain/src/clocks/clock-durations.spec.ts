import { pendingDeadlines } from '../journey/deadlines';
import { awaitingPactJourney, GOL1, LEGAL_CLOCKS, run, signPact, startJourney } from '../journey/journey.test-fixture';
import { pactDeadlineAt } from '../pact/pact-deadline';
import { contactDueAt } from '../contacts/agreed-contacts';

describe('clocks that are not legal run on the Rome calendar (rules edition 2)', () => {
  const clocks = { ...GOL1.clocks, pactDeadline: 'P30D', stallAfter: 'P1M' };

  it('the pact deadline (art. 20 D.lgs. 150/2015, a catalogue period): P30D from 3 March 10:00 in Rome falls due 2 April 10:00 in Rome, across summer time', () => {
    expect(pactDeadlineAt(awaitingPactJourney({ clocks }))).toBe('2026-04-02T08:00:00.000Z');
    // edition 1 (recorded journeys) keeps the UTC calendar: an hour later in Rome
    expect(pactDeadlineAt(awaitingPactJourney({ clocks, rules: 1 }))).toBe('2026-04-02T09:00:00.000Z');
  });

  it('the contact frequency (art. 20 c.2 lett. d D.lgs. 150/2015): P30D from a pact signed on 4 March 10:00 in Rome is due 3 April 10:00 in Rome', () => {
    const s = run(awaitingPactJourney({ clocks }), signPact(), '2026-03-04T09:00:00.000Z');
    expect(contactDueAt({ ...s, pact: { ...s.pact!, contactFrequency: 'P30D' } })).toBe('2026-04-03T08:00:00.000Z');
  });

  it('the stall period: P1M from 2 March 09:00 in Rome is 2 April 09:00 in Rome', () => {
    const s = startJourney({ clocks: { ...LEGAL_CLOCKS, stallAfter: 'P1M' } });
    expect(pendingDeadlines(s).find((d) => d.kind === 'no_progress')?.at).toBe('2026-04-02T07:00:00.000Z');
    expect(pendingDeadlines(startJourney({ clocks: { ...LEGAL_CLOCKS, stallAfter: 'P1M' }, rules: 1 })).find((d) => d.kind === 'no_progress')?.at).toBe('2026-04-02T08:00:00.000Z');
  });
});
