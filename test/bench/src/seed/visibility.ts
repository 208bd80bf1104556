import type { Client } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { JOURNEY_WORKFLOW_TYPE, journeySearchAttributes } from '@sal/contracts';
import { forEachConcurrently, pollUntil } from '../pool';
import type { IndexedJourney } from './seeder';

/**
 * Gives Temporal visibility the same population as the read model: one real workflow execution per seeded journey,
 * carrying the search attributes its journey workflow would carry. They are started with a long start delay on a task
 * queue no worker polls, so they sit in visibility as running executions and cost the server nothing afterwards.
 */
export async function seedVisibility(
  client: Client,
  taskQueue: string,
  idPrefix: string,
  journeys: readonly IndexedJourney[],
  concurrency: number,
  progress: (done: number) => void,
): Promise<{ seconds: number }> {
  const started = Date.now();
  let done = 0;
  await forEachConcurrently(journeys, concurrency, async (j) => {
    const attributes: SearchAttributePair[] = [
      { key: journeySearchAttributes.office, value: j.officeId },
      { key: journeySearchAttributes.programme, value: j.programmeCode },
      { key: journeySearchAttributes.stage, value: j.stage },
      { key: journeySearchAttributes.status, value: j.status },
      { key: journeySearchAttributes.overdueActions, value: j.overdueActionCount },
      { key: journeySearchAttributes.stalled, value: j.stalled },
    ];
    if (j.nextDeadlineAt) attributes.push({ key: journeySearchAttributes.nextDeadline, value: j.nextDeadlineAt });
    await client.workflow.start(JOURNEY_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `${idPrefix}${j.journeyId}`,
      args: [],
      startDelay: '720h',
      typedSearchAttributes: attributes,
    });
    if (++done % 1000 === 0) progress(done);
  });
  // Visibility is written asynchronously: wait until it shows every execution before anyone queries it.
  const query = `TaskQueue = '${taskQueue}'`;
  await pollUntil(
    async () => {
      const { count } = await client.workflow.count(query);
      return count >= journeys.length ? true : undefined;
    },
    `visibility to list the ${journeys.length} seeded executions`,
    { timeoutMs: 600_000, intervalMs: 1000 },
  );
  return { seconds: (Date.now() - started) / 1000 };
}
