import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { forEachConcurrently, pollUntil } from './pool';

const { EventType } = temporal.api.enums.v1;

/** When a workflow task ran, by the server's clock (epoch ms). */
export interface TaskTimes {
  started: number;
  completed: number;
}

/**
 * For each workflow, when the first workflow task after the first `after` event (the start when omitted) started and
 * completed, read from its history: the engine's own record of when the workflow reacted, whatever it did next.
 */
export async function taskTimesAfter(
  client: Client,
  workflowIds: readonly string[],
  concurrency: number,
  after?: temporal.api.enums.v1.EventType,
): Promise<TaskTimes[]> {
  const times: TaskTimes[] = [];
  await forEachConcurrently(workflowIds, concurrency, async (id) => {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const from = after === undefined ? 0 : events.findIndex((e) => e.eventType === after);
    if (from < 0) throw new Error(`${id}: no ${EventType[after!]} in its history`);
    const started = events.findIndex((e, i) => i > from && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
    const completed = events.findIndex((e, i) => i > started && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    if (started < 0 || completed < 0) throw new Error(`${id}: the workflow task after event ${from} has not completed`);
    times.push({ started: tsToMs(events[started].eventTime), completed: tsToMs(events[completed].eventTime) });
  });
  return times;
}

/** Waits until visibility counts `expected` executions for `query`: the bare workflows mark themselves when done. */
export async function waitForVisibility(client: Client, query: string, expected: number, timeoutMs: number): Promise<void> {
  await pollUntil(
    async () => ((await client.workflow.count(query)).count >= expected ? true : undefined),
    `${expected} executions matching ${query}`,
    { timeoutMs, intervalMs: 500 },
  );
}
