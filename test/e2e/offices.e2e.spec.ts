import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { http, type HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The directory of offices through the API (issue 13), against the built API and worker on a real Temporal dev server
 * and PostgreSQL, with journeys at unlisted offices refused (`API_UNLISTED_OFFICES=refuse`, the production default):
 * an administrator keeps offices and their calendars; a journey pins its office at start and computes its legal
 * deadlines off that office's closed days (art. 2963 c.c., art. 155 c.p.c.); only staff of the competent CPI decide
 * a sanction an accredited operator's journey proposes (art. 21 c.7, art. 23 D.lgs. 150/2015).
 */

const product = productForFile({ API_UNLISTED_OFFICES: 'refuse' });

const suffix = uniqueSuffix().toUpperCase();
const CPI = `CPI-OF-${suffix}`;
const ACC = `ACC-OF-${suffix}`;
const FAST = `TEST-OFF-${suffix}`;
const CPI_OP = `op-cpi-${suffix}`.toLowerCase();
const ACC_OP = `op-acc-${suffix}`.toLowerCase();
const cpiOperator = tokenFor('operator', [CPI], CPI_OP);
const accOperator = tokenFor('operator', [ACC], ACC_OP);

const as =
  (token: string | null) =>
  <T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> =>
    http<T>(product.stack.baseUrl, method, path, body, token);
const admin = product.as();
const accOp = as(accOperator);
const cpiOp = as(cpiOperator);
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;

/** Milan's calendar (Sant'Ambrogio on 7 December) and a one-off closure on Wednesday 30 December 2026. */
const MILAN_CALENDAR = { annual: [{ monthDay: '12-07', name: "Sant'Ambrogio" }], afterEaster: [], dates: [], saturdaysClosed: false };
const cpiBody = { name: 'CPI di prova, Milano', kind: 'cpi', region: 'Lombardia', comune: 'Milano', calendar: MILAN_CALENDAR };
const accBody = { name: 'Agenzia accreditata di prova', kind: 'accredited', competentCpiId: CPI, region: 'Lombardia', comune: 'Milano', calendar: MILAN_CALENDAR };

const person = () => ({ fiscalCode: randomFiscalCode(), givenName: 'Carla', familyName: 'Brambilla' });

async function start(token: string | undefined, body: Record<string, unknown>): Promise<HttpAnswer> {
  if (token === undefined) return admin('POST', '/journeys', { beneficiary: person(), programmeCode: 'GOL-1', ...body });
  return as(token)('POST', '/journeys', { beneficiary: person(), programmeCode: 'GOL-1', ...body });
}

describe('the directory of offices', () => {
  it('an administrator adds a CPI and an accredited operator under it, with their calendars; anyone authenticated reads them', async () => {
    const put = await admin('PUT', `/offices/${CPI}`, cpiBody);
    expect(put.status).toBe(200);
    // The region is kept by its key (issue 15), whichever name of it the body gives.
    expect(put.body).toEqual({ officeId: CPI, ...cpiBody, region: 'lombardia', competentCpiId: CPI });
    const acc = await admin('PUT', `/offices/${ACC}`, accBody);
    expect([acc.status, acc.body.kind, acc.body.competentCpiId]).toEqual([200, 'accredited', CPI]);

    const closure = await admin('POST', `/offices/${CPI}/closures`, { date: '2026-12-30', name: 'Chiusura straordinaria' });
    expect(closure.status).toBe(200);
    expect(closure.body.calendar.dates).toEqual([{ date: '2026-12-30', name: 'Chiusura straordinaria' }]);

    // Any authenticated role reads the directory, scoped or not: it holds no personal data.
    const one = await accOp('GET', `/offices/${CPI}`);
    expect([one.status, one.body.calendar.dates.length]).toEqual([200, 1]);
    const all = await accOp('GET', '/offices');
    expect(all.body.map((o: { officeId: string }) => o.officeId)).toEqual(expect.arrayContaining([CPI, ACC, 'CPI-TO-01', 'CPI-MI-01', 'ACC-TO-01']));
    // The seeded offices carry their comune's closures.
    expect(all.body.find((o: { officeId: string }) => o.officeId === 'CPI-TO-01').calendar.annual).toEqual([{ monthDay: '06-24', name: 'San Giovanni Battista' }]);
    expect(all.body.find((o: { officeId: string }) => o.officeId === 'CPI-BZ-01').calendar.afterEaster).toEqual([{ days: 50, name: 'Lunedì di Pentecoste' }]);
    expect(all.body.find((o: { officeId: string }) => o.officeId === 'ACC-TO-01')).toMatchObject({ kind: 'accredited', competentCpiId: 'CPI-TO-01' });
    expect(codeOf(await accOp('GET', '/offices/NOPE-1'))).toBe('OFFICE_NOT_FOUND');
    expect(await as(null)('GET', '/offices')).toMatchObject({ status: 401 });
  });

  it('refuses bad definitions naming the fields, an accredited operator under anything but a CPI of the directory, and writes by anyone but an administrator', async () => {
    const bad = await admin('PUT', `/offices/BAD-${suffix}`, { ...cpiBody, kind: 'private', calendar: { ...MILAN_CALENDAR, annual: [{ monthDay: '13-01', name: 'x' }], saturdaysClosed: 'no' } });
    expect([bad.status, codeOf(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(fieldsOf(bad)).toEqual(['kind', 'calendar.annual[0].monthDay', 'calendar.saturdaysClosed']);
    // Each with the code of its rule, none left to `other`, for the console to phrase in Italian.
    expect(bad.body.error.fields.map((f: { code: string; params?: unknown }) => [f.code, f.params])).toEqual([
      ['invalid_value', { values: 'cpi, accredited' }],
      ['invalid_month_day', undefined],
      ['invalid_type', { expected: 'boolean' }],
    ]);
    expect(fieldsOf(await admin('PUT', `/offices/BAD-${suffix}`, { ...cpiBody, extra: 1 }))).toEqual(['extra']);
    // Issue 15: a region of the list, Trentino-Alto Adige by its autonomous provinces.
    expect(fieldsOf(await admin('PUT', `/offices/BAD-${suffix}`, { ...cpiBody, region: 'Padania' }))).toEqual(['region']);
    expect(fieldsOf(await admin('PUT', `/offices/BAD-${suffix}`, { ...cpiBody, region: 'Trentino-Alto Adige' }))).toEqual(['region']);
    expect(fieldsOf(await admin('PUT', '/offices/bad%20id', cpiBody))).toEqual(['officeId']);
    expect(fieldsOf(await admin('PUT', `/offices/BAD-${suffix}`, { ...accBody, competentCpiId: `NOPE-${suffix}` }))).toEqual(['competentCpiId']);
    expect(fieldsOf(await admin('PUT', `/offices/BAD-${suffix}`, { ...accBody, competentCpiId: ACC }))).toEqual(['competentCpiId']);
    const noCpi = await admin('PUT', `/offices/BAD-${suffix}`, { ...accBody, competentCpiId: undefined });
    expect(noCpi.body.error.fields).toEqual([{ field: 'competentCpiId', message: expect.any(String), code: 'competent_cpi_required' }]);
    // A CPI an accredited operator names stays a CPI.
    expect(fieldsOf(await admin('PUT', `/offices/${CPI}`, { ...accBody, competentCpiId: 'CPI-MI-01' }))).toEqual(['kind']);
    expect(fieldsOf(await admin('POST', `/offices/${CPI}/closures`, { date: '2026-02-30', name: '' }))).toEqual(['date', 'name']);
    expect(codeOf(await admin('POST', `/offices/NOPE-${suffix}/closures`, { date: '2026-12-24', name: 'x' }))).toBe('OFFICE_NOT_FOUND');
    expect((await cpiOp('PUT', `/offices/${CPI}`, cpiBody)).status).toBe(403);
    expect((await cpiOp('POST', `/offices/${CPI}/closures`, { date: '2026-12-24', name: 'x' })).status).toBe(403);
    expect((await admin('GET', `/offices/BAD-${suffix}`)).status).toBe(404);
  });

  it('audits the administrators\' writes like every other write', async () => {
    const rows: { route: string; status: number | null; outcome: string }[] = await eventually(async () => {
      const found = await product.db.dataSource.query(`SELECT route, status, outcome FROM audit_log WHERE method = 'PUT' AND route = '/offices/:officeId' AND outcome <> 'requested'`);
      return found.length > 0 ? found : undefined;
    }, 'the office writes to be audited');
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining([200, 400]));
  });
});

describe('a journey pins its office and counts its deadlines off the office closed days', () => {
  it('an office missing from the directory is a 400 naming officeId', async () => {
    // (an administrator: their offices cover every office, so only the directory can refuse it)
    const refused = await start(undefined, { officeId: `CPI-NOWHERE-${suffix}`, didDate: '2026-11-07' });
    expect([refused.status, codeOf(refused), fieldsOf(refused)]).toEqual([400, 'VALIDATION_FAILED', ['officeId']]);
  });

  it("art. 20 c.1 D.lgs. 150/2015 with art. 2963 c.c.: 30 days from a DID of 7 Nov 2026 end on Sant'Ambrogio, then the Immacolata: due Wednesday 9 Dec at this Milan office", async () => {
    const started = await start(cpiOperator, { officeId: CPI, didDate: '2026-11-07' });
    expect(started.status).toBe(201);
    const view = (await cpiOp('GET', `/journeys/${started.body.journeyId}`)).body;
    expect(view).toMatchObject({
      rules: 2,
      office: { officeId: CPI, kind: 'cpi', competentCpiId: CPI, calendar: { annual: MILAN_CALENDAR.annual, dates: [{ date: '2026-12-30', name: 'Chiusura straordinaria' }] } },
      rollForwardClocks: { firstContactAfterDid: { saturdaysClosed: false }, appealWindow: { saturdaysClosed: true } },
      firstContactDueAt: '2026-12-09T22:59:59.999Z',
    });
    // The office's one-off closure too: 30 days from 30 November end on Wednesday 30 December, moved to the 31st.
    const second = await start(cpiOperator, { officeId: CPI, didDate: '2026-11-30' });
    expect((await cpiOp('GET', `/journeys/${second.body.journeyId}`)).body.firstContactDueAt).toBe('2026-12-31T22:59:59.999Z');
    // The shipped GOL catalogues carry the setting.
    expect((await cpiOp('GET', '/programmes/GOL-1')).body.rollForwardClocks).toEqual({
      firstContactAfterDid: { saturdaysClosed: false },
      firstContactAfterBenefitClaim: { saturdaysClosed: false },
      justificationWindow: { saturdaysClosed: false },
      offerExcuseWindow: { saturdaysClosed: false },
      appealWindow: { saturdaysClosed: true },
    });
  });
});

describe("the CPI's authority over sanctions", () => {
  const today = () => romeDateOf(Date.now());

  async function scheduleSoon(journeyId: string): Promise<string> {
    return eventually(async () => {
      const answer = await accOp('POST', `/journeys/${journeyId}/appointments`, {
        service: 'second_level_interview',
        purpose: 'interview',
        at: inSeconds(3),
        channel: 'in_person',
        location: 'Agenzia, sportello 2',
        convocation: 'pec',
      });
      if (codeOf(answer) === 'INVALID_DATE') return undefined;
      expect(answer.status).toBe(201);
      return answer.body.appointments.at(-1).appointmentId as string;
    }, 'an appointment a few seconds ahead to be scheduled');
  }

  it('art. 21 c.7 and art. 23 D.lgs. 150/2015: the accredited operator reports, its staff cannot confirm (403 SANCTION_NOT_CPI); the competent CPI\'s staff decide, recorded as decidedByOffice', async () => {
    const published = await admin('PUT', `/programmes/${FAST}`, {
      title: 'Test path, second clocks',
      clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, justificationWindow: 'PT3S', appealWindow: 'P30D' },
      rollForwardClocks: { appealWindow: { saturdaysClosed: true } },
    });
    expect([published.status, published.body.rollForwardClocks]).toEqual([200, { appealWindow: { saturdaysClosed: true } }]);
    const badSetting = await admin('PUT', `/programmes/${FAST}`, { title: 't', clocks: published.body.clocks, rollForwardClocks: { stallAfter: { saturdaysClosed: true }, appealWindow: {} } });
    expect(fieldsOf(badSetting)).toEqual(['rollForwardClocks.stallAfter', 'rollForwardClocks.appealWindow.saturdaysClosed']);
    expect(badSetting.body.error.fields.map((f: { code: string }) => f.code)).toEqual(['not_legal_clock', 'invalid_type']);

    const started = await start(accOperator, { programmeCode: FAST, officeId: ACC, didDate: today(), benefit: { kind: 'naspi', applicationDate: today() } });
    expect(started.status).toBe(201);
    const journeyId = started.body.journeyId;
    const j = (path: string) => `/journeys/${journeyId}${path}`;
    expect((await accOp('POST', j('/intake'), {})).status).toBe(200);
    const appointmentId = await scheduleSoon(journeyId);
    await eventually(async () => {
      const answer = await accOp('POST', j(`/appointments/${appointmentId}/outcome`), { outcome: 'no_show' });
      if (codeOf(answer) === 'APPOINTMENT_NOT_YET_HELD') return undefined;
      expect(answer.status).toBe(200);
      return true;
    }, 'the no-show to be recorded', { timeoutMs: 60_000, intervalMs: 250 });
    const proposed = await eventually(
      async () => (await accOp('GET', j(''))).body.conditionalitySteps.find((s: { status: string }) => s.status === 'proposed'),
      'the justification window to close and a step to be proposed',
      { timeoutMs: 90_000, intervalMs: 300 },
    );
    expect(proposed).toMatchObject({ stepId: 'S1', ladder: 'appointments' });

    const refused = await accOp('POST', j('/conditionality-steps/S1/confirm'), { note: 'No excuse' });
    expect([refused.status, codeOf(refused)]).toEqual([403, 'SANCTION_NOT_CPI']);
    expect(codeOf(await accOp('POST', j('/conditionality-steps/S1/dismiss'), { reason: 'x' }))).toBe('SANCTION_NOT_CPI');
    // The acting office is the API's to find, never the body's.
    const named = await accOp('POST', j('/conditionality-steps/S1/confirm'), { actingOffice: { officeId: CPI, kind: 'cpi' } });
    expect([named.status, fieldsOf(named)]).toEqual([400, ['actingOffice']]);

    // The CPI's staff reach the journey of the accredited operator under them, for this; not for its other commands.
    expect((await cpiOp('GET', j(''))).status).toBe(200);
    expect((await cpiOp('POST', j('/appointments'), { service: 'second_level_interview', purpose: 'interview', at: inSeconds(3600), channel: 'phone', convocation: 'pec' })).status).toBe(403);
    const confirmed = await cpiOp('POST', j('/conditionality-steps/S1/confirm'), { note: 'No excuse received' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.conditionalitySteps[0]).toMatchObject({ status: 'confirmed', decidedBy: CPI_OP, decidedByOffice: CPI, effect: 'quarter_month_cut', appealDueAt: null });
    // The appeal window runs from the notification (art. 21 c.12 D.lgs. 150/2015), which the accredited operator may record.
    const notified = await accOp('POST', j('/conditionality-steps/S1/notification'), { method: 'pec_delivery_receipt', reference: 'PEC 2026/77', notifiedAt: new Date().toISOString() });
    expect(notified.status).toBe(200);
    const step = notified.body.conditionalitySteps[0];
    expect(step.appealDueAt).toEqual(expect.any(String));
    // 30 days, moved off the Milan office's closed days with Saturdays closed (art. 155 c.5 c.p.c.): never a Saturday, Sunday or holiday.
    const dueDay = romeDateOf(step.appealDueAt);
    expect([0, 6]).not.toContain(new Date(`${dueDay}T12:00:00Z`).getUTCDay());
    const recorded = await eventually(async () => {
      const all = (await cpiOp('GET', j('/events'))).body as { type: string; data: any }[];
      return all.find((e) => e.type === 'ConditionalityStepConfirmed');
    }, 'the confirmation to be projected');
    expect(recorded.data).toMatchObject({ decidedByOffice: CPI, operatorId: CPI_OP });
    // and the read model keeps who decided, from which office
    const listed = await eventually(async () => {
      const page = (await admin('GET', `/supervisor/conditionality-steps?officeId=${ACC}&status=confirmed`)).body;
      return page.items?.find((s: { journeyId: string }) => s.journeyId === journeyId);
    }, 'the confirmed step in the supervisor view');
    expect(listed).toMatchObject({ decidedBy: CPI_OP, decidedByOffice: CPI, officeId: ACC });
  });
});
