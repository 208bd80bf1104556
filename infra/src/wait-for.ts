export interface WaitForOptions {
  timeoutMs: number;
  /** Delay between attempts; default 250 ms. */
  intervalMs?: number;
  /** Used in the timeout error, e.g. "Temporal frontend at 127.0.0.1:7233". */
  description: string;
  /** Aborting stops waiting at once and rejects with the abort reason. */
  signal?: AbortSignal;
}

/**
 * Polls `predicate` until it returns a truthy value (which is returned).
 * A throwing predicate counts as "not yet": the last error is reported on
 * timeout, because it usually explains why the condition never held.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions,
): Promise<NonNullable<T>> {
  const { timeoutMs, intervalMs = 250, description, signal } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    throwIfAborted(signal);
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (err) {
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
