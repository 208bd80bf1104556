import { parseIsoDate } from '../dates';
import { textProblem } from '../text';
import type { OfficeCalendar } from '../calendar/office-calendar';
import { regionKeyOf } from '../regions/regions';
import { OFFICE_KINDS, type OfficeKind, type OfficeProfile } from './model';

/**
 * An office of the directory as administrators keep it: a CPI or an accredited operator (D.lgs. 276/2003 art. 7),
 * the CPI competent for its area (a CPI is its own), where it is, and its calendar.
 */
export interface OfficeDefinition {
  name: string;
  kind: OfficeKind;
  /** For an accredited operator, the CPI whose area it works in; for a CPI, itself (absent: itself). */
  competentCpiId: string;
  /**
   * Issue 15: the region's key (`REGION_KEYS`: e.g. `piemonte`, `trento`, `bolzano`). Offices kept from before may
   * hold a text that names none: their journeys pin national catalogues.
   */
  region: string;
  comune: string;
  calendar: OfficeCalendar;
}

export interface Office extends OfficeDefinition {
  officeId: string;
}

export interface OfficeProblem {
  field: string;
  message: string;
}

export const OFFICE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const MAX_CLOSURES = 100;

/** A non-empty text of at most `max` characters on one line, that the engine can store (`textProblem`). */
export function isLine(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max && textProblem(value, 'line') === null;
}

/** What a journey pins of its office at start. */
export function officeProfile(office: Office): OfficeProfile {
  const { annual, afterEaster, dates, saturdaysClosed } = office.calendar;
  return { officeId: office.officeId, kind: office.kind, competentCpiId: office.competentCpiId, calendar: { annual, afterEaster, dates, saturdaysClosed } };
}

/**
 * Checks an office's definition (the id comes from the path); an empty list means it is valid. Whether an accredited
 * operator's competent CPI exists and is a CPI is the directory's to check (it needs the other offices).
 */
export function validateOfficeDefinition(officeId: string, input: unknown): OfficeProblem[] {
  const problems: OfficeProblem[] = [];
  const o = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const line = (field: string, max: number) => {
    const v = o[field];
    if (!isLine(v, max)) {
      problems.push({ field, message: `must be a non-empty text of at most ${max} characters on one line` });
    }
  };
  line('name', 200);
  const region = regionKeyOf(o.region);
  if (typeof region !== 'string') problems.push({ field: 'region', message: region.message });
  line('comune', 100);
  if (!OFFICE_KINDS.includes(o.kind as OfficeKind)) problems.push({ field: 'kind', message: `must be one of ${OFFICE_KINDS.join(', ')}` });
  const cpi = o.competentCpiId;
  if (cpi !== undefined && (typeof cpi !== 'string' || !OFFICE_ID.test(cpi))) {
    problems.push({ field: 'competentCpiId', message: 'must be 1-64 characters: letters, digits, _ or -' });
  } else if (o.kind === 'cpi' && cpi !== undefined && cpi !== officeId) {
    problems.push({ field: 'competentCpiId', message: 'a CPI is its own competent CPI: leave it out or give its own id' });
  } else if (o.kind === 'accredited' && (cpi === undefined || cpi === officeId)) {
    problems.push({ field: 'competentCpiId', message: 'an accredited operator names the CPI whose area it works in' });
  }
  problems.push(...validateCalendar(o.calendar, 'calendar'));
  for (const key of Object.keys(o)) {
    if (!['name', 'kind', 'competentCpiId', 'region', 'comune', 'calendar'].includes(key)) problems.push({ field: key, message: `property ${key} should not exist` });
  }
  return problems;
}

/** Checks a calendar: annual closures (`MM-DD`), days after Easter (1-100), one-off dates (`YYYY-MM-DD`), `saturdaysClosed`. */
export function validateCalendar(input: unknown, prefix: string): OfficeProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: prefix, message: 'must be an object { annual, afterEaster, dates, saturdaysClosed }' }];
  }
  const c = input as Record<string, unknown>;
  const problems: OfficeProblem[] = [];
  const list = (field: string, check: (item: Record<string, unknown>, at: string) => void) => {
    const value = c[field];
    if (!Array.isArray(value) || value.length > MAX_CLOSURES) {
      problems.push({ field: `${prefix}.${field}`, message: `must be a list of at most ${MAX_CLOSURES} closures (empty for none)` });
      return;
    }
    value.forEach((item: unknown, i) => {
      const at = `${prefix}.${field}[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.push({ field: at, message: 'must be an object' });
        return;
      }
      const it = item as Record<string, unknown>;
      if (!isLine(it.name, 100)) {
        problems.push({ field: `${at}.name`, message: 'must be a non-empty text of at most 100 characters on one line' });
      }
      check(it, at);
    });
  };
  list('annual', (it, at) => {
    const m = typeof it.monthDay === 'string' ? MONTH_DAY.exec(it.monthDay) : null;
    // 2028 is a leap year: 02-29 is a day some years have.
    if (!m || !parseIsoDate(`2028-${m[1]}-${m[2]}`)) problems.push({ field: `${at}.monthDay`, message: 'must be a day of the year written MM-DD, such as 12-07' });
    extra(it, ['monthDay', 'name'], at);
  });
  list('afterEaster', (it, at) => {
    if (!Number.isInteger(it.days) || (it.days as number) < 1 || (it.days as number) > 100) {
      problems.push({ field: `${at}.days`, message: 'must be a whole number of days after Easter Sunday, 1-100 (Whit Monday: 50)' });
    }
    extra(it, ['days', 'name'], at);
  });
  list('dates', (it, at) => {
    if (!parseIsoDate(it.date)) problems.push({ field: `${at}.date`, message: 'must be a date written YYYY-MM-DD' });
    extra(it, ['date', 'name'], at);
  });
  if (typeof c.saturdaysClosed !== 'boolean') problems.push({ field: `${prefix}.saturdaysClosed`, message: 'must be true or false' });
  extra(c, ['annual', 'afterEaster', 'dates', 'saturdaysClosed'], prefix);
  return problems;

  function extra(o: Record<string, unknown>, known: string[], at: string) {
    for (const key of Object.keys(o)) if (!known.includes(key)) problems.push({ field: `${at}.${key}`, message: `property ${key} should not exist` });
  }
}
