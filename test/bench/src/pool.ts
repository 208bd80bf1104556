import { waitFor } from '@sal/infra';

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight: the load a fixed number of clients would put on
 * the system, which is what a benchmark should compare (not an unbounded burst that measures queueing in Node).
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      await fn(items[index], index);
    }
  });
  await Promise.all(lanes);
}

/** `count` indexes 0..count-1, for forEachConcurrently over a number of operations. */
export function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined, or throws after `timeoutMs` naming
 * `what` (infra's `waitFor`). A probe that throws ends the wait at once: a benchmark stops on an error rather than
 * retrying it for minutes. Benchmarks wait on conditions, never on fixed sleeps that would either waste time or cut a
 * measurement short.
 */
export function pollUntil<T>(probe: () => Promise<T | undefined>, what: string, { timeoutMs, intervalMs = 250 }: { timeoutMs: number; intervalMs?: number }): Promise<T> {
  return waitFor(probe, { description: what, timeoutMs, intervalMs, onError: 'throw', until: (value): value is T => value !== undefined });
}
