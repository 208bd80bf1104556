import { addCalendarDays as addDays, parseIsoDate } from '../dates';
import { easterSunday, isItalianPublicHoliday } from './holidays';

/**
 * When an office is closed besides Sundays and the national holidays: the comune's patron saint, regional days (in
 * Bolzano, Whit Monday), one-off closures, and whether Saturdays count as closed. Data, kept per office; this module
 * only reads it.
 */
export interface OfficeCalendar {
  /** Closures every year on the same day: `MM-DD` (Milan's Sant'Ambrogio: `12-07`). */
  annual: readonly { monthDay: string; name: string }[];
  /** Closures a number of days after Easter Sunday (Whit Monday: 50). */
  afterEaster: readonly { days: number; name: string }[];
  /** One-off closures, `YYYY-MM-DD`. */
  dates: readonly { date: string; name: string }[];
  /**
   * Saturdays closed: true for the deadlines of proceedings (art. 155 c.5 c.p.c., Saturday counts as a holiday for a
   * deadline's last day), and for offices closed on Saturdays.
   */
  saturdaysClosed: boolean;
}

/** The national calendar only: Sundays and national holidays closed, Saturdays open. */
export const NATIONAL_CALENDAR: OfficeCalendar = { annual: [], afterEaster: [], dates: [], saturdaysClosed: false };

/** The patron saints and regional days of the comuni the product ships calendars for (DOMAIN.md). */
export const LOCAL_CLOSURES: Record<string, Pick<OfficeCalendar, 'annual' | 'afterEaster'>> = {
  milano: { annual: [{ monthDay: '12-07', name: "Sant'Ambrogio" }], afterEaster: [] },
  torino: { annual: [{ monthDay: '06-24', name: 'San Giovanni Battista' }], afterEaster: [] },
  roma: { annual: [{ monthDay: '06-29', name: 'Santi Pietro e Paolo' }], afterEaster: [] },
  napoli: { annual: [{ monthDay: '09-19', name: 'San Gennaro' }], afterEaster: [] },
  bolzano: { annual: [], afterEaster: [{ days: 50, name: 'Lunedì di Pentecoste' }] },
};

/** Why the office is closed on `date` (YYYY-MM-DD), or null when it is open. */
export function officeClosure(date: string, calendar: OfficeCalendar): string | null {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  if (weekday === 0) return 'Sunday';
  if (weekday === 6 && calendar.saturdaysClosed) return 'Saturday';
  if (isItalianPublicHoliday(date)) return 'national holiday';
  const local = calendar.annual.find((c) => c.monthDay === date.slice(5));
  if (local) return local.name;
  const easter = calendar.afterEaster.find((c) => addDays(easterSunday(parts.year), c.days) === date);
  if (easter) return easter.name;
  return calendar.dates.find((c) => c.date === date)?.name ?? null;
}

/**
 * The last day of a deadline counted in calendar days, moved forward to the office's next open day when it falls on a
 * day the office is closed (art. 2963 c.c.: a term that ends on a holiday runs to the next day that is not; art. 155
 * c.4–5 c.p.c.). `date` itself when the office is open then.
 * @example rollForward('2026-12-05', { ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES.milano, saturdaysClosed: true }) // '2026-12-09'
 */
export function rollForward(date: string, calendar: OfficeCalendar): string {
  let day = date;
  // A year holds at most a few dozen closures: no real calendar closes an office for a year.
  for (let i = 0; i < 366 && officeClosure(day, calendar) !== null; i++) day = addDays(day, 1);
  if (officeClosure(day, calendar) !== null) throw new RangeError(`the office's calendar leaves no open day within a year of ${date}`);
  return day;
}

/**
 * The date `n` of the office's working days after `date` (Monday to Friday, not a national or local closure;
 * counting starts the day after). For clocks the rule counts in working days, e.g. the 2 working days to excuse a
 * refused offer (D.M. 10 aprile 2018 art. 8 c.3).
 */
export function addOfficeWorkingDays(date: string, n: number, calendar: OfficeCalendar): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`the number of working days must be a non-negative integer, got ${n}`);
  const weekdays = { ...calendar, saturdaysClosed: true };
  let day = date;
  for (let remaining = n; remaining > 0; ) {
    day = addDays(day, 1);
    if (officeClosure(day, weekdays) === null) remaining -= 1;
  }
  return day;
}
