import { addCalendarDays } from '../dates';
import { addOfficeWorkingDays, LOCAL_CLOSURES, NATIONAL_CALENDAR, officeClosure, rollForward, type OfficeCalendar } from './office-calendar';

const office = (comune: keyof typeof LOCAL_CLOSURES, saturdaysClosed: boolean): OfficeCalendar => ({ ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES[comune], saturdaysClosed });

describe('office calendars: a deadline that ends on a closed day moves to the next open one (art. 2963 c.c., art. 155 c.4-5 c.p.c.)', () => {
  it('a decision notified Thursday 5 November 2026 has 30 days (art. 21 c.12 D.lgs. 150/2015) ending Saturday 5 December', () => {
    expect(addCalendarDays('2026-11-05', 30)).toBe('2026-12-05');
    expect(new Date('2026-12-05T12:00:00Z').getUTCDay()).toBe(6);
  });

  it('with Saturdays closed it falls due Monday 7 December in Turin', () => {
    expect(rollForward('2026-12-05', office('torino', true))).toBe('2026-12-07');
  });

  it("and Wednesday 9 December in Milan: Sant'Ambrogio on the 7th, the Immacolata (a national holiday) on the 8th", () => {
    const milan = office('milano', true);
    expect(officeClosure('2026-12-07', milan)).toBe("Sant'Ambrogio");
    expect(officeClosure('2026-12-08', milan)).toBe('national holiday');
    expect(rollForward('2026-12-05', milan)).toBe('2026-12-09');
  });

  it('with Saturdays open the Saturday itself is the last day; an open day never moves', () => {
    expect(rollForward('2026-12-05', office('torino', false))).toBe('2026-12-05');
    expect(rollForward('2026-12-09', office('milano', true))).toBe('2026-12-09');
  });

  it("the patron saints of the shipped comuni close their offices: Turin 24 June, Rome 29 June, Naples 19 September", () => {
    expect(officeClosure('2027-06-24', office('torino', false))).toBe('San Giovanni Battista');
    expect(officeClosure('2027-06-24', office('roma', false))).toBeNull();
    expect(officeClosure('2027-06-29', office('roma', false))).toBe('Santi Pietro e Paolo');
    expect(officeClosure('2026-09-19', office('napoli', true))).toBe('Saturday');
    expect(officeClosure('2029-09-19', office('napoli', false))).toBe('San Gennaro');
  });

  it('Bolzano closes on Whit Monday, 50 days after Easter (Easter 2027 is 28 March: Whit Monday 17 May)', () => {
    expect(officeClosure('2027-05-17', office('bolzano', false))).toBe('Lunedì di Pentecoste');
    expect(officeClosure('2027-05-17', office('torino', false))).toBeNull();
    expect(rollForward('2027-05-16', office('bolzano', false))).toBe('2027-05-18');
  });

  it('one-off closures count too, and Sundays and national holidays everywhere (4 October again from 2026, L. 151/2025)', () => {
    const strike: OfficeCalendar = { ...NATIONAL_CALENDAR, dates: [{ date: '2026-11-10', name: 'Chiusura straordinaria' }] };
    expect(officeClosure('2026-11-10', strike)).toBe('Chiusura straordinaria');
    expect(officeClosure('2026-11-08', NATIONAL_CALENDAR)).toBe('Sunday');
    expect(officeClosure('2027-10-04', NATIONAL_CALENDAR)).toBe('national holiday');
  });

  it("working days skip the office's own closures (D.M. 10 aprile 2018 art. 8 c.3 counts an offer's excuse in working days): after Friday 4 December 2026 the first is Wednesday 9 in Milan, Monday 7 in Turin, and the second Thursday 10 in Milan", () => {
    expect(addOfficeWorkingDays('2026-12-04', 2, office('milano', false))).toBe('2026-12-10');
    expect(addOfficeWorkingDays('2026-12-04', 1, office('milano', false))).toBe('2026-12-09');
    expect(addOfficeWorkingDays('2026-12-04', 1, office('torino', false))).toBe('2026-12-07');
    expect(addOfficeWorkingDays('2026-12-04', 0, office('torino', false))).toBe('2026-12-04');
  });

  it('refuses what is not a date, a negative count, and a calendar with no open day', () => {
    expect(() => officeClosure('2026-02-30', NATIONAL_CALENDAR)).toThrow(RangeError);
    expect(() => addOfficeWorkingDays('2026-12-04', -1, NATIONAL_CALENDAR)).toThrow(RangeError);
    const closed: OfficeCalendar = { ...NATIONAL_CALENDAR, annual: Array.from({ length: 366 }, (_, i) => ({ monthDay: addCalendarDays('2028-01-01', i).slice(5), name: 'x' })) };
    expect(() => rollForward('2028-03-01', closed)).toThrow(/no open day/);
  });
});
