import fs from 'node:fs';
import path from 'node:path';
import { journeySearchAttributes as sa } from '@sal/contracts';
import { JourneyGenerator } from '../seed/generator';
import { seedReadModel } from '../seed/seeder';
import { seedVisibility } from '../seed/visibility';
import type { Measurement } from '../results';
import { msSince, quantile } from '../stats';
import type { BenchContext, Scenario } from './scenario';
import { explainView, regionsOf, timeViews, VIEWS } from './views';

/** The same data every time: figures of two runs or two variants are comparable. */
const SEED = 20_261_126;

interface QueryKind {
  figure: string;
  /** The product's answer, through its API. */
  product(ctx: BenchContext, officeId: string): Promise<void>;
  /** The same filter asked of Temporal visibility (or the closest it can express; see `note`). */
  baseline(ctx: BenchContext, officeId: string): Promise<void>;
  note: string;
}

const PAGE = 20;
/** The search attributes' names, as the journey workflow writes them. */
const OFFICE = sa.office.name;
const STATUS = sa.status.name;
const STAGE = sa.stage.name;
const OVERDUE = sa.overdueActions.name;
const STALLED = sa.stalled.name;

function visibilityPage(query: (office: string) => string) {
  return async (ctx: BenchContext, officeId: string): Promise<void> => {
    const { client } = ctx.stack;
    const request = { namespace: client.options.namespace, query: query(officeId) };
    await client.workflowService.listWorkflowExecutions({ ...request, pageSize: PAGE });
    await client.workflowService.countWorkflowExecutions(request);
  };
}

/** The API as a regional supervisor asks it (every supervisor view is also written to the audit log). */
function apiPage(path: (office: string) => string) {
  return async (ctx: BenchContext, officeId: string): Promise<void> => {
    const answer = await ctx.stack.api.request('GET', path(officeId), undefined, ctx.stack.tokens.supervisor);
    if (answer.status !== 200) throw new Error(`GET ${path(officeId)} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
}

/** Every product answer is a page of 20 with the total, so every visibility answer is List (20) + Count. */
const KINDS: QueryKind[] = [
  {
    figure: 'stalled cases of an office',
    product: apiPage((o) => `/supervisor/stalled-cases?officeId=${o}&pageSize=${PAGE}`),
    baseline: visibilityPage((o) => `${OFFICE} = '${o}' AND ${STATUS} = 'open' AND ${STALLED} = true`),
    note: 'GET /supervisor/stalled-cases?officeId=X vs visibility OfficeId = X AND JourneyStatus = open AND Stalled = true',
  },
  {
    figure: 'overdue actions of an office',
    product: apiPage((o) => `/supervisor/overdue-actions?officeId=${o}&pageSize=${PAGE}`),
    baseline: visibilityPage((o) => `${OFFICE} = '${o}' AND ${STATUS} = 'open' AND ${OVERDUE} > 0`),
    note: 'GET /supervisor/overdue-actions?officeId=X (actions, oldest due first) vs the closest visibility can answer: open journeys with OverdueActions > 0 (visibility knows journeys, not actions)',
  },
  {
    figure: 'journeys of an office with overdue actions',
    product: apiPage((o) => `/journeys?officeId=${o}&overdue=true&pageSize=${PAGE}`),
    baseline: visibilityPage((o) => `${OFFICE} = '${o}' AND ${OVERDUE} > 0`),
    note: 'GET /journeys?officeId=X&overdue=true vs visibility OfficeId = X AND OverdueActions > 0',
  },
  {
    figure: 'journeys of an office in pact_active',
    product: apiPage((o) => `/journeys?officeId=${o}&stage=pact_active&pageSize=${PAGE}`),
    baseline: visibilityPage((o) => `${OFFICE} = '${o}' AND ${STAGE} = 'pact_active'`),
    note: 'GET /journeys?officeId=X&stage=pact_active vs visibility OfficeId = X AND JourneyStage = pact_active',
  },
];

/**
 * 4. Supervisor queries: p50 and p95 over the offices of a read model seeded with realistic journeys and events,
 * versus the same filter asked of Temporal visibility over the same population (one execution per seeded journey,
 * with its search attributes).
 */
export function makeQueriesScenario(): Scenario {
  let offices: string[] = [];
  let seededAt = new Date().toISOString();
  return {
    name: 'queries',
    title: 'Supervisor queries',
    async setup(ctx) {
      const s = ctx.sizes;
      // Past 100,000 journeys each simulated history is given to 20 people (50,000 histories at 1M): the domain's
      // simulation (about 4 ms of CPU a journey), not COPY, is what bounded the seed's rate.
      const reuse = s.queryJourneys > 100_000 ? 20 : 1;
      const generator = new JourneyGenerator(SEED, Date.now(), s.queryEvents / s.queryJourneys, reuse);
      ctx.log(`seeding the read model: ${s.queryJourneys} journeys, about ${s.queryEvents} events (${reuse === 1 ? 'every history simulated' : `each simulated history given to ${reuse} people`}; secondary indexes built after the load)`);
      const step = Math.max(10_000, Math.round(s.queryJourneys / 20 / 10_000) * 10_000);
      const seeded = await seedReadModel(ctx.stack.db, generator, s.queryJourneys, s.visibilityJourneys, (done, elapsed) => {
        if (done % step === 0 || done === s.queryJourneys) {
          const left = (elapsed / done) * (s.queryJourneys - done);
          ctx.log(`  ${done} of ${s.queryJourneys} journeys written (COPY) in ${elapsed.toFixed(0)} s, about ${left.toFixed(0)} s to go`);
        }
      });
      ctx.log(`read model seeded in ${seeded.seconds.toFixed(0)} s (of which indexes ${seeded.indexSeconds.toFixed(0)} s): ${seeded.journeys} journeys, ${seeded.events} events, ${seeded.actions} pact actions`);
      offices = generator.offices.map((o) => o.officeId);
      seededAt = new Date().toISOString();
      // The plans of every view at this size, for an office (the largest) and a region, as the README quotes them.
      const plans: string[] = [];
      for (const view of VIEWS) {
        const scope = view.scope === 'office' ? [offices[0]] : regionsOf(offices)[0];
        for (const p of await explainView(ctx.stack.db, view, scope, seededAt)) plans.push(`### ${view.name} (${scope.join(', ')})\n\n${p.sql}\n\n${p.plan}\n`);
      }
      const planFile = path.join(ctx.logsDir, 'queries-explain.md');
      fs.writeFileSync(planFile, plans.join('\n'));
      ctx.results.note('queries', `EXPLAIN (ANALYZE, BUFFERS) of every supervisor view after seeding: ${planFile}`);
      ctx.results.note('queries', `read model seeded with ${seeded.journeys} journeys, ${seeded.events} events, ${seeded.actions} pact actions in ${seeded.seconds.toFixed(0)} s, secondary indexes built after the load in ${seeded.indexSeconds.toFixed(0)} s of them (${reuse === 1 ? 'every history simulated' : `each simulated history given to ${reuse} people`}; 50 offices, 500 operators, valid fiscal codes, GOL-like stage mix)`);
      const visQueue = `bench-visibility-${ctx.tag}`;
      ctx.stack.taskQueues.add(visQueue);
      ctx.log(`seeding Temporal visibility: ${seeded.indexed.length} executions`);
      const vis = await seedVisibility(ctx.stack.client, visQueue, `vis-${ctx.tag}-`, seeded.indexed, Math.max(ctx.concurrency, 16), (done) => {
        if (done % 5_000 === 0) ctx.log(`  ${done} executions started`);
      });
      const store = ctx.stack.temporal.external ? 'the configured server\'s visibility store' : 'the dev server\'s visibility store is its SQLite database';
      ctx.results.note('queries', `visibility seeded with ${seeded.indexed.length} executions (the same journeys, their search attributes) in ${vis.seconds.toFixed(0)} s; ${store}`);
      if (seeded.indexed.length < seeded.journeys) {
        ctx.results.note('queries', `populations differ: read model ${seeded.journeys} journeys, visibility ${seeded.indexed.length} executions`);
      }
      for (const kind of KINDS) ctx.results.note('queries', `${kind.figure}: ${kind.note}`);
    },
    async run(ctx, run) {
      const measurements: Measurement[] = [];
      for (const kind of KINDS) {
        const product: number[] = [];
        const baseline: number[] = [];
        for (let i = 0; i < ctx.sizes.querySamples; i++) {
          // Every office in turn, small and large, in a different order each run.
          const officeId = offices[(i * 7 + run * 13) % offices.length];
          // Interleaved, so both sides meet the same moments of the shared machine.
          const first = i % 2 === 0;
          for (const side of first ? (['product', 'baseline'] as const) : (['baseline', 'product'] as const)) {
            const started = process.hrtime.bigint();
            await kind[side](ctx, officeId);
            (side === 'product' ? product : baseline).push(msSince(started));
          }
        }
        for (const q of [0.5, 0.95]) {
          measurements.push({
            scenario: 'queries',
            figure: `${kind.figure} p${q * 100}`,
            unit: 'ms',
            better: 'lower',
            product: quantile(product, q),
            baseline: quantile(baseline, q),
          });
        }
      }
      // Every supervisor view through the read model's own query code (no HTTP, no baseline: visibility has no such view).
      for (const t of await timeViews(ctx.stack.db, offices, regionsOf(offices), ctx.sizes.querySamples, new Date().toISOString())) {
        for (const [q, value] of [[50, t.p50], [95, t.p95]] as const) {
          measurements.push({ scenario: 'queries', figure: `view ${t.view} (read model) p${q}`, unit: 'ms', better: 'lower', product: value });
        }
      }
      return measurements;
    },
  };
}
