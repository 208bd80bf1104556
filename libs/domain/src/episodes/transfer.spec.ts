import { accept, activeJourney, OP, refuse, run, startJourney, TURIN_CPI, NAPSI, DID } from '../journey/journey.test-fixture';
import type { JourneyCommand } from '../journey/commands';
import type { JourneyState } from '../journey/model';
import { decide } from '../journey/decide';
import { NEXT_EPISODE } from './episodes.test-fixture';
import { golPathOf, nextEpisodeStart } from './transfer';

const NOW = '2026-03-10T09:00:00.000Z';
const transfer = (o: Partial<Extract<JourneyCommand, { type: 'TransferJourney' }>> = {}): JourneyCommand => ({
  type: 'TransferJourney',
  toProgrammeCode: 'GOL-2',
  reason: 'the assessment shows the person needs upskilling',
  operatorId: OP,
  nextEpisode: NEXT_EPISODE,
  ...o,
});

describe('transfer to another path (TransferJourney)', () => {
  it('records the transfer and closes the journey as transferred, naming the next episode', () => {
    const events = accept(activeJourney(), transfer(), NOW);
    expect(events.map((e) => e.type)).toEqual(['JourneyTransferred', 'JourneyClosed']);
    expect(events[1].data).toEqual({ reason: 'transferred', operatorId: OP, details: 'the assessment shows the person needs upskilling', closedAt: NOW, nextJourneyId: NEXT_EPISODE.journeyId });
    const state = run(activeJourney(), transfer(), NOW);
    expect(state).toMatchObject({ status: 'closed', stage: 'closed', closure: { reason: 'transferred', nextJourneyId: NEXT_EPISODE.journeyId } });
    expect(state.transfer).toEqual({ toProgrammeCode: 'GOL-2', reason: 'the assessment shows the person needs upskilling', operatorId: OP, nextJourneyId: NEXT_EPISODE.journeyId, nextEpisode: NEXT_EPISODE, transferredAt: NOW });
  });

  it('is taken in any open stage, even before the intake', () => {
    expect(run(startJourney(), transfer(), NOW).closure?.reason).toBe('transferred');
  });

  it('refuses the journey’s own programme', () => {
    expect(refuse(activeJourney(), transfer({ toProgrammeCode: 'GOL-1', nextEpisode: { ...NEXT_EPISODE, programmeCode: 'GOL-1' } }), NOW).code).toBe('TRANSFER_SAME_PROGRAMME');
  });

  it('refuses while a conditionality step waits for the CPI’s decision, and takes it once the step is decided', () => {
    const step = { stepId: 'S1', status: 'proposed' } as unknown as JourneyState['conditionalitySteps'][number];
    const pending: JourneyState = { ...activeJourney(), conditionalitySteps: [step] };
    expect(refuse(pending, transfer(), NOW)).toMatchObject({ code: 'CONDITIONALITY_STEP_PENDING', message: expect.stringContaining('S1') });
    const decided: JourneyState = { ...pending, conditionalitySteps: [{ ...step, status: 'dismissed' }] };
    expect(run(decided, transfer(), NOW).closure?.reason).toBe('transferred');
  });

  it('refuses a command without the next episode the API attaches, or with one for another programme or this journey', () => {
    const { nextEpisode: _n, ...bare } = transfer() as Extract<JourneyCommand, { type: 'TransferJourney' }>;
    void _n;
    expect(refuse(activeJourney(), bare, NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'nextEpisode' });
    expect(refuse(activeJourney(), transfer({ nextEpisode: { ...NEXT_EPISODE, programmeCode: 'GOL-3' } }), NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'nextEpisode' });
    expect(refuse(activeJourney(), transfer({ nextEpisode: { ...NEXT_EPISODE, journeyId: 'jrn_test' } }), NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'nextEpisode' });
    expect(refuse(activeJourney(), transfer({ nextEpisode: { ...NEXT_EPISODE, personRef: 'RSSMRA80A01H501U' } }), NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'nextEpisode' });
  });

  it('refuses an empty reason and a closed journey', () => {
    expect(refuse(activeJourney(), transfer({ reason: ' ' }), NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'reason' });
    const closed = run(activeJourney(), transfer(), NOW);
    expect(refuse(closed, transfer(), NOW).code).toBe('JOURNEY_CLOSED');
  });

  it('the next episode starts for the same person, office, DID and benefit, linked to this one', () => {
    const before = { ...activeJourney(), personRef: 'prs_00000000000000000000000000000001' };
    const start = nextEpisodeStart(run(before, transfer(), NOW));
    expect(start).toMatchObject({
      journeyId: NEXT_EPISODE.journeyId,
      programmeCode: 'GOL-2',
      officeId: 'CPI-TO-01',
      office: TURIN_CPI,
      didDate: DID,
      beneficiary: before.beneficiary,
      benefit: NAPSI,
      catalogueVersion: 1,
      clocks: NEXT_EPISODE.clocks,
      personRef: 'prs_00000000000000000000000000000001',
      previousJourneyId: 'jrn_test',
    });
    expect(start?.assessment).toBeUndefined();
    expect(start).not.toHaveProperty('catalogueScope');
    expect(nextEpisodeStart(activeJourney())).toBeNull();
  });

  it("issue 15: the next episode pins the target's catalogue in the scope the API resolved for the office's region", () => {
    const start = nextEpisodeStart(run(activeJourney(), transfer({ nextEpisode: { ...NEXT_EPISODE, catalogueVersion: 2, scope: 'piemonte' } }), NOW));
    expect(start).toMatchObject({ programmeCode: 'GOL-2', catalogueVersion: 2, catalogueScope: 'piemonte' });
  });

  it("the person's GOL monitoring data go with them to the next episode", () => {
    const monitoring = { birthDate: '1990-05-01', sex: 'F', disabled: false, longTermUnemployed: true, neet: false, socialServicesReferral: false } as const;
    const recorded = { ...activeJourney(), monitoring } as JourneyState;
    expect(nextEpisodeStart(run(recorded, transfer(), NOW))?.monitoring).toEqual(monitoring);
    expect(nextEpisodeStart(run(activeJourney(), transfer(), NOW))).not.toHaveProperty('monitoring');
  });

  it('a benefit that no longer runs is not carried: the next episode starts without it', () => {
    const ended = run(activeJourney(), { type: 'EndBenefit', endedOn: NOW.slice(0, 10), reason: 'exhausted', operatorId: OP }, NOW);
    expect(nextEpisodeStart(run(ended, transfer(), NOW))?.benefit).toBeNull();
    const suspended = run(activeJourney(), { type: 'SuspendBenefit', suspendedOn: NOW.slice(0, 10), reason: 'other', operatorId: OP }, NOW);
    expect(nextEpisodeStart(run(suspended, transfer(), NOW))?.benefit).toBeNull();
  });

  it('a journey started before episodes (no personRef) hands over the reference the API attached', () => {
    expect(nextEpisodeStart(run(activeJourney(), transfer(), NOW))?.personRef).toBe(NEXT_EPISODE.personRef);
  });

  it('carries the GOL assessment with its path set to the target, for the transfer’s reason', () => {
    const profiling = { score: 0.42, profilingClass: 'medium' as const, profiledOn: '2026-03-03', recordedBy: OP, recordedAt: '2026-03-03T09:00:00.000Z' };
    const assessed: JourneyState = {
      ...activeJourney(),
      assessment: { profiling, path: { path: 1, programmeCode: 'GOL-1', reason: 'job ready', chosenBy: 'op-x', chosenAt: '2026-03-03T09:00:00.000Z' } },
    };
    const start = nextEpisodeStart(run(assessed, transfer(), NOW));
    expect(start?.assessment).toEqual({
      profiling,
      path: { path: 2, programmeCode: 'GOL-2', reason: 'the assessment shows the person needs upskilling', chosenBy: OP, chosenAt: NOW },
    });
  });

  it('golPathOf reads the path of a GOL programme only', () => {
    expect([golPathOf('GOL-1'), golPathOf('GOL-5'), golPathOf('GOL-6'), golPathOf('GOL'), golPathOf('ADI')]).toEqual([1, 5, null, null, null]);
  });

  it('decides the same on the same state and instant (no hidden clock)', () => {
    expect(decide(activeJourney(), transfer(), NOW)).toEqual(decide(activeJourney(), transfer(), NOW));
  });
});
