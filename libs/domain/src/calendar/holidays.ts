/**
 * Italian national public holidays and working days, on civil dates written YYYY-MM-DD.
 *
 * Pure and deterministic (usable inside workflow code): no I/O, no clock. Dates are civil dates, not instants, so all
 * arithmetic is done on the UTC calendar and never depends on the machine's time zone.
 *
 * Scope: the national holidays of current Italian law (Legge 27 maggio 1949, n. 260, as amended; 4 October again from
 * 2026 by Legge 8 ottobre 2025, n. 151), applied to every supported year (1583–9999, the Gregorian calendar). Earlier
 * changes to the list (the holidays abolished or moved from 1977 and restored in 1985 and 2000) are not modelled, and
 * local patron-saint days (Rome 29 June, Milan 7 December, …) are out of scope.
 */

import { parseIsoDate } from '../dates';

const MIN_YEAR = 1583;
const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
/** The first year in which 4 October (San Francesco d'Assisi) is a national holiday again (Legge n. 151/2025). */
const SAN_FRANCESCO_FROM = 2026;

/**
 * Gregorian Easter Sunday of a year (the anonymous Gregorian algorithm, as given by Meeus), as YYYY-MM-DD.
 * Always a Sunday from 22 March to 25 April.
 * @throws RangeError when the year is not an integer from 1583 to 9999
 */
export function easterSunday(year: number): string {
  assertYear(year);
  const [month, day] = easterMonthDay(year);
  return formatYmd(year, month, day);
}

/**
 * The Italian national public holidays of a year, with their Italian names, sorted by date: Capodanno, Epifania,
 * Pasqua, Lunedì dell'Angelo, Festa della Liberazione, Festa del Lavoro, Festa della Repubblica, Ferragosto,
 * San Francesco d'Assisi (4 October, from 2026 only), Ognissanti, Immacolata Concezione, Natale, Santo Stefano.
 *
 * Two holidays can fall on the same date (Easter Sunday or Monday on 25 April, as in 2011 and 2038): both are listed,
 * in the order above. Local patron-saint days are out of scope. Returns a new array on every call.
 * @throws RangeError when the year is not an integer from 1583 to 9999
 */
export function italianPublicHolidays(year: number): { date: string; name: string }[] {
  assertYear(year);
  const [easterMonth, easterDay] = easterMonthDay(year);
  const easter = Date.UTC(year, easterMonth - 1, easterDay) / DAY_MS;
  const on = (month: number, day: number, name: string) => ({ date: formatYmd(year, month, day), name });
  const holidays = [
    on(1, 1, 'Capodanno'),
    on(1, 6, 'Epifania'),
    { date: formatEpochDay(easter), name: 'Pasqua' },
    { date: formatEpochDay(easter + 1), name: "Lunedì dell'Angelo" },
    on(4, 25, 'Festa della Liberazione'),
    on(5, 1, 'Festa del Lavoro'),
    on(6, 2, 'Festa della Repubblica'),
    on(8, 15, 'Ferragosto'),
    ...(year >= SAN_FRANCESCO_FROM ? [on(10, 4, "San Francesco d'Assisi patrono d'Italia")] : []),
    on(11, 1, 'Ognissanti'),
    on(12, 8, 'Immacolata Concezione'),
    on(12, 25, 'Natale'),
    on(12, 26, 'Santo Stefano'),
  ];
  // Array.prototype.sort is stable: holidays sharing a date keep the order listed above.
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Whether a date (YYYY-MM-DD) is an Italian national public holiday; local patron-saint days are not.
 * @throws RangeError when the date is not a real calendar date YYYY-MM-DD from 1583 to 9999
 */
export function isItalianPublicHoliday(date: string): boolean {
  parseDate(date);
  return italianPublicHolidays(Number(date.slice(0, 4))).some((holiday) => holiday.date === date);
}

/**
 * Whether a date (YYYY-MM-DD) is a working day: Monday to Friday and not an Italian national public holiday.
 * @throws RangeError when the date is not a real calendar date YYYY-MM-DD from 1583 to 9999
 */
export function isWorkingDay(date: string): boolean {
  return workingDayTest()(parseDate(date));
}

/**
 * The date that is `n` working days after `date`: counting starts the day after `date`, so `n = 1` gives the first
 * working day strictly after it, whether or not `date` itself is one; `n = 0` returns `date` unchanged.
 * @throws RangeError when the date is not a real calendar date YYYY-MM-DD from 1583 to 9999, when `n` is not a
 * non-negative integer, or when the result would fall after 9999-12-31
 */
export function addWorkingDays(date: string, n: number): string {
  let day = parseDate(date);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`the number of working days must be a non-negative integer, got ${describe(n)}`);
  const isWorking = workingDayTest();
  for (let remaining = n; remaining > 0; ) {
    day += 1;
    if (isWorking(day)) remaining -= 1;
  }
  return formatEpochDay(day);
}

/**
 * The first working day on or after `date` (YYYY-MM-DD): `date` itself when it is a working day.
 * @throws RangeError when the date is not a real calendar date YYYY-MM-DD from 1583 to 9999, or when the result would
 * fall after 9999-12-31
 */
export function nextWorkingDay(date: string): string {
  let day = parseDate(date);
  const isWorking = workingDayTest();
  while (!isWorking(day)) day += 1;
  return formatEpochDay(day);
}

/** The [month, day] of Gregorian Easter Sunday (Meeus, "Astronomical Algorithms", chapter 8). */
function easterMonthDay(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return [Math.floor(n / 31), (n % 31) + 1];
}

/**
 * A test of whether a day number (days since 1970-01-01) is a working day. It keeps the holidays of the last year it
 * was asked about, so a walk through consecutive days computes each year's holidays once.
 */
function workingDayTest(): (day: number) => boolean {
  let year = Number.NaN;
  let holidays = new Set<string>();
  return (day) => {
    const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 Sunday … 6 Saturday
    if (weekday === 0 || weekday === 6) return false;
    const date = formatEpochDay(day); // throws past 9999-12-31
    const dateYear = Number(date.slice(0, 4));
    if (dateYear !== year) {
      year = dateYear;
      holidays = new Set(italianPublicHolidays(year).map((holiday) => holiday.date));
    }
    return !holidays.has(date);
  };
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be an integer from ${MIN_YEAR} to ${MAX_YEAR} (Gregorian calendar), got ${describe(year)}`);
  }
}

/** Validates a YYYY-MM-DD civil date and returns its day number counted from 1970-01-01. */
function parseDate(date: string): number {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`expected a date written YYYY-MM-DD, got ${describe(date)}`);
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`date ${date} is outside the supported years ${MIN_YEAR} to ${MAX_YEAR}`);
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a real calendar date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS;
}

function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function formatEpochDay(day: number): string {
  const d = new Date(day * DAY_MS);
  if (d.getUTCFullYear() > MAX_YEAR) throw new RangeError(`the result falls after ${MAX_YEAR}-12-31, the last supported date`);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : `a value of type ${typeof value}`;
}
