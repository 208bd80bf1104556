import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { http, type HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Regional catalogues (issue 15) through the API, against the built API and worker on a real Temporal dev server and
 * PostgreSQL, on the national GOL catalogues the migrations seed: offices in Piemonte and Lazio; Piemonte publishes its
 * own GOL-1 (versions 1 and 2). A journey started in Piemonte before keeps the national version it pinned; a new one
 * there pins Piemonte's v2 — so does a GOL path chosen there and a transfer there —, while Lazio's journeys, running
 * and new, stay on the national version. The read model lists the scope each journey pinned.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const TURIN = `CPI-REGTO-${suffix}`;
const ROME = `CPI-REGRM-${suffix}`;
const OP = 'op-regions';
const admin = product.as();
const op = product.as(tokenFor('operator', [TURIN, ROME], OP));
const supervisor = product.as(tokenFor('supervisor', [TURIN, ROME], 'sup-regions'));
const today = () => romeDateOf(Date.now());
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);

const CALENDAR = { annual: [], afterEaster: [], dates: [], saturdaysClosed: false };
const officeBody = (region: string, comune: string) => ({ name: `CPI di prova, ${comune}`, kind: 'cpi', region, comune, calendar: CALENDAR });

const PROFILING = { score: 0.42, profilingClass: 'medium' };
const QUALITATIVE = { findings: [{ area: 'job_search_autonomy', level: 'adequate' }], summary: 'Pronta per la ricerca attiva' };

async function start(officeId: string, programmeCode = 'GOL-1'): Promise<string> {
  const started = await op('POST', '/journeys', { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Lucia', familyName: 'Ferraris' }, programmeCode, officeId, didDate: today() });
  expect(started.status).toBe(201);
  return started.body.journeyId;
}

const view = async (journeyId: string) => {
  const answer = await op('GET', `/journeys/${journeyId}`);
  expect(answer.status).toBe(200);
  return answer.body;
};

/** A GOL journey through its assessment to path 1: the path's catalogue is the one the office's region resolves. */
async function choosePath1(journeyId: string): Promise<HttpAnswer> {
  expect((await op('POST', `/journeys/${journeyId}/assessment/profiling`, { ...PROFILING, profiledOn: today() })).status).toBe(200);
  expect((await op('POST', `/journeys/${journeyId}/assessment/qualitative`, QUALITATIVE)).status).toBe(200);
  return op('POST', `/journeys/${journeyId}/assessment/path`, { path: 1, reason: 'Pronta al reinserimento' });
}

let national: { version: number; clocks: Record<string, string | null>; title: string };
const PIEMONTE_STALL = 'P45D';

describe('a regional catalogue version published in one region', () => {
  let turinBefore: string;
  let romeBefore: string;
  let turinGolBefore: string;
  let turinGol2: string;

  beforeAll(async () => {
    // Written by name: the directory keeps the region's key.
    const turin = await admin('PUT', `/offices/${TURIN}`, officeBody('Piemonte', 'Torino'));
    expect([turin.status, turin.body.region]).toEqual([200, 'piemonte']);
    expect((await admin('PUT', `/offices/${ROME}`, officeBody('lazio', 'Roma'))).body.region).toBe('lazio');
    national = (await admin('GET', '/programmes/GOL-1')).body;
    expect(national).toMatchObject({ code: 'GOL-1', scope: 'national' });
  });

  it('before any regional version, every region pins the national one', async () => {
    turinBefore = await start(TURIN);
    romeBefore = await start(ROME);
    turinGolBefore = await start(TURIN, 'GOL');
    turinGol2 = await start(TURIN, 'GOL-2');
    for (const id of [turinBefore, romeBefore]) {
      expect(await view(id)).toMatchObject({ catalogueVersion: national.version, catalogueScope: 'national', catalogueLabel: `GOL-1 v${national.version} (nazionale)` });
    }
  });

  it("is published by an administrator under ?region=, numbered on its own, and read per region with its scope", async () => {
    const definition = { title: 'GOL percorso 1 – Piemonte', clocks: { ...national.clocks, stallAfter: 'P50D' } };
    const first = await admin('PUT', '/programmes/GOL-1?region=piemonte', definition);
    expect([first.status, first.body.code, first.body.version, first.body.scope]).toEqual([200, 'GOL-1', 1, 'piemonte']);
    const second = await admin('PUT', '/programmes/GOL-1?region=piemonte', { ...definition, clocks: { ...national.clocks, stallAfter: PIEMONTE_STALL } });
    expect([second.status, second.body.version, second.body.scope, second.body.clocks.stallAfter]).toEqual([200, 2, 'piemonte', PIEMONTE_STALL]);

    // The national catalogue is untouched; Piemonte sees its own GOL-1 and the national GOL-2; Lazio the national ones.
    expect((await op('GET', '/programmes/GOL-1')).body).toMatchObject({ version: national.version, scope: 'national', title: national.title });
    expect((await op('GET', '/programmes/GOL-1?region=piemonte')).body).toMatchObject({ version: 2, scope: 'piemonte', clocks: { stallAfter: PIEMONTE_STALL } });
    expect((await op('GET', '/programmes/GOL-1?region=piemonte&version=1')).body).toMatchObject({ version: 1, scope: 'piemonte', clocks: { stallAfter: 'P50D' } });
    expect((await op('GET', '/programmes/GOL-1?region=lazio')).body).toMatchObject({ version: national.version, scope: 'national' });
    expect((await op('GET', `/programmes/GOL-1?version=${national.version}`)).body.scope).toBe('national');
    expect((await op('GET', '/programmes/GOL-1?region=lazio&version=1')).status).toBe(404);
    const piemonte = (await op('GET', '/programmes?region=piemonte')).body as { code: string; version: number; scope: string }[];
    expect(piemonte.find((c) => c.code === 'GOL-1')).toMatchObject({ version: 2, scope: 'piemonte' });
    expect(piemonte.find((c) => c.code === 'GOL-2')).toMatchObject({ scope: 'national' });
    const everywhere = (await op('GET', '/programmes')).body as { code: string; scope: string }[];
    expect(everywhere.every((c) => c.scope === 'national')).toBe(true);
    expect(everywhere.find((c) => c.code === 'GOL-1')).toMatchObject({ version: national.version });

    // Validation as today: the region by key, named by field; publishing is the administrators'.
    const badRegion = await admin('PUT', '/programmes/GOL-1?region=Padania', definition);
    expect([badRegion.status, fieldsOf(badRegion)]).toEqual([400, ['region']]);
    expect(fieldsOf(await op('GET', '/programmes?region=trentino-alto-adige'))).toEqual(['region']);
    const badClock = await admin('PUT', '/programmes/GOL-1?region=piemonte', { ...definition, clocks: { ...national.clocks, stallAfter: 'P0D' } });
    expect([badClock.status, fieldsOf(badClock)]).toEqual([400, ['clocks.stallAfter']]);
    expect((await op('PUT', '/programmes/GOL-1?region=piemonte', definition)).status).toBe(403);
    expect((await op('GET', '/programmes/GOL-1?region=piemonte')).body.version).toBe(2);

    // Every version of a scope, oldest first (what the administrators' console compares): the region's own only.
    const versions = (await op('GET', '/programmes/GOL-1/versions?region=piemonte')).body as { version: number; scope: string; clocks: { stallAfter: string } }[];
    expect(versions.map((v) => [v.version, v.scope, v.clocks.stallAfter])).toEqual([
      [1, 'piemonte', 'P50D'],
      [2, 'piemonte', PIEMONTE_STALL],
    ]);
    const nationalVersions = (await op('GET', '/programmes/GOL-1/versions')).body as { version: number; scope: string }[];
    expect(nationalVersions.map((v) => v.version)).toEqual(Array.from({ length: national.version }, (_, i) => i + 1));
    expect(nationalVersions.every((v) => v.scope === 'national')).toBe(true);
    expect((await op('GET', '/programmes/GOL-1/versions?region=lazio')).status).toBe(404);
    expect(fieldsOf(await op('GET', '/programmes/GOL-1/versions?region=Padania'))).toEqual(['region']);
  });

  it("leaves the journeys already running — in Piemonte too — on the version they pinned", async () => {
    for (const id of [turinBefore, romeBefore]) {
      const before = await view(id);
      expect(before).toMatchObject({ catalogueVersion: national.version, catalogueScope: 'national', clocks: { stallAfter: national.clocks.stallAfter } });
      // A command after the publish decides under the pinned catalogue still.
      const intake = await op('POST', `/journeys/${id}/intake`, {});
      expect(intake.body).toMatchObject({ stage: 'awaiting_pact', catalogueVersion: national.version, catalogueScope: 'national', clocks: { stallAfter: national.clocks.stallAfter } });
    }
  });

  it("pins the region's own version for a journey started in that region, and the national one in another", async () => {
    const turinAfter = await start(TURIN);
    const romeAfter = await start(ROME);
    expect(await view(turinAfter)).toMatchObject({ catalogueVersion: 2, catalogueScope: 'piemonte', catalogueLabel: 'GOL-1 v2 (Piemonte)', clocks: { stallAfter: PIEMONTE_STALL } });
    expect(await view(romeAfter)).toMatchObject({ catalogueVersion: national.version, catalogueScope: 'national', clocks: { stallAfter: national.clocks.stallAfter } });

    // The read model records the scope each journey pinned.
    const rows = await eventually(async () => {
      const page = (await supervisor('GET', `/journeys?programmeCode=GOL-1&pageSize=50`)).body;
      const items = (page?.items ?? []) as { journeyId: string; catalogueVersion: number; catalogueScope: string }[];
      return [turinBefore, romeBefore, turinAfter, romeAfter].every((id) => items.some((i) => i.journeyId === id)) ? items : undefined;
    }, 'the four GOL-1 journeys in the read model');
    const scopeOf = (id: string) => rows.find((r) => r.journeyId === id);
    expect(scopeOf(turinBefore)).toMatchObject({ catalogueVersion: national.version, catalogueScope: 'national' });
    expect(scopeOf(romeBefore)).toMatchObject({ catalogueVersion: national.version, catalogueScope: 'national' });
    expect(scopeOf(turinAfter)).toMatchObject({ catalogueVersion: 2, catalogueScope: 'piemonte' });
    expect(scopeOf(romeAfter)).toMatchObject({ catalogueVersion: national.version, catalogueScope: 'national' });
  });

  it("resolves a GOL path chosen and a transfer made in the region alike; another region's stay national", async () => {
    // Started under GOL before the publish: the path, chosen after it in Piemonte, runs under Piemonte's GOL-1 v2.
    const chosen = await choosePath1(turinGolBefore);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ programmeCode: 'GOL-1', catalogueVersion: 2, catalogueScope: 'piemonte', assessment: { path: { catalogueVersion: 2, catalogueScope: 'piemonte' } } });
    const romeGol = await start(ROME, 'GOL');
    expect((await choosePath1(romeGol)).body).toMatchObject({ programmeCode: 'GOL-1', catalogueVersion: national.version, catalogueScope: 'national' });

    // A transfer GOL-2 → GOL-1 in Piemonte opens the next episode under Piemonte's GOL-1.
    const transferred = await op('POST', `/journeys/${turinGol2}/transfer`, { toProgrammeCode: 'GOL-1', reason: 'pronta per la ricerca attiva' });
    expect(transferred.status).toBe(200);
    const next: string = transferred.body.closure.nextJourneyId;
    const nextView = await eventually(async () => {
      const answer = await op('GET', `/journeys/${next}`);
      return answer.status === 200 ? answer.body : undefined;
    }, 'the next episode');
    expect(nextView).toMatchObject({ programmeCode: 'GOL-1', officeId: TURIN, catalogueVersion: 2, catalogueScope: 'piemonte', clocks: { stallAfter: PIEMONTE_STALL } });
  });

  it('publishes a version as GET answers it again in its own scope only', async () => {
    const { code: _code, version: _version, ...read } = (await op('GET', '/programmes/GOL-1?region=piemonte&version=1')).body;
    void [_code, _version];
    expect(read.scope).toBe('piemonte');
    const elsewhere = await admin('PUT', '/programmes/GOL-1', read);
    expect([elsewhere.status, fieldsOf(elsewhere)]).toEqual([400, ['scope']]);
    expect((await admin('PUT', '/programmes/GOL-1?region=piemonte', read)).body).toMatchObject({ version: 3, scope: 'piemonte', clocks: { stallAfter: 'P50D' } });
    expect((await op('GET', '/programmes/GOL-1')).body).toMatchObject({ version: national.version, scope: 'national' });
  });

  it('lists the regions by key to any authenticated caller; OpenAPI documents the region of the catalogue requests and the scope of catalogues and journeys', async () => {
    const regions = (await op('GET', '/regions')).body as { key: string; name: string; istat: string }[];
    expect(regions).toHaveLength(21);
    expect(regions[0]).toEqual({ key: 'piemonte', name: 'Piemonte', istat: '01' });
    expect(regions.map((r) => r.key)).toEqual(expect.arrayContaining(['trento', 'bolzano', 'lazio']));
    expect((await http(product.stack.baseUrl, 'GET', '/regions', undefined, null)).status).toBe(401);

    const doc = (await admin('GET', '/docs-json')).body;
    const params = (path: string, method: string) => (doc.paths[path][method].parameters as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(params('/programmes', 'get')).toContain('region');
    expect(params('/programmes/{code}', 'get')).toEqual(expect.arrayContaining(['region', 'version']));
    expect(params('/programmes/{code}', 'put')).toContain('region');
    const schemas = doc.components.schemas;
    expect(schemas.ProgrammeCatalogueDto.properties.scope).toBeDefined();
    expect(schemas.JourneyViewDto.properties.catalogueScope).toBeDefined();
    expect(schemas.JourneyViewDto.properties.catalogueLabel).toBeDefined();
    expect(schemas.JourneySummaryDto.properties.catalogueScope).toBeDefined();
  });
});
