import { GOL_DEFAULT_CATALOGUES, NO_CLOCKS, validateCatalogue, type CatalogueDefinition, type JourneyClocks } from './catalogue';

const CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };
const VALID: CatalogueDefinition = { code: 'GOL-1', title: 'GOL percorso 1 – Reinserimento lavorativo', clocks: CLOCKS, services: null, workingDayClocks: [] };

const CODE_PROBLEM = { field: 'code', message: 'must be 2–32 capital letters, digits, - or _' };
const TITLE_PROBLEM = { field: 'title', message: 'must be a non-empty text of at most 200 characters' };
const CLOCKS_PROBLEM = { field: 'clocks', message: 'must be an object with reminderBeforeDue, escalationAfter, pactDeadline, stallAfter' };
const clockProblem = (name: string) => ({ field: `clocks.${name}`, message: 'must be a positive ISO-8601 duration such as P7D or PT30S, or null' });

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
      const { stallAfter: _dropped, ...rest } = CLOCKS;
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
