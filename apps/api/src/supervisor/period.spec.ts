import { isBound, periodBound } from './period';

describe('period bounds of the supervisors’ views', () => {
  it('turn a Rome day into its first instant (from) or the first instant after it (to)', () => {
    // 1 March 2026: Rome is on CET (UTC+1); 1 July 2026: CEST (UTC+2).
    expect(periodBound('2026-03-01', 'from')).toBe('2026-02-28T23:00:00.000Z');
    expect(periodBound('2026-03-01', 'to')).toBe('2026-03-01T23:00:00.000Z');
    expect(periodBound('2026-07-01', 'from')).toBe('2026-06-30T22:00:00.000Z');
    expect(periodBound('2026-07-01', 'to')).toBe('2026-07-01T22:00:00.000Z');
  });

  it('keep an instant as given, in UTC', () => {
    expect(periodBound('2026-03-01T10:00:00+01:00', 'from')).toBe('2026-03-01T09:00:00.000Z');
    expect(periodBound('2026-03-01T10:00:00+01:00', 'to')).toBe('2026-03-01T09:00:00.000Z');
  });

  it('accept only a real day or an instant with offset', () => {
    expect(['2026-03-01', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00+01:00'].every(isBound)).toBe(true);
    expect(['2026-02-30', '2026-03-01T10:00:00', 'yesterday', 20260301, null].some(isBound)).toBe(false);
  });
});
