import { journeySearchAttributes } from '@sal/contracts';
import { BARE_START_WORKFLOW } from '../baseline-names';
import { taskTimesAfter, waitForVisibility } from '../history-times';
import { startBody } from '../journeys';
import { forEachConcurrently, pollUntil, range } from '../pool';
import type { Measurement } from '../results';
import { latencyPercentiles, msSince } from '../stats';
import { inAlternatingOrder, type BenchContext, type Scenario } from './scenario';

export interface StartFigures {
  acceptedPerSecond: number;
  settledPerSecond: number;
  latency: { p50: number; p95: number; p99: number };
  failures: number;
}

/**
 * 1. Journey starts: N journeys started through the API versus N bare `client.workflow.start` calls of a trivial
 * workflow, with the same concurrency and the same four search attributes.
 * - accepted/s: N over the time until the last answer (what a client sees);
 * - settled/s: N over the time until the last one had run its first workflow task — for a journey, until its first
 *   event is projected into PostgreSQL; for the bare workflow, until it completed (its only workflow task).
 */
export const startsScenario: Scenario = {
  name: 'starts',
  title: 'Journey starts',
  async run(ctx, run) {
    ctx.results.note('starts', `${ctx.sizes.starts} starts per run, ${ctx.concurrency} in flight; product: POST /journeys; baseline: client.workflow.start of a workflow that marks itself started and waits, with the same 4 search attributes`);
    ctx.results.note('starts', 'settled: product = the journey\'s first event projected into journey_events (recorded_at); baseline = the workflow\'s first workflow task completed (its history)');
    const [p, b] = await inAlternatingOrder(run, () => productStarts(ctx, run), () => bareStarts(ctx, run));
    for (const [side, f] of [['product', p], ['baseline', b]] as const) {
      if (f.failures > 0) ctx.results.note('starts', `run ${run + 1}: ${f.failures} ${side} starts failed (left out of the rates)`);
    }
    const figure = (name: string, unit: string, better: 'higher' | 'lower', pick: (f: StartFigures) => number): Measurement => ({
      scenario: 'starts',
      figure: name,
      unit,
      better,
      product: pick(p),
      baseline: pick(b),
    });
    return [
      figure('accepted per second', '/s', 'higher', (f) => f.acceptedPerSecond),
      figure('settled per second', '/s', 'higher', (f) => f.settledPerSecond),
      figure('start latency p50', 'ms', 'lower', (f) => f.latency.p50),
      figure('start latency p95', 'ms', 'lower', (f) => f.latency.p95),
      figure('start latency p99', 'ms', 'lower', (f) => f.latency.p99),
    ];
  },
};

async function productStarts(ctx: BenchContext, run: number): Promise<StartFigures> {
  const n = ctx.sizes.starts;
  const officeId = `CPI-BENCH-S${run + 1}`;
  const bodies = range(n).map(() => startBody(ctx.people.next(), officeId));
  const latencies: number[] = [];
  let failures = 0;
  const t0 = Date.now();
  await forEachConcurrently(bodies, ctx.concurrency, async (body) => {
    const started = process.hrtime.bigint();
    const answer = await ctx.stack.api.request('POST', '/journeys', body);
    if (answer.status === 201) latencies.push(msSince(started));
    else failures++;
  });
  const accepted = (Date.now() - t0) / 1000;
  const ok = latencies.length;
  const lastProjected = await pollUntil(
    async () => {
      const [row] = (await ctx.stack.db.query(
        `SELECT count(*)::int AS n, (extract(epoch FROM max(e.recorded_at)) * 1000)::float8 AS last
           FROM journey_events e JOIN journeys j ON j.journey_id = e.journey_id
          WHERE j.office_id = $1 AND e.seq = 1`,
        [officeId],
      )) as { n: number; last: number }[];
      return row.n >= ok ? row.last : undefined;
    },
    `${ok} journeys to be projected`,
    { timeoutMs: 300_000 + n * 100 },
  );
  return { acceptedPerSecond: ok / accepted, settledPerSecond: ok / ((lastProjected - t0) / 1000), latency: latencyPercentiles(latencies), failures };
}

/** N bare starts (default: the scenario's size and concurrency); the imports scenario uses it with its own. */
export async function bareStarts(ctx: BenchContext, run: number, n = ctx.sizes.starts, concurrency = ctx.concurrency, label = 'S'): Promise<StartFigures> {
  const { client, baselineTaskQueue } = ctx.stack;
  const marker = `BARE-${label}-${ctx.tag}-${run + 1}`;
  const ids: string[] = [];
  const latencies: number[] = [];
  let failures = 0;
  const t0 = Date.now();
  await forEachConcurrently(range(n), concurrency, async (i) => {
    const workflowId = `${marker}-${i}`;
    const started = process.hrtime.bigint();
    try {
      await client.workflow.start(BARE_START_WORKFLOW, {
        taskQueue: baselineTaskQueue,
        workflowId,
        args: [],
        typedSearchAttributes: [
          { key: journeySearchAttributes.office, value: marker },
          { key: journeySearchAttributes.programme, value: 'GOL-5' },
          { key: journeySearchAttributes.stage, value: 'awaiting_intake' },
          { key: journeySearchAttributes.status, value: 'open' },
        ],
      });
      latencies.push(msSince(started));
      ids.push(workflowId);
    } catch {
      failures++;
    }
  });
  const accepted = (Date.now() - t0) / 1000;
  await waitForVisibility(client, `${journeySearchAttributes.office.name} = '${marker}' AND ${journeySearchAttributes.stage.name} = 'started'`, ids.length, 300_000 + n * 100);
  const tasks = await taskTimesAfter(client, ids, ctx.concurrency);
  const settled = Math.max(...tasks.map((t) => t.completed));
  return { acceptedPerSecond: ids.length / accepted, settledPerSecond: ids.length / ((settled - t0) / 1000), latency: latencyPercentiles(latencies), failures };
}
