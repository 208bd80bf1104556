import { LOCAL_CLOSURES, NATIONAL_CALENDAR } from '../calendar/office-calendar';
import { officeProfile, validateOfficeDefinition } from './directory';

const TURIN = { ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES.torino };
const CPI = { name: 'CPI di Torino', kind: 'cpi', region: 'Piemonte', comune: 'Torino', calendar: TURIN };

describe('the directory of offices', () => {
  it('D.lgs. 150/2015 art. 18 and D.lgs. 276/2003 art. 7: a CPI is its own competent CPI; an accredited operator names the CPI of its area', () => {
    expect(validateOfficeDefinition('CPI-TO-01', CPI)).toEqual([]);
    expect(validateOfficeDefinition('CPI-TO-01', { ...CPI, competentCpiId: 'CPI-TO-01' })).toEqual([]);
    expect(validateOfficeDefinition('CPI-TO-01', { ...CPI, competentCpiId: 'CPI-MI-01' }).map((p) => p.field)).toEqual(['competentCpiId']);
    expect(validateOfficeDefinition('ACC-TO-01', { ...CPI, kind: 'accredited', competentCpiId: 'CPI-TO-01' })).toEqual([]);
    expect(validateOfficeDefinition('ACC-TO-01', { ...CPI, kind: 'accredited' }).map((p) => p.field)).toEqual(['competentCpiId']);
  });

  it('names every field that breaks a rule, calendar entries included', () => {
    const bad = {
      name: '',
      kind: 'private',
      region: 'Padania',
      comune: 'T\n',
      calendar: { annual: [{ monthDay: '02-30', name: 'x' }], afterEaster: [{ days: 0, name: '' }], dates: [{ date: '2026-13-01', name: 'x', at: 1 }], saturdaysClosed: 'no' },
      extra: 1,
    };
    expect(validateOfficeDefinition('X', bad).map((p) => p.field)).toEqual([
      'name',
      'region',
      'comune',
      'kind',
      'calendar.annual[0].monthDay',
      'calendar.afterEaster[0].name',
      'calendar.afterEaster[0].days',
      'calendar.dates[0].date',
      'calendar.dates[0].at',
      'calendar.saturdaysClosed',
      'extra',
    ]);
    // Each with the code of its rule and that rule's parameters, for a client to phrase in its own language.
    expect(validateOfficeDefinition('X', bad).map(({ code, params }) => [code, params])).toEqual([
      ['isSingleLine', { maximum: 200 }],
      ['invalid_value', { values: expect.stringContaining('piemonte, ') }],
      ['isSingleLine', { maximum: 100 }],
      ['invalid_value', { values: 'cpi, accredited' }],
      ['invalid_month_day', undefined],
      ['isSingleLine', { maximum: 100 }],
      ['out_of_range', { minimum: 1, maximum: 100 }],
      ['invalid_date', undefined],
      ['unknown_field', { name: 'at' }],
      ['invalid_type', { expected: 'boolean' }],
      ['unknown_field', { name: 'extra' }],
    ]);
    expect(validateOfficeDefinition('X', { ...CPI, calendar: null })).toEqual([{ field: 'calendar', message: expect.any(String), code: 'invalid_type', params: { expected: 'object' } }]);
    expect(validateOfficeDefinition('X', { ...CPI, calendar: { ...CPI.calendar, dates: 'none' } }).map((p) => [p.field, p.code])).toEqual([['calendar.dates', 'invalid_type']]);
    const many = Array.from({ length: 101 }, (_, i) => ({ date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, name: 'Chiuso' }));
    expect(validateOfficeDefinition('X', { ...CPI, calendar: { ...CPI.calendar, dates: many } }).map((p) => [p.field, p.code, p.params])).toEqual([
      ['calendar.dates', 'too_big', { maximum: 100, origin: 'array' }],
    ]);
    expect(validateOfficeDefinition('X', { ...CPI, competentCpiId: 'CPI MI' }).map((p) => p.code)).toEqual(['invalid_format']);
    expect(validateOfficeDefinition('CPI-TO-01', { ...CPI, competentCpiId: 'CPI-MI-01' }).map((p) => p.code)).toEqual(['cpi_own_competent']);
    expect(validateOfficeDefinition('ACC-TO-01', { ...CPI, kind: 'accredited' }).map((p) => p.code)).toEqual(['competent_cpi_required']);
    // Issue 15: a region by key or name; Trentino-Alto Adige by autonomous province.
    expect(validateOfficeDefinition('CPI-TO-01', { ...CPI, region: 'piemonte' })).toEqual([]);
    expect(validateOfficeDefinition('CPI-BZ-01', { ...CPI, region: 'Trentino-Alto Adige' })).toEqual([
      { field: 'region', message: expect.stringContaining('trento or bolzano'), code: 'invalid_value', params: { values: 'trento, bolzano' } },
    ]);
  });

  it("is what a journey pins: the office's kind, competent CPI and calendar", () => {
    expect(officeProfile({ officeId: 'ACC-TO-01', ...CPI, kind: 'accredited', competentCpiId: 'CPI-TO-01' })).toEqual({
      officeId: 'ACC-TO-01',
      kind: 'accredited',
      competentCpiId: 'CPI-TO-01',
      calendar: TURIN,
    });
  });
});
