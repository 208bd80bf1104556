import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, WorkflowNotFoundError } from '@temporalio/client';
import { RETENTION_SWEEP_SCHEDULE_ID, RETENTION_SWEEP_WORKFLOW_TYPE, type RetentionSweepInput } from '@sal/contracts';
import type { JourneyWorkflowStatus } from '@sal/activities';

/** The schedule of one deployment (its task queue): several deployments may share a namespace. */
export function retentionScheduleId(taskQueue: string): string {
  return `${RETENTION_SWEEP_SCHEDULE_ID}:${taskQueue}`;
}

/**
 * Creates the retention sweep's Temporal Schedule, or brings it to these settings (every worker does it at start; the
 * last one wins, all alike): a sweep every `everyMinutes`, never two at once. 0 leaves the schedule as it is.
 */
export async function keepRetentionSchedule(client: Client, taskQueue: string, everyMinutes: number): Promise<void> {
  if (everyMinutes === 0) return;
  const scheduleId = retentionScheduleId(taskQueue);
  const spec = { intervals: [{ every: `${everyMinutes} minutes` }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: RETENTION_SWEEP_WORKFLOW_TYPE,
    workflowId: `${scheduleId}`,
    taskQueue,
    args: [{} satisfies RetentionSweepInput],
  };
  try {
    await client.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
  }
}

/** Whether a journey's workflow still runs, as the retention activity asks. */
export function workflowStatusOf(client: Client): (journeyId: string) => Promise<JourneyWorkflowStatus> {
  return async (journeyId) => {
    try {
      const description = await client.workflow.getHandle(journeyId).describe();
      return description.status.name === 'RUNNING' ? 'running' : 'finished';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return 'not_found';
      throw error;
    }
  };
}
