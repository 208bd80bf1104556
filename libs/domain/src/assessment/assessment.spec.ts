import type { PauseState } from '../pauses/model';
import { pendingDeadlines } from '../journey/deadlines';
import type { JourneyCommand } from '../journey/commands';
import { accept, assessmentJourney, GOL1, OP, refuse, run, signPact, startJourney } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import { noticesFor } from '../journey/notices';
import { toView } from '../journey/view';
import { GOL_ASSESSMENT_CATALOGUE, validateCatalogue } from '../programme/catalogue';
import { DEFAULT_ASSESSMENT_AREAS, type ChooseGolPathCommand, type GolPathCatalogue } from './model';

/** Issue 14: GOL's assessment stage — profiling (and its review), the qualitative assessment, the choice of the path. */
const DAY = 86_400_000;
const T1 = '2026-03-04T09:00:00.000Z';
const T2 = '2026-03-05T09:00:00.000Z';
const T3 = '2026-03-06T09:00:00.000Z';

const profiling = (over: object = {}): JourneyCommand => ({ type: 'RecordProfiling', score: 0.42, profilingClass: 'medium', profiledOn: '2026-03-04', operatorId: OP, ...over }) as JourneyCommand;
const qualitative = (over: object = {}): JourneyCommand =>
  ({
    type: 'RecordQualitativeAssessment',
    findings: [
      { area: 'work_experience_and_skills', level: 'to_strengthen', note: 'Forklift licence expired' },
      { area: 'job_search_autonomy', level: 'adequate' },
    ],
    summary: 'Skills need updating for logistics',
    assessedOn: '2026-03-05',
    operatorId: OP,
    ...over,
  }) as JourneyCommand;
const catalogueOf = (path: number, version = 7): GolPathCatalogue => {
  const c = { ...GOL1, code: `GOL-${path}` };
  return { code: c.code, version, clocks: { ...c.clocks, pactDeadline: 'P30D' }, services: c.services, workingDayClocks: c.workingDayClocks, rollForwardClocks: c.rollForwardClocks, offerSuitability: { maxDistanceKm: 40 } };
};
const choose = (path: number, over: Partial<ChooseGolPathCommand> = {}): JourneyCommand =>
  ({ type: 'ChooseGolPath', path, reason: 'Needs a short retraining', operatorId: OP, catalogue: catalogueOf(path), ...over }) as JourneyCommand;
const assessed = (state: JourneyState = assessmentJourney()): JourneyState => run(run(state, profiling(), T1), qualitative(), T2);

describe('a journey started under GOL', () => {
  it('begins in the assessment, with the first-contact clock running and no pact clocks', () => {
    const state = assessmentJourney();
    expect(state).toMatchObject({ stage: 'assessment', programmeCode: 'GOL', assessment: { profiling: null, qualitative: null, path: null, areas: [...DEFAULT_ASSESSMENT_AREAS] } });
    expect(pendingDeadlines(state).map((d) => d.kind)).toEqual(['first_contact']);
    expect(toView(state).firstContactDueAt).not.toBeNull();
  });

  it('the presa in carico is recorded in it and leaves the journey there (the first-contact clock stops)', () => {
    const state = run(assessmentJourney(), { type: 'RecordIntake', operatorId: OP }, T1);
    expect(state.stage).toBe('assessment');
    expect(state.intake?.operatorId).toBe(OP);
    expect(pendingDeadlines(state).map((d) => d.kind)).not.toContain('first_contact');
    expect(refuse(state, { type: 'RecordIntake', operatorId: OP }, T2).code).toBe('INTAKE_ALREADY_RECORDED');
  });

  it('the pact is refused until the path is chosen', () => {
    const state = run(assessed(), { type: 'RecordIntake', operatorId: OP }, T2);
    expect(refuse(state, signPact(), T3)).toMatchObject({ code: 'GOL_PATH_NOT_CHOSEN' });
  });

  it('the GOL catalogue validates: its clocks, reception and the interview, the default areas', () => {
    expect(validateCatalogue(GOL_ASSESSMENT_CATALOGUE)).toEqual([]);
    expect(validateCatalogue({ ...GOL_ASSESSMENT_CATALOGUE, assessmentAreas: ['Bad Area', 'x', 'x'] }).map((p) => [p.field, p.code])).toEqual([
      ['assessmentAreas[0]', 'invalid_format'],
      ['assessmentAreas[2]', 'repeated_value'],
    ]);
    expect(GOL_ASSESSMENT_CATALOGUE.clocks.profilingReview).toBe('P90D');
  });
});

describe('RecordProfiling: the national model, as given', () => {
  it('records score, class and day; the first one is no review', () => {
    const [event] = accept(assessmentJourney(), profiling(), T1);
    expect(event).toMatchObject({ type: 'ProfilingRecorded', data: { score: 0.42, profilingClass: 'medium', profiledOn: '2026-03-04', review: false } });
    const state = run(assessmentJourney(), profiling(), T1);
    expect(state.assessment?.profiling).toEqual({ score: 0.42, profilingClass: 'medium', profiledOn: '2026-03-04', recordedBy: OP, recordedAt: T1 });
  });

  it.each([
    [{ score: 1.2 }, 'INVALID_VALUE', 'score'],
    [{ score: -0.1 }, 'INVALID_VALUE', 'score'],
    [{ score: '0.5' }, 'INVALID_VALUE', 'score'],
    [{ profilingClass: 'extreme' }, 'INVALID_VALUE', 'profilingClass'],
    [{ profiledOn: '2026-03-31' }, 'INVALID_DATE', 'profiledOn'],
    [{ profiledOn: '2026-02-01' }, 'INVALID_DATE', 'profiledOn'],
    [{ profiledOn: '04/03/2026' }, 'INVALID_DATE', 'profiledOn'],
  ])('refuses %p with %s naming %s', (over, code, field) => {
    expect(refuse(assessmentJourney(), profiling(over), T1)).toMatchObject({ code, field });
  });

  it('again later is a review; the same class changes nothing more', () => {
    const state = run(assessmentJourney(), profiling(), T1);
    expect(accept(state, profiling({ score: 0.45, profiledOn: '2026-03-05' }), T2).map((e) => [e.type, (e.data as { review?: boolean }).review])).toEqual([['ProfilingRecorded', true]]);
    expect(refuse(state, profiling({ profiledOn: '2026-03-03' }), T2)).toMatchObject({ code: 'INVALID_DATE', field: 'profiledOn' });
  });

  it('a change of class is its own event, with from and to, and tells the operator', () => {
    const state = run(assessmentJourney(), profiling(), T1);
    const events = accept(state, profiling({ score: 0.71, profilingClass: 'high', profiledOn: '2026-03-05' }), T2);
    expect(events.map((e) => e.type)).toEqual(['ProfilingRecorded', 'ProfilingClassChanged']);
    expect(events[1].data).toEqual({ from: 'medium', to: 'high', profiledOn: '2026-03-05', operatorId: OP });
    const after = run(state, profiling({ score: 0.71, profilingClass: 'high', profiledOn: '2026-03-05' }), T2);
    expect(after.assessment?.profiling?.profilingClass).toBe('high');
    const notices = noticesFor(events, after);
    expect(notices.map((n) => [n.kind, n.audience, n.subject])).toEqual([['profiling_class_changed', 'operator', { profiledOn: '2026-03-05', profilingClassFrom: 'medium', profilingClassTo: 'high' }]]);
  });
});

describe('the profiling review (catalogue clock profilingReview)', () => {
  const reviewAt = (state: JourneyState) => pendingDeadlines(state).find((d) => d.kind === 'profiling_review')?.at;

  it('falls due the period after the day of the last profiling, and tells the operator once', () => {
    const state = run(assessmentJourney(), profiling(), T1);
    expect(reviewAt(state)).toBe(toView(state).profilingReviewDueAt);
    // 90 days after the start of the day of the profiling (4 March), on the Rome calendar.
    expect(new Date(reviewAt(state)!).getTime()).toBe(new Date('2026-06-02T00:00:00+02:00').getTime());
    const before = accept(state, { type: 'ProcessDeadlines' }, '2026-06-01T12:00:00.000Z');
    expect(before.map((e) => e.type)).not.toContain('ProfilingReviewDue');
    const events = accept(state, { type: 'ProcessDeadlines' }, '2026-06-02T08:00:00.000Z');
    const review = events.find((e) => e.type === 'ProfilingReviewDue')!;
    expect(review.data).toEqual({ dueAt: reviewAt(state), profiledOn: '2026-03-04' });
    const after = run(state, { type: 'ProcessDeadlines' }, '2026-06-02T08:00:00.000Z');
    expect(noticesFor([review], after).map((n) => [n.kind, n.audience])).toEqual([['profiling_review_due', 'operator']]);
    expect(reviewAt(after)).toBeUndefined();
    expect(accept(after, { type: 'ProcessDeadlines' }, '2026-07-01T08:00:00.000Z').map((e) => e.type)).not.toContain('ProfilingReviewDue');
  });

  it('a new profiling clears it and starts the period again', () => {
    const state = run(run(assessmentJourney(), profiling(), T1), { type: 'ProcessDeadlines' }, '2026-06-02T08:00:00.000Z');
    expect(state.assessment?.profilingReviewDueAt).not.toBeNull();
    const reviewed = run(state, profiling({ profiledOn: '2026-06-02' }), '2026-06-02T09:00:00.000Z');
    expect(reviewed.assessment?.profilingReviewDueAt).toBeNull();
    expect(new Date(reviewAt(reviewed)!).getTime()).toBe(new Date('2026-08-31T00:00:00+02:00').getTime());
  });

  it('a pause after the profiling moves it on by its length; a running one holds it', () => {
    const state = run(assessmentJourney(), profiling(), T1);
    const pause: PauseState = {
      pauseId: 'P1',
      kind: 'absence',
      from: '2026-04-01T00:00:00.000Z',
      endedAt: '2026-04-11T00:00:00.000Z',
      expectedEnd: '2026-04-11T00:00:00.000Z',
      job: null,
      resumeStage: null,
      absenceReason: 'illness',
      operatorId: OP,
      endedBy: 'expected_end',
    };
    const ended = { ...state, pauses: [pause] };
    expect(new Date(reviewAt(ended)!).getTime() - new Date(reviewAt(state)!).getTime()).toBe(10 * DAY);
    expect(reviewAt({ ...ended, pauses: [{ ...ended.pauses[0], endedAt: null }] })).toBeUndefined();
  });

  it('is off when the catalogue has no profilingReview (journeys pinned before it)', () => {
    const state = run(assessmentJourney({ clocks: { ...GOL1.clocks, profilingReview: undefined } }), profiling(), T1);
    expect(reviewAt(state)).toBeUndefined();
  });
});

describe('RecordQualitativeAssessment: findings on the catalogue areas', () => {
  it('records the findings and the summary', () => {
    const state = run(assessmentJourney(), qualitative(), T2);
    expect(state.assessment?.qualitative).toEqual({
      findings: [
        { area: 'work_experience_and_skills', level: 'to_strengthen', note: 'Forklift licence expired' },
        { area: 'job_search_autonomy', level: 'adequate', note: null },
      ],
      summary: 'Skills need updating for logistics',
      assessedOn: '2026-03-05',
      recordedBy: OP,
      recordedAt: T2,
    });
  });

  it.each([
    [{ findings: [] }, 'findings'],
    [{ findings: [{ area: 'astrology', level: 'adequate' }] }, 'findings[0].area'],
    [{ findings: [{ area: 'complex_needs', level: 'awful' }] }, 'findings[0].level'],
    [{ findings: [{ area: 'complex_needs', level: 'critical' }, { area: 'complex_needs', level: 'adequate' }] }, 'findings[1].area'],
    [{ summary: '' }, 'summary'],
    [{ assessedOn: '2026-04-01' }, 'assessedOn'],
  ])('refuses %p naming %s', (over, field) => {
    expect(refuse(assessmentJourney(), qualitative(over), T2).field).toBe(field);
  });

  it('takes the areas the journey started with (the GOL catalogue data)', () => {
    const state = assessmentJourney({ assessment: { profiling: null, path: null, qualitative: null, areas: ['astrology'], profilingReviewDueAt: null } });
    expect(run(state, qualitative({ findings: [{ area: 'astrology', level: 'critical' }] }), T2).assessment?.qualitative?.findings).toHaveLength(1);
    expect(refuse(state, qualitative(), T2).field).toBe('findings');
  });
});

describe('ChooseGolPath: the assessment ends with the path', () => {
  it('requires the profiling, then the qualitative assessment', () => {
    expect(refuse(assessmentJourney(), choose(3), T3).code).toBe('PROFILING_REQUIRED');
    expect(refuse(run(assessmentJourney(), profiling(), T1), choose(3), T3).code).toBe('QUALITATIVE_ASSESSMENT_REQUIRED');
  });

  it('switches the journey to the path catalogue: programme, version, clocks, services, thresholds; awaiting the intake', () => {
    const state = run(assessed(), choose(3), T3);
    const catalogue = catalogueOf(3);
    expect(state).toMatchObject({
      stage: 'awaiting_intake',
      programmeCode: 'GOL-3',
      catalogueVersion: 7,
      clocks: catalogue.clocks,
      services: catalogue.services,
      workingDayClocks: catalogue.workingDayClocks,
      rollForwardClocks: catalogue.rollForwardClocks,
      offerSuitability: { maxDistanceKm: 40 },
    });
    expect(state.assessment?.path).toEqual({ path: 3, programmeCode: 'GOL-3', reason: 'Needs a short retraining', chosenBy: OP, chosenAt: T3, catalogueVersion: 7, socialServices: null, collectiveReallocation: null });
    expect(refuse(state, choose(2), T3).code).toBe('GOL_PATH_ALREADY_CHOSEN');
    // Still profiled, so still reviewed under the path.
    expect(pendingDeadlines(state).map((d) => d.kind)).toContain('profiling_review');
    // The path's catalogue is the national one unless the API attached a region's (issue 15).
    expect(state.catalogueScope).toBe('national');
  });

  it("issue 15: a region's own version of the path pins its scope with its version, in the state and the chosen path", () => {
    const state = run(assessed(), choose(3, { catalogue: { ...catalogueOf(3, 2), scope: 'piemonte' } }), T3);
    expect(state).toMatchObject({ programmeCode: 'GOL-3', catalogueVersion: 2, catalogueScope: 'piemonte' });
    expect(state.assessment?.path).toMatchObject({ programmeCode: 'GOL-3', catalogueVersion: 2, catalogueScope: 'piemonte' });
  });

  it('after a presa in carico during the assessment: awaiting the pact, whose clock starts at the choice; then the pact signs', () => {
    const taken = run(assessed(), { type: 'RecordIntake', operatorId: OP, takenInChargeAt: '2026-03-03T09:00:00.000Z' }, T2);
    const chosen = run(taken, choose(3), T3);
    expect(chosen.stage).toBe('awaiting_pact');
    expect(pendingDeadlines(chosen).find((d) => d.kind === 'pact_deadline')?.at).toBe('2026-04-05T08:00:00.000Z'); // 30 days after the choice, on the Rome calendar (summer time from 29 March)
    const signed = run(chosen, signPact(), '2026-03-07T09:00:00.000Z');
    expect(signed.stage).toBe('pact_active');
  });

  it('path 4 records its social services; path 5 its employer and agreement; refused with a code naming the field when missing', () => {
    const state = assessed();
    expect(refuse(state, choose(4), T3)).toMatchObject({ code: 'GOL_PATH_PARTY_REQUIRED', field: 'socialServices' });
    expect(refuse(state, choose(5), T3)).toMatchObject({ code: 'GOL_PATH_PARTY_REQUIRED', field: 'collectiveReallocation' });
    expect(refuse(state, choose(4, { socialServices: { organisation: '' } }), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'socialServices.organisation' });
    expect(refuse(state, choose(5, { collectiveReallocation: { employer: 'Acme Spa', agreementReference: '' } }), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'collectiveReallocation.agreementReference' });
    expect(refuse(state, choose(1, { socialServices: { organisation: 'Comune' } }), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'socialServices' });
    expect(refuse(state, choose(3, { collectiveReallocation: { employer: 'Acme', agreementReference: 'A-1' } }), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'collectiveReallocation' });
    const four = run(state, choose(4, { socialServices: { organisation: 'Servizi sociali Comune di Torino', reference: 'PUA-2026-12' } }), T3);
    expect(four.assessment?.path?.socialServices).toEqual({ organisation: 'Servizi sociali Comune di Torino', reference: 'PUA-2026-12' });
    const five = run(state, choose(5, { collectiveReallocation: { employer: 'Acme Logistica Spa', agreementReference: 'Accordo MIMIT 2026/44' } }), T3);
    expect(five.assessment?.path?.collectiveReallocation).toEqual({ employer: 'Acme Logistica Spa', agreementReference: 'Accordo MIMIT 2026/44' });
    expect(five.programmeCode).toBe('GOL-5');
  });

  it('refuses a path outside 1–5 and a catalogue that is not the path one (the API attaches it)', () => {
    const state = assessed();
    expect(refuse(state, choose(6), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'path' });
    expect(refuse(state, choose(3, { catalogue: undefined }), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'catalogue' });
    expect(refuse(state, choose(3, { catalogue: catalogueOf(2) }), T3)).toMatchObject({ code: 'INVALID_VALUE', field: 'catalogue' });
  });

  it('a journey started under a path has no assessment: its commands are refused, everything else as before', () => {
    const state = startJourney();
    expect(state.stage).toBe('awaiting_intake');
    expect(refuse(state, profiling(), T1).code).toBe('NOT_IN_ASSESSMENT');
    expect(refuse(state, choose(3), T1).code).toBe('NOT_IN_ASSESSMENT');
  });

  it('an assessment carried without the parts added here (an older or transferred one) reads as empty ones: default areas, no qualitative yet', () => {
    const carried = assessmentJourney({ assessment: { profiling: { score: 0.2, profilingClass: 'low', profiledOn: '2026-03-02', recordedBy: OP, recordedAt: T1 }, path: null } });
    expect(carried.stage).toBe('assessment');
    expect(refuse(carried, choose(1), T3).code).toBe('QUALITATIVE_ASSESSMENT_REQUIRED');
    const chosen = run(run(carried, qualitative(), T2), choose(1), T3);
    expect(chosen).toMatchObject({ programmeCode: 'GOL-1', stage: 'awaiting_intake', assessment: { areas: [...DEFAULT_ASSESSMENT_AREAS], profilingReviewDueAt: null } });
  });

  it('an episode carrying an assessment with its path chosen starts under its path, not in the assessment', () => {
    const path = { path: 2 as const, programmeCode: 'GOL-2', reason: 'r', chosenBy: OP, chosenAt: T1 };
    const state = startJourney({ programmeCode: 'GOL-2', assessment: { profiling: null, path } });
    expect(state.stage).toBe('awaiting_intake');
    expect(refuse(state, choose(3), T3).code).toBe('GOL_PATH_ALREADY_CHOSEN');
  });
});
