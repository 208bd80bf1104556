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

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const PROGRESS_DEADLINE_KINDS = ['no_progress'] as const;
