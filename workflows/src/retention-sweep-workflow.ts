import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import {
  RETENTION_SWEEP_LISTED,
  RETENTION_SWEEP_PAGE_SIZE,
  type RetentionActivities,
  type RetentionSweepCursor,
  type RetentionSweepInput,
  type RetentionSweepPageResult,
  type RetentionSweepResult,
} from '@sal/contracts';

const { retentionSweepPage } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '5 minutes',
  // The read model may be down for a while: a page is idempotent, so retry it until it goes through.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One retention sweep (issue 15): a page at a time, erases the personal data of closed journeys past their catalogue's
 * retention, measured at the instant the sweep started. Started by the worker's Temporal Schedule
 * (`RETENTION_SWEEP_SCHEDULE_ID`) or by an administrator; running it twice erases nothing twice.
 */
export async function retentionSweepWorkflow(input: RetentionSweepInput = {}): Promise<RetentionSweepResult> {
  const sweepId = workflowInfo().workflowId;
  const now = new Date(Date.now()).toISOString();
  const limit = Math.max(1, Math.min(input.pageSize ?? RETENTION_SWEEP_PAGE_SIZE, 1000));
  const result: RetentionSweepResult = { sweepId, now, erasedCount: 0, skippedCount: 0, erased: [], skipped: [], pages: 0 };
  let after: RetentionSweepCursor | null = null;
  for (;;) {
    const page: RetentionSweepPageResult = await retentionSweepPage({ sweepId, now, after, limit });
    result.pages += 1;
    result.erasedCount += page.erased.length;
    result.skippedCount += page.skipped.length;
    result.erased.push(...page.erased.slice(0, RETENTION_SWEEP_LISTED - result.erased.length));
    result.skipped.push(...page.skipped.slice(0, RETENTION_SWEEP_LISTED - result.skipped.length));
    if (!page.next) return result;
    after = page.next;
  }
}
