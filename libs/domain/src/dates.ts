/**
 * Calendar helpers that stay pure and deterministic (usable inside workflow code):
 * ISO-8601 dates, instants and durations, and the Europe/Rome civil day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** A date written YYYY-MM-DD as its parts, or null unless it is a real calendar date (2026-02-30 is not). */
export function parseIsoDate(value: unknown): { year: number; month: number; day: number } | null {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // (Date.UTC reads years 0-99 as 1900-1999, so those never match: they were never dates of ours.)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : null;
}

/** A civil date (YYYY-MM-DD) plus `n` days (negative: before). */
export function addCalendarDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** True for a full ISO-8601 date-time with an explicit offset that denotes a real instant. */
export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch of an ISO-8601 instant. */
export function toMillis(instant: string): number {
  return Date.parse(instant);
}

/** The canonical UTC form (`…Z`) of an instant. */
export function canonicalInstant(value: string | number): string {
  return new Date(value).toISOString();
}

/** Offset of Europe/Rome from UTC, in hours, at a UTC instant (EU rule: CEST from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC). */
export function romeOffsetHours(utcMillis: number): number {
  const year = new Date(utcMillis).getUTCFullYear();
  const start = lastSundayAt1Utc(year, 2);
  const end = lastSundayAt1Utc(year, 9);
  return utcMillis >= start && utcMillis < end ? 2 : 1;
}

function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/** The civil date (YYYY-MM-DD) in Rome at an instant. */
export function romeDateOf(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : toMillis(instant);
  return new Date(ms + romeOffsetHours(ms) * 3_600_000).toISOString().slice(0, 10);
}

/** The first instant of a Rome civil day, in UTC. */
export function romeStartOfDay(date: string): string {
  const midnightLocalAsUtc = Date.parse(`${date}T00:00:00Z`);
  // Clocks change at 01:00 UTC, after local midnight: two hours earlier is safely on the right side of the switch.
  const offset = romeOffsetHours(midnightLocalAsUtc - 2 * 3_600_000);
  return canonicalInstant(midnightLocalAsUtc - offset * 3_600_000);
}

/** The last millisecond of a Rome civil day, in UTC: a deadline given as a date falls due then. */
export function romeEndOfDay(date: string): string {
  const endLocalAsUtc = Date.parse(`${date}T23:59:59.999Z`);
  const offset = romeOffsetHours(endLocalAsUtc - 2 * 3_600_000);
  return canonicalInstant(endLocalAsUtc - offset * 3_600_000);
}

/** Whether a string is an ISO-8601 duration such as `P30D`, `P1M`, `PT15S`. */
export function isIsoDuration(value: string): boolean {
  return ISO_DURATION.test(value);
}

/** Whether a value is an ISO-8601 duration longer than zero (`P0D` and `PT0S` are not). */
export function isPositiveDuration(value: unknown): value is string {
  const from = '2000-01-01T00:00:00.000Z';
  return typeof value === 'string' && isIsoDuration(value) && toMillis(addDuration(from, value)) > toMillis(from);
}

/** Adds an ISO-8601 duration to an instant: calendar parts (Y, M, W, D) on the UTC calendar, then time parts. */
export function addDuration(instant: string, duration: string): string {
  return shiftByDuration(instant, duration, 1);
}

/** Subtracts an ISO-8601 duration from an instant (the same rules as `addDuration`, backwards). */
export function subtractDuration(instant: string, duration: string): string {
  return shiftByDuration(instant, duration, -1);
}

function shiftByDuration(instant: string, duration: string, sign: 1 | -1): string {
  const m = ISO_DURATION.exec(duration);
  if (!m) throw new RangeError(`not an ISO-8601 duration: ${duration}`);
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => sign * Number(v ?? 0));
  const seconds = sign * Number(m[7] ?? 0);
  const d = new Date(toMillis(instant));
  // Years and months first, keeping the day within the target month (31 January + P1M = 28/29 February, not 3 March), then weeks and days.
  const day = d.getUTCDate();
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, 1);
  const lastDayOfMonth = new Date(d.getTime());
  lastDayOfMonth.setUTCMonth(d.getUTCMonth() + 1, 0);
  d.setUTCDate(Math.min(day, lastDayOfMonth.getUTCDate()) + weeks * 7 + days);
  return canonicalInstant(d.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/**
 * Adds an ISO-8601 duration on the Rome calendar: years, months, weeks and days move the Rome civil date and keep the
 * Rome wall-clock time (28 March 09:00 + P7D is 4 April 09:00 in Rome, though summer time began in between), months
 * clamp to the target month's last day in Rome; time parts (`PT30S`) are then added as elapsed time. For clocks that
 * are not legal deadlines (contact frequency, pact deadline, stall period, reminders, escalation), rules' edition 2.
 */
export function addRomeDuration(instant: string, duration: string): string {
  return shiftOnRomeCalendar(instant, duration, 1);
}

/** Subtracts an ISO-8601 duration on the Rome calendar (the same rules as `addRomeDuration`, backwards). */
export function subtractRomeDuration(instant: string, duration: string): string {
  return shiftOnRomeCalendar(instant, duration, -1);
}

function shiftOnRomeCalendar(instant: string, duration: string, sign: 1 | -1): string {
  const m = ISO_DURATION.exec(duration);
  if (!m) throw new RangeError(`not an ISO-8601 duration: ${duration}`);
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => sign * Number(v ?? 0));
  const seconds = sign * Number(m[7] ?? 0);
  const utc = toMillis(instant);
  // The Rome wall-clock reading of the instant, written as if it were UTC: calendar arithmetic on it is Rome's.
  const local = new Date(utc + romeOffsetHours(utc) * 3_600_000);
  const day = local.getUTCDate();
  local.setUTCFullYear(local.getUTCFullYear() + years, local.getUTCMonth() + months, 1);
  const lastDayOfMonth = new Date(local.getTime());
  lastDayOfMonth.setUTCMonth(local.getUTCMonth() + 1, 0);
  local.setUTCDate(Math.min(day, lastDayOfMonth.getUTCDate()) + weeks * 7 + days);
  return canonicalInstant(fromRomeWallClock(local.getTime()) + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/**
 * The UTC instant of a Rome wall-clock reading (given as if it were UTC). A reading the spring change skips (02:30 on
 * the last Sunday of March) lands an hour later; one the autumn change repeats takes its first (summer-time) instance.
 */
function fromRomeWallClock(localAsUtc: number): number {
  for (const offset of [2, 1]) {
    const utc = localAsUtc - offset * 3_600_000;
    if (romeOffsetHours(utc) === offset) return utc;
  }
  return localAsUtc - 1 * 3_600_000;
}
