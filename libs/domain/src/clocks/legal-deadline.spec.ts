import { addCalendarDays, legalDeadline } from './legal-deadline';
import { LEGAL_CLOCKS, TURIN_CPI } from '../journey/journey.test-fixture';
import { LOCAL_CLOSURES, NATIONAL_CALENDAR } from '../calendar/office-calendar';
import { golRollForwardClocks } from './clock-table';
import type { OfficeProfile } from '../offices/model';

const calendar = { clocks: LEGAL_CLOCKS, workingDayClocks: [] };
const working = { clocks: LEGAL_CLOCKS, workingDayClocks: ['offerExcuseWindow' as const, 'justificationWindow' as const] };

describe('legalDeadline', () => {
  it('whole days fall due at the end of the last day in Rome, across the change to summer time', () => {
    expect(legalDeadline(calendar, 'firstContactAfterDid', '2026-03-02')).toBe('2026-04-01T21:59:59.999Z');
    expect(legalDeadline(calendar, 'justificationWindow', '2026-03-10T09:00:00.000Z')).toBe('2026-03-11T22:59:59.999Z');
  });

  it('counts from the Rome day of an instant (23:30 UTC on 10 March is already 11 March in Rome)', () => {
    expect(legalDeadline(calendar, 'justificationWindow', '2026-03-10T23:30:00.000Z')).toBe('2026-03-12T22:59:59.999Z');
  });

  it('working days skip weekends and public holidays', () => {
    // Friday 24 April 2026 + 2 working days = Tuesday 28 April
    expect(legalDeadline(working, 'offerExcuseWindow', '2026-04-24T10:00:00.000Z')).toBe('2026-04-28T21:59:59.999Z');
    // Thursday 24 December 2026 + 1 working day: not Christmas, not Santo Stefano (Saturday), not Sunday → Monday 28
    expect(legalDeadline(working, 'justificationWindow', '2026-12-24T10:00:00.000Z')).toBe('2026-12-28T22:59:59.999Z');
    expect(legalDeadline(calendar, 'justificationWindow', '2026-12-24T10:00:00.000Z')).toBe('2026-12-25T22:59:59.999Z');
  });

  it('a clock with a time part is added as it is (test catalogues in seconds)', () => {
    const seconds = { clocks: { ...LEGAL_CLOCKS, justificationWindow: 'PT5S' }, workingDayClocks: [] };
    expect(legalDeadline(seconds, 'justificationWindow', '2026-03-10T09:00:00.000Z')).toBe('2026-03-10T09:00:05.000Z');
    // a bare date starts at midnight in Rome (23:00 UTC the day before, in winter)
    expect(legalDeadline(seconds, 'justificationWindow', '2026-03-10')).toBe('2026-03-09T23:00:05.000Z');
  });

  it('null when the catalogue turns the clock off', () => {
    expect(legalDeadline({ clocks: { ...LEGAL_CLOCKS, appealWindow: null }, workingDayClocks: [] }, 'appealWindow', '2026-03-10')).toBeNull();
    expect(legalDeadline({ clocks: { ...LEGAL_CLOCKS, appealWindow: undefined }, workingDayClocks: [] }, 'appealWindow', '2026-03-10')).toBeNull();
  });
});

describe('legalDeadline, rules edition 2: the office calendar', () => {
  const MILAN_CPI: OfficeProfile = { officeId: 'CPI-MI-01', kind: 'cpi', competentCpiId: 'CPI-MI-01', calendar: { ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES.milano } };
  const BOLZANO_CPI: OfficeProfile = { officeId: 'CPI-BZ-01', kind: 'cpi', competentCpiId: 'CPI-BZ-01', calendar: { ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES.bolzano } };
  const gol = (office: OfficeProfile | null, rules: 1 | 2 = 2) => ({ clocks: LEGAL_CLOCKS, workingDayClocks: ['offerExcuseWindow' as const], rollForwardClocks: golRollForwardClocks(), office, rules });
  // Thursday 5 November 2026, a decision notified by hand.
  const NOTIFIED = '2026-11-05T10:00:00.000Z';

  it('art. 21 c.12 D.lgs. 150/2015, art. 2963 c.c., art. 155 c.4-5 c.p.c.: 30 days from Thursday 5 Nov 2026 end Saturday 5 Dec; Saturdays closed, due Monday 7 Dec in Turin', () => {
    expect(legalDeadline({ ...gol(TURIN_CPI), rollForwardClocks: {} }, 'appealWindow', NOTIFIED)).toBe('2026-12-05T22:59:59.999Z');
    expect(legalDeadline(gol(TURIN_CPI), 'appealWindow', NOTIFIED)).toBe('2026-12-07T22:59:59.999Z');
  });

  it("art. 155 c.5 c.p.c. with Milan's calendar: Saturday 5, Sunday 6, Sant'Ambrogio 7, the Immacolata 8 December closed, due Wednesday 9 December", () => {
    expect(legalDeadline(gol(MILAN_CPI), 'appealWindow', NOTIFIED)).toBe('2026-12-09T22:59:59.999Z');
  });

  it('art. 2963 c.c.: a clock the catalogue does not move keeps its last day; Saturdays stay open for a clock whose setting does not close them', () => {
    // justificationWindow P1D from Friday 4 December 2026: Saturday 5, open (the GOL setting keeps Saturdays open).
    expect(legalDeadline(gol(MILAN_CPI), 'justificationWindow', '2026-12-04T10:00:00.000Z')).toBe('2026-12-05T22:59:59.999Z');
    // from Saturday 5: Sunday 6 closed, Sant'Ambrogio, the Immacolata → Wednesday 9 in Milan, Monday 7 in Turin.
    expect(legalDeadline(gol(MILAN_CPI), 'justificationWindow', '2026-12-05T10:00:00.000Z')).toBe('2026-12-09T22:59:59.999Z');
    expect(legalDeadline(gol(TURIN_CPI), 'justificationWindow', '2026-12-05T10:00:00.000Z')).toBe('2026-12-07T22:59:59.999Z');
  });

  it('art. 20 c.1 D.lgs. 150/2015 with art. 2963 c.c.: the first contact due on San Giovanni (24 June, Turin) moves to the next day', () => {
    // DID Monday 25 May 2026 + 30 days = Wednesday 24 June 2026.
    expect(legalDeadline(gol(TURIN_CPI), 'firstContactAfterDid', '2026-05-25')).toBe('2026-06-25T21:59:59.999Z');
    expect(legalDeadline(gol(MILAN_CPI), 'firstContactAfterDid', '2026-05-25')).toBe('2026-06-24T21:59:59.999Z');
  });

  it("D.M. 10 aprile 2018 art. 8 c.3: working days are the office's (Bolzano's Whit Monday, 25 May 2026, is not one)", () => {
    // Friday 22 May 2026 + 2 working days: Tuesday 26 nationally, Wednesday 27 in Bolzano.
    expect(legalDeadline(gol(TURIN_CPI), 'offerExcuseWindow', '2026-05-22T10:00:00.000Z')).toBe('2026-05-26T21:59:59.999Z');
    expect(legalDeadline(gol(BOLZANO_CPI), 'offerExcuseWindow', '2026-05-22T10:00:00.000Z')).toBe('2026-05-27T21:59:59.999Z');
  });

  it('without an office the national calendar applies; edition 1 (recorded journeys) never moves a deadline nor reads local closures', () => {
    expect(legalDeadline(gol(null), 'appealWindow', NOTIFIED)).toBe('2026-12-07T22:59:59.999Z');
    expect(legalDeadline(gol(MILAN_CPI, 1), 'appealWindow', NOTIFIED)).toBe('2026-12-05T22:59:59.999Z');
    expect(legalDeadline(gol(BOLZANO_CPI, 1), 'offerExcuseWindow', '2026-05-22T10:00:00.000Z')).toBe('2026-05-26T21:59:59.999Z');
  });
});

describe('addCalendarDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});
