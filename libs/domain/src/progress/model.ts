import type { EventEnvelope } from '../journey/event';

/** Progress: the last intake, pact, completed action, contact or service, and the stall its absence makes. */

export interface NoProgressDetectedData {
  /** The last progress before the stall. */
  lastProgressAt: string;
}

export type NoProgressDetected = EventEnvelope<'NoProgressDetected', NoProgressDetectedData>;
export type ProgressEvent = NoProgressDetected;

export interface ProgressSlice {
  /** The last intake, pact, completed action or contact. */
  lastProgressAt: string;
  noProgressSince: string | null;
}
