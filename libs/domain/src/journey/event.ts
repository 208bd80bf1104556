/** How every event is recorded: the feature's type and data inside the journey's envelope. */
export interface EventEnvelope<T extends string, D> {
  /** Position in the journey's history, from 1, without gaps: the projection's idempotency key. */
  seq: number;
  type: T;
  /** When the engine recorded the event. */
  at: string;
  data: D;
}
