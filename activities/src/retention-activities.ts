import type { DataSource } from 'typeorm';
import type { RetentionActivities, RetentionSkip, RetentionSweepPageInput, RetentionSweepPageResult } from '@sal/contracts';
import { DEFAULT_PERSONAL_DATA_RETENTION, IMPORT_STAGING_RETENTION, pastRetention } from '@sal/domain';
import { PersonalDataEraser } from '@sal/persistence';

/** Where a journey's workflow is: running, finished (completed, failed, terminated…), or no longer retained by Temporal. */
export type JourneyWorkflowStatus = 'running' | 'finished' | 'not_found';

/** What the retention activity needs: the read model, and a way to ask Temporal whether a journey's workflow runs. */
export interface RetentionActivityDeps {
  dataSource: DataSource;
  workflowStatus(journeyId: string): Promise<JourneyWorkflowStatus>;
  /** Told of each journey erased (the worker drops its data key from the codec's cache). */
  onErased?(journeyId: string): void;
}

/**
 * Builds the retention sweep's activity (issue 15). A journey is erased only once its workflow has finished: a running
 * one (a journey closed by decadenza waits out its appeal window) still needs its payload key, and is left for a later
 * sweep.
 */
export function createRetentionActivities(deps: RetentionActivityDeps): RetentionActivities {
  const eraser = new PersonalDataEraser(deps.dataSource);
  return {
    async retentionSweepPage(input: RetentionSweepPageInput): Promise<RetentionSweepPageResult> {
      // Once per sweep, on its first page: the intake lists past their staging retention (issue 19).
      if (input.after === null) await eraser.eraseStagedImports(input.now, IMPORT_STAGING_RETENTION, input.sweepId);
      const candidates = await eraser.candidates(input.now, DEFAULT_PERSONAL_DATA_RETENTION, input.after, input.limit);
      const erased: string[] = [];
      const skipped: RetentionSkip[] = [];
      for (const candidate of candidates) {
        // The domain's rule decides; the query only found the rows it could apply to.
        if (!pastRetention(candidate.closedAt, candidate.retention, input.now)) continue;
        if ((await deps.workflowStatus(candidate.journeyId)) === 'running') {
          skipped.push({ journeyId: candidate.journeyId, reason: 'workflow_running' });
          continue;
        }
        if (await eraser.erase(candidate, input.sweepId)) {
          erased.push(candidate.journeyId);
          deps.onErased?.(candidate.journeyId);
        }
      }
      const last = candidates[candidates.length - 1];
      return { erased, skipped, next: candidates.length < input.limit ? null : { closedAt: last.closedAt, journeyId: last.journeyId } };
    },
  };
}
