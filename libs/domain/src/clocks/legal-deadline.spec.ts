import { addCalendarDays, legalDeadline } from './legal-deadline';
import { LEGAL_CLOCKS } from '../journey/journey.test-fixture';

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

describe('addCalendarDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});
