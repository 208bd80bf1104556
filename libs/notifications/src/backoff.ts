/** How long to wait before the next delivery attempt. */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": after the n-th failed attempt the delay doubles from `baseMs` (capped at
 * `maxMs`), and a random half of it is added or left out, so messages that failed together (a mail server outage) do
 * not all come back in the same second, while none retries sooner than half its step.
 * @param attempt the attempts made so far, from 1
 * @param random a number in [0, 1), `Math.random` by default
 * @example retryDelayMs(3, { baseMs: 5_000, maxMs: 900_000 }) // between 10 000 and 20 000
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 40));
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}
