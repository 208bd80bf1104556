import { validateCatalogue, GOL_DEFAULT_CATALOGUES } from '../programme/catalogue';
import { DEFAULT_PERSONAL_DATA_RETENTION, pastRetention, personalDataRetentionOf, retentionEndsAt, validatePersonalDataRetention } from './retention';

describe('personal data retention of a catalogue', () => {
  it('defaults to ten years when the catalogue does not say', () => {
    expect(DEFAULT_PERSONAL_DATA_RETENTION).toBe('P10Y');
    expect(personalDataRetentionOf({})).toBe('P10Y');
    expect(personalDataRetentionOf({ personalDataRetention: null })).toBe('P10Y');
    expect(personalDataRetentionOf({ personalDataRetention: 'P5Y' })).toBe('P5Y');
  });

  it('is a positive ISO-8601 duration, or null; anything else is refused naming the field', () => {
    for (const ok of [undefined, null, 'P10Y', 'P5Y6M', 'P30D', 'PT5S']) expect(validatePersonalDataRetention(ok)).toEqual([]);
    for (const bad of ['', '10 years', 'P0D', 'PT0S', 10, '-P1Y', {}]) {
      expect(validatePersonalDataRetention(bad)).toEqual([{ field: 'personalDataRetention', message: expect.stringMatching(/ISO-8601 duration/), code: 'invalid_duration' }]);
    }
  });

  it('is checked with the rest of a catalogue', () => {
    const base = { ...GOL_DEFAULT_CATALOGUES[0] };
    expect(validateCatalogue({ ...base, personalDataRetention: 'P10Y' })).toEqual([]);
    expect(validateCatalogue({ ...base, personalDataRetention: 'ten years' }).map((p) => p.field)).toEqual(['personalDataRetention']);
  });

  it('ends at the closure plus the retention, on the calendar (a leap day closes on 28 February ten years on)', () => {
    expect(retentionEndsAt('2026-03-15T10:00:00.000Z', 'P10Y')).toBe('2036-03-15T10:00:00.000Z');
    expect(retentionEndsAt('2028-02-29T09:00:00.000Z', 'P10Y')).toBe('2038-02-28T09:00:00.000Z');
    expect(retentionEndsAt('2026-03-15T10:00:00.000Z', 'PT5S')).toBe('2026-03-15T10:00:05.000Z');
  });

  it('is past from the instant it ends, not before', () => {
    const closed = '2026-03-15T10:00:00.000Z';
    expect(pastRetention(closed, 'P10Y', '2036-03-15T09:59:59.999Z')).toBe(false);
    expect(pastRetention(closed, 'P10Y', '2036-03-15T10:00:00.000Z')).toBe(true);
    expect(pastRetention(closed, 'PT5S', '2026-03-15T10:00:06.000Z')).toBe(true);
  });
});
