import { readFileSync } from 'node:fs';
import { BENCH_PROGRAMME, recentDidDate } from '../journeys';
import { pollUntil, sleep } from '../pool';
import type { Measurement } from '../results';
import { bareStarts } from './starts';
import { inAlternatingOrder, type BenchContext, type Scenario } from './scenario';

/** Journeys an import run starts at once: the API's default `API_IMPORT_CONCURRENCY`, which the bench does not change. */
const IMPORT_CONCURRENCY = 8;
const MIB = 1024 * 1024;

/** A process's resident memory now and its peak since it started (`/proc/<pid>/status`), in bytes; undefined once gone. */
export function residentMemory(pid: number | undefined): { rss: number; hwm: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Samples the API's and the journey worker's RSS every 100 ms until stopped: the peak each reached meanwhile. */
function sampleMemory(ctx: BenchContext): { stop(): Promise<{ api: number; worker: number; apiHwm: number; workerHwm: number; samples: number }> } {
  const peak = { api: 0, worker: 0, apiHwm: 0, workerHwm: 0, samples: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const pids = ctx.stack.pids();
      const api = residentMemory(pids.api);
      const worker = residentMemory(pids['journey worker']);
      peak.samples++;
      if (api) [peak.api, peak.apiHwm] = [Math.max(peak.api, api.rss), api.hwm];
      if (worker) [peak.worker, peak.workerHwm] = [Math.max(peak.worker, worker.rss), worker.hwm];
      await sleep(100);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

interface ImportFigures {
  stagedPerSecond: number;
  importedPerSecond: number;
  started: number;
  memory: { api: number; worker: number; apiHwm: number; workerHwm: number; samples: number };
  before: { api: number; worker: number };
}

/**
 * 6. Bulk intake (issue 19): an intake list of N valid people (fiscal codes computed with their check character)
 * uploaded as CSV (`POST /imports`: spooled, parsed streaming, every row checked and staged), then run
 * (`POST /imports/{id}/run`: the import workflow pages over the staged rows, the API's import activities start each
 * journey with the start command, `API_IMPORT_CONCURRENCY` = 8 at a time) until the batch is finished; versus N bare
 * `client.workflow.start` calls with the same 8 in flight, settled when each completed. The API's and the journey
 * worker's RSS are sampled every 100 ms from the upload to the end (`/proc/<pid>/status` VmRSS; VmHWM is the process's
 * peak since it started, earlier scenarios included).
 */
export const importsScenario: Scenario = {
  name: 'imports',
  title: 'Bulk intake',
  async run(ctx, run) {
    ctx.results.note('imports', `${ctx.sizes.importRows} rows per run (CSV, ${BENCH_PROGRAMME}); product: POST /imports then POST /imports/{id}/run until finished, ${IMPORT_CONCURRENCY} starts at once (API_IMPORT_CONCURRENCY); baseline: ${ctx.sizes.importRows} bare client.workflow.start, ${IMPORT_CONCURRENCY} in flight, until each completed`);
    ctx.results.note('imports', 'rows imported per second: journeys started over the time from the run request to the batch finished (every journey started and its row recorded); memory: peak VmRSS sampled every 100 ms from the upload to the end');
    if (PREVIEW_ONLY) {
      ctx.results.note('imports', 'BENCH_IMPORT_PREVIEW_ONLY: the list is uploaded and staged, not run; no baseline');
      const p = await productImport(ctx, run, false);
      ctx.results.note('imports', `run ${run + 1}: RSS before the upload api ${(p.before.api / MIB).toFixed(0)} MiB, worker ${(p.before.worker / MIB).toFixed(0)} MiB; peaks api ${(p.memory.api / MIB).toFixed(0)} MiB over ${p.memory.samples} samples`);
      return [
        { scenario: 'imports', figure: 'rows uploaded and staged per second (the preview)', unit: '/s', better: 'higher', product: p.stagedPerSecond },
        { scenario: 'imports', figure: 'API peak RSS during the import', unit: 'MiB', better: 'lower', product: p.memory.api / MIB },
      ];
    }
    const [p, b] = await inAlternatingOrder(run, () => productImport(ctx, run), () => bareStarts(ctx, run, ctx.sizes.importRows, IMPORT_CONCURRENCY, 'I'));
    if (p.started !== ctx.sizes.importRows) ctx.results.note('imports', `run ${run + 1}: ${p.started} of ${ctx.sizes.importRows} rows started`);
    ctx.results.note('imports', `run ${run + 1}: RSS before the upload api ${(p.before.api / MIB).toFixed(0)} MiB, worker ${(p.before.worker / MIB).toFixed(0)} MiB; peaks api ${(p.memory.api / MIB).toFixed(0)} MiB, worker ${(p.memory.worker / MIB).toFixed(0)} MiB over ${p.memory.samples} samples; VmHWM at the end api ${(p.memory.apiHwm / MIB).toFixed(0)} MiB, worker ${(p.memory.workerHwm / MIB).toFixed(0)} MiB`);
    const own = (figure: string, unit: string, better: 'higher' | 'lower', product: number): Measurement => ({ scenario: 'imports', figure, unit, better, product });
    return [
      { scenario: 'imports', figure: 'rows imported per second (bare: settled starts per second)', unit: '/s', better: 'higher', product: p.importedPerSecond, baseline: b.settledPerSecond },
      own('rows uploaded and staged per second (the preview)', '/s', 'higher', p.stagedPerSecond),
      own('API peak RSS during the import', 'MiB', 'lower', p.memory.api / MIB),
      own('journey worker peak RSS during the import', 'MiB', 'lower', p.memory.worker / MIB),
    ];
  },
};

/** `BENCH_IMPORT_PREVIEW_ONLY=1`: upload and stage the list without running it (the 100,000-row upload's memory in minutes, not the hours its run takes on 2 cores). */
const PREVIEW_ONLY = process.env.BENCH_IMPORT_PREVIEW_ONLY === '1';

async function productImport(ctx: BenchContext, run: number, runIt = true): Promise<ImportFigures> {
  const n = ctx.sizes.importRows;
  // An office of the directory (the preview refuses others); the people are new in every run, so no row meets another's journey.
  const officeId = 'CPI-TO-01';
  const did = recentDidDate();
  const lines = ['codice_fiscale;nome;cognome;email;data_did;programma;ufficio'];
  for (let i = 0; i < n; i++) {
    const person = ctx.people.next();
    lines.push([person.fiscalCode, person.givenName, person.familyName, person.email ?? '', did, BENCH_PROGRAMME, officeId].join(';'));
  }
  const csv = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  lines.length = 0;
  const pids = ctx.stack.pids();
  const before = { api: residentMemory(pids.api)?.rss ?? NaN, worker: residentMemory(pids['journey worker'])?.rss ?? NaN };
  const memory = sampleMemory(ctx);
  try {
    const t0 = Date.now();
    const response = await fetch(`${ctx.stack.apiUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${ctx.stack.api.token}`, 'content-type': 'text/csv' }, body: csv });
    const staged = (await response.json()) as { batchId?: string; counts?: { ok: number; refused: number } };
    if (response.status !== 201 || !staged.batchId) throw new Error(`POST /imports answered ${response.status}: ${JSON.stringify(staged).slice(0, 500)}`);
    const stagedPerSecond = n / ((Date.now() - t0) / 1000);
    if (staged.counts?.ok !== n) {
      const refused = await ctx.stack.api.request<{ items: { line: number; reason: string }[] }>('GET', `/imports/${staged.batchId}/rows?verdict=refused&limit=1`);
      ctx.results.note('imports', `run ${run + 1}: the preview accepted ${staged.counts?.ok} of ${n} rows (${staged.counts?.refused} refused; line ${refused.body.items?.[0]?.line}: ${refused.body.items?.[0]?.reason})`);
    }
    if (!runIt) return { stagedPerSecond, importedPerSecond: NaN, started: 0, memory: await memory.stop(), before };
    const t1 = Date.now();
    const ran = await ctx.stack.api.request('POST', `/imports/${staged.batchId}/run`);
    if (ran.status !== 202) throw new Error(`POST /imports/${staged.batchId}/run answered ${ran.status}`);
    const done = await pollUntil(
      async () => {
        const batch = await ctx.stack.api.request<{ status: string; counts: { started: number } }>('GET', `/imports/${staged.batchId}`);
        return batch.status === 200 && batch.body.status === 'finished' ? batch.body : undefined;
      },
      `import ${staged.batchId} to finish`,
      { timeoutMs: 600_000 + n * 200, intervalMs: 250 },
    );
    return { stagedPerSecond, importedPerSecond: done.counts.started / ((Date.now() - t1) / 1000), started: done.counts.started, memory: await memory.stop(), before };
  } finally {
    await memory.stop();
  }
}
