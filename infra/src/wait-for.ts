export interface WaitForOptions<T = unknown, R extends T = NonNullable<T>> {
  timeoutMs: number;
  /** Delay between attempts; default 250 ms. */
  intervalMs?: number;
  /** What is awaited, named in the timeout error, e.g. "Temporal frontend at 127.0.0.1:7233". */
  description: string;
  /** Aborting stops waiting at once and rejects with the abort reason. */
  signal?: AbortSignal;
  /** Which values end the wait; default: any truthy value. */
  until?: (value: T) => value is R;
  /**
   * What a throwing predicate means: "not yet" (`retry`, the default; the last error is reported on timeout, because it
   * usually explains why the condition never held) or the end of the wait (`throw`: the error is passed on at once).
   */
  onError?: 'retry' | 'throw';
}

const truthy = <T>(value: T): value is NonNullable<T> => Boolean(value);

/**
 * Polls `predicate` until its value ends the wait (by default a truthy value), which is returned; after `timeoutMs`
 * it fails naming `description` and the last error the predicate threw. The one polling helper of the repository:
 * the product's start-up (infra), the tests (`eventually`) and the benchmark (`pollUntil`) wait through it.
 */
export async function waitFor<T, R extends T = NonNullable<T>>(predicate: () => T | Promise<T>, options: WaitForOptions<T, R>): Promise<R> {
  const { timeoutMs, intervalMs = 250, description, signal, onError = 'retry' } = options;
  const until = options.until ?? (truthy as (value: T) => value is R);
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    throwIfAborted(signal);
    try {
      const value = await predicate();
      if (until(value)) return value;
    } catch (err) {
      if (onError === 'throw') throw err;
      lastError = err;
    }
    throwIfAborted(signal);
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : `; last error: ${errorMessage(lastError)}`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())), signal);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    // Wake up early on abort so the caller sees the reason without delay.
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
