import { addCalendarDays, DM_10_APRILE_2018, legalDeadline, romeDateOf, romeStartOfDay, type LegalClockName } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Offers as the law has them (issue 13), over HTTP against the built API and worker on a real Temporal dev server and
 * PostgreSQL: the excuse for refusing is due within 2 working days of the offer's proposal (D.M. 10 aprile 2018 art. 8
 * c.3), suitability is decided from the offer's facts (art. 25 D.lgs. 150/2015, D.M. artt. 3–7) or by an operator's
 * override with a reason, a refused offer that is not congrua opens no lapse, the offers' own list of excuses (c.2),
 * the hearing before a decadenza (c.4), and no pact without availability for suitable offers for a benefit recipient.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-OFF-${suffix}`;
const OFFICE = `CPI-OFF-${suffix}`;
const OP = 'op-offerte';
const operator = tokenFor('operator', [OFFICE], OP);

/** Legal clocks of seconds, except the offer's excuse window: 2 working days, as the D.M. says. No first-contact clock: the DID is weeks ago. */
const CLOCKS = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  justificationWindow: 'PT3S',
  offerExcuseWindow: 'P2D',
  appealWindow: 'PT30S',
  defaultContactFrequency: 'P30D',
};
const CATALOGUE = { title: 'Test offers, the law', clocks: CLOCKS, services: null, workingDayClocks: ['offerExcuseWindow'], offerSuitability: { maxDistanceKm: 50 } };

const op = product.as(operator);
const admin = product.as();
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);

function expectError(answer: HttpAnswer, status: number, code: string, fields?: string[]): void {
  expect([answer.status, codeOf(answer)]).toEqual([status, code]);
  if (fields) expect(fieldsOf(answer)).toEqual(fields);
}

const today = () => romeDateOf(Date.now());

/**
 * The latest Thursday at least 8 days before today (Rome), 10:00 in Rome: when the offer was proposed. Far enough back
 * that its 2-working-day excuse window is over whatever today is (a Thursday just before a Friday or a Monday was not:
 * on those days its window ended tomorrow or tonight), holidays included (Christmas: due 5 days after).
 */
function lastThursdayAt10(): string {
  let date = addCalendarDays(today(), -8);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 4) date = addCalendarDays(date, -1);
  return new Date(Date.parse(romeStartOfDay(date)) + 10 * 3_600_000).toISOString();
}

async function activeJourney(didDate: string): Promise<string> {
  const started = await op('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Marco', familyName: 'Bianchi' },
    programmeCode: PROGRAMME,
    officeId: OFFICE,
    didDate,
    benefit: { kind: 'naspi', applicationDate: didDate },
  });
  expect(started.status).toBe(201);
  const journeyId = started.body.journeyId as string;
  expect((await op('POST', `/journeys/${journeyId}/intake`, {})).status).toBe(200);
  const pact = await op('POST', `/journeys/${journeyId}/pact`, {
    responsibleOperatorId: OP,
    profilingClass: 'medium',
    jobSearchProof: 'Monthly report of applications sent',
    // Accepted by the person at signing: the pact is in force at once (rules edition 2).
    acceptance: { method: 'signed_in_person' },
    availability: { workshops: true, training: true, suitableOffers: true },
    actions: [{ kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' }],
  });
  expect(pact.status).toBe(200);
  return journeyId;
}

async function view(journeyId: string): Promise<any> {
  const answer = await op('GET', `/journeys/${journeyId}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Near, permanent, full time, pay 20% over a NASpI of 1000: congrua by every criterion. */
const CONGRUA = {
  distanceKm: 14,
  travelMinutes: 35,
  contractType: 'permanent',
  weeklyHours: 40,
  previousWeeklyHours: 40,
  monthlyGrossPay: 1500,
  payMeetsCollectiveAgreement: true,
  benefitMonthlyAmount: 1000,
  experienceMatch: 'pact_activity_area',
};
/** The same 70 km and 95 minutes away: too far within 12 months of unemployment (art. 6). */
const TOO_FAR = { ...CONGRUA, distanceKm: 70, travelMinutes: 95 };
const offerBody = (o: Record<string, unknown>) => ({ employer: 'Logistica Piemonte S.r.l.', position: 'Magazziniere', communicatedBy: 'pec', ...o });

describe('offers under D.M. 10 aprile 2018 over HTTP', () => {
  it('publishes a catalogue with its thresholds of a congrua offer, the D.M.’s for those it leaves out', async () => {
    const published = await admin('PUT', `/programmes/${PROGRAMME}`, CATALOGUE);
    expect(published.status).toBe(200);
    expect(published.body.offerSuitability).toEqual({ ...DM_10_APRILE_2018, maxDistanceKm: 50 });
    const bad = await admin('PUT', `/programmes/${PROGRAMME}-X`, { ...CATALOGUE, offerSuitability: { maxDistanceKm: -1, radius: 3 } });
    expectError(bad, 400, 'VALIDATION_FAILED', ['offerSuitability.maxDistanceKm', 'offerSuitability.radius']);
    expect(bad.body.error.fields.map((f: { code: string; params?: object }) => [f.code, f.params])).toEqual([
      ['too_small', { minimum: 0, origin: 'number' }],
      ['unknown_field', { name: 'radius' }],
    ]);
  });

  it('art. 8 c.3–4: an offer proposed on a Thursday and refused later has its excuse due 2 working days after the proposal; the decadenza waits for the hearing', async () => {
    const proposedAt = lastThursdayAt10();
    const journeyId = await activeJourney(addCalendarDays(romeDateOf(proposedAt), -40));
    const recorded = await op('POST', `/journeys/${journeyId}/offers`, offerBody({ proposedAt, suitability: CONGRUA }));
    expect(recorded.status).toBe(201);
    expect(recorded.body.rules).toBe(2);
    expect(recorded.body.offers[0]).toMatchObject({ offerId: 'O1', proposedAt, suitable: true, verdict: { congrua: true, failed: [] }, override: null, hearing: null });
    expect(recorded.body.offers[0].facts).toMatchObject({ distanceKm: 14, monthsUnemployed: 1, contractMonths: null });

    const refused = await op('POST', `/journeys/${journeyId}/offers/O1/response`, { response: 'refused' });
    expect(refused.status).toBe(200);
    const lapse = refused.body.lapses.find((l: { offerId: string }) => l.offerId === 'O1');
    // The domain's own clock, on the journey's own calendar and catalogue, from the proposal — not from the refusal.
    expect(lapse.justificationDueAt).toBe(legalDeadline(refused.body as { clocks: typeof CLOCKS; workingDayClocks: LegalClockName[] } as never, 'offerExcuseWindow', proposedAt));
    expect(Date.parse(lapse.justificationDueAt)).toBeLessThan(Date.parse(refused.body.offers[0].respondedAt));

    // The window was already over: the journey proposes the decadenza at once, and it waits for the hearing.
    const step = await eventually(
      async () => (await view(journeyId)).conditionalitySteps.find((s: { status: string }) => s.status === 'proposed'),
      'the past excuse window to close and the decadenza to be proposed',
      { timeoutMs: 60_000, intervalMs: 300 },
    );
    expect(step).toMatchObject({ ladder: 'suitable_offer', effect: 'decadenza', lapseId: lapse.lapseId });
    expectError(await op('POST', `/journeys/${journeyId}/conditionality-steps/${step.stepId}/confirm`, {}), 409, 'HEARING_NOT_RECORDED');
    expectError(await op('POST', `/journeys/${journeyId}/offers/O1/hearing`, { outcome: 'maybe', summary: ' ' }), 400, 'VALIDATION_FAILED', ['outcome', 'summary']);
    const heard = await op('POST', `/journeys/${journeyId}/offers/O1/hearing`, { outcome: 'declined', summary: 'Told the excuse was not accepted; did not ask to be heard within two days' });
    expect(heard.status).toBe(200);
    expect(heard.body.offers[0].hearing).toMatchObject({ lapseId: lapse.lapseId, outcome: 'declined', operatorId: OP });
    expectError(await op('POST', `/journeys/${journeyId}/offers/O1/hearing`, { outcome: 'heard', summary: 'again' }), 409, 'HEARING_ALREADY_RECORDED');
    const confirmed = await op('POST', `/journeys/${journeyId}/conditionality-steps/${step.stepId}/confirm`, { note: 'No excuse within two working days of the proposal' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'closed', closure: { reason: 'decadenza' } });
  });

  it('art. 25 D.lgs. 150/2015: an offer that is not congrua by its facts opens no lapse when refused; an override with a reason makes it count; the offers’ own excuses', async () => {
    const journeyId = await activeJourney(addCalendarDays(today(), -20));
    expectError(await op('POST', `/journeys/${journeyId}/offers`, offerBody({ suitability: { ...CONGRUA, distanceKm: -3 } })), 400, 'VALIDATION_FAILED', ['suitability.distanceKm']);
    expectError(await op('POST', `/journeys/${journeyId}/offers`, offerBody({})), 400, 'INVALID_VALUE', ['suitability']);
    const withoutBenefit: Record<string, unknown> = { ...CONGRUA };
    delete withoutBenefit.benefitMonthlyAmount;
    expectError(await op('POST', `/journeys/${journeyId}/offers`, offerBody({ suitability: withoutBenefit })), 400, 'INVALID_VALUE', ['suitability.benefitMonthlyAmount']);

    const far = await op('POST', `/journeys/${journeyId}/offers`, offerBody({ suitability: TOO_FAR }));
    expect(far.status).toBe(201);
    expect(far.body.offers[0]).toMatchObject({ offerId: 'O1', suitable: false, verdict: { congrua: false, failed: [{ criterion: 'distance', source: 'D.M. 10 aprile 2018 art. 6' }] } });
    const refusedFar = await op('POST', `/journeys/${journeyId}/offers/O1/response`, { response: 'refused' });
    expect(refusedFar.status).toBe(200);
    expect(refusedFar.body.lapses).toEqual([]);
    expectError(await op('POST', `/journeys/${journeyId}/offers/O1/hearing`, { outcome: 'heard', summary: 'nothing to hear' }), 409, 'OFFER_HAS_NO_LAPSE');

    const reason = 'The employer runs a free shuttle from the station, 20 minutes door to door';
    const overridden = await op('POST', `/journeys/${journeyId}/offers`, offerBody({ suitability: TOO_FAR, suitabilityOverride: { congrua: true, reason } }));
    expect(overridden.status).toBe(201);
    expect(overridden.body.offers[1]).toMatchObject({ offerId: 'O2', suitable: true, verdict: { congrua: false }, override: { congrua: true, reason } });
    const refused = await op('POST', `/journeys/${journeyId}/offers/O2/response`, { response: 'refused' });
    expect(refused.body.lapses).toHaveLength(1);
    const lapse = refused.body.lapses[0];
    expect(lapse).toMatchObject({ ladder: 'suitable_offer', offerId: 'O2', status: 'awaiting_justification' });
    expect(lapse.justificationDueAt).toBe(legalDeadline(refused.body as never, 'offerExcuseWindow', refused.body.offers[1].proposedAt));

    // A court summons excuses a missed appointment, not a refused offer (art. 8 c.2).
    expectError(await op('POST', `/journeys/${journeyId}/lapses/${lapse.lapseId}/justification`, { reason: 'court_summons' }), 400, 'JUSTIFICATION_REASON_NOT_APPLICABLE', ['reason']);
    const justified = await op('POST', `/journeys/${journeyId}/lapses/${lapse.lapseId}/justification`, { reason: 'serious_family_reasons', evidenceRef: 'PROT-2026-0099' });
    expect(justified.status).toBe(200);
    expect(justified.body.lapses[0]).toMatchObject({ status: 'justified', justification: { reason: 'serious_family_reasons' } });
  });

  it('art. 20 c.3 and art. 21 D.lgs. 150/2015: a benefit recipient’s pact without availability for suitable offers is refused', async () => {
    const started = await op('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Sara', familyName: 'Conti' },
      programmeCode: PROGRAMME,
      officeId: OFFICE,
      didDate: today(),
      benefit: { kind: 'naspi', applicationDate: today() },
    });
    const journeyId = started.body.journeyId;
    expect((await op('POST', `/journeys/${journeyId}/intake`, {})).status).toBe(200);
    const pact = {
      responsibleOperatorId: OP,
      profilingClass: 'medium',
      jobSearchProof: 'Monthly report of applications sent',
      availability: { workshops: true, training: true, suitableOffers: false },
      actions: [{ kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' }],
    };
    expectError(await op('POST', `/journeys/${journeyId}/pact`, pact), 409, 'SUITABLE_OFFERS_AVAILABILITY_REQUIRED', ['availability.suitableOffers']);
    expect((await view(journeyId)).stage).toBe('awaiting_pact');
  });

  it('documents the new operation, the offer fields and the new error codes in OpenAPI', async () => {
    const { body: doc } = await admin('GET', '/docs-json');
    const errors = (path: string) => Object.values(doc.paths[path].post.responses).map((r: any) => r.description).join('\n');
    for (const code of ['OFFER_HAS_NO_LAPSE', 'HEARING_ALREADY_RECORDED', 'STEP_ALREADY_DECIDED']) expect(errors('/journeys/{journeyId}/offers/{offerId}/hearing')).toContain(`\`${code}\``);
    expect(errors('/journeys/{journeyId}/conditionality-steps/{stepId}/confirm')).toContain('`HEARING_NOT_RECORDED`');
    expect(errors('/journeys/{journeyId}/lapses/{lapseId}/justification')).toContain('`JUSTIFICATION_REASON_NOT_APPLICABLE`');
    expect(errors('/journeys/{journeyId}/pact')).toContain('`SUITABLE_OFFERS_AVAILABILITY_REQUIRED`');
    const body = doc.components.schemas[doc.paths['/journeys/{journeyId}/offers'].post.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['proposedAt', 'suitability', 'suitabilityOverride', 'suitable']));
  });
});
