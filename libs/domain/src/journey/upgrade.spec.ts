import { NO_CLOCKS } from '../clocks/clock-table';
import { SERVICE_CODES } from '../services/service-table';
import { decide } from './decide';
import { nextDeadline, pendingDeadlines } from './deadlines';
import { upgradeState } from './evolve';
import { activeJourney, awaitingPactJourney, deliver, intake, OP, OUTPUTS_TO_COMPLETE, run, startJourney, tick } from './journey.test-fixture';
import type { JourneyState, ServiceProgress } from './model';
import { noticesFor } from './notices';
import { toView } from './view';

/** States as continue-as-new carries them: plain JSON, possibly written by an older (or a later) release. */
const carried = (state: object): JourneyState => JSON.parse(JSON.stringify(state)) as JourneyState;
const LATER = '2026-03-05T10:00:00.000Z';

function without<K extends keyof JourneyState>(state: JourneyState, ...keys: K[]): JourneyState {
  const copy: Partial<JourneyState> = carried(state);
  for (const key of keys) delete copy[key];
  return copy as JourneyState;
}

/** Everything the workflow asks of a state, so a crash on an unfamiliar one shows here. */
function useEverywhere(state: JourneyState): void {
  toView(state);
  nextDeadline(state);
  const ticked = decide(state, { type: 'ProcessDeadlines' }, '2026-12-31T10:00:00.000Z');
  if (ticked.ok) noticesFor(ticked.events, state);
  decide(state, { type: 'RecordContact', operatorId: OP, channel: 'phone' }, LATER);
  for (const service of SERVICE_CODES) decide(state, deliver(service, OUTPUTS_TO_COMPLETE[service] ?? {}, service !== 'reception'), LATER);
}

describe('upgradeState on a service it has never seen', () => {
  const unknown: ServiceProgress = {
    service: 'career_guidance' as ServiceProgress['service'],
    status: 'in_progress',
    hours: 3,
    sessions: 2,
    startedAt: '2026-03-04T10:00:00.000Z',
    completedAt: null,
    outputs: { guidanceNotes: 'seen twice' } as ServiceProgress['outputs'],
  };

  it('keeps its row as it is, next to the rows of the services it knows', () => {
    const state = carried({ ...activeJourney(), serviceProgress: [...activeJourney().serviceProgress, unknown] });
    const upgraded = upgradeState(state);
    expect(upgraded.serviceProgress).toEqual(state.serviceProgress);
    expect(upgraded.serviceProgress.find((s) => s.service === unknown.service)).toEqual(unknown);
  });

  it('still decides, folds, times and shows the journey', () => {
    const state = upgradeState(carried({ ...activeJourney(), serviceProgress: [unknown, ...activeJourney().serviceProgress] }));
    expect(() => useEverywhere(state)).not.toThrow();
    expect(toView(state).totalServiceHours).toBe(3);
    const delivered = run(state, deliver('second_level_interview', OUTPUTS_TO_COMPLETE.second_level_interview, true), LATER);
    expect(delivered.serviceProgress.find((s) => s.service === unknown.service)).toEqual(unknown);
  });

  it('keeps it through the presa in carico, which completes only the services it knows to complete', () => {
    const state = upgradeState(carried({ ...startJourney(), serviceProgress: [...startJourney().serviceProgress, unknown] }));
    const taken = run(state, intake(), '2026-03-03T09:00:00.000Z');
    expect(taken.serviceProgress.find((s) => s.service === unknown.service)).toEqual(unknown);
    expect(taken.serviceProgress.find((s) => s.service === 'reception')?.status).toBe('completed');
  });

  it('lists a catalogue step for it among the pending services rather than failing', () => {
    const state = upgradeState(carried({ ...activeJourney(), services: [...activeJourney().services!, { service: unknown.service, after: [] }] }));
    expect(toView(state).pendingServices).toContain(unknown.service);
  });

  it('a row named like a property every object has is kept as well', () => {
    const odd = { ...unknown, service: 'toString' as ServiceProgress['service'] };
    const state = upgradeState(carried({ ...awaitingPactJourney(), serviceProgress: [...awaitingPactJourney().serviceProgress, odd] }));
    expect(state.serviceProgress).toContainEqual(odd);
    expect(() => useEverywhere(state)).not.toThrow();
  });
});

describe('upgradeState on a state carried before a service existed', () => {
  it('gives the missing service its row, not started, after the rows it had', () => {
    const full = activeJourney();
    const state = carried({ ...full, serviceProgress: full.serviceProgress.filter((s) => s.service !== 'job_search') });
    const upgraded = upgradeState(state);
    expect(upgraded.serviceProgress.map((s) => s.service)).toEqual([...SERVICE_CODES.filter((s) => s !== 'job_search'), 'job_search']);
    expect(upgraded.serviceProgress.at(-1)).toEqual({ service: 'job_search', status: 'not_started', hours: 0, sessions: 0, startedAt: null, completedAt: null, outputs: {} });
    expect(() => useEverywhere(upgraded)).not.toThrow();
  });
});

describe('upgradeState on missing parts', () => {
  it('defaults every list a later release added, keeping what the state has', () => {
    const full = activeJourney();
    const state = without(full, 'appointments', 'offers', 'lapses', 'conditionalitySteps', 'referrals');
    const upgraded = upgradeState(state);
    expect(upgraded).toEqual({ ...carried(full), appointments: [], offers: [], lapses: [], conditionalitySteps: [], referrals: [] });
    expect(() => useEverywhere(upgraded)).not.toThrow();
  });

  it('gives offers recorded before issue 13 their proposal (when recorded), no facts, verdict, override or hearing', () => {
    const withOffer = run(activeJourney({ rules: 1 }), { type: 'RecordJobOffer', employer: 'E', position: 'P', suitable: true, communicatedBy: 'pec', operatorId: OP }, LATER);
    const old = carried(withOffer);
    const offer: Record<string, unknown> = { ...old.offers[0] };
    for (const key of ['proposedAt', 'facts', 'verdict', 'override', 'hearing']) delete offer[key];
    const state = { ...old, offers: [offer] } as unknown as JourneyState;
    expect(upgradeState(state).offers).toEqual(carried(withOffer).offers);
    const complete = carried(withOffer);
    expect(upgradeState(complete)).toBe(complete);
    expect(() => useEverywhere(upgradeState(state))).not.toThrow();
  });

  it('rebuilds the pact versions from the signed pact when they are missing', () => {
    // States carried from older releases are of edition 1: their pact is in force from the signing.
    const full = activeJourney({ rules: 1 });
    expect(upgradeState(without(full, 'pactVersions')).pactVersions).toEqual(full.pactVersions);
  });

  it('completes a state from the first release (no clocks, contacts or progress yet)', () => {
    const full = activeJourney({ rules: 1 });
    const first = without(
      full,
      ...([
        'catalogueVersion',
        'catalogueScope',
        'clocks',
        'contact',
        'pactDeadlineMissedAt',
        'pactDeadlineEscalatedAt',
        'lastProgressAt',
        'noProgressSince',
        ...(['services', 'workingDayClocks', 'benefit', 'firstContactMissedAt', 'pactVersions', 'serviceProgress'] as const),
        ...(['appointments', 'offers', 'lapses', 'conditionalitySteps', 'referrals', 'placement'] as const),
      ] as const),
    );
    const upgraded = upgradeState(first);
    expect(upgraded).toMatchObject({
      catalogueVersion: null,
      catalogueScope: 'national',
      clocks: NO_CLOCKS,
      contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
      pactDeadlineMissedAt: null,
      pactDeadlineEscalatedAt: null,
      lastProgressAt: full.updatedAt,
      noProgressSince: null,
      services: null,
      pactVersions: full.pactVersions,
    });
    expect(upgraded.serviceProgress.find((s) => s.service === 'reception')?.status).toBe('completed');
    expect(() => useEverywhere(upgraded)).not.toThrow();
    // Without clocks the only deadline left is the agreed contact; the actions fall due as they always did.
    expect(pendingDeadlines(upgraded).map((d) => d.kind)).toEqual(['action_due', 'action_due', 'contact_due']);
    expect(tick(upgraded, '2026-07-31T10:00:00.000Z').actions.map((a) => a.status)).toEqual(['overdue', 'overdue']);
  });

  it('never changes the state it is given, and a second pass changes nothing more', () => {
    const state = without(activeJourney(), 'referrals', 'serviceProgress');
    const before = carried(state);
    const once = upgradeState(state);
    expect(state).toEqual(before);
    expect(upgradeState(once)).toBe(once);
  });
});
