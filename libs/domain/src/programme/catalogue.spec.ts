import { NO_CLOCKS, type JourneyClocks } from '../clocks/clock-table';
import { GOL_DEFAULT_CATALOGUES, validateCatalogue, type CatalogueDefinition } from './catalogue';

const CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };
const VALID: CatalogueDefinition = { code: 'GOL-1', title: 'GOL percorso 1 – Reinserimento lavorativo', clocks: CLOCKS, services: null, workingDayClocks: [] };

const CODE_PROBLEM = { field: 'code', message: 'must be 2–32 capital letters, digits, - or _' };
const TITLE_PROBLEM = { field: 'title', message: 'must be a non-empty text of at most 200 characters' };
const CLOCKS_PROBLEM = { field: 'clocks', message: 'must be an object with reminderBeforeDue, escalationAfter, pactDeadline, stallAfter' };
const clockProblem = (name: string) => ({ field: `clocks.${name}`, message: 'must be a positive ISO-8601 duration such as P7D or PT30S, or null', code: 'invalid_duration' });

describe('GOL_DEFAULT_CATALOGUES', () => {
  it('ships the five GOL paths, GOL-1 to GOL-5, once each', () => {
    expect(GOL_DEFAULT_CATALOGUES.map((c) => c.code)).toEqual(['GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5']);
  });

  it.each(GOL_DEFAULT_CATALOGUES.map((c) => [c.code, c] as const))('%s validates', (_code, catalogue) => {
    expect(validateCatalogue(catalogue)).toEqual([]);
  });

  it('uses the GOL default clocks, with a longer stall period for path 4 (lavoro e inclusione)', () => {
    for (const c of GOL_DEFAULT_CATALOGUES) {
      expect(c.clocks).toEqual(expect.objectContaining(c.code === 'GOL-4' ? { ...CLOCKS, stallAfter: 'P90D' } : CLOCKS));
    }
  });

  it('every default turns every clock on (no null clock)', () => {
    for (const c of GOL_DEFAULT_CATALOGUES) expect(Object.values(c.clocks).every((v) => v !== null)).toBe(true);
  });
});

describe('NO_CLOCKS', () => {
  it('turns every clock off', () => {
    expect(NO_CLOCKS).toEqual({ reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null });
  });

  it('is a valid set of clocks for a catalogue', () => {
    expect(validateCatalogue({ ...VALID, clocks: NO_CLOCKS })).toEqual([]);
  });
});

describe('validateCatalogue', () => {
  it('accepts a valid definition', () => {
    expect(validateCatalogue(VALID)).toEqual([]);
  });

  describe('code', () => {
    it.each(['GO', 'GOL-1', 'GOL_2', 'REGIONE-LOMBARDIA-DUL', 'A'.repeat(32), '42'])('accepts %p', (code) => {
      expect(validateCatalogue({ ...VALID, code })).toEqual([]);
    });

    it.each([
      ['lower case', 'gol-1'],
      ['one character', 'G'],
      ['33 characters', 'A'.repeat(33)],
      ['a space', 'GOL 1'],
      ['a dot', 'GOL.1'],
      ['an accent', 'GOLÀ'],
      ['empty', ''],
      ['a number', 12],
      ['missing', undefined],
      ['null', null],
    ])('refuses %s', (_label, code) => {
      expect(validateCatalogue({ ...VALID, code })).toEqual([CODE_PROBLEM]);
    });
  });

  describe('title', () => {
    it.each([
      ['one character', 'x'],
      ['200 characters', 'x'.repeat(200)],
      ['surrounded by spaces', '  GOL  '],
    ])('accepts %s', (_label, title) => {
      expect(validateCatalogue({ ...VALID, title })).toEqual([]);
    });

    it.each([
      ['empty', ''],
      ['blank', ' \t\n '],
      ['201 characters', 'x'.repeat(201)],
      ['not text', 42],
      ['missing', undefined],
    ])('refuses %s', (_label, title) => {
      expect(validateCatalogue({ ...VALID, title })).toEqual([TITLE_PROBLEM]);
    });
  });

  describe('clocks', () => {
    it.each([
      ['missing', undefined],
      ['null', null],
      ['a string', 'P7D'],
      ['a number', 7],
    ])('%s → one problem on clocks, none on the single clocks', (_label, clocks) => {
      expect(validateCatalogue({ ...VALID, clocks })).toEqual([CLOCKS_PROBLEM]);
    });

    it('every clock may be null (turned off)', () => {
      for (const name of Object.keys(CLOCKS)) {
        expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, [name]: null } })).toEqual([]);
      }
    });

    it.each(['P1D', 'PT30S', 'PT0.5S', 'P1M', 'P1Y', 'P2W', 'P1DT12H'])('accepts the duration %s', (value) => {
      expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, escalationAfter: value } })).toEqual([]);
    });

    it.each([
      ['zero days', 'P0D'],
      ['zero seconds', 'PT0S'],
      ['zero everything', 'P0Y0M0DT0H0M0S'],
      ['no designator', '7D'],
      ['no unit', 'P7'],
      ['fractional days', 'P1.5D'],
      ['negative', 'P-1D'],
      ['lower case', 'p7d'],
      ['empty', ''],
      ['free text', 'a week'],
      ['a number of days', 7],
      ['missing', undefined],
    ])('refuses %s (%p)', (_label, value) => {
      expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, pactDeadline: value } })).toEqual([clockProblem('pactDeadline')]);
    });

    it('names each bad clock, in the order of the clocks', () => {
      expect(validateCatalogue({ ...VALID, clocks: { reminderBeforeDue: 'P0D', escalationAfter: 'P7D', pactDeadline: null, stallAfter: '60 days' } })).toEqual([
        clockProblem('reminderBeforeDue'),
        clockProblem('stallAfter'),
      ]);
    });

    it('an unknown clock → a problem naming it', () => {
      expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, reminderAfterDue: 'P1D' } })).toEqual([
        { field: 'clocks.reminderAfterDue', message: 'is not a clock of the catalogue' },
      ]);
    });

    it('a misspelt clock is both missing and unknown', () => {
      const rest: Partial<typeof CLOCKS> = { ...CLOCKS };
      delete rest.stallAfter;
      expect(validateCatalogue({ ...VALID, clocks: { ...rest, stalAfter: 'P60D' } })).toEqual([
        clockProblem('stallAfter'),
        { field: 'clocks.stalAfter', message: 'is not a clock of the catalogue' },
      ]);
    });

    it('an empty object → every clock is missing', () => {
      expect(validateCatalogue({ ...VALID, clocks: {} }).map((p) => p.field)).toEqual([
        'clocks.reminderBeforeDue',
        'clocks.escalationAfter',
        'clocks.pactDeadline',
        'clocks.stallAfter',
      ]);
    });
  });

  it('reports every problem at once', () => {
    expect(validateCatalogue({ code: 'x', title: '', clocks: { ...CLOCKS, escalationAfter: 'PT0S' } })).toEqual([
      CODE_PROBLEM,
      TITLE_PROBLEM,
      clockProblem('escalationAfter'),
    ]);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'GOL-1'],
    ['a number', 1],
  ])('%s as the whole definition → code, title and clocks problems', (_label, input) => {
    expect(validateCatalogue(input)).toEqual([CODE_PROBLEM, TITLE_PROBLEM, CLOCKS_PROBLEM]);
  });
});

describe('validateCatalogue: services and working days', () => {
  const withServices = (services: unknown, extra: object = {}) => validateCatalogue({ ...VALID, services, ...extra });

  it('accepts the GOL services and null (any service, any order)', () => {
    for (const c of GOL_DEFAULT_CATALOGUES) expect(withServices(c.services)).toEqual([]);
    expect(withServices(null)).toEqual([]);
  });

  it('every GOL path starts with reception and ends with job search available', () => {
    for (const c of GOL_DEFAULT_CATALOGUES) {
      expect(c.services![0]).toEqual({ service: 'reception', after: [] });
      expect(c.services!.map((s) => s.service)).toContain('job_search');
    }
  });

  it.each([
    ['an empty list', [], 'services'],
    ['not starting with reception', [{ service: 'tutoring', after: [] }], 'services[0].service'],
    ['an unknown service', [{ service: 'reception', after: [] }, { service: 'yoga', after: ['reception'] }], 'services[1].service'],
    ['a service twice', [{ service: 'reception', after: [] }, { service: 'reception', after: [] }], 'services[1].service'],
    ['a prerequisite listed later', [{ service: 'reception', after: [] }, { service: 'tutoring', after: ['job_search'] }, { service: 'job_search', after: [] }], 'services[1].after'],
    ['a prerequisite that is itself', [{ service: 'reception', after: ['reception'] }], 'services[0].after'],
    ['after missing', [{ service: 'reception' }], 'services[0].after'],
    ['an unknown field', [{ service: 'reception', after: [], hours: 3 }], 'services[0].hours'],
  ])('refuses %s', (_label, services, field) => {
    expect(withServices(services).map((p) => p.field)).toContain(field);
  });

  it('working-day clocks are legal clocks of whole days', () => {
    expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, offerExcuseWindow: 'P2D' }, workingDayClocks: ['offerExcuseWindow'] })).toEqual([]);
    expect(validateCatalogue({ ...VALID, workingDayClocks: ['stallAfter'] })).toEqual([
      { field: 'workingDayClocks[0]', message: 'must be one of firstContactAfterDid, firstContactAfterBenefitClaim, justificationWindow, offerExcuseWindow, appealWindow' },
    ]);
    expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, offerExcuseWindow: 'PT48H' }, workingDayClocks: ['offerExcuseWindow'] })).toEqual([
      { field: 'workingDayClocks[0]', message: 'clocks.offerExcuseWindow counts working days, so it must be whole days such as P2D' },
    ]);
    expect(validateCatalogue({ ...VALID, workingDayClocks: 'offerExcuseWindow' }).map((p) => p.field)).toEqual(['workingDayClocks']);
  });

  it('the clocks added with the services are optional, and checked when given', () => {
    expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, justificationWindow: 'PT5S', appealWindow: null } })).toEqual([]);
    expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, justificationWindow: 'tomorrow' } })).toEqual([clockProblem('justificationWindow')]);
  });
});

describe('rollForwardClocks (art. 2963 c.c., art. 155 c.4-5 c.p.c.)', () => {
  it('the shipped GOL catalogues move the appeal (Saturdays closed), the excuse windows and the first-contact clocks off closed days', () => {
    for (const c of GOL_DEFAULT_CATALOGUES) {
      expect([c.code, c.rollForwardClocks]).toEqual([
        c.code,
        {
          firstContactAfterDid: { saturdaysClosed: false },
          firstContactAfterBenefitClaim: { saturdaysClosed: false },
          justificationWindow: { saturdaysClosed: false },
          offerExcuseWindow: { saturdaysClosed: false },
          appealWindow: { saturdaysClosed: true },
        },
      ]);
    }
  });

  it('is optional, lists only legal clocks, each { saturdaysClosed: boolean } and nothing else', () => {
    expect(validateCatalogue({ ...VALID, rollForwardClocks: {} })).toEqual([]);
    expect(validateCatalogue({ ...VALID, rollForwardClocks: { appealWindow: { saturdaysClosed: true } } })).toEqual([]);
    expect(validateCatalogue({ ...VALID, rollForwardClocks: ['appealWindow'] }).map((p) => p.field)).toEqual(['rollForwardClocks']);
    expect(
      validateCatalogue({
        ...VALID,
        rollForwardClocks: { stallAfter: { saturdaysClosed: true }, appealWindow: { saturdaysClosed: 'yes', sundays: true }, justificationWindow: true },
      }).map((p) => p.field),
    ).toEqual(['rollForwardClocks.stallAfter', 'rollForwardClocks.appealWindow.saturdaysClosed', 'rollForwardClocks.appealWindow.sundays', 'rollForwardClocks.justificationWindow']);
  });
});
