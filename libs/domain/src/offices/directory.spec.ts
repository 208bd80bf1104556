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
    expect(validateOfficeDefinition('X', { ...CPI, calendar: null }).map((p) => p.field)).toEqual(['calendar']);
    // Issue 15: a region by key or name; Trentino-Alto Adige by autonomous province.
    expect(validateOfficeDefinition('CPI-TO-01', { ...CPI, region: 'piemonte' })).toEqual([]);
    expect(validateOfficeDefinition('CPI-BZ-01', { ...CPI, region: 'Trentino-Alto Adige' })).toEqual([{ field: 'region', message: expect.stringContaining('trento or bolzano') }]);
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
