import { temporal } from '@temporalio/proto';
import { journeySearchAttributes } from '@sal/contracts';
import { ARM_TIMER_UPDATE, BARE_TIMER_WORKFLOW } from '../baseline-names';
import { taskTimesAfter, waitForVisibility } from '../history-times';
import { BENCH_OPERATOR, pactBody, setUp, startJourney } from '../journeys';
import { forEachConcurrently, pollUntil, range, sleep } from '../pool';
import type { Measurement } from '../results';
import { quantile } from '../stats';
import { inAlternatingOrder, type BenchContext, type Scenario } from './scenario';

interface StormFigures {
  /** Seconds from the shared due instant until the last one was done. */
  drainSeconds: number;
  perSecond: number;
  lagP50: number;
  lagP99: number;
  /** When the workflow task that followed the timer started: the journey's decision (its events' instant), or the bare workflow's. */
  decidedP99: number;
  /** Product only: when the last overdue notice was written to the outbox / sent to SMTP. */
  noticesWrittenSeconds?: number;
  noticesDeliveredSeconds?: number;
  noticesDeliveredP99?: number;
}

const NOT_MEASURED: StormFigures = { drainSeconds: Number.NaN, perSecond: Number.NaN, lagP50: Number.NaN, lagP99: Number.NaN, decidedP99: Number.NaN };

/**
 * 3. Timer storm: N journeys whose pact action falls due at the very same instant T — as happens every day, since an
 * action given a bare date falls due at the end of that day in Rome — versus N bare workflows whose timers fire at T.
 * Product: time from T until every journey's PactActionOverdue is in journey_events (timer fired, journey decided,
 * projection written) and until every overdue notice is sent to the mail sink. Baseline: time from T until the
 * workflow task that follows every bare timer has completed (read from the histories).
 */
export function makeTimersScenario(): Scenario {
  let outbox = false;
  return {
    name: 'timers',
    title: 'Timer storm',
    async setup(ctx) {
      const [row] = (await ctx.stack.db.query(`SELECT to_regclass('notification_outbox') IS NOT NULL AS present`)) as { present: boolean }[];
      outbox = row.present;
      if (outbox) {
        // The operator's notices need an address in the staff directory, as in production.
        const staff = await ctx.stack.api.request(
          'PUT',
          `/staff/${BENCH_OPERATOR}`,
          { officeId: 'CPI-BENCH-T1', role: 'operator', email: `${BENCH_OPERATOR}@example.it`, displayName: 'Operatore Bench' },
          ctx.stack.tokens.administrator,
        );
        if (staff.status !== 200) ctx.results.note('timers', `PUT /staff answered ${staff.status}: operator notices have no address (undeliverable)`);
      }
      const n = ctx.sizes.timers;
      ctx.results.note('timers', `${n} journeys per run, their one pact action due at the same instant, set up through the API; baseline: ${n} bare workflows armed by an update to sleep until one instant`);
      ctx.results.note(
        'timers',
        outbox
          ? `decided = the workflow task after the timer started (product: the PactActionOverdue instant; baseline: its history); product done = PactActionOverdue projected (journey_events.recorded_at); notices = every action_overdue notice in notification_outbox sent (sent_at, ${ctx.stack.mailSink ? 'to the embedded SMTP sink' : 'to SMTP_URL'}) or given up; baseline done = that workflow task completed; the notice figures are set against the baseline's done`
          : 'decided = the workflow task after the timer started; product done = PactActionOverdue projected (journey_events.recorded_at); notices NOT measured (no notification outbox in this build); baseline done = that workflow task completed',
      );
    },
    async run(ctx, run) {
      const [p, b] = await inAlternatingOrder(run, () => productStorm(ctx, run, outbox), () => bareStorm(ctx, run));
      const figure = (name: string, unit: string, better: 'higher' | 'lower', product: number | undefined, baseline: number | undefined): Measurement => ({
        scenario: 'timers',
        figure: name,
        unit,
        better,
        product,
        baseline,
      });
      const measured = [
        figure('timer handled: decided p99 after the due instant', 'ms', 'lower', p.decidedP99, b.decidedP99),
        figure('all done after the due instant (product: overdue projected)', 's', 'lower', p.drainSeconds, b.drainSeconds),
        figure('done per second', '/s', 'higher', p.perSecond, b.perSecond),
        figure('done lag after the due instant p50', 'ms', 'lower', p.lagP50, b.lagP50),
        figure('done lag after the due instant p99', 'ms', 'lower', p.lagP99, b.lagP99),
      ];
      if (outbox) {
        measured.push(
          figure('all overdue notices written to the outbox', 's', 'lower', p.noticesWrittenSeconds, b.drainSeconds),
          figure('all overdue notices delivered to SMTP', 's', 'lower', p.noticesDeliveredSeconds, b.drainSeconds),
          figure('notice delivered p99 after the due instant', 'ms', 'lower', p.noticesDeliveredP99, b.lagP99),
        );
      }
      return measured;
    },
  };
}

/** The shared due instant: far enough ahead for the arming phase, judged by how long the first phase took. */
function dueInstant(firstPhaseMs: number, factor: number, slackMs: number): number {
  return Math.ceil((Date.now() + Math.max(10_000, firstPhaseMs * factor + slackMs)) / 1000) * 1000;
}

async function productStorm(ctx: BenchContext, run: number, outbox: boolean): Promise<StormFigures> {
  const n = ctx.sizes.timers;
  const { api, db } = ctx.stack;
  const officeId = `CPI-BENCH-T${run + 1}`;
  const ids: string[] = [];
  const phase1 = Date.now();
  await forEachConcurrently(range(n), ctx.concurrency, async () => {
    const journeyId = await startJourney(api, ctx.people.next(), officeId);
    await setUp(api, 'POST', `/journeys/${journeyId}/intake`, { operatorId: BENCH_OPERATOR }, 'intake');
    ids.push(journeyId);
  });
  // Signing is one command per journey against two before it, but it sets more off: the catalogue's reminder (days
  // before the due date, so already due) fires at once, with its projection, notice and e-mail.
  const due = dueInstant(Date.now() - phase1, 2, 8_000);
  const body = pactBody([new Date(due).toISOString()]);
  await forEachConcurrently(ids, ctx.concurrency, (id) => setUp(api, 'POST', `/journeys/${id}/pact`, body, 'pact'));
  if (Date.now() >= due - 1000) {
    ctx.results.note('timers', `run ${run + 1}: product set-up overran the due instant; not measured`);
    return NOT_MEASURED;
  }
  // The storm should meet a quiet system: the signings and whatever they set off (a reminder is already due when the
  // catalogue reminds days ahead) projected and notified, nothing changing for a second.
  await waitUntilQuiet(ctx, officeId, n, outbox, Math.max(60_000, due - Date.now() + 60_000));
  if (Date.now() >= due) ctx.results.note('timers', `run ${run + 1}: the pacts' projections were still running at the due instant`);
  await sleep(Math.max(0, due - Date.now()));
  const timeoutMs = 600_000 + n * 100;
  const rows = await pollUntil(
    async () => {
      const found = (await db.query(
        `SELECT (extract(epoch FROM e.recorded_at) * 1000)::float8 AS recorded, (extract(epoch FROM e.occurred_at) * 1000)::float8 AS occurred
           FROM journey_events e JOIN journeys j ON j.journey_id = e.journey_id
          WHERE j.office_id = $1 AND e.type = 'PactActionOverdue'`,
        [officeId],
      )) as { recorded: number; occurred: number }[];
      return found.length >= n ? found : undefined;
    },
    `${n} overdue events to be projected`,
    { timeoutMs, intervalMs: 500 },
  );
  const lags = rows.map((r) => r.recorded - due);
  const drainSeconds = Math.max(...lags) / 1000;
  const figures: StormFigures = {
    drainSeconds,
    perSecond: n / drainSeconds,
    lagP50: quantile(lags, 0.5),
    lagP99: quantile(lags, 0.99),
    decidedP99: quantile(rows.map((r) => r.occurred - due), 0.99),
  };
  if (!outbox) return figures;
  const notices = await pollUntil(
    async () => {
      const found = (await db.query(
        `SELECT status, (extract(epoch FROM created_at) * 1000)::float8 AS created, (extract(epoch FROM sent_at) * 1000)::float8 AS sent, journey_id
           FROM notification_outbox WHERE office_id = $1 AND kind = 'action_overdue'`,
        [officeId],
      )) as { status: string; created: number; sent: number | null; journey_id: string }[];
      const journeys = new Set(found.map((f) => f.journey_id)).size;
      const open = found.filter((f) => f.status === 'pending' || f.status === 'sending').length;
      return journeys >= n && open === 0 ? found : undefined;
    },
    `the overdue notices of ${n} journeys to be sent`,
    { timeoutMs, intervalMs: 500 },
  );
  const sent = notices.filter((f) => f.status === 'sent' && f.sent !== null).map((f) => f.sent! - due);
  const others = notices.length - sent.length;
  if (others > 0) ctx.results.note('timers', `run ${run + 1}: ${others} of ${notices.length} overdue notices were not sent (undeliverable or failed)`);
  return {
    ...figures,
    noticesWrittenSeconds: (Math.max(...notices.map((f) => f.created)) - due) / 1000,
    noticesDeliveredSeconds: sent.length > 0 ? Math.max(...sent) / 1000 : Number.NaN,
    noticesDeliveredP99: quantile(sent, 0.99),
  };
}

async function bareStorm(ctx: BenchContext, run: number): Promise<StormFigures> {
  const n = ctx.sizes.timers;
  const { client, baselineTaskQueue } = ctx.stack;
  const marker = `BARE-T-${ctx.tag}-${run + 1}`;
  const ids = range(n).map((i) => `${marker}-${i}`);
  const phase1 = Date.now();
  await forEachConcurrently(ids, ctx.concurrency, async (workflowId) => {
    await client.workflow.start(BARE_TIMER_WORKFLOW, {
      taskQueue: baselineTaskQueue,
      workflowId,
      args: [],
      typedSearchAttributes: [{ key: journeySearchAttributes.office, value: marker }],
    });
  });
  // Arming is one update each, a workflow task per workflow where the start had none: at 10,000 on 2 cores it took
  // more than 1.5 times the starts (the first full run overran its due instant), so it is given 4 times.
  const startMs = Date.now() - phase1;
  const due = dueInstant(startMs, 4, 10_000);
  const phase2 = Date.now();
  await forEachConcurrently(ids, ctx.concurrency, (id) => client.workflow.getHandle(id).executeUpdate(ARM_TIMER_UPDATE, { args: [due] }));
  if (Date.now() >= due - 1000) {
    ctx.results.note('timers', `run ${run + 1}: baseline set-up overran the due instant (starts ${Math.round(startMs / 1000)} s, arming ${Math.round((Date.now() - phase2) / 1000)} s); not measured`);
    return NOT_MEASURED;
  }
  await sleep(Math.max(0, due - Date.now()));
  await waitForVisibility(client, `${journeySearchAttributes.office.name} = '${marker}' AND ${journeySearchAttributes.overdueActions.name} = 1`, n, 600_000 + n * 100);
  const tasks = await taskTimesAfter(client, ids, ctx.concurrency, temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_FIRED);
  const lags = tasks.map((t) => t.completed - due);
  const drainSeconds = Math.max(...lags) / 1000;
  return {
    drainSeconds,
    perSecond: n / drainSeconds,
    lagP50: quantile(lags, 0.5),
    lagP99: quantile(lags, 0.99),
    decidedP99: quantile(tasks.map((t) => t.started - due), 0.99),
  };
}

/** Waits until the office's journeys are all in pact_active, their rows stop changing and no notice is in flight. */
async function waitUntilQuiet(ctx: BenchContext, officeId: string, n: number, outbox: boolean, timeoutMs: number): Promise<void> {
  let previous = '';
  await pollUntil(
    async () => {
      const [row] = (await ctx.stack.db.query(
        `SELECT count(*) FILTER (WHERE stage = 'pact_active')::int AS active, coalesce(sum(last_seq), 0)::int AS seqs FROM journeys WHERE office_id = $1`,
        [officeId],
      )) as { active: number; seqs: number }[];
      let open = 0;
      if (outbox) {
        const [o] = (await ctx.stack.db.query(`SELECT count(*)::int AS open FROM notification_outbox WHERE office_id = $1 AND status IN ('pending', 'sending')`, [officeId])) as { open: number }[];
        open = o.open;
      }
      const signature = `${row.active}/${row.seqs}/${open}`;
      const quiet = row.active >= n && open === 0 && signature === previous;
      previous = signature;
      return quiet ? true : undefined;
    },
    'the set-up to settle',
    { timeoutMs, intervalMs: 1_000 },
  );
}
