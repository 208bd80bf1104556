/**
 * The retention sweep's contract (issue 15): its workflow type, schedule and activity. Side-effect free, like the
 * journey's contract, so the workflow, the worker and the API share it.
 */

/** The workflow type of a retention sweep. */
export const RETENTION_SWEEP_WORKFLOW_TYPE = 'retentionSweepWorkflow';
/** The Temporal Schedule the worker keeps, starting a sweep every `RETENTION_SWEEP_EVERY_MINUTES`. */
export const RETENTION_SWEEP_SCHEDULE_ID = 'retention-sweep';
/** Workflow ids of sweeps an administrator starts (`POST /admin/retention/run`): this prefix and a UUID. */
export const RETENTION_SWEEP_RUN_PREFIX = 'retention-sweep-run-';
/** Journeys a page of the sweep looks at. */
export const RETENTION_SWEEP_PAGE_SIZE = 100;

export interface RetentionSweepInput {
  /** Journeys per page (default {@link RETENTION_SWEEP_PAGE_SIZE}). */
  pageSize?: number;
}

/** The last journey a page looked at, in (closure, journey id) order: the next page starts after it. */
export interface RetentionSweepCursor {
  closedAt: string;
  journeyId: string;
}

export interface RetentionSweepPageInput {
  /** The sweep's workflow id: recorded with each erasure. */
  sweepId: string;
  /** The instant the sweep measures retention at (the workflow's time when it started). */
  now: string;
  after: RetentionSweepCursor | null;
  limit: number;
}

/** A journey past retention the sweep left for a later one, and why (no personal data). */
export interface RetentionSkip {
  journeyId: string;
  /** `workflow_running`: its workflow has not finished (e.g. an appeal window still open). */
  reason: 'workflow_running';
}

export interface RetentionSweepPageResult {
  erased: string[];
  skipped: RetentionSkip[];
  /** Where the next page starts; null: this was the last one. */
  next: RetentionSweepCursor | null;
}

/** Journey ids a sweep's result lists at most (the counts are exact; `personal_data_erasures` names every one). */
export const RETENTION_SWEEP_LISTED = 1000;

/** What a sweep did: the journeys it erased and those it left for a later sweep (journey ids only: keyed hashes). */
export interface RetentionSweepResult {
  sweepId: string;
  now: string;
  erasedCount: number;
  skippedCount: number;
  /** The first {@link RETENTION_SWEEP_LISTED} erased. */
  erased: string[];
  /** The first {@link RETENTION_SWEEP_LISTED} skipped. */
  skipped: RetentionSkip[];
  pages: number;
}

/** The activity of the sweep, implemented by `createRetentionActivities` in `@sal/activities`. */
export interface RetentionActivities {
  /** Erases the journeys of one page that are past retention and whose workflow has finished; idempotent. */
  retentionSweepPage(input: RetentionSweepPageInput): Promise<RetentionSweepPageResult>;
}
