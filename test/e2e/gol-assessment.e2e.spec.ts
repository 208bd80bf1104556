import { Client, Connection } from '@temporalio/client';
import { journeySearchAttributes } from '@sal/contracts';
import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { testStack, uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * GOL's assessment stage through the API (issue 14), on the catalogues the migrations seed (`GOL` and its paths),
 * against the built API and worker on a real Temporal dev server and PostgreSQL: a journey started under `GOL` is in
 * `assessment`; the pact waits for the path; the profiling and the qualitative assessment end with the path, whose
 * catalogue (its latest version, attached by the API) the journey runs from then; the supervisors count it by path.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const OFFICE = `CPI-GOLA-${suffix}`;
const OP = 'op-assessment';
const op = product.as(tokenFor('operator', [OFFICE], OP));
const supervisor = product.as(tokenFor('supervisor', [OFFICE], 'sup-assessment'));
const today = () => romeDateOf(Date.now());
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);

const PACT = {
  responsibleOperatorId: OP,
  profilingClass: 'medium',
  jobSearchProof: 'Elenco mensile delle candidature inviate',
  availability: { workshops: true, training: true, suitableOffers: true },
  actions: [{ kind: 'training', description: 'Corso di riqualificazione in logistica', dueDate: '2099-01-31' }],
  acceptance: { method: 'signed_in_person' },
};
const PROFILING = { score: 0.63, profilingClass: 'high', profiledOn: '' };
const QUALITATIVE = {
  findings: [
    { area: 'work_experience_and_skills', level: 'critical', note: 'Competenze lontane dai profili richiesti' },
    { area: 'job_search_autonomy', level: 'to_strengthen' },
  ],
  summary: 'Serve una riqualificazione robusta prima della ricerca attiva',
};

/** The journey's search attributes as Temporal indexes them (they hold no personal data: no codec needed). */
async function indexed(journeyId: string): Promise<{ programme?: string; stage?: string }> {
  const connection = await Connection.connect({ address: testStack().temporalAddress });
  try {
    const described = await new Client({ connection, namespace: testStack().namespace }).workflow.getHandle(journeyId).describe();
    return { programme: described.typedSearchAttributes.get(journeySearchAttributes.programme), stage: described.typedSearchAttributes.get(journeySearchAttributes.stage) };
  } finally {
    await connection.close();
  }
}

async function start(programmeCode: string): Promise<HttpAnswer> {
  return op('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Marta', familyName: 'Colombo' },
    programmeCode,
    officeId: OFFICE,
    didDate: today(),
  });
}

describe('the GOL assessment decides the path', () => {
  it('under GOL: assessment, no pact before the path; profiling + qualitative + path 3 → GOL-3 and its catalogue; the pact then signs; the KPIs count it by path', async () => {
    const gol = (await op('GET', '/programmes/GOL')).body;
    const gol3 = (await op('GET', '/programmes/GOL-3')).body;
    expect(gol.assessmentAreas).toEqual(expect.arrayContaining(['job_search_autonomy', 'complex_needs']));
    expect(gol3.clocks.profilingReview).toBe('P90D');

    const started = await start('GOL');
    expect([started.status, started.body.stage]).toEqual([201, 'assessment']);
    const journeyId: string = started.body.journeyId;
    const live = (await op('GET', `/journeys/${journeyId}`)).body;
    expect(live).toMatchObject({ stage: 'assessment', programmeCode: 'GOL', catalogueVersion: gol.version, assessment: { profiling: null, path: null, areas: gol.assessmentAreas } });
    expect(live.firstContactDueAt).not.toBeNull();

    // The presa in carico happens at the first interview: the journey stays in the assessment, the pact waits.
    const intake = await op('POST', `/journeys/${journeyId}/intake`, {});
    expect([intake.status, intake.body.stage]).toEqual([200, 'assessment']);
    const refused = await op('POST', `/journeys/${journeyId}/pact`, PACT);
    expect([refused.status, codeOf(refused)]).toEqual([409, 'GOL_PATH_NOT_CHOSEN']);
    expect(codeOf(await op('POST', `/journeys/${journeyId}/assessment/path`, { path: 3, reason: 'x' }))).toBe('PROFILING_REQUIRED');

    // The national model's score as it gives it (0 to 1), and the catalogue's areas only.
    const badScore = await op('POST', `/journeys/${journeyId}/assessment/profiling`, { ...PROFILING, profiledOn: today(), score: 63 });
    expect([badScore.status, fieldsOf(badScore)]).toEqual([400, ['score']]);
    const profiled = await op('POST', `/journeys/${journeyId}/assessment/profiling`, { ...PROFILING, profiledOn: today() });
    expect(profiled.status).toBe(200);
    expect(profiled.body.assessment.profiling).toMatchObject({ score: 0.63, profilingClass: 'high', profiledOn: today(), recordedBy: OP });
    expect(profiled.body.profilingReviewDueAt).not.toBeNull();
    const badArea = await op('POST', `/journeys/${journeyId}/assessment/qualitative`, { ...QUALITATIVE, findings: [{ area: 'astrology', level: 'critical' }] });
    expect([badArea.status, fieldsOf(badArea)]).toEqual([400, ['findings[0].area']]);
    expect((await op('POST', `/journeys/${journeyId}/assessment/qualitative`, QUALITATIVE)).status).toBe(200);

    // The catalogue is the API's to attach, never the body's; path 4 names its social services.
    const withCatalogue = await op('POST', `/journeys/${journeyId}/assessment/path`, { path: 3, reason: 'x', catalogue: { code: 'GOL-3', version: 1 } });
    expect([withCatalogue.status, fieldsOf(withCatalogue)]).toEqual([400, ['catalogue']]);
    const four = await op('POST', `/journeys/${journeyId}/assessment/path`, { path: 4, reason: 'Bisogni complessi' });
    expect([four.status, codeOf(four), fieldsOf(four)]).toEqual([400, 'GOL_PATH_PARTY_REQUIRED', ['socialServices']]);

    const chosen = await op('POST', `/journeys/${journeyId}/assessment/path`, { path: 3, reason: 'Competenze da riqualificare' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      stage: 'awaiting_pact',
      programmeCode: 'GOL-3',
      catalogueVersion: gol3.version,
      services: gol3.services,
      assessment: { path: { path: 3, programmeCode: 'GOL-3', catalogueVersion: gol3.version, chosenBy: OP, reason: 'Competenze da riqualificare' } },
    });
    expect(chosen.body.clocks).toMatchObject({ profilingReview: 'P90D', pactDeadline: gol3.clocks.pactDeadline });
    expect(chosen.body.pactDeadlineAt).not.toBeNull();
    expect(codeOf(await op('POST', `/journeys/${journeyId}/assessment/path`, { path: 2, reason: 'x' }))).toBe('GOL_PATH_ALREADY_CHOSEN');
    // The search attributes follow: the programme is the path's from the choice.
    await eventually(async () => {
      const attributes = await indexed(journeyId);
      return (attributes.programme === 'GOL-3' && attributes.stage === 'awaiting_pact') || undefined;
    }, 'the programme search attribute to follow the path');

    const signed = await op('POST', `/journeys/${journeyId}/pact`, PACT);
    expect([signed.status, signed.body.stage]).toEqual([200, 'pact_active']);

    // A second journey stays in the assessment; one started under GOL-1 directly has no assessment, as before.
    const waiting = await start('GOL');
    expect(waiting.body.stage).toBe('assessment');
    const direct = await start('GOL-1');
    expect(direct.body.stage).toBe('awaiting_intake');
    const directProfiling = await op('POST', `/journeys/${direct.body.journeyId}/assessment/profiling`, { ...PROFILING, profiledOn: today() });
    expect([directProfiling.status, codeOf(directProfiling)]).toEqual([409, 'NOT_IN_ASSESSMENT']);

    // The read model follows the path: listed under GOL-3, counted by path and in the assessment.
    await eventually(async () => {
      const page = (await supervisor('GET', `/journeys?officeId=${OFFICE}&programmeCode=GOL-3`)).body;
      return page.items?.some((j: { journeyId: string; stage: string }) => j.journeyId === journeyId && j.stage === 'pact_active') || undefined;
    }, 'the journey listed under GOL-3, its pact signed');
    const kpis = await eventually(async () => {
      const body = (await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}`)).body;
      return body.journeysByGolPath?.['1'] === 1 && body.journeysInAssessment === 1 ? body : undefined;
    }, 'the KPIs by GOL path');
    expect(kpis.journeysByGolPath).toEqual({ '1': 1, '2': 0, '3': 1, '4': 0, '5': 0 });
    expect(kpis.journeysByStage).toMatchObject({ assessment: 1, pact_active: 1, awaiting_intake: 1 });
    expect(kpis.profilingReviewsDue).toBe(0);

    const timeline = (await op('GET', `/journeys/${journeyId}/events`)).body.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(['JourneyStarted', 'IntakeRecorded', 'ProfilingRecorded', 'QualitativeAssessmentRecorded', 'GolPathChosen', 'PactSigned']);
  });

  it("the profiling review: past the catalogue's period the operator is told and the supervisors list it; a new profiling clears it; a change of class is an event", async () => {
    // A GOL version whose review period has passed by the time the profiling is recorded (it counts from the day of the profiling).
    const gol = (await product.as()('GET', '/programmes/GOL')).body;
    const { code: _code, version: _version, ...definition } = gol;
    void _code;
    void _version;
    const published = await product.as()('PUT', '/programmes/GOL', { ...definition, clocks: { ...gol.clocks, profilingReview: 'PT1S' } });
    expect([published.status, published.body.clocks.profilingReview]).toEqual([200, 'PT1S']);

    const journeyId: string = (await start('GOL')).body.journeyId;
    expect((await op('POST', `/journeys/${journeyId}/assessment/profiling`, { ...PROFILING, profiledOn: today() })).status).toBe(200);
    const due = await eventually(async () => {
      const v = (await op('GET', `/journeys/${journeyId}`)).body;
      return v.assessment.profilingReviewDueAt ? v : undefined;
    }, 'the profiling review to fall due');
    expect(due.stage).toBe('assessment');
    await eventually(async () => {
      const { body } = await product.as()('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
      return body.items?.some((n: { kind: string; audience: string }) => n.kind === 'profiling_review_due' && n.audience === 'operator') || undefined;
    }, 'the review notice in the outbox');
    const listed = await eventually(async () => {
      const page = (await supervisor('GET', `/supervisor/profiling-reviews?officeId=${OFFICE}`)).body;
      return page.items?.find((j: { journeyId: string }) => j.journeyId === journeyId);
    }, 'the journey among the reviews due');
    expect(listed).toMatchObject({ programmeCode: 'GOL', stage: 'assessment', golPath: null, profilingClass: 'high', profiledOn: today() });
    expect((await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}`)).body.profilingReviewsDue).toBeGreaterThanOrEqual(1);

    // The review: another class, its own event; the new profiling restarts the (here already passed) period.
    const reviewed = await op('POST', `/journeys/${journeyId}/assessment/profiling`, { score: 0.31, profilingClass: 'medium', profiledOn: today() });
    expect([reviewed.status, reviewed.body.assessment.profiling.profilingClass]).toEqual([200, 'medium']);
    await eventually(async () => {
      const { body } = await product.as()('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
      return body.items?.some((n: { kind: string }) => n.kind === 'profiling_class_changed') || undefined;
    }, 'the class change notice in the outbox');
    const timeline = await eventually(async () => {
      const types = (await op('GET', `/journeys/${journeyId}/events`)).body.map((e: { type: string }) => e.type);
      return types.filter((t: string) => t === 'ProfilingReviewDue').length === 2 ? types : undefined;
    }, 'the second review due');
    expect(timeline.slice(0, 5)).toEqual(['JourneyStarted', 'ProfilingRecorded', 'ProfilingReviewDue', 'ProfilingRecorded', 'ProfilingClassChanged']);
  });
});
