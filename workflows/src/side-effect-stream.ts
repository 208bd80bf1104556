import { context as traceContext, type Context } from '@opentelemetry/api';
import { ApplicationFailure, ActivityFailure, condition } from '@temporalio/workflow';
import { SIDE_EFFECT_UNAVAILABLE_TYPE, type SideEffectFailure, type SideEffectStreamStatus } from '@sal/contracts';

/** First wait after a side effect failed for good (its activity gave up), then four times longer each time, up to the cap. */
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3600_000;

/** How long to wait before the `attempts`-th retry: 1 min, 4 min, 16 min, … at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1));
}

/**
 * One ordered stream of a journey's side effects (its projection, or its notices), sent by its own loop beside the
 * journey's clocks, so a side effect that keeps failing never stops deadlines being decided. Items are sent in order,
 * all that are waiting in one call; a failed call keeps them, records why (shown in the live view) and tries again
 * later or when asked, so nothing is lost and, the writes being idempotent, nothing is duplicated.
 */
export class SideEffectQueue<T> {
  private readonly queue: T[];
  /** The trace context (and request id) of the call that pushed each waiting batch: its activity continues that trace. */
  private readonly contexts: Context[] = [];
  private inFlight = false;
  private failing: SideEffectFailure | null = null;
  private retries = 0;

  constructor(
    private readonly send: (items: T[], afterFailure: boolean) => Promise<void>,
    initial: readonly T[] = [],
  ) {
    this.queue = [...initial];
  }

  push(items: readonly T[]): void {
    this.queue.push(...items);
    if (items.length > 0) this.contexts.push(traceContext.active());
  }

  /** What is still to be sent, for continue-as-new. */
  get pending(): T[] {
    return [...this.queue];
  }

  /** No call in flight: the queue may be handed to a new run. */
  get settled(): boolean {
    return !this.inFlight;
  }

  /** Everything sent. */
  get drained(): boolean {
    return this.queue.length === 0 && !this.inFlight;
  }

  status(): SideEffectStreamStatus {
    return { pending: this.queue.length, failing: this.failing };
  }

  /** Try a failing stream again now (the retry signal). */
  retryNow(): void {
    this.retries++;
  }

  /** The stream's loop; runs as long as the workflow does. */
  async run(now: () => string): Promise<void> {
    for (;;) {
      await condition(() => this.queue.length > 0);
      const batch = this.queue.slice();
      // Sent in the context of the request that made the oldest item waiting (tracing only: no command depends on it).
      const sentIn = this.contexts[0] ?? traceContext.active();
      const contexts = this.contexts.length;
      this.inFlight = true;
      try {
        await traceContext.with(sentIn, () => this.send(batch, this.failing !== null));
        this.queue.splice(0, batch.length);
        this.contexts.splice(0, contexts);
        this.failing = null;
      } catch (error) {
        const attempts = (this.failing?.attempts ?? 0) + 1;
        const delay = retryDelayMs(attempts);
        this.failing = {
          ...describeFailure(error),
          since: this.failing?.since ?? now(),
          attempts,
          nextAttemptAt: new Date(Date.now() + delay).toISOString(),
        };
        this.inFlight = false;
        const asked = this.retries;
        await condition(() => this.retries !== asked, delay);
      } finally {
        this.inFlight = false;
      }
    }
  }
}

/** The failure's type and message as the activity gave them (activities never put personal data in either). */
function describeFailure(error: unknown): { type: string; error: string } {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return { type: cause.type ?? 'Error', error: cause.message };
  return { type: SIDE_EFFECT_UNAVAILABLE_TYPE, error: cause instanceof Error ? cause.message : String(cause) };
}
