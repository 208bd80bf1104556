import { journeyStarted, replay } from '../journey/evolve';
import { toView } from '../journey/view';
import { upgradeState } from '../journey/upgrade';
import type { JourneyState } from '../journey/model';
import { startJourney, STARTED } from '../journey/journey.test-fixture';
import { catalogueLabel, effectiveCatalogues, resolveCatalogue, scopeOf, type ScopedVersion } from './catalogue-scope';
import { isCatalogueScope, REGIONS, REGION_KEYS, regionKeyOf, regionOfOffice } from './regions';

describe('the regions (issue 15)', () => {
  it('are the 19 regions and the autonomous provinces of Trento and Bolzano, each with a distinct key and ISTAT code', () => {
    expect(REGIONS).toHaveLength(21);
    expect(new Set(REGION_KEYS).size).toBe(21);
    expect(new Set(REGIONS.map((r) => r.istat)).size).toBe(21);
    expect(REGION_KEYS).toEqual(expect.arrayContaining(['piemonte', 'trento', 'bolzano', 'valle-d-aosta', 'emilia-romagna', 'friuli-venezia-giulia']));
    for (const key of REGION_KEYS) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('are named by key, name or a usual variant, in any case and with or without accents', () => {
    expect(regionKeyOf('piemonte')).toBe('piemonte');
    expect(regionKeyOf('Piemonte')).toBe('piemonte');
    expect(regionKeyOf('  LOMBARDIA ')).toBe('lombardia');
    expect(regionKeyOf('Emilia Romagna')).toBe('emilia-romagna');
    expect(regionKeyOf('Emilia-Romagna')).toBe('emilia-romagna');
    expect(regionKeyOf("Valle d'Aosta")).toBe('valle-d-aosta');
    expect(regionKeyOf("Vallée d'Aoste")).toBe('valle-d-aosta');
    expect(regionKeyOf('Südtirol')).toBe('bolzano');
    expect(regionKeyOf('Provincia autonoma di Trento')).toBe('trento');
  });

  it('refuse Trentino-Alto Adige (its provinces run the services) and anything else', () => {
    expect(regionKeyOf('Trentino-Alto Adige')).toEqual({ message: expect.stringContaining('trento or bolzano'), values: ['trento', 'bolzano'] });
    expect(regionKeyOf('Padania')).toEqual({ message: expect.stringContaining('must be a region'), values: REGION_KEYS });
    expect(regionKeyOf(42)).toEqual({ message: expect.stringContaining('must be a region'), values: REGION_KEYS });
    expect(regionKeyOf('')).toEqual({ message: expect.stringContaining('must be a region'), values: REGION_KEYS });
  });

  it("read an office's stored region, null when it names none (offices kept from before)", () => {
    expect(regionOfOffice('campania')).toBe('campania');
    expect(regionOfOffice('Trentino-Alto Adige')).toBeNull();
    expect(regionOfOffice(null)).toBeNull();
  });

  it('scope a catalogue nationally or in a region', () => {
    expect(isCatalogueScope('national')).toBe(true);
    expect(isCatalogueScope('piemonte')).toBe(true);
    expect(isCatalogueScope('Piemonte')).toBe(false);
    expect(scopeOf({})).toBe('national');
  });
});

describe('regional catalogue pinning: resolveCatalogue', () => {
  const v = (code: string, version: number, scope?: ScopedVersion['scope']): ScopedVersion => ({ code, version, ...(scope ? { scope } : {}) });
  const NATIONAL_GOL1 = [v('GOL-1', 1, 'national'), v('GOL-1', 4, 'national'), v('GOL-1', 3, 'national'), v('GOL-2', 4)];

  it('pins the latest national version in every region that has not published its own', () => {
    expect(resolveCatalogue(NATIONAL_GOL1, 'GOL-1', 'piemonte')).toEqual(v('GOL-1', 4, 'national'));
    expect(resolveCatalogue(NATIONAL_GOL1, 'GOL-1', 'lazio')).toEqual(v('GOL-1', 4, 'national'));
    // A catalogue stored before regions states no scope: national.
    expect(resolveCatalogue(NATIONAL_GOL1, 'GOL-2', 'lazio')).toEqual(v('GOL-2', 4));
  });

  it("pins a region's own latest version for that region's offices, whatever the national version number", () => {
    const available = [...NATIONAL_GOL1, v('GOL-1', 1, 'piemonte'), v('GOL-1', 2, 'piemonte')];
    expect(resolveCatalogue(available, 'GOL-1', 'piemonte')).toEqual(v('GOL-1', 2, 'piemonte'));
    // Only that code: the region's other programmes stay national.
    expect(resolveCatalogue(available, 'GOL-2', 'piemonte')).toEqual(v('GOL-2', 4));
  });

  it("leaves every other region, and offices with no known region, on the national version", () => {
    const available = [...NATIONAL_GOL1, v('GOL-1', 1, 'piemonte'), v('GOL-1', 7, 'lombardia')];
    expect(resolveCatalogue(available, 'GOL-1', 'lazio')).toEqual(v('GOL-1', 4, 'national'));
    expect(resolveCatalogue(available, 'GOL-1', 'lombardia')).toEqual(v('GOL-1', 7, 'lombardia'));
    expect(resolveCatalogue(available, 'GOL-1', null)).toEqual(v('GOL-1', 4, 'national'));
  });

  it("serves a region's own programme only in that region", () => {
    const available = [...NATIONAL_GOL1, v('PIE-GIOVANI', 1, 'piemonte')];
    expect(resolveCatalogue(available, 'PIE-GIOVANI', 'piemonte')).toEqual(v('PIE-GIOVANI', 1, 'piemonte'));
    expect(resolveCatalogue(available, 'PIE-GIOVANI', 'lazio')).toBeNull();
    expect(resolveCatalogue(available, 'NOPE', 'piemonte')).toBeNull();
  });

  it('lists the effective catalogue of every code in a region', () => {
    const available = [...NATIONAL_GOL1, v('GOL-1', 2, 'piemonte'), v('PIE-GIOVANI', 1, 'piemonte'), v('LAZ-X', 1, 'lazio')];
    expect(effectiveCatalogues(available, 'piemonte')).toEqual([v('GOL-1', 2, 'piemonte'), v('GOL-2', 4), v('PIE-GIOVANI', 1, 'piemonte')]);
    expect(effectiveCatalogues(available, null)).toEqual([v('GOL-1', 4, 'national'), v('GOL-2', 4)]);
  });

  it('labels a pinned version with its scope, as the journey view says it', () => {
    expect(catalogueLabel('GOL-1', 2, 'piemonte')).toBe('GOL-1 v2 (Piemonte)');
    expect(catalogueLabel('GOL-1', 4, 'national')).toBe('GOL-1 v4 (nazionale)');
    expect(catalogueLabel('GOL-1', null, 'national')).toBe('GOL-1');
  });
});

describe('a journey pins its catalogue scope', () => {
  const started = (scope?: 'piemonte' | 'national') => {
    const { journeyId, officeId, didDate, beneficiary, clocks } = startJourney();
    return replay([journeyStarted({ journeyId, programmeCode: 'GOL-1', officeId, didDate, beneficiary, catalogueVersion: 2, clocks, ...(scope ? { catalogueScope: scope } : {}) }, STARTED)]);
  };

  it("at start, with its version: the region's scope the API resolved, national when the start names none", () => {
    expect(started('piemonte')).toMatchObject({ catalogueVersion: 2, catalogueScope: 'piemonte' });
    expect(toView(started('piemonte')).catalogueLabel).toBe('GOL-1 v2 (Piemonte)');
    expect(started().catalogueScope).toBe('national');
    expect(toView(started()).catalogueLabel).toBe('GOL-1 v2 (nazionale)');
  });

  it('carried from before regions: national', () => {
    const { catalogueScope: _scope, ...carried } = startJourney();
    void _scope;
    expect(upgradeState(carried as JourneyState).catalogueScope).toBe('national');
  });
});
