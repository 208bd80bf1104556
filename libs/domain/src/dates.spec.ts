import {
  addDuration,
  canonicalInstant,
  isIsoDate,
  isIsoDuration,
  isIsoInstant,
  isPositiveDuration,
  romeDateOf,
  romeEndOfDay,
  romeOffsetHours,
  romeStartOfDay,
  subtractDuration,
  toMillis,
} from './dates';
import { addRomeDuration, subtractRomeDuration } from './dates';

const HOUR = 3_600_000;

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30', '2026-02-28'])('accepts the real date %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2026-02-29', // 2026 is not a leap year
    '1900-02-29', // century, not divisible by 400
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
  ])('refuses %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isIsoInstant', () => {
  it.each([
    '2026-03-10T09:30:00Z',
    '2026-03-10T09:30:00.000Z',
    '2026-03-10T09:30:00.123456789Z',
    '2026-03-10T09:30Z',
    '2026-03-10T10:30:00+01:00',
    '2026-03-10T04:30:00-05:00',
    '2024-02-29T12:00:00Z',
  ])('accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    ['no offset', '2026-03-10T09:30:00'],
    ['bare date', '2026-03-10'],
    ['space instead of T', '2026-03-10 09:30:00Z'],
    ['impossible date', '2026-02-30T10:00:00Z'],
    ['non-leap 29 February', '2026-02-29T10:00:00Z'],
    ['hour 25', '2026-03-10T25:00:00Z'],
    ['minute 60', '2026-03-10T09:60:00Z'],
    ['offset without colon', '2026-03-10T09:30:00+0100'],
    ['lower-case z', '2026-03-10T09:30:00z'],
    ['free text', 'tomorrow'],
    ['empty', ''],
  ])('refuses %s (%p)', (_label, value) => {
    expect(isIsoInstant(value)).toBe(false);
  });
});

describe('toMillis / canonicalInstant', () => {
  it('reads offsets and writes the canonical UTC form', () => {
    expect(toMillis('2026-01-01T01:00:00+01:00')).toBe(Date.UTC(2026, 0, 1, 0, 0, 0));
    expect(canonicalInstant('2026-07-01T12:00:00+02:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(canonicalInstant(Date.UTC(2026, 6, 1, 10))).toBe('2026-07-01T10:00:00.000Z');
  });
});

describe('romeOffsetHours', () => {
  it('is +1 in winter and +2 in summer', () => {
    expect(romeOffsetHours(toMillis('2026-01-15T12:00:00Z'))).toBe(1);
    expect(romeOffsetHours(toMillis('2026-07-15T12:00:00Z'))).toBe(2);
    expect(romeOffsetHours(toMillis('2026-12-31T23:59:59.999Z'))).toBe(1);
  });

  it('switches to summer time on Sunday 29 March 2026 at 01:00 UTC', () => {
    expect(romeOffsetHours(toMillis('2026-03-28T12:00:00Z'))).toBe(1);
    expect(romeOffsetHours(toMillis('2026-03-29T00:59:59.999Z'))).toBe(1);
    expect(romeOffsetHours(toMillis('2026-03-29T01:00:00.000Z'))).toBe(2);
    expect(romeOffsetHours(toMillis('2026-03-30T00:00:00Z'))).toBe(2);
  });

  it('switches back to winter time on Sunday 25 October 2026 at 01:00 UTC', () => {
    expect(romeOffsetHours(toMillis('2026-10-24T12:00:00Z'))).toBe(2);
    expect(romeOffsetHours(toMillis('2026-10-25T00:59:59.999Z'))).toBe(2);
    expect(romeOffsetHours(toMillis('2026-10-25T01:00:00.000Z'))).toBe(1);
    expect(romeOffsetHours(toMillis('2026-10-26T00:00:00Z'))).toBe(1);
  });

  it.each([
    [2024, '2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z'],
    [2025, '2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z'],
    [2027, '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'],
  ])('finds the last Sundays of March and October in %i', (_year, summerStarts, summerEnds) => {
    expect(romeOffsetHours(toMillis(summerStarts) - 1)).toBe(1);
    expect(romeOffsetHours(toMillis(summerStarts))).toBe(2);
    expect(romeOffsetHours(toMillis(summerEnds) - 1)).toBe(2);
    expect(romeOffsetHours(toMillis(summerEnds))).toBe(1);
  });

  it('agrees with the IANA Europe/Rome zone at every hour (and half past) of 2024–2027', () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'shortOffset' });
    const ianaOffset = (ms: number): number => {
      const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
      const m = /^GMT\+(\d+)$/.exec(name ?? '');
      if (!m) throw new Error(`unexpected offset name ${name}`);
      return Number(m[1]);
    };
    const mismatches: string[] = [];
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2028, 0, 1); ms += HOUR / 2) {
      if (romeOffsetHours(ms) !== ianaOffset(ms)) mismatches.push(new Date(ms).toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

describe('romeDateOf', () => {
  it.each([
    ['winter, late evening UTC is still the same day', '2026-01-15T22:59:59.999Z', '2026-01-15'],
    ['winter, 23:00 UTC is already the next day', '2026-01-15T23:00:00Z', '2026-01-16'],
    ['summer, 21:59 UTC is still the same day', '2026-07-15T21:59:59.999Z', '2026-07-15'],
    ['summer, 22:00 UTC is already the next day', '2026-07-15T22:00:00Z', '2026-07-16'],
    ['new year in Rome before new year in UTC', '2026-12-31T23:30:00Z', '2027-01-01'],
    ['input with an offset', '2026-01-16T00:30:00+01:00', '2026-01-16'],
    ['spring-forward day, after the switch', '2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['fall-back day, after the switch', '2026-10-25T22:59:59.999Z', '2026-10-25'],
  ])('%s: %s → %s', (_label, instant, date) => {
    expect(romeDateOf(instant)).toBe(date);
  });

  it('accepts epoch milliseconds', () => {
    expect(romeDateOf(Date.UTC(2026, 0, 15, 23, 0))).toBe('2026-01-16');
    expect(romeDateOf(Date.UTC(2026, 6, 15, 21, 59))).toBe('2026-07-15');
  });
});

describe('romeStartOfDay / romeEndOfDay', () => {
  it.each([
    ['winter day', '2026-01-15', '2026-01-14T23:00:00.000Z', '2026-01-15T22:59:59.999Z'],
    ['summer day', '2026-07-15', '2026-07-14T22:00:00.000Z', '2026-07-15T21:59:59.999Z'],
    ['day before spring forward', '2026-03-28', '2026-03-27T23:00:00.000Z', '2026-03-28T22:59:59.999Z'],
    ['spring-forward day (23 h)', '2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z'],
    ['day after spring forward', '2026-03-30', '2026-03-29T22:00:00.000Z', '2026-03-30T21:59:59.999Z'],
    ['day before fall back', '2026-10-24', '2026-10-23T22:00:00.000Z', '2026-10-24T21:59:59.999Z'],
    ['fall-back day (25 h)', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'],
    ['day after fall back', '2026-10-26', '2026-10-25T23:00:00.000Z', '2026-10-26T22:59:59.999Z'],
    ['new year', '2027-01-01', '2026-12-31T23:00:00.000Z', '2027-01-01T22:59:59.999Z'],
    ['leap day', '2024-02-29', '2024-02-28T23:00:00.000Z', '2024-02-29T22:59:59.999Z'],
  ])('%s %s: starts %s, ends %s', (_label, date, start, end) => {
    expect(romeStartOfDay(date)).toBe(start);
    expect(romeEndOfDay(date)).toBe(end);
  });

  it('the switch days last 23 and 25 hours, ordinary days 24', () => {
    const length = (date: string) => toMillis(romeEndOfDay(date)) + 1 - toMillis(romeStartOfDay(date));
    expect(length('2026-03-29')).toBe(23 * HOUR);
    expect(length('2026-10-25')).toBe(25 * HOUR);
    expect(length('2026-01-15')).toBe(24 * HOUR);
    expect(length('2026-07-15')).toBe(24 * HOUR);
  });

  it('every day of 2026 starts one millisecond after the previous one ends, and both ends belong to the day', () => {
    const problems: string[] = [];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 24 * HOUR) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const next = new Date(ms + 24 * HOUR).toISOString().slice(0, 10);
      const start = toMillis(romeStartOfDay(date));
      const end = toMillis(romeEndOfDay(date));
      if (romeDateOf(start) !== date || romeDateOf(start - 1) === date) problems.push(`${date} start`);
      if (romeDateOf(end) !== date || romeDateOf(end + 1) !== next) problems.push(`${date} end`);
      if (toMillis(romeStartOfDay(next)) !== end + 1) problems.push(`${date} → ${next}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('isIsoDuration', () => {
  it.each(['P30D', 'P1M', 'PT15S', 'P1W', 'P1DT2H', 'P1Y2M3DT4H5M6S', 'PT0.5S', 'PT1M', 'P0D', 'P2Y'])('accepts %s', (value) => {
    expect(isIsoDuration(value)).toBe(true);
  });

  it.each(['P', 'PT', '30D', 'P1DT', 'p30d', 'P-1D', 'P1.5D', '', 'PT1H2', 'P1D2M', 'P1H', 'T1H', 'P 30D', ' P30D', 'P30D '])(
    'refuses %p',
    (value) => {
      expect(isIsoDuration(value)).toBe(false);
    },
  );
});

describe('addDuration', () => {
  it.each([
    ['P30D', '2026-01-01T10:00:00Z', '2026-01-31T10:00:00.000Z'],
    ['P30D across February', '2026-02-15T10:00:00Z', '2026-03-17T10:00:00.000Z'],
    ['P1M mid-month', '2026-01-15T10:00:00Z', '2026-02-15T10:00:00.000Z'],
    ['P1M from 31 January keeps to the end of February', '2026-01-31T10:00:00Z', '2026-02-28T10:00:00.000Z'],
    ['P1M from 31 January in a leap year', '2024-01-31T10:00:00Z', '2024-02-29T10:00:00.000Z'],
    ['P1M from 31 March keeps to 30 April', '2026-03-31T10:00:00Z', '2026-04-30T10:00:00.000Z'],
    ['P1M from 31 December crosses the year', '2026-12-31T10:00:00Z', '2027-01-31T10:00:00.000Z'],
    ['P3M from 30 November', '2026-11-30T10:00:00Z', '2027-02-28T10:00:00.000Z'],
    ['P1Y from a leap day', '2024-02-29T10:00:00Z', '2025-02-28T10:00:00.000Z'],
    ['P1M1D from 31 January: months first, then days', '2026-01-31T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['PT15S across midnight', '2026-01-01T23:59:50Z', '2026-01-02T00:00:05.000Z'],
    ['PT0.5S', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.500Z'],
    ['P1W across a month end', '2026-03-25T12:00:00Z', '2026-04-01T12:00:00.000Z'],
    ['P1DT2H', '2026-01-01T23:00:00Z', '2026-01-03T01:00:00.000Z'],
    ['PT1H30M', '2026-01-01T23:00:00Z', '2026-01-02T00:30:00.000Z'],
    ['P1D from an instant with an offset', '2026-01-01T10:00:00+01:00', '2026-01-02T09:00:00.000Z'],
    ['P1D over the spring-forward night (UTC calendar: 24 hours)', '2026-03-28T23:00:00Z', '2026-03-29T23:00:00.000Z'],
  ])('%s: %s → %s', (label, instant, expected) => {
    const duration = label.split(' ')[0];
    expect(addDuration(instant, duration)).toBe(expected);
  });

  it.each(['P', 'PT', '30D', 'P1DT', 'soon'])('throws a RangeError for %p', (duration) => {
    expect(() => addDuration('2026-01-01T00:00:00Z', duration)).toThrow(RangeError);
    expect(() => addDuration('2026-01-01T00:00:00Z', duration)).toThrow(`not an ISO-8601 duration: ${duration}`);
  });
});

describe('subtractDuration', () => {
  it.each([
    ['P2D', '2026-03-20T10:00:00Z', '2026-03-18T10:00:00.000Z'],
    ['P2D across a month start', '2026-03-01T10:00:00Z', '2026-02-27T10:00:00.000Z'],
    ['P2D across a leap day', '2024-03-01T10:00:00Z', '2024-02-28T10:00:00.000Z'],
    ['P30D across a year start', '2026-01-15T10:00:00Z', '2025-12-16T10:00:00.000Z'],
    ['P1M mid-month', '2026-03-15T10:00:00Z', '2026-02-15T10:00:00.000Z'],
    ['P1M from 31 March keeps to the end of February', '2026-03-31T10:00:00Z', '2026-02-28T10:00:00.000Z'],
    ['P1M from 31 March in a leap year', '2024-03-31T10:00:00Z', '2024-02-29T10:00:00.000Z'],
    ['P1M from 15 January crosses the year', '2026-01-15T10:00:00Z', '2025-12-15T10:00:00.000Z'],
    ['P1Y from a leap day', '2024-02-29T10:00:00Z', '2023-02-28T10:00:00.000Z'],
    ['P1W', '2026-04-03T12:00:00Z', '2026-03-27T12:00:00.000Z'],
    ['PT15S across midnight', '2026-01-02T00:00:05Z', '2026-01-01T23:59:50.000Z'],
    ['PT0.5S', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59.500Z'],
    ['P1DT2H', '2026-01-03T01:00:00Z', '2026-01-01T23:00:00.000Z'],
    ['P2D from an instant with an offset', '2026-03-20T23:59:59.999+01:00', '2026-03-18T22:59:59.999Z'],
    ['P1D over the spring-forward night (UTC calendar: 24 hours)', '2026-03-29T23:00:00Z', '2026-03-28T23:00:00.000Z'],
  ])('%s: %s → %s', (label, instant, expected) => {
    expect(subtractDuration(instant, label.split(' ')[0])).toBe(expected);
  });

  it.each(['P2D', 'P7D', 'PT12H', 'P1W', 'P1DT2H30M'])('undoes addDuration for a duration without months or years (%s)', (duration) => {
    for (const instant of ['2026-01-31T10:00:00.000Z', '2026-03-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z']) {
      expect(subtractDuration(addDuration(instant, duration), duration)).toBe(instant);
    }
  });

  it('is not always undone by addDuration with months: 31 March − P1M + P1M is 28 March', () => {
    expect(addDuration(subtractDuration('2026-03-31T10:00:00Z', 'P1M'), 'P1M')).toBe('2026-03-28T10:00:00.000Z');
  });

  it('a zero duration changes nothing but the form', () => {
    expect(subtractDuration('2026-03-20T11:00:00+01:00', 'P0D')).toBe('2026-03-20T10:00:00.000Z');
  });

  it.each(['P', 'PT', '2D', 'P-2D', 'soon', ''])('throws a RangeError for %p', (duration) => {
    expect(() => subtractDuration('2026-01-01T00:00:00Z', duration)).toThrow(RangeError);
    expect(() => subtractDuration('2026-01-01T00:00:00Z', duration)).toThrow(`not an ISO-8601 duration: ${duration}`);
  });
});

describe('isPositiveDuration', () => {
  it.each(['P30D', 'P1D', 'P1M', 'P1Y', 'P1W', 'PT1S', 'PT0.5S', 'PT0.001S', 'P0DT1S', 'P0Y1M'])('%s is positive', (value) => {
    expect(isPositiveDuration(value)).toBe(true);
  });

  it.each(['P0D', 'PT0S', 'PT0.0S', 'P0Y0M0D', 'P0W', 'P0DT0H0M0S'])('%s is zero, not positive', (value) => {
    expect(isPositiveDuration(value)).toBe(false);
  });

  it.each(['30D', 'P', 'PT', 'P-1D', 'p30d', '', ' P30D', 'monthly'])('the malformed %p is not', (value) => {
    expect(isPositiveDuration(value)).toBe(false);
  });

  it.each([30, null, undefined, {}, ['P30D'], true])('the non-string %p is not (and does not throw)', (value) => {
    expect(isPositiveDuration(value)).toBe(false);
  });
});

describe('addRomeDuration (issue 13: clocks that are not legal run on the Rome calendar)', () => {
  it('P7D from 28 March 2026 09:00 in Rome lands at 09:00 in Rome on 4 April, across the change to summer time', () => {
    // 08:00 UTC is 09:00 CET; on 4 April 09:00 CEST is 07:00 UTC.
    expect(addRomeDuration('2026-03-28T08:00:00.000Z', 'P7D')).toBe('2026-04-04T07:00:00.000Z');
    expect(addDuration('2026-03-28T08:00:00.000Z', 'P7D')).toBe('2026-04-04T08:00:00.000Z');
  });

  it('P1M from 28 March 2026 lands on 28 April at the same Rome time; back across the change to winter time too', () => {
    expect(addRomeDuration('2026-03-28T08:00:00.000Z', 'P1M')).toBe('2026-04-28T07:00:00.000Z');
    expect(addRomeDuration('2026-10-20T07:00:00.000Z', 'P30D')).toBe('2026-11-19T08:00:00.000Z');
  });

  it('month ends clamp in Rome time: 31 January 00:30 in Rome (30 January UTC) + P1M is 28 February 00:30 in Rome', () => {
    expect(addRomeDuration('2026-01-30T23:30:00.000Z', 'P1M')).toBe('2026-02-27T23:30:00.000Z');
    // the UTC calendar reads 30 January: 28 February 23:30 UTC, already 1 March in Rome
    expect(addDuration('2026-01-30T23:30:00.000Z', 'P1M')).toBe('2026-02-28T23:30:00.000Z');
  });

  it('time parts are elapsed time (test catalogues in seconds); subtracting walks back the same way', () => {
    expect(addRomeDuration('2026-03-29T00:59:50.000Z', 'PT20S')).toBe('2026-03-29T01:00:10.000Z');
    expect(subtractRomeDuration('2026-04-04T07:00:00.000Z', 'P7D')).toBe('2026-03-28T08:00:00.000Z');
  });

  it('a Rome time the spring change skips lands an hour later', () => {
    // 29 March 2026 02:30 does not exist in Rome: 28 March 02:30 CET (01:30 UTC) + P1D is 03:30 CEST (01:30 UTC).
    expect(addRomeDuration('2026-03-28T01:30:00.000Z', 'P1D')).toBe('2026-03-29T01:30:00.000Z');
  });
});
