import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * GOL monitoring through the API (issue 15), against the built API and worker on a real Temporal dev server and
 * PostgreSQL: journeys in two offices of two regions, with monitoring data given at the start, recorded later, or not
 * at all; the KPIs count the people taken in charge, the vulnerable share among those with monitoring data against
 * the 75% target, in training, placed and the days from DID to pact — over both offices and per region, exactly.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const TURIN = `CPI-MONTO-${suffix}`;
const NAPLES = `CPI-MONNA-${suffix}`;
const OP = 'op-monitoring';
const admin = product.as();
const op = product.as(tokenFor('operator', [TURIN, NAPLES], OP));
const supervisor = product.as(tokenFor('supervisor', [TURIN, NAPLES], 'sup-monitoring'));
const today = () => romeDateOf(Date.now());
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);

const CALENDAR = { annual: [], afterEaster: [], dates: [], saturdaysClosed: false };
const officeBody = (region: string, comune: string) => ({ name: `CPI di prova, ${comune}`, kind: 'cpi', region, comune, calendar: CALENDAR });

/** A birth date that makes the person `age` at a DID of today (1 January of the year `age` years ago). */
const bornAged = (age: number) => `${Number(today().slice(0, 4)) - age}-01-01`;
const monitoring = (o: { age: number; sex?: 'F' | 'M'; disabled?: boolean; longTermUnemployed?: boolean; neet?: boolean; socialServicesReferral?: boolean }) => ({
  birthDate: bornAged(o.age),
  sex: o.sex ?? 'M',
  disabled: o.disabled ?? false,
  longTermUnemployed: o.longTermUnemployed ?? false,
  neet: o.neet ?? false,
  socialServicesReferral: o.socialServicesReferral ?? false,
});

const PACT = {
  responsibleOperatorId: OP,
  profilingClass: 'medium',
  jobSearchProof: 'Elenco mensile delle candidature inviate',
  availability: { workshops: true, training: true, suitableOffers: true },
  actions: [{ kind: 'job_search_act', description: 'Tre candidature al mese', dueDate: '2099-01-31' }],
  acceptance: { method: 'signed_in_person' },
};

function start(officeId: string, extra: Record<string, unknown> = {}): Promise<HttpAnswer> {
  return op('POST', '/journeys', { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Anna', familyName: 'Greco' }, programmeCode: 'GOL-1', officeId, didDate: today(), ...extra });
}

/** Starts a journey and takes the person in charge (the presa in carico counts them as taken in charge). */
async function takenInCharge(officeId: string, data?: ReturnType<typeof monitoring>): Promise<string> {
  const started = await start(officeId, data ? { monitoring: data } : {});
  expect(started.status).toBe(201);
  const journeyId: string = started.body.journeyId;
  const intake = await op('POST', `/journeys/${journeyId}/intake`, {});
  expect([intake.status, intake.body.stage]).toEqual([200, 'awaiting_pact']);
  return journeyId;
}

const kpis = async () => (await supervisor('GET', `/supervisor/kpis?officeId=${TURIN}&officeId=${NAPLES}&from=${today()}&to=${today()}`)).body;
const paths = (one: number) => ({ '1': one, '2': 0, '3': 0, '4': 0, '5': 0 });

describe('GOL monitoring', () => {
  beforeAll(async () => {
    expect((await admin('PUT', `/offices/${TURIN}`, officeBody('Piemonte', 'Torino'))).status).toBe(200);
    expect((await admin('PUT', `/offices/${NAPLES}`, officeBody('Campania', 'Napoli'))).status).toBe(200);
  });

  it('refuses monitoring data that are not real or make the person younger than 15 at the DID, naming the field', async () => {
    const young = await start(TURIN, { monitoring: monitoring({ age: 14 }) });
    expect([young.status, fieldsOf(young)]).toEqual([400, ['monitoring.birthDate']]);
    const unreal = await start(TURIN, { monitoring: { ...monitoring({ age: 40 }), birthDate: '1990-02-30' } });
    expect([unreal.status, fieldsOf(unreal)]).toEqual([400, ['monitoring.birthDate']]);
    const sex = await start(TURIN, { monitoring: { ...monitoring({ age: 40 }), sex: 'X' } });
    expect([sex.status, fieldsOf(sex)]).toEqual([400, ['monitoring.sex']]);
    const flag = await start(TURIN, { monitoring: { ...monitoring({ age: 40 }), neet: 'yes' } });
    expect([flag.status, fieldsOf(flag)]).toEqual([400, ['monitoring.neet']]);
  });

  it('counts the vulnerable share per region against the 75% target, with people in training, placed and the days from DID to pact', async () => {
    // Turin (Piemonte): a woman, a man of 40 (not vulnerable), a man of 25, and a man of 60 whose data come later.
    const woman = await takenInCharge(TURIN, monitoring({ age: 40, sex: 'F' }));
    const placed = await takenInCharge(TURIN, monitoring({ age: 40 }));
    await takenInCharge(TURIN, monitoring({ age: 25 }));
    const later = await takenInCharge(TURIN);
    // Naples (Campania): disabled, long-term unemployed, a NEET followed by the social services (not vulnerable), and one without data.
    await takenInCharge(NAPLES, monitoring({ age: 45, disabled: true }));
    const training = await takenInCharge(NAPLES, monitoring({ age: 45, longTermUnemployed: true }));
    await takenInCharge(NAPLES, monitoring({ age: 45, neet: true, socialServicesReferral: true }));
    await takenInCharge(NAPLES);

    const view = (await op('GET', `/journeys/${woman}`)).body;
    expect(view.monitoring).toEqual(monitoring({ age: 40, sex: 'F' }));
    expect((await op('GET', `/journeys/${later}`)).body.monitoring).toBeNull();

    // Recorded later, once.
    const tooOld = await op('POST', `/journeys/${later}/monitoring`, monitoring({ age: 101 }));
    expect([tooOld.status, codeOf(tooOld), fieldsOf(tooOld)]).toEqual([400, 'INVALID_VALUE', ['birthDate']]);
    const recorded = await op('POST', `/journeys/${later}/monitoring`, monitoring({ age: 60 }));
    expect([recorded.status, recorded.body.monitoring]).toEqual([201, monitoring({ age: 60 })]);
    const again = await op('POST', `/journeys/${later}/monitoring`, monitoring({ age: 61 }));
    expect([again.status, codeOf(again)]).toEqual([409, 'MONITORING_DATA_ALREADY_RECORDED']);
    const timeline = (await op('GET', `/journeys/${later}/events`)).body.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(['JourneyStarted', 'IntakeRecorded', 'MonitoringDataRecorded']);

    // A pact in force the day of the DID, a placement in Turin; a training referral taken up in Naples.
    expect((await op('POST', `/journeys/${woman}/pact`, PACT)).body.stage).toBe('pact_active');
    expect((await op('POST', `/journeys/${placed}/placement`, { employer: 'Logistica Piemonte S.r.l.', contractType: 'permanent', startDate: today() })).body.stage).toBe('closed');
    const referral = await op('POST', `/journeys/${training}/referrals`, { to: 'training_body', organisation: 'Ente di formazione', reason: 'Corso di logistica' });
    expect(referral.status).toBe(201);
    const referralId: string = referral.body.referrals[0].referralId;
    expect((await op('POST', `/journeys/${training}/referrals/${referralId}/outcome`, { outcome: 'taken_up' })).status).toBe(200);

    const piemonte = {
      takenInCharge: 4,
      takenInChargeByPath: paths(4),
      withMonitoringData: 4,
      vulnerable: 3,
      vulnerableShare: 0.75,
      vulnerableTarget: 0.75,
      vulnerableTargetMet: true,
      women: 1,
      longTermUnemployed: 0,
      disabled: 0,
      under30: 1,
      over55: 1,
      inTraining: 0,
      placed: 1,
      medianDaysDidToPact: 0,
    };
    const campania = {
      takenInCharge: 4,
      takenInChargeByPath: paths(4),
      withMonitoringData: 3,
      vulnerable: 2,
      vulnerableShare: 0.667,
      vulnerableTarget: 0.75,
      vulnerableTargetMet: false,
      women: 0,
      longTermUnemployed: 1,
      disabled: 1,
      under30: 0,
      over55: 0,
      inTraining: 1,
      placed: 0,
      medianDaysDidToPact: null,
    };
    const figures = await eventually(async () => {
      const body = await kpis();
      return body.gol?.inTraining === 1 && body.gol.placed === 1 && body.gol.over55 === 1 && body.gol.medianDaysDidToPact === 0 ? body.gol : undefined;
    }, 'the KPIs to count every journey');
    expect(figures).toEqual({
      takenInCharge: 8,
      takenInChargeByPath: paths(8),
      withMonitoringData: 7,
      vulnerable: 5,
      vulnerableShare: 0.714,
      vulnerableTarget: 0.75,
      vulnerableTargetMet: false,
      women: 1,
      longTermUnemployed: 1,
      disabled: 1,
      under30: 1,
      over55: 1,
      inTraining: 1,
      placed: 1,
      medianDaysDidToPact: 0,
      // By the regions' keys (issue 15), whichever name the office was written with.
      byRegion: { campania, piemonte },
      // And per office, in the same answer (the console's per-office charts make no call per office).
      byOffice: { [NAPLES]: campania, [TURIN]: piemonte },
    });

    // One office: name only that office.
    const turinOnly = (await supervisor('GET', `/supervisor/kpis?officeId=${TURIN}&from=${today()}&to=${today()}`)).body.gol;
    expect(turinOnly).toEqual({ ...piemonte, byRegion: { piemonte }, byOffice: { [TURIN]: piemonte } });

    // The office moves region in the directory: its journeys count in the new one.
    expect((await admin('PUT', `/offices/${NAPLES}`, officeBody('Basilicata', 'Potenza'))).status).toBe(200);
    const moved = (await kpis()).gol;
    expect(Object.keys(moved.byRegion)).toEqual(['basilicata', 'piemonte']);
    expect(moved.byRegion.basilicata).toEqual(campania);
    // An office's own figures do not depend on its region.
    expect(moved.byOffice).toEqual({ [NAPLES]: campania, [TURIN]: piemonte });
  });

  it('OpenAPI describes the start\'s monitoring, the command, the view and the KPIs per region', async () => {
    const doc = (await admin('GET', '/docs-json')).body;
    const schemas = doc.components.schemas;
    const ref = (schema: { $ref?: string; allOf?: { $ref: string }[] }) => (schema.$ref ?? schema.allOf?.[0]?.$ref)?.split('/').pop();
    expect(ref(schemas.CreateJourneyDto.properties.monitoring)).toBe('MonitoringInputDto');
    expect(Object.keys(schemas.MonitoringInputDto.properties).sort()).toEqual(['birthDate', 'disabled', 'longTermUnemployed', 'neet', 'sex', 'socialServicesReferral']);
    expect(schemas.JourneyViewDto.properties.monitoring).toBeDefined();
    const command = doc.paths['/journeys/{journeyId}/monitoring'].post;
    expect(Object.values(command.responses).map((r: any) => r.description).join('\n')).toContain('`MONITORING_DATA_ALREADY_RECORDED`');
    expect(ref(schemas.KpisDto.properties.gol)).toBe('GolMonitoringKpisDto');
    expect(schemas.GolMonitoringKpisDto.properties.byRegion.additionalProperties.$ref).toBe('#/components/schemas/GolMonitoringFiguresDto');
    expect(schemas.GolMonitoringKpisDto.properties.byOffice.additionalProperties.$ref).toBe('#/components/schemas/GolMonitoringFiguresDto');
    expect(Object.keys(schemas.GolMonitoringFiguresDto.properties)).toEqual(expect.arrayContaining(['vulnerableShare', 'vulnerableTarget', 'medianDaysDidToPact', 'inTraining']));
  });
});
