import { parseArgs } from 'node:util';
import { romeDateOf } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { DemoApi, describe } from './api';
import { IMPORT_OFFICE, IMPORT_PROGRAMME, makeImportList } from './import-list';
import { DEMO_OFFICES, makeStaff, officeBody } from './offices';
import { CONDITIONALITY_PROGRAMME, expectedCounts, makePlan } from './plan';
import { decideStep, recordOutcome, tellStory, type PendingOutcome, type StoryContext } from './stories';

const USAGE = `npm run demo -- [--api URL] [--journeys N] [--seed N] [--concurrency N] [--progress-every N]

Fills the running product (npm start) with a realistic region through its own HTTP API: offices of Piemonte and
Lazio with their closures, their staff, N journeys (default 300) in every stage and GOL path, ADI and SFL,
conditionality steps proposed, confirmed and dismissed (under the demo catalogue DEMO-CONDIZ, whose justification
window is 30 seconds so the demo sees it close), and a finished import (a list of NASpI recipients uploaded as CSV to POST /imports, run, its report read).
Deterministic with --seed (default 19); safe to run twice (journeys already there are left as they are; the list
uploaded again starts nothing twice).
Tokens come from the API's development sign-in (POST /console/dev-token): the embedded defaults.

  --api URL            the API (default $SAL_API_URL or http://127.0.0.1:3000)
  --journeys N         how many journeys (default 300)
  --seed N             the seed of the plan (default 19)
  --concurrency N      journeys told at once (default 6)
  --progress-every N   a progress line every N journeys (default 25)
  --screenshots        instead of filling: the README's console screenshots of what a fill left (npm run demo -- --screenshots --help)`;

interface Options {
  api: string;
  journeys: number;
  seed: number;
  concurrency: number;
  progressEvery: number;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      api: { type: 'string', default: process.env.SAL_API_URL ?? 'http://127.0.0.1:3000' },
      journeys: { type: 'string', default: '300' },
      seed: { type: 'string', default: '19' },
      concurrency: { type: 'string', default: '6' },
      'progress-every': { type: 'string', default: '25' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}\n\n${USAGE}`);
    return n;
  };
  return {
    api: values.api!.replace(/\/+$/, ''),
    journeys: whole('journeys', values.journeys!, 1, 100_000),
    seed: whole('seed', values.seed!, 0, 2 ** 31 - 1),
    concurrency: whole('concurrency', values.concurrency!, 1, 32),
    progressEvery: whole('progress-every', values['progress-every']!, 1, 100_000),
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const api = new DemoApi(opts.api, log);
  const today = romeDateOf(Date.now());
  log(`[demo] ${opts.journeys} journeys, seed ${opts.seed}, on ${opts.api} (today ${today} in Rome)`);

  const health = await api.call('GET', '/health').catch((error: Error) => ({ status: 0, body: error.message }));
  if (health.status !== 200) throw new Error(`the API at ${opts.api} does not answer /health (${health.status || health.body}): start it with npm start, or name it with --api`);

  const signIn = async (role: string, offices: string[], sub: string): Promise<string> => {
    const answer = await api.call<{ accessToken: string }>('POST', '/console/dev-token', { body: { role, offices, sub } });
    if (answer.status === 404) throw new Error('the API has no development sign-in (POST /console/dev-token): the demo runs on the embedded defaults (npm start), whose development secret signs its tokens');
    if (answer.status !== 200) throw new Error(`development sign-in as ${sub} refused: ${describe(answer)}`);
    return answer.body.accessToken;
  };
  const admin = await signIn('administrator', [], 'admin-demo');

  // The offices: those the directory lists stay as they are; the others are added, with their one-off closures.
  let officesAdded = 0;
  for (const office of DEMO_OFFICES) {
    const known = await api.call('GET', `/offices/${office.officeId}`, { token: admin });
    if (known.status === 404) {
      const put = await api.call('PUT', `/offices/${office.officeId}`, { token: admin, body: officeBody(office) });
      if (put.status !== 200 && put.status !== 201) throw new Error(`PUT /offices/${office.officeId} refused: ${describe(put)}`);
      officesAdded++;
    } else if (known.status !== 200) throw new Error(`GET /offices/${office.officeId}: ${describe(known)}`);
    if (office.closure) {
      const closure = await api.call('POST', `/offices/${office.officeId}/closures`, { token: admin, body: { date: `${today.slice(0, 4)}-${office.closure.monthDay}`, name: office.closure.name } });
      if (closure.status >= 300) throw new Error(`POST /offices/${office.officeId}/closures refused: ${describe(closure)}`);
    }
  }
  log(`[demo] offices: ${DEMO_OFFICES.length} (${officesAdded} added), ${DEMO_OFFICES.filter((o) => o.closure).length} one-off closures`);

  // The staff directory (PUT is idempotent), and a token for each operator.
  const staff = makeStaff(new Random(opts.seed ^ 0x5a17), DEMO_OFFICES);
  const tokens = new Map<string, string>();
  for (const member of staff) {
    const put = await api.call('PUT', `/staff/${member.staffId}`, {
      token: admin,
      body: { officeId: member.officeId, role: member.role, email: member.email, displayName: member.displayName, active: true },
    });
    if (put.status !== 200 && put.status !== 201) throw new Error(`PUT /staff/${member.staffId} refused: ${describe(put)}`);
    if (member.role === 'operator') tokens.set(member.staffId, await signIn('operator', [member.officeId], member.staffId));
  }
  log(`[demo] staff: ${staff.length} (${staff.filter((s) => s.role === 'operator').length} operators, ${staff.filter((s) => s.role === 'supervisor').length} supervisors)`);

  // The demo's catalogue for the conditionality stories (GOL's clocks, a justification window of seconds), once.
  const catalogue = await api.call('GET', `/programmes/${CONDITIONALITY_PROGRAMME.code}`, { token: admin });
  const window = (catalogue.body as { clocks?: { justificationWindow?: string } })?.clocks?.justificationWindow;
  if (catalogue.status !== 200 || window !== CONDITIONALITY_PROGRAMME.justificationWindow) {
    // GOL path 1's clocks as the product publishes them, but the justification window (then counted as it is).
    const gol = await api.call<{ clocks: Record<string, string | null>; workingDayClocks?: string[] }>('GET', '/programmes/GOL-1', { token: admin });
    if (gol.status !== 200) throw new Error(`GET /programmes/GOL-1: ${describe(gol)}`);
    const clocks = { ...gol.body.clocks, justificationWindow: CONDITIONALITY_PROGRAMME.justificationWindow };
    const workingDayClocks = (gol.body.workingDayClocks ?? []).filter((name) => name !== 'justificationWindow');
    const put = await api.call('PUT', `/programmes/${CONDITIONALITY_PROGRAMME.code}`, {
      token: admin,
      body: { title: CONDITIONALITY_PROGRAMME.title, clocks, services: null, workingDayClocks },
    });
    if (put.status !== 200 && put.status !== 201) throw new Error(`PUT /programmes/${CONDITIONALITY_PROGRAMME.code} refused: ${describe(put)}`);
    log(`[demo] catalogue ${CONDITIONALITY_PROGRAMME.code} published (justification window ${CONDITIONALITY_PROGRAMME.justificationWindow})`);
  }

  const plan = makePlan(opts.seed, opts.journeys, today, staff);
  const ctx: StoryContext = { api, seed: opts.seed, tokens, appointmentLeadMs: 20_000, overdueLeadMs: 45_000 };
  const tally = { started: 0, existing: 0, refused: 0, commands: 0 };
  const refusals: string[] = [];
  const pending: PendingOutcome[] = [];
  const overdueDue: number[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plan.journeys.length) {
      const j = plan.journeys[next++];
      const story = await tellStory(ctx, j, today);
      tally[story.outcome]++;
      tally.commands += story.commands;
      refusals.push(...story.refusals.map((line) => `#${j.index} ${j.programmeCode} ${j.story}: ${line}`));
      if (story.pending) pending.push(story.pending);
      if (story.outcome === 'started' && j.story === 'overdue_action') overdueDue.push(Date.now() + ctx.overdueLeadMs);
      done++;
      if (done % opts.progressEvery === 0 || done === plan.journeys.length) {
        log(`[demo] ${done}/${plan.journeys.length} journeys: ${tally.started} started, ${tally.existing} already there, ${tally.refused} refused; ${tally.commands} commands (${elapsed(started)})`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));

  // The appointments booked a few seconds ahead: held or missed once their time has come.
  if (pending.length > 0) {
    log(`[demo] recording ${pending.length} appointment outcomes once their time has come`);
    const outcomes = { held: 0, no_show: 0 };
    let p = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (p < pending.length) {
          const item = pending[p++];
          const recorded = await recordOutcome(ctx, item);
          if (recorded.ok) outcomes[item.outcome]++;
          tally.commands += recorded.commands;
          refusals.push(...recorded.refusals.map((line) => `#${item.journey.index} ${item.journey.story}: ${line}`));
        }
      }),
    );
    log(`[demo] appointments: ${outcomes.held} held, ${outcomes.no_show} missed`);
  }

  // A finished import: the list uploaded as a CSV, previewed, run, followed to its end and its report read.
  const imported = await runImport(api, opts.seed, today, plan, staff, tokens, log);

  // The conditionality stories: the justification windows close, the journeys propose their steps, the operators decide.
  const steps = { proposed: 0, confirmed: 0, dismissed: 0 };
  const missed = pending.filter((item) => item.decision);
  if (missed.length > 0) {
    log(`[demo] conditionality: waiting for ${missed.length} justification windows to close, then deciding the steps`);
    let q = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (q < missed.length) {
          const item = missed[q++];
          const decided = await decideStep(ctx, item);
          if (decided.status) steps[decided.status]++;
          tally.commands += decided.commands;
          refusals.push(...decided.refusals.map((line) => `#${item.journey.index} ${item.journey.story}: ${line}`));
        }
      }),
    );
    log(`[demo] conditionality steps: ${steps.proposed} awaiting the operator's decision, ${steps.confirmed} confirmed, ${steps.dismissed} dismissed`);
  }

  // The overdue story's actions fall due shortly after their signing: let the journeys' timers fire first.
  const lastDue = Math.max(0, ...overdueDue);
  if (lastDue > Date.now()) {
    log(`[demo] waiting ${Math.ceil((lastDue - Date.now()) / 1000)} s for the last overdue action to fall due`);
    await new Promise((resolve) => setTimeout(resolve, lastDue - Date.now() + 3000));
  }

  // What the API now says, for the demo's offices (the read model follows the journeys within moments).
  // The import's people start under GOL, in its assessment (which chooses the path), beside the plan's journeys.
  const expected = expectedCounts(plan);
  expected.byStage.assessment = (expected.byStage.assessment ?? 0) + imported.planned;
  expected.byProgramme[IMPORT_PROGRAMME] = (expected.byProgramme[IMPORT_PROGRAMME] ?? 0) + imported.planned;
  // Every journey expected (the plan's, the episodes its transfers open, the import's) listed before counting.
  const counts = await countJourneys(api, admin, Object.values(expected.byStage).reduce((sum, n) => sum + n, 0));
  log(`[demo] done in ${elapsed(started)}: ${tally.started} journeys started, ${tally.existing} already there, ${tally.refused} refused; ${tally.commands} commands; ${api.stats.requests} requests (${api.stats.rateLimited} waited for the rate limit)`);
  log(`[demo] journeys of the demo's offices: ${counts.total} (${counts.open} open)`);
  log(`[demo]   by stage:     ${format(counts.byStage)}`);
  log(`[demo]   by programme: ${format(counts.byProgramme)}`);
  log(`[demo]   overdue: ${counts.overdue}, stalled: ${counts.stalled}, awaiting acceptance: ${counts.awaitingAcceptance}, placed: ${counts.placed}`);
  log(`[demo]   planned stories: ${format(expected.byStory)}`);
  if (refusals.length > 0) {
    log(`[demo] ${refusals.length} commands refused by the journeys' rules (the story stopped there):`);
    for (const line of refusals.slice(0, 30)) log(`[demo]   ${line}`);
    if (refusals.length > 30) log(`[demo]   … and ${refusals.length - 30} more`);
  }
  // A machine-readable last line, for scripts and the demo's test.
  const { planned: _planned, ...importResult } = imported;
  void _planned;
  log(`DEMO_RESULT ${JSON.stringify({ ...tally, refusals: refusals.length, counts, expected, steps, import: importResult })}`);
}

interface ImportResult {
  batchId: string;
  rows: number;
  ok: number;
  refused: number;
  started: number;
  refusedAtRun: number;
  /** The report's refused lines (line numbers only: the report's fiscal codes stay out of the log). */
  reportLines: number[];
  /** The journeys the list takes in charge (started by this run or the first one). */
  planned: number;
}

/**
 * Uploads the demo's list (`POST /imports`, the CSV's bytes), runs it (`POST /imports/{id}/run`), waits for the end
 * (`GET /imports/{id}`) and reads its report. A second demo run uploads the same file again: its rows are refused by
 * the preview (the people have open journeys), so the run finishes starting nothing.
 */
async function runImport(
  api: DemoApi,
  seed: number,
  today: string,
  plan: ReturnType<typeof makePlan>,
  staff: ReturnType<typeof makeStaff>,
  tokens: Map<string, string>,
  log: (line: string) => void,
): Promise<ImportResult> {
  const list = makeImportList(seed, today, new Set(plan.journeys.map((j) => j.person.fiscalCode)));
  const uploader = staff.find((s) => s.officeId === IMPORT_OFFICE && s.role === 'operator');
  const token = uploader && tokens.get(uploader.staffId);
  if (!token) throw new Error(`no operator of ${IMPORT_OFFICE} to upload the demo's list`);
  const upload = await api.call<{ batchId: string; counts: { rows: number; ok: number; refused: number } }>('POST', '/imports', { token, file: { content: list.csv, type: 'text/csv' } });
  if (upload.status !== 201) throw new Error(`POST /imports refused the demo's list: ${describe(upload)}`);
  const { batchId, counts } = upload.body;
  log(`[demo] import: ${counts.rows} rows uploaded to ${IMPORT_OFFICE}, preview ${counts.ok} accepted, ${counts.refused} refused`);
  const run = await api.call('POST', `/imports/${batchId}/run`, { token });
  if (run.status !== 202) throw new Error(`POST /imports/${batchId}/run refused: ${describe(run)}`);
  const until = Date.now() + 10 * 60_000;
  let batch: { status: string; counts: { processed: number; started: number; refusedAtRun: number; ok: number } };
  for (;;) {
    const answer = await api.call('GET', `/imports/${batchId}`, { token });
    if (answer.status !== 200) throw new Error(`GET /imports/${batchId}: ${describe(answer)}`);
    batch = answer.body;
    if (batch.status === 'finished') break;
    if (Date.now() > until) throw new Error(`the import ${batchId} did not finish within 10 minutes (${batch.counts.processed}/${batch.counts.ok} rows)`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const report = await fetch(`${api.baseUrl}/imports/${batchId}/report`, { headers: { authorization: `Bearer ${token}` } });
  if (report.status !== 200) throw new Error(`GET /imports/${batchId}/report answered ${report.status}`);
  const reportLines = (await report.text())
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => Number(line.split(';')[0]));
  log(`[demo] import finished: ${batch.counts.started} journeys started, ${batch.counts.refusedAtRun} refused at the run; the report lists lines ${reportLines.join(', ') || 'none'}`);
  return { batchId, rows: counts.rows, ok: counts.ok, refused: counts.refused, started: batch.counts.started, refusedAtRun: batch.counts.refusedAtRun, reportLines, planned: list.people.length };
}

interface Counts {
  total: number;
  open: number;
  overdue: number;
  stalled: number;
  awaitingAcceptance: number;
  placed: number;
  byStage: Record<string, number>;
  byProgramme: Record<string, number>;
}

/** Every journey of the demo's offices, page by page, counted; polled until at least `wanted` are listed (or 60 s). */
async function countJourneys(api: DemoApi, token: string, wanted: number): Promise<Counts> {
  const until = Date.now() + 60_000;
  for (;;) {
    const counts: Counts = { total: 0, open: 0, overdue: 0, stalled: 0, awaitingAcceptance: 0, placed: 0, byStage: {}, byProgramme: {} };
    for (const office of DEMO_OFFICES) {
      for (let page = 1; ; page++) {
        const answer = await api.call('GET', `/journeys?officeId=${office.officeId}&page=${page}&pageSize=100`, { token });
        if (answer.status !== 200) throw new Error(`GET /journeys?officeId=${office.officeId}: ${describe(answer)}`);
        const items = answer.body.items as {
          stage: string;
          status: string;
          programmeCode: string;
          overdueActionCount: number;
          stalledSince: string | null;
          pactVersionAwaitingAcceptance: number | null;
          closureReason: string | null;
        }[];
        for (const j of items) {
          counts.total++;
          if (j.status === 'open') counts.open++;
          if (j.overdueActionCount > 0) counts.overdue++;
          if (j.stalledSince) counts.stalled++;
          if (j.pactVersionAwaitingAcceptance !== null) counts.awaitingAcceptance++;
          if (j.closureReason === 'placed') counts.placed++;
          counts.byStage[j.stage] = (counts.byStage[j.stage] ?? 0) + 1;
          counts.byProgramme[j.programmeCode] = (counts.byProgramme[j.programmeCode] ?? 0) + 1;
        }
        if (items.length < 100) break;
      }
    }
    if (counts.total >= wanted || Date.now() > until) return counts;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const format = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const elapsed = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
