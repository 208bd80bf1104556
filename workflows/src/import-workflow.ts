import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { IMPORT_PAGE_SIZE, IMPORT_PAGES_PER_RUN, type ImportActivities, type ImportPageResult, type ImportWorkflowInput, type ImportWorkflowResult } from '@sal/contracts';

/**
 * One run of a bulk intake (issue 19): the batch's staged rows, a page at a time, each row's journey started by an
 * activity that records its outcome in PostgreSQL (so a page retried after a crash starts nothing twice). Continues as
 * new every `pagesPerRun` pages, carrying only the last line done.
 */
export async function importWorkflow(input: ImportWorkflowInput): Promise<ImportWorkflowResult> {
  const { importPage, finishImport } = proxyActivities<ImportActivities>({
    taskQueue: input.activityTaskQueue,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '1 minute',
    // PostgreSQL or Temporal may be down for a while: a page is idempotent, so retry it until it goes through.
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  const limit = Math.max(1, Math.min(input.pageSize ?? IMPORT_PAGE_SIZE, 1000));
  const pagesPerRun = Math.max(1, input.pagesPerRun ?? IMPORT_PAGES_PER_RUN);
  let afterLine = input.afterLine ?? 0;
  for (let pages = 1; ; pages++) {
    const page: ImportPageResult = await importPage({ batchId: input.batchId, afterLine, limit });
    afterLine = page.lastLine;
    if (page.done) {
      await finishImport({ batchId: input.batchId });
      return { batchId: input.batchId, pages };
    }
    if (pages >= pagesPerRun || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof importWorkflow>({ ...input, afterLine });
    }
  }
}
