import { parseIsoDate } from '../dates';
import type { FieldProblemOf } from '../problems';
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

/** The parameters each code of an office problem carries (`undefined`: none); the API publishes the same codes. */
export interface OfficeProblemParams {
  /** Not a non-empty text on one line of at most `maximum` characters. */
  isSingleLine: { maximum: number };
  /** Not one of the allowed values, listed comma-separated. */
  invalid_value: { values: string };
  /** A text not in its format (`pattern`: the regular expression it must match). */
  invalid_format: { format: 'regex'; pattern: string };
  /** Not of the expected type (or missing). */
  invalid_type: { expected: 'object' | 'array' | 'boolean' };
  /** A list with more items than allowed. */
  too_big: { maximum: number; origin: 'array' };
  /** The field is not one of its object's: `name` is its key. */
  unknown_field: { name: string };
  /** Not a real calendar date written YYYY-MM-DD. */
  invalid_date: undefined;
  /** Not a day of the year written MM-DD. */
  invalid_month_day: undefined;
  /** Not a whole number from `minimum` to `maximum`. */
  out_of_range: { minimum: number; maximum: number };
  /** A CPI names another office as its competent CPI. */
  cpi_own_competent: undefined;
  /** An accredited operator names no CPI (or itself) as its competent CPI. */
  competent_cpi_required: undefined;
}

/** The codes an office problem may carry. */
export type OfficeProblemCode = keyof OfficeProblemParams;

/** One problem of an office's definition: the field's path, the English message, the code and its parameters. */
export type OfficeProblem = FieldProblemOf<OfficeProblemParams>;

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
      problems.push({ field, message: `must be a non-empty text of at most ${max} characters on one line`, code: 'isSingleLine', params: { maximum: max } });
    }
  };
  line('name', 200);
  const region = regionKeyOf(o.region);
  if (typeof region !== 'string') problems.push({ field: 'region', message: region.message, code: 'invalid_value', params: { values: region.values.join(', ') } });
  line('comune', 100);
  if (!OFFICE_KINDS.includes(o.kind as OfficeKind)) problems.push({ field: 'kind', message: `must be one of ${OFFICE_KINDS.join(', ')}`, code: 'invalid_value', params: { values: OFFICE_KINDS.join(', ') } });
  const cpi = o.competentCpiId;
  if (cpi !== undefined && (typeof cpi !== 'string' || !OFFICE_ID.test(cpi))) {
    problems.push({ field: 'competentCpiId', message: 'must be 1-64 characters: letters, digits, _ or -', code: 'invalid_format', params: { format: 'regex', pattern: OFFICE_ID.source } });
  } else if (o.kind === 'cpi' && cpi !== undefined && cpi !== officeId) {
    problems.push({ field: 'competentCpiId', message: 'a CPI is its own competent CPI: leave it out or give its own id', code: 'cpi_own_competent' });
  } else if (o.kind === 'accredited' && (cpi === undefined || cpi === officeId)) {
    problems.push({ field: 'competentCpiId', message: 'an accredited operator names the CPI whose area it works in', code: 'competent_cpi_required' });
  }
  problems.push(...validateCalendar(o.calendar, 'calendar'));
  for (const key of Object.keys(o)) {
    if (!['name', 'kind', 'competentCpiId', 'region', 'comune', 'calendar'].includes(key)) problems.push({ field: key, message: `property ${key} should not exist`, code: 'unknown_field', params: { name: key } });
  }
  return problems;
}

/** Checks a calendar: annual closures (`MM-DD`), days after Easter (1-100), one-off dates (`YYYY-MM-DD`), `saturdaysClosed`. */
export function validateCalendar(input: unknown, prefix: string): OfficeProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: prefix, message: 'must be an object { annual, afterEaster, dates, saturdaysClosed }', code: 'invalid_type', params: { expected: 'object' } }];
  }
  const c = input as Record<string, unknown>;
  const problems: OfficeProblem[] = [];
  const list = (field: string, check: (item: Record<string, unknown>, at: string) => void) => {
    const value = c[field];
    if (!Array.isArray(value) || value.length > MAX_CLOSURES) {
      const message = `must be a list of at most ${MAX_CLOSURES} closures (empty for none)`;
      problems.push(
        Array.isArray(value)
          ? { field: `${prefix}.${field}`, message, code: 'too_big', params: { maximum: MAX_CLOSURES, origin: 'array' } }
          : { field: `${prefix}.${field}`, message, code: 'invalid_type', params: { expected: 'array' } },
      );
      return;
    }
    value.forEach((item: unknown, i) => {
      const at = `${prefix}.${field}[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.push({ field: at, message: 'must be an object', code: 'invalid_type', params: { expected: 'object' } });
        return;
      }
      const it = item as Record<string, unknown>;
      if (!isLine(it.name, 100)) {
        problems.push({ field: `${at}.name`, message: 'must be a non-empty text of at most 100 characters on one line', code: 'isSingleLine', params: { maximum: 100 } });
      }
      check(it, at);
    });
  };
  list('annual', (it, at) => {
    const m = typeof it.monthDay === 'string' ? MONTH_DAY.exec(it.monthDay) : null;
    // 2028 is a leap year: 02-29 is a day some years have.
    if (!m || !parseIsoDate(`2028-${m[1]}-${m[2]}`)) problems.push({ field: `${at}.monthDay`, message: 'must be a day of the year written MM-DD, such as 12-07', code: 'invalid_month_day' });
    extra(it, ['monthDay', 'name'], at);
  });
  list('afterEaster', (it, at) => {
    if (!Number.isInteger(it.days) || (it.days as number) < 1 || (it.days as number) > 100) {
      problems.push({ field: `${at}.days`, message: 'must be a whole number of days after Easter Sunday, 1-100 (Whit Monday: 50)', code: 'out_of_range', params: { minimum: 1, maximum: 100 } });
    }
    extra(it, ['days', 'name'], at);
  });
  list('dates', (it, at) => {
    if (!parseIsoDate(it.date)) problems.push({ field: `${at}.date`, message: 'must be a date written YYYY-MM-DD', code: 'invalid_date' });
    extra(it, ['date', 'name'], at);
  });
  if (typeof c.saturdaysClosed !== 'boolean') problems.push({ field: `${prefix}.saturdaysClosed`, message: 'must be true or false', code: 'invalid_type', params: { expected: 'boolean' } });
  extra(c, ['annual', 'afterEaster', 'dates', 'saturdaysClosed'], prefix);
  return problems;

  function extra(o: Record<string, unknown>, known: string[], at: string) {
    for (const key of Object.keys(o)) if (!known.includes(key)) problems.push({ field: `${at}.${key}`, message: `property ${key} should not exist`, code: 'unknown_field', params: { name: key } });
  }
}
