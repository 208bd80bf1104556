import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const policy = { baseMs: 5_000, maxMs: 900_000 };

  it('doubles from the base after each failed attempt, up to the cap', () => {
    const upper = (attempt: number) => retryDelayMs(attempt, policy, () => 0.999_999);
    expect([1, 2, 3, 4].map(upper)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(upper(9)).toBe(900_000);
    expect(upper(50)).toBe(900_000);
  });

  it('adds jitter of up to half the step, never retrying sooner than half of it', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(10_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(15_000);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(5, policy);
      expect(delay).toBeGreaterThanOrEqual(40_000);
      expect(delay).toBeLessThanOrEqual(80_000);
    }
  });

  it('stays finite for absurd attempt counts', () => {
    expect(retryDelayMs(10_000, policy, () => 0)).toBe(450_000);
  });
});
