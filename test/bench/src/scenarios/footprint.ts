import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { PayloadDataKeyStore } from '@sal/persistence';
import { journeyPayloadCodec } from '@sal/temporal';
import type { temporal } from '@temporalio/proto';
import { BARE_UPDATE, BARE_UPDATE_WORKFLOW } from '../baseline-names';
import { BENCH_OPERATOR, journeyInPact, setUp } from '../journeys';
import { forEachConcurrently, pollUntil, range, sleep } from '../pool';
import type { Measurement } from '../results';
import { msSince, quantile } from '../stats';
import { inAlternatingOrder, type BenchContext, type Scenario } from './scenario';

type History = temporal.api.history.v1.IHistory;

/** Cold replays per run (their median is the run's figure), and warm replays after the first in one replay worker. */
const COLD_REPLAYS = 2;
const WARM_REPLAYS = 6;

/**
 * 5. Worker footprint.
 * - Memory per cached workflow: a fresh worker process caches K journeys (each taken in charge, with a signed pact),
 *   and its resident memory (after a full GC) is compared with before; the same for K bare workflows that answered
 *   updates. RSS, because workflow state lives in the worker's workflow thread, not in the main heap.
 * - Replay of a long history: the longest journey the API allows (a pact of `replayActions` actions, each completed
 *   by its own command), replayed with Worker.runReplayHistory — what a worker pays when that journey is not cached —
 *   versus a bare workflow that answered as many updates.
 */
export function makeFootprintScenario(): Scenario {
  let histories: { product: History; baseline: History; productEvents: number; baselineEvents: number } | undefined;
  return {
    name: 'footprint',
    title: 'Worker footprint',
    async setup(ctx) {
      histories = await buildLongHistories(ctx);
      ctx.results.note(
        'footprint',
        `replayed histories: a journey with a pact of ${ctx.sizes.replayActions} actions completed one by one through the API (${histories.productEvents} history events) vs a bare workflow that answered ${ctx.sizes.replayActions + 2} updates (${histories.baselineEvents} events); real months add no events beyond these commands and the timer they move`,
      );
      ctx.results.note('footprint', `memory: a fresh worker process (the product's own main.js, or the baseline worker) caches ${ctx.sizes.footprintWorkflows} workflows (maxCachedWorkflows above that); per workflow = RSS growth after a full GC from the first third to all of them, divided by the workflows added`);
    },
    async teardown(ctx) {
      // Back to the variant's own workers for whatever runs next.
      await ctx.stack.restartWorker('product');
      await ctx.stack.restartWorker('baseline');
    },
    async run(ctx, run) {
      const [p, b] = await inAlternatingOrder(
        run,
        () => cachedMemory(ctx, run, 'product'),
        () => cachedMemory(ctx, run, 'baseline'),
      );
      // The product's payloads are encrypted: its replay decodes them with the product's own data converter.
      // Its journeys' payloads are sealed with their data keys (issue 15): the codec reads them from the product's database.
      const dataConverter = { payloadCodecs: [journeyPayloadCodec(process.env, new PayloadDataKeyStore(ctx.stack.db))] };
      const replayP = await timeReplays({ workflowBundle: { codePath: ctx.stack.productBundlePath }, dataConverter }, histories!.product);
      const replayB = await timeReplays({ workflowBundle: { codePath: ctx.stack.baselineBundlePath } }, histories!.baseline);
      const { productEvents, baselineEvents } = histories!;
      const m = (figure: string, unit: string, product: number, baseline: number): Measurement => ({ scenario: 'footprint', figure, unit, better: 'lower', product, baseline });
      return [
        m('memory per cached workflow (RSS)', 'KiB', p.perWorkflowKiB, b.perWorkflowKiB),
        m('worker RSS with the workflows cached', 'MiB', p.rssMiB, b.rssMiB),
        m('replay of the long history, warm worker', 'ms', replayP.warm, replayB.warm),
        m('replay per 1,000 history events, warm worker', 'ms', (replayP.warm / productEvents) * 1000, (replayB.warm / baselineEvents) * 1000),
        m('replay of the long history, new replay worker', 'ms', replayP.cold, replayB.cold),
      ];
    },
  };
}

async function cachedMemory(ctx: BenchContext, run: number, which: 'product' | 'baseline'): Promise<{ perWorkflowKiB: number; rssMiB: number }> {
  const k = ctx.sizes.footprintWorkflows;
  const { api, client, db, baselineTaskQueue } = ctx.stack;
  // The worker itself, restarted with an empty cache, room for all K, and a way to read its memory after a full GC. It
  // stays until the next run replaces it with a fresh process, or the teardown restores the variant's own worker.
  const probe = await ctx.stack.restartWorker(which, { probe: true, tuning: { maxCachedWorkflows: k + 100 } });
  const officeId = `CPI-BENCH-F${run + 1}`;
  let created = 0;
  const cache = async (count: number): Promise<void> => {
    const from = created;
    created += count;
    if (which === 'product') {
      await forEachConcurrently(range(count), ctx.concurrency, async () => {
        await journeyInPact(api, ctx.people.next(), officeId, ['2099-06-30', '2099-09-30', '2099-12-31']);
      });
      await pollUntil(
        async () => {
          const [row] = (await db.query(`SELECT count(*)::int AS n FROM journeys WHERE office_id = $1 AND stage = 'pact_active'`, [officeId])) as { n: number }[];
          return row.n >= created ? true : undefined;
        },
        'the probe journeys to be projected',
        { timeoutMs: 300_000 + count * 100 },
      );
    } else {
      await forEachConcurrently(range(count), ctx.concurrency, async (i) => {
        const handle = await client.workflow.start(BARE_UPDATE_WORKFLOW, { taskQueue: baselineTaskQueue, workflowId: `BARE-F-${ctx.tag}-${run + 1}-${from + i}`, args: [] });
        for (const actionId of ['A1', 'A2']) await handle.executeUpdate(BARE_UPDATE, { args: [{ operatorId: BENCH_OPERATOR, actionId }] });
      });
    }
    // Let the last activations and activities finish before reading memory.
    await sleep(2_000);
  };
  // A first third pays the one-off costs (connection pools, lazily loaded code); the per-workflow figure is the growth
  // from there to all K, so it is what one more cached workflow costs.
  const warm = Math.ceil(k / 3);
  await cache(warm);
  const before = await probe.measure();
  await cache(k - warm);
  const after = await probe.measure();
  if (after.cachedWorkflows < k) ctx.results.note('footprint', `run ${run + 1}: the ${which} worker held ${after.cachedWorkflows} of ${k} workflows in its cache`);
  const added = after.cachedWorkflows - before.cachedWorkflows;
  return { perWorkflowKiB: (after.rss - before.rss) / 1024 / Math.max(1, added), rssMiB: after.rss / 2 ** 20 };
}

async function buildLongHistories(ctx: BenchContext): Promise<{ product: History; baseline: History; productEvents: number; baselineEvents: number }> {
  const { api, client, baselineTaskQueue } = ctx.stack;
  const a = ctx.sizes.replayActions;
  // Due dates spread over months, as a real pact's are.
  const dues = range(a).map((i) => new Date(Date.UTC(2099, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10));
  const id = await journeyInPact(api, ctx.people.next(), 'CPI-BENCH-R1', dues);
  for (let i = 1; i <= a; i++) {
    await setUp(api, 'POST', `/journeys/${id}/pact/actions/A${i}/complete`, { operatorId: BENCH_OPERATOR }, `completing A${i}`);
  }
  const bare = await client.workflow.start(BARE_UPDATE_WORKFLOW, { taskQueue: baselineTaskQueue, workflowId: `BARE-R-${ctx.tag}`, args: [] });
  for (let i = 0; i < a + 2; i++) await bare.executeUpdate(BARE_UPDATE, { args: [{ operatorId: BENCH_OPERATOR, actionId: `A${i}` }] });
  // The journey's last projection runs after its last answer: wait until the history stops growing.
  const product = await settledHistory(() => client.workflow.getHandle(id).fetchHistory());
  const baseline = await bare.fetchHistory();
  return { product, baseline, productEvents: product.events?.length ?? 0, baselineEvents: baseline.events?.length ?? 0 };
}

async function settledHistory(fetch: () => Promise<History>): Promise<History> {
  let last = -1;
  return pollUntil(
    async () => {
      const history = await fetch();
      const length = history.events?.length ?? 0;
      if (length === last) return history;
      last = length;
      return undefined;
    },
    'the long history to settle',
    { timeoutMs: 120_000, intervalMs: 1_000 },
  );
}

/**
 * Replay cost of a history, two ways. Cold: Worker.runReplayHistory, which also creates a replay worker and loads the
 * bundle into a fresh V8 context (median of a few). Warm: one replay worker replaying the history several times in a
 * row, per replay after the first — what a running worker pays when the workflow is not in its cache.
 */
async function timeReplays(options: ReplayWorkerOptions, history: History): Promise<{ cold: number; warm: number }> {
  const cold: number[] = [];
  for (let i = 0; i < COLD_REPLAYS; i++) {
    const started = process.hrtime.bigint();
    await Worker.runReplayHistory(options, history);
    cold.push(msSince(started));
  }
  const copies = range(WARM_REPLAYS + 1).map((i) => ({ workflowId: `replay-${i}`, history }));
  let first: bigint | undefined;
  let last = 0n;
  for await (const result of Worker.runReplayHistories(options, copies)) {
    if (result.error) throw result.error;
    last = process.hrtime.bigint();
    first ??= last;
  }
  return { cold: quantile(cold, 0.5), warm: Number(last - first!) / 1e6 / WARM_REPLAYS };
}
