import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Issue 15, ADI and SFL over HTTP, against the built API and worker on a real Temporal dev server and PostgreSQL: the
 * programmes `ADI` and `SFL` ship with their presentation obligation; a test catalogue with the ADI's rule but a
 * presentation every few seconds drives an ADI journey whose missed meeting suspends the benefit (view, timeline, list,
 * KPIs, the operator's notice); an exemption resumes it and stops the clock; a bad obligation is refused naming fields.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-ADI-${suffix}`;
const OFFICE = `CPI-ADI-${suffix}`;
const OP = 'op-inclusione';
const op = product.as(tokenFor('operator', [OFFICE], OP));
const sup = product.as(tokenFor('supervisor', [OFFICE], 'sup-inclusione'));
const admin = product.as();
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);
const today = () => romeDateOf(Date.now());
const CLOCKS = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };

function ok(answer: HttpAnswer, status = 200): any {
  expect([answer.status, answer.status === status ? undefined : answer.body]).toEqual([status, undefined]);
  return answer.body;
}

describe('ADI and SFL over HTTP', () => {
  it('ship as programmes with the decree\'s presentation obligation; a bad obligation is refused naming its fields', async () => {
    const adi = ok(await op('GET', '/programmes/ADI'));
    expect(adi).toMatchObject({ code: 'ADI', version: 1, presentation: { benefit: 'adi', kind: 'meeting', first: 'P120D', every: 'P90D', decadenzaOnMissedConvocation: true, duration: null } });
    const sfl = ok(await op('GET', '/programmes/SFL'));
    expect(sfl.presentation).toEqual({
      benefit: 'sfl',
      kind: 'confirmation',
      first: null,
      every: 'P90D',
      decadenzaOnMissedConvocation: true,
      duration: { length: 'P12M', extension: 'P12M', updateWindow: 'P1M', updateGrace: 'P90D' },
    });
    const bad = await admin('PUT', `/programmes/${PROGRAMME}-BAD`, {
      title: 'Bad',
      clocks: CLOCKS,
      presentation: { benefit: 'naspi', kind: 'meeting', first: null, every: 'soon', decadenzaOnMissedConvocation: true, duration: null },
    });
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['presentation.benefit', 'presentation.every']]);
    // Each with its rule's code, for the console to phrase (not `other`).
    expect(bad.body.error.fields.map((f: { code: string; params?: object }) => [f.code, f.params])).toEqual([
      ['invalid_value', { values: 'adi, sfl' }],
      ['invalid_duration', undefined],
    ]);
  });

  it('an ADI journey missing its meeting is suspended; an exemption resumes it and stops the clock', async () => {
    ok(
      await admin('PUT', `/programmes/${PROGRAMME}`, {
        title: 'Test ADI, seconds clocks',
        clocks: CLOCKS,
        services: null,
        workingDayClocks: [],
        presentation: { benefit: 'adi', kind: 'meeting', first: 'P120D', every: 'PT5S', decadenzaOnMissedConvocation: true, duration: null },
      }),
    );
    const started = await op('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ada', familyName: 'Inclusa' },
      programmeCode: PROGRAMME,
      officeId: OFFICE,
      didDate: today(),
      benefit: { kind: 'adi', applicationDate: today(), activationPactDate: today() },
    });
    const journeyId: string = ok(started, 201).journeyId;
    const first = ok(await op('GET', `/journeys/${journeyId}`));
    expect(first).toMatchObject({ benefit: { kind: 'adi', activationPactDate: today(), status: 'claimed' }, presentation: { rule: { every: 'PT5S' } }, participationEndsAt: null });
    expect(Date.parse(first.nextPresentationDueAt)).toBeGreaterThan(Date.now() + 100 * 86_400_000);

    const future = await op('POST', `/journeys/${journeyId}/presentations`, { presentedAt: '2099-01-01T09:00:00+01:00' });
    expect([future.status, codeOf(future), fieldsOf(future)]).toEqual([400, 'INVALID_DATE', ['presentedAt']]);
    const met = ok(await op('POST', `/journeys/${journeyId}/presentations`, { note: 'primo incontro' }), 201);
    expect(Date.parse(met.nextPresentationDueAt)).toBe(Date.parse(met.presentation.lastPresentedAt) + 5000);

    const suspended = await eventually(async () => {
      const v = ok(await op('GET', `/journeys/${journeyId}`));
      return v.benefit.status === 'suspended' ? v : undefined;
    }, 'the benefit suspended for the missed meeting', { timeoutMs: 60_000, intervalMs: 500 });
    expect(suspended.benefit.history.at(-1)).toMatchObject({ status: 'suspended', reason: 'missed_presentation', operatorId: null });
    expect(suspended).toMatchObject({ benefitRunning: false, nextPresentationDueAt: met.nextPresentationDueAt });

    const events: any[] = ok(await op('GET', `/journeys/${journeyId}/events`));
    expect(events.find((e) => e.type === 'PresentationMissed')?.data).toEqual({ dueAt: met.nextPresentationDueAt, suspendsBenefit: true });
    await eventually(async () => {
      const page = ok(await op('GET', `/journeys?officeId=${OFFICE}&benefitStatus=suspended`));
      return page.items.find((j: any) => j.journeyId === journeyId && j.benefitKind === 'adi');
    }, 'the list to show the suspended ADI', { timeoutMs: 30_000 });
    const kpis = await eventually(async () => {
      const k = ok(await sup('GET', `/supervisor/kpis?officeId=${OFFICE}`));
      return k.journeysByBenefitKind.adi.suspended === 1 ? k : undefined;
    }, 'the KPIs to count the ADI suspension', { timeoutMs: 30_000 });
    expect(kpis.journeysByBenefitKind.naspi).toEqual({ claimed: 0, granted: 0, refused: 0, suspended: 0, ended: 0 });
    await eventually(async () => {
      const { body } = await admin('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
      return body.items.find((n: any) => n.kind === 'benefit_suspended' && n.audience === 'operator');
    }, 'the operator to be told of the suspension', { timeoutMs: 30_000 });

    const exempt = ok(await op('POST', `/journeys/${journeyId}/presentation-exemption`, { reason: 'care_duties' }), 201);
    expect(exempt).toMatchObject({ benefit: { status: 'claimed' }, nextPresentationDueAt: null, presentation: { exemption: { reason: 'care_duties', operatorId: OP } } });
    const twice = await op('POST', `/journeys/${journeyId}/presentation-exemption`, { reason: 'care_duties' });
    expect([twice.status, codeOf(twice)]).toEqual([409, 'PRESENTATION_EXEMPTION_ALREADY_RECORDED']);
    const badReason = await op('POST', `/journeys/${journeyId}/presentation-exemption`, { reason: 'tired' });
    expect([badReason.status, fieldsOf(badReason)]).toEqual([400, ['reason']]);
  }, 180_000);

  it('OpenAPI describes the routes, the view and the KPIs', async () => {
    const doc = (await admin('GET', '/docs-json')).body;
    for (const path of ['/journeys/{journeyId}/presentations', '/journeys/{journeyId}/presentation-exemption', '/journeys/{journeyId}/presentation-exemption/withdrawal']) {
      expect(doc.paths[path]?.post).toBeDefined();
    }
    const refusals = Object.values(doc.paths['/journeys/{journeyId}/presentations'].post.responses).map((r: any) => r.description).join('\n');
    expect(refusals).toContain('`PRESENTATION_NOT_REQUIRED`');
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.JourneyViewDto.properties)).toEqual(expect.arrayContaining(['presentation', 'nextPresentationDueAt', 'participationEndsAt']));
    expect(Object.keys(schemas.KpisDto.properties)).toContain('journeysByBenefitKind');
    expect(Object.keys(schemas.PresentationObligationDto.properties).sort()).toEqual(['benefit', 'decadenzaOnMissedConvocation', 'duration', 'every', 'first', 'kind']);
  });
});
