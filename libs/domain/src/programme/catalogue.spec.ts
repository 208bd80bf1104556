import { NO_CLOCKS, type JourneyClocks } from '../clocks/clock-table';
import { SERVICE_CODES } from '../services/service-table';
import { GOL_DEFAULT_CATALOGUES, validateCatalogue, type CatalogueDefinition } from './catalogue';

const CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };
const VALID: CatalogueDefinition = { code: 'GOL-1', title: 'GOL percorso 1 – Reinserimento lavorativo', clocks: CLOCKS, services: null, workingDayClocks: [] };

const CODE_MESSAGE = 'must be 2–32 capital letters, digits, - or _';
const CODE_PROBLEM = { field: 'code', message: CODE_MESSAGE, code: 'invalid_format', params: { format: 'regex', pattern: '^[A-Z0-9_-]{2,32}$' } };
const CODE_TYPE_PROBLEM = { field: 'code', message: CODE_MESSAGE, code: 'invalid_type', params: { expected: 'string' } };
const TITLE_MESSAGE = 'must be a non-empty text of at most 200 characters';
const TITLE_EMPTY_PROBLEM = { field: 'title', message: TITLE_MESSAGE, code: 'too_small', params: { minimum: 1, origin: 'string' } };
const TITLE_TYPE_PROBLEM = { field: 'title', message: TITLE_MESSAGE, code: 'invalid_type', params: { expected: 'string' } };
const CLOCKS_PROBLEM = { field: 'clocks', message: 'must be an object with reminderBeforeDue, escalationAfter, pactDeadline, stallAfter', code: 'invalid_type', params: { expected: 'object' } };
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
    ])('refuses %s: invalid_format with the pattern', (_label, code) => {
      expect(validateCatalogue({ ...VALID, code })).toEqual([CODE_PROBLEM]);
    });

    it.each([
      ['a number', 12],
      ['missing', undefined],
      ['null', null],
    ])('refuses %s: invalid_type, a string expected', (_label, code) => {
      expect(validateCatalogue({ ...VALID, code })).toEqual([CODE_TYPE_PROBLEM]);
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
      ['empty', '', TITLE_EMPTY_PROBLEM],
      ['blank', ' \t\n ', TITLE_EMPTY_PROBLEM],
      ['201 characters', 'x'.repeat(201), { field: 'title', message: TITLE_MESSAGE, code: 'too_big', params: { maximum: 200, origin: 'string' } }],
      ['not text', 42, TITLE_TYPE_PROBLEM],
      ['missing', undefined, TITLE_TYPE_PROBLEM],
    ])('refuses %s', (_label, title, problem) => {
      expect(validateCatalogue({ ...VALID, title })).toEqual([problem]);
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
        { field: 'clocks.reminderAfterDue', message: 'is not a clock of the catalogue', code: 'unknown_field', params: { name: 'reminderAfterDue' } },
      ]);
    });

    it('a misspelt clock is both missing and unknown', () => {
      const rest: Partial<typeof CLOCKS> = { ...CLOCKS };
      delete rest.stallAfter;
      expect(validateCatalogue({ ...VALID, clocks: { ...rest, stalAfter: 'P60D' } })).toEqual([
        clockProblem('stallAfter'),
        { field: 'clocks.stalAfter', message: 'is not a clock of the catalogue', code: 'unknown_field', params: { name: 'stalAfter' } },
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
      TITLE_EMPTY_PROBLEM,
      clockProblem('escalationAfter'),
    ]);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'GOL-1'],
    ['a number', 1],
  ])('%s as the whole definition → code, title and clocks problems', (_label, input) => {
    expect(validateCatalogue(input)).toEqual([CODE_TYPE_PROBLEM, TITLE_TYPE_PROBLEM, CLOCKS_PROBLEM]);
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

  const SERVICES = SERVICE_CODES.join(', ');
  it.each([
    ['an empty list', [], 'services', 'too_small', { minimum: 1, origin: 'array' }],
    ['not a list', 'reception', 'services', 'invalid_type', { expected: 'array' }],
    ['not starting with reception', [{ service: 'tutoring', after: [] }], 'services[0].service', 'first_service_not_reception', undefined],
    ['an unknown service', [{ service: 'reception', after: [] }, { service: 'yoga', after: ['reception'] }], 'services[1].service', 'invalid_value', { values: SERVICES }],
    ['a service twice', [{ service: 'reception', after: [] }, { service: 'reception', after: [] }], 'services[1].service', 'repeated_value', { value: 'reception' }],
    [
      'a prerequisite listed later',
      [{ service: 'reception', after: [] }, { service: 'tutoring', after: ['job_search'] }, { service: 'job_search', after: [] }],
      'services[1].after',
      'prerequisite_not_before',
      { prerequisite: 'job_search', service: 'tutoring' },
    ],
    ['a prerequisite that is itself', [{ service: 'reception', after: ['reception'] }], 'services[0].after', 'prerequisite_not_before', { prerequisite: 'reception', service: 'reception' }],
    ['after missing', [{ service: 'reception' }], 'services[0].after', 'invalid_type', { expected: 'array' }],
    ['an unknown field', [{ service: 'reception', after: [], hours: 3 }], 'services[0].hours', 'unknown_field', { name: 'hours' }],
  ])('refuses %s, with its code and params', (_label, services, field, code, params) => {
    const problem = withServices(services).find((p) => p.field === field);
    expect(problem).toBeDefined();
    expect([problem?.code, problem?.params]).toEqual([code, params]);
  });

  it('working-day clocks are legal clocks of whole days', () => {
    expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, offerExcuseWindow: 'P2D' }, workingDayClocks: ['offerExcuseWindow'] })).toEqual([]);
    expect(validateCatalogue({ ...VALID, workingDayClocks: ['stallAfter'] })).toEqual([
      {
        field: 'workingDayClocks[0]',
        message: 'must be one of firstContactAfterDid, firstContactAfterBenefitClaim, justificationWindow, offerExcuseWindow, appealWindow',
        code: 'invalid_value',
        params: { values: 'firstContactAfterDid, firstContactAfterBenefitClaim, justificationWindow, offerExcuseWindow, appealWindow' },
      },
    ]);
    expect(validateCatalogue({ ...VALID, clocks: { ...CLOCKS, offerExcuseWindow: 'PT48H' }, workingDayClocks: ['offerExcuseWindow'] })).toEqual([
      { field: 'workingDayClocks[0]', message: 'clocks.offerExcuseWindow counts working days, so it must be whole days such as P2D', code: 'not_whole_days', params: { clock: 'offerExcuseWindow' } },
    ]);
    expect(validateCatalogue({ ...VALID, workingDayClocks: 'offerExcuseWindow' }).map((p) => [p.field, p.code, p.params])).toEqual([['workingDayClocks', 'invalid_type', { expected: 'array' }]]);
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
    expect(validateCatalogue({ ...VALID, rollForwardClocks: ['appealWindow'] }).map((p) => [p.field, p.code])).toEqual([['rollForwardClocks', 'invalid_type']]);
    expect(
      validateCatalogue({
        ...VALID,
        rollForwardClocks: { stallAfter: { saturdaysClosed: true }, appealWindow: { saturdaysClosed: 'yes', sundays: true }, justificationWindow: true },
      }).map((p) => [p.field, p.code, p.params]),
    ).toEqual([
      ['rollForwardClocks.stallAfter', 'not_legal_clock', { name: 'stallAfter', values: 'firstContactAfterDid, firstContactAfterBenefitClaim, justificationWindow, offerExcuseWindow, appealWindow' }],
      ['rollForwardClocks.appealWindow.saturdaysClosed', 'invalid_type', { expected: 'boolean' }],
      ['rollForwardClocks.appealWindow.sundays', 'unknown_field', { name: 'sundays' }],
      ['rollForwardClocks.justificationWindow', 'invalid_type', { expected: 'object' }],
    ]);
  });
});

describe('validateCatalogue: every problem has a code', () => {
  /** A catalogue wrong in every section at once, many ways each. */
  const BAD = {
    code: 'gol 1',
    title: 'x'.repeat(201),
    clocks: { reminderBeforeDue: 'P0D', escalationAfter: 7, pactDeadline: 'soon', snooze: 'P1D', offerExcuseWindow: 'PT48H' },
    services: [
      { service: 'tutoring', after: ['job_search'], hours: 3 },
      { service: 'yoga', after: 'reception' },
      { service: 'tutoring', after: [1] },
      'reception',
    ],
    workingDayClocks: ['stallAfter', 'offerExcuseWindow', 42],
    offerSuitability: { maxDistanceKm: -1, maxTravelMinutes: 100_001, minContractMonths: '3', radius: 3 },
    rollForwardClocks: { stallAfter: { saturdaysClosed: true }, appealWindow: { saturdaysClosed: 'yes', sundays: true }, justificationWindow: true },
    absenceReasons: ['illness', 'holiday', 'illness', 'boredom'],
    assessmentAreas: ['Bad Area', 'x', 'x', 7, 'a'.repeat(61)],
    presentation: { benefit: 'naspi', kind: 'call', first: 'P0D', every: 'soon', decadenzaOnMissedConvocation: 'yes', duration: { length: 'P12M', extension: 'never', grace: 'P1D' }, colour: 'red' },
    personalDataRetention: 'ten years',
  };

  it('a catalogue wrong everywhere: each of its many problems carries a code (never undefined, never other)', () => {
    const problems = validateCatalogue(BAD);
    expect(problems.length).toBeGreaterThan(35);
    const uncoded = problems.filter((p) => p.code === undefined || (p.code as string) === 'other');
    expect(uncoded).toEqual([]);
    // The problems whose code takes parameters have them.
    for (const p of problems) if (!['invalid_duration', 'first_service_not_reception'].includes(p.code)) expect([p.field, p.params]).toEqual([p.field, expect.any(Object)]);
  });

  it('and the shapes themselves, each section wrong as a whole', () => {
    const problems = validateCatalogue({
      code: 12,
      title: null,
      clocks: [],
      services: {},
      workingDayClocks: 'appealWindow',
      offerSuitability: 'DM',
      rollForwardClocks: null,
      absenceReasons: 'illness',
      assessmentAreas: [],
      presentation: 'adi',
      personalDataRetention: 10,
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['code', 'invalid_type'],
      ['title', 'invalid_type'],
      ['clocks', 'invalid_type'],
      ['services', 'invalid_type'],
      ['workingDayClocks', 'invalid_type'],
      ['offerSuitability', 'invalid_type'],
      ['rollForwardClocks', 'invalid_type'],
      ['assessmentAreas', 'too_small'],
      ['absenceReasons', 'invalid_type'],
      ['presentation', 'invalid_type'],
      ['personalDataRetention', 'invalid_duration'],
    ]);
  });

  it('representative codes and params across the sections', () => {
    const byField = Object.fromEntries(validateCatalogue(BAD).map((p) => [p.field, { code: p.code, params: p.params }]));
    expect(byField).toMatchObject({
      code: { code: 'invalid_format', params: { format: 'regex' } },
      title: { code: 'too_big', params: { maximum: 200, origin: 'string' } },
      'clocks.escalationAfter': { code: 'invalid_duration' },
      'clocks.snooze': { code: 'unknown_field', params: { name: 'snooze' } },
      'services[0].service': { code: 'first_service_not_reception' },
      'services[0].hours': { code: 'unknown_field', params: { name: 'hours' } },
      'services[1].after': { code: 'invalid_type', params: { expected: 'array' } },
      'services[2].service': { code: 'repeated_value', params: { value: 'tutoring' } },
      'workingDayClocks[1]': { code: 'not_whole_days', params: { clock: 'offerExcuseWindow' } },
      'offerSuitability.maxDistanceKm': { code: 'too_small', params: { minimum: 0, origin: 'number' } },
      'offerSuitability.maxTravelMinutes': { code: 'too_big', params: { maximum: 100000, origin: 'number' } },
      'offerSuitability.minContractMonths': { code: 'invalid_type', params: { expected: 'number' } },
      'offerSuitability.radius': { code: 'unknown_field', params: { name: 'radius' } },
      'absenceReasons[2]': { code: 'repeated_value', params: { value: 'illness' } },
      'absenceReasons[3]': { code: 'invalid_value' },
      'assessmentAreas[0]': { code: 'invalid_format', params: { format: 'regex', pattern: '^[a-z][a-z0-9_]{0,59}$' } },
      'assessmentAreas[2]': { code: 'repeated_value', params: { value: 'x' } },
      'assessmentAreas[3]': { code: 'invalid_type', params: { expected: 'string' } },
      'assessmentAreas[4]': { code: 'too_big', params: { maximum: 60, origin: 'string' } },
      'presentation.benefit': { code: 'invalid_value', params: { values: 'adi, sfl' } },
      'presentation.first': { code: 'invalid_duration' },
      'presentation.decadenzaOnMissedConvocation': { code: 'invalid_type', params: { expected: 'boolean' } },
      'presentation.duration.extension': { code: 'invalid_duration' },
      'presentation.duration.grace': { code: 'unknown_field', params: { name: 'grace' } },
      'presentation.colour': { code: 'unknown_field', params: { name: 'colour' } },
      personalDataRetention: { code: 'invalid_duration' },
    });
  });
});
