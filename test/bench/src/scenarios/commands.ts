import { BARE_UPDATE, BARE_UPDATE_WORKFLOW } from '../baseline-names';
import { BENCH_OPERATOR, expectStatus, journeyInPact, setUp } from '../journeys';
import { forEachConcurrently, pollUntil, range } from '../pool';
import { latencyPercentiles, msSince } from '../stats';
import { inAlternatingOrder, type BenchContext, type Scenario } from './scenario';

/** A date far ahead, so no action falls due while the commands are timed. */
const FAR_DUE_DATE = '2099-12-31';

/**
 * 2. Commands: round-trip latency of an operator command through the API (POST …/pact/actions/{id}/complete, a
 * Temporal update that the journey validates, applies and answers) versus a bare update on a trivial workflow. One
 * command at a time, rotating over a few journeys, so the figure is latency and not queueing.
 */
export const commandsScenario: Scenario = {
  name: 'commands',
  title: 'Operator commands',
  async run(ctx, run) {
    const s = ctx.sizes;
    ctx.results.note('commands', `${s.commands} commands per run, one at a time, over ${s.commandJourneys} journeys in pact_active; product: POST /journeys/{id}/pact/actions/{a}/complete; baseline: executeUpdate on a workflow whose handler only counts`);
    const [p, b] = await inAlternatingOrder(run, () => productCommands(ctx, run), () => bareCommands(ctx, run));
    return (['p50', 'p95', 'p99'] as const).map((q) => ({
      scenario: 'commands',
      figure: `command round trip ${q}`,
      unit: 'ms',
      better: 'lower' as const,
      product: p[q],
      baseline: b[q],
    }));
  },
};

async function productCommands(ctx: BenchContext, run: number): Promise<{ p50: number; p95: number; p99: number }> {
  const { commands, commandJourneys } = ctx.sizes;
  const { api, db } = ctx.stack;
  const perJourney = Math.ceil(commands / commandJourneys) + 1;
  if (perJourney > 50) throw new Error(`commands/commandJourneys needs ${perJourney} actions per pact; the API allows 50`);
  const officeId = `CPI-BENCH-C${run + 1}`;
  const ids: string[] = [];
  // Set-up (untimed): journeys in pact_active, each with enough actions; A1 of each is the warm-up command.
  await forEachConcurrently(range(commandJourneys), ctx.concurrency, async () => {
    const id = await journeyInPact(api, ctx.people.next(), officeId, Array<string>(perJourney).fill(FAR_DUE_DATE));
    await setUp(api, 'POST', `/journeys/${id}/pact/actions/A1/complete`, { operatorId: BENCH_OPERATOR }, 'warm-up');
    ids.push(id);
  });
  // Let the set-up's projections finish, so they do not run under the timed commands.
  await pollUntil(
    async () => {
      const [row] = (await db.query(`SELECT count(*)::int AS n FROM pact_actions WHERE office_id = $1 AND action_id = 'A1' AND status = 'completed'`, [officeId])) as { n: number }[];
      return row.n >= commandJourneys ? true : undefined;
    },
    'the set-up to be projected',
    { timeoutMs: 120_000 },
  );
  const latencies: number[] = [];
  for (let i = 0; i < commands; i++) {
    const id = ids[i % commandJourneys];
    const action = `A${Math.floor(i / commandJourneys) + 2}`;
    const started = process.hrtime.bigint();
    await expectStatus(api.request('POST', `/journeys/${id}/pact/actions/${action}/complete`, { operatorId: BENCH_OPERATOR }), 200, 'complete');
    latencies.push(msSince(started));
  }
  return latencyPercentiles(latencies);
}

async function bareCommands(ctx: BenchContext, run: number): Promise<{ p50: number; p95: number; p99: number }> {
  const { commands, commandJourneys } = ctx.sizes;
  const { client, baselineTaskQueue } = ctx.stack;
  const handles = await Promise.all(
    range(commandJourneys).map(async (i) => {
      const handle = await client.workflow.start(BARE_UPDATE_WORKFLOW, { taskQueue: baselineTaskQueue, workflowId: `BARE-C-${ctx.tag}-${run + 1}-${i}`, args: [] });
      // Warm-up: the workflow is now cached on the worker, as the journeys are after their set-up.
      await handle.executeUpdate(BARE_UPDATE, { args: [{ operatorId: BENCH_OPERATOR }] });
      return handle;
    }),
  );
  const latencies: number[] = [];
  for (let i = 0; i < commands; i++) {
    const started = process.hrtime.bigint();
    await handles[i % commandJourneys].executeUpdate(BARE_UPDATE, { args: [{ operatorId: BENCH_OPERATOR, actionId: `A${i}` }] });
    latencies.push(msSince(started));
  }
  return latencyPercentiles(latencies);
}
