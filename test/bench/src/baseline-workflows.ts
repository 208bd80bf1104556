/**
 * Trivial workflows that show the limit of the engine itself: the same Temporal calls the journey makes, without the
 * journey's rules, projection and notification activities, read model or payload codec. Each product figure is
 * printed as a ratio to one of these. Like journeys, they never complete on their own: closing a workflow costs the
 * server work a journey does not do, and would flatter the product.
 */
import { condition, defineUpdate, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { journeySearchAttributes } from '@sal/contracts';
import { ARM_TIMER_UPDATE, BARE_UPDATE } from './baseline-names';

const bareUpdate = defineUpdate<number, [unknown]>(BARE_UPDATE);
const armTimer = defineUpdate<void, [number]>(ARM_TIMER_UPDATE);

/** Never true: the workflow waits, cached, until the bench's server goes away (or the bench terminates it). */
const forever = (): boolean => false;

/** Its first workflow task marks it in visibility (so the bench knows it ran), then it waits: a start's minimum. */
export async function bareStartWorkflow(): Promise<void> {
  upsertSearchAttributes([{ key: journeySearchAttributes.stage, value: 'started' }]);
  await condition(forever);
}

/** Answers updates (counting them): what an update round trip costs. */
export async function bareUpdateWorkflow(): Promise<void> {
  let answered = 0;
  setHandler(bareUpdate, () => ++answered);
  await condition(forever);
}

/**
 * Waits to be armed with an instant, sleeps until it, marks itself in visibility, then waits: what a timer firing
 * costs. Arming by update mirrors the journey, whose due date arrives with the pact (an update).
 */
export async function bareTimerWorkflow(): Promise<void> {
  let at: number | undefined;
  setHandler(armTimer, (instant) => {
    at = instant;
  });
  await condition(() => at !== undefined);
  await sleep(Math.max(1, at! - Date.now()));
  upsertSearchAttributes([{ key: journeySearchAttributes.overdueActions, value: 1 }]);
  await condition(forever);
}
