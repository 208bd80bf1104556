/**
 * Bulk intake (issue 19): the import workflow's contract, shared by the workflow, the API (which starts it and runs
 * its activities) and the tests. Side-effect free. Nothing here carries personal data: the staged rows stay in
 * PostgreSQL (`import_rows`), Temporal sees only the batch id and line numbers.
 */

/** The workflow type of an import run. */
export const IMPORT_WORKFLOW_TYPE = 'importWorkflow';

/** The workflow id of a batch's run: derived from the batch id (a UUID), so a second `run` meets the first. */
export function importWorkflowIdFor(batchId: string): string {
  return `import-${batchId}`;
}

/**
 * The task queue of the import's activities: they start journeys through the API's own start path, so the API process
 * polls it (the journey worker runs the workflow itself on the journeys' queue).
 */
export function importActivityTaskQueue(journeyTaskQueue: string): string {
  return `${journeyTaskQueue}-imports`;
}

/** Staged rows an activity processes per page. */
export const IMPORT_PAGE_SIZE = 100;
/** Pages a run processes before it continues as new (its history stays small, whatever the file's size). */
export const IMPORT_PAGES_PER_RUN = 50;

export interface ImportWorkflowInput {
  batchId: string;
  /** Where the activities run ({@link importActivityTaskQueue}). */
  activityTaskQueue: string;
  pageSize?: number;
  pagesPerRun?: number;
  /** The last line processed by the runs before this one (continue-as-new); 0 at the start. */
  afterLine?: number;
}

export interface ImportPageInput {
  batchId: string;
  afterLine: number;
  limit: number;
}

/** What a page did: rows processed and the last line looked at; `done` when no staged row is left after it. */
export interface ImportPageResult {
  processed: number;
  started: number;
  refused: number;
  lastLine: number;
  done: boolean;
}

export interface ImportWorkflowResult {
  batchId: string;
  pages: number;
}

/** The activities of an import run, implemented by the API's import worker. */
export interface ImportActivities {
  /** Starts the journeys of the next staged rows after `afterLine` (idempotent: a processed row is not started again). */
  importPage(input: ImportPageInput): Promise<ImportPageResult>;
  /** Marks the batch finished. */
  finishImport(input: { batchId: string }): Promise<void>;
}
