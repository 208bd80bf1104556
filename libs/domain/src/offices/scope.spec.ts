import { coversOffice, isCallerOffices, outsideOfficesMessage } from './scope';

describe('coversOffice', () => {
  it('covers the listed offices only, and every office for `all`', () => {
    expect(coversOffice({ offices: ['CPI-TO-01', 'CPI-TO-02'] }, 'CPI-TO-02')).toBe(true);
    expect(coversOffice({ offices: ['CPI-TO-01'] }, 'CPI-TO-02')).toBe(false);
    expect(coversOffice({ offices: [] }, 'CPI-TO-01')).toBe(false);
    expect(coversOffice({ offices: 'all' }, 'CPI-TO-01')).toBe(true);
  });
});

describe('isCallerOffices', () => {
  it('takes `all` or a list of ids, and nothing else (an update recorded without it checks nothing)', () => {
    expect(isCallerOffices({ offices: 'all' })).toBe(true);
    expect(isCallerOffices({ offices: ['CPI-TO-01'] })).toBe(true);
    expect(isCallerOffices({ offices: [] })).toBe(true);
    for (const value of [undefined, null, 'all', {}, { offices: 'some' }, { offices: [1] }, { unencryptedPayloadRefused: true }]) expect(isCallerOffices(value)).toBe(false);
  });
});

describe('outsideOfficesMessage', () => {
  it('names the offices, as the API always has', () => {
    expect(outsideOfficesMessage(['CPI-TO-01'])).toBe('office CPI-TO-01 is outside your offices');
  });
});
