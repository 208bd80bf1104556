import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * `npm run demo` (test/demo) against the built API and worker on a real Temporal dev server and PostgreSQL, with
 * journeys refused at offices the directory does not list (the production default): a small region (30 journeys) is
 * filled through the API, its journeys are where the plan says (by stage and by programme, read back through the
 * API), conditionality steps proposed by the journeys and confirmed or dismissed by the CPI operators, a finished import (the demo's CSV list uploaded, run to its end, its two refused rows in the report), and a
 * second run with the same seed starts none, its import (the same file again) starts nothing twice, and no count changes.
 */

const product = productForFile({ API_UNLISTED_OFFICES: 'refuse' });
const admin = product.as();
const ROOT = join(__dirname, '..', '..');
const JOURNEYS = 30;
const SEED = 7;
const OFFICE_IDS = ['CPI-TO-01', 'CPI-TO-03', 'CPI-NO-01', 'CPI-CN-01', 'CPI-AL-01', 'ACC-TO-01', 'CPI-RM-01', 'CPI-RM-02', 'CPI-LT-01', 'CPI-FR-01', 'CPI-VT-01'];

interface DemoResult {
  started: number;
  existing: number;
  refused: number;
  commands: number;
  refusals: number;
  counts: { total: number; overdue: number; placed: number; awaitingAcceptance: number; byStage: Record<string, number>; byProgramme: Record<string, number> };
  expected: { byStage: Record<string, number>; byProgramme: Record<string, number>; byStory: Record<string, number> };
  steps: { proposed: number; confirmed: number; dismissed: number };
  import: { batchId: string; rows: number; ok: number; refused: number; started: number; refusedAtRun: number; reportLines: number[] };
}

/** The demo's list: 12 people of CPI-RM-01 on lines 2-13, line 14 the person of line 3 again, line 15 a wrong check character. */
const IMPORT = { rows: 14, people: 12, office: 'CPI-RM-01' };

/** Runs `npm run demo` (its script: build, then the generator) and answers its last line's result and its output. */
function runDemo(): Promise<{ result: DemoResult; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/demo.cjs'), '--api', product.stack.baseUrl, '--journeys', String(JOURNEYS), '--seed', String(SEED), '--concurrency', '3', '--progress-every', '10'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('DEMO_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`npm run demo exited with ${code}:\n${output}`));
      resolve({ result: JSON.parse(line.slice('DEMO_RESULT '.length)) as DemoResult, output });
    });
  });
}

function ok(answer: HttpAnswer): any {
  expect([answer.status, answer.status === 200 ? undefined : answer.body]).toEqual([200, undefined]);
  return answer.body;
}

/** The conditionality steps of the demo's offices (supervisor view), and how many in each status. */
async function conditionalitySteps(offices: string): Promise<{ items: { programmeCode: string; ladder: string; status: string; effect: string; decidedBy: string | null }[]; counts: Record<string, number> }> {
  const items = ok(await admin('GET', `/supervisor/conditionality-steps?${offices}&pageSize=100`)).items;
  const counts: Record<string, number> = { proposed: 0, confirmed: 0, dismissed: 0 };
  for (const step of items) counts[step.status] = (counts[step.status] ?? 0) + 1;
  return { items, counts };
}

const total = async (query: string): Promise<number> => ok(await admin('GET', `/journeys?${query}&pageSize=1`)).total as number;

describe('npm run demo: a lived-in region through the API', () => {
  let first: DemoResult;

  it('fills offices, staff and journeys in every stage and GOL path, as planned', async () => {
    const run = await runDemo();
    first = run.result;
    expect(run.output).toMatch(/\[demo\] 10\/30 journeys/);
    // Every planned journey started and no command was refused: the stories follow the domain's rules.
    expect([first.started, first.existing, first.refused, first.refusals, run.output.includes('refused by the journeys') ? run.output : '']).toEqual([JOURNEYS, 0, 0, 0, '']);

    // Read back through the API: the journeys by stage and by programme are the plan's.
    const stages = ['awaiting_intake', 'assessment', 'awaiting_pact', 'pact_active', 'suspended', 'closed'];
    const byStage: Record<string, number> = {};
    for (const stage of stages) byStage[stage] = await total(`stage=${stage}`);
    expect(Object.fromEntries(Object.entries(byStage).filter(([, n]) => n > 0))).toEqual(first.expected.byStage);
    for (const stage of stages) expect(byStage[stage]).toBeGreaterThan(0);
    const programmes = ['GOL', 'GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5', 'ADI', 'SFL', 'DEMO-CONDIZ'];
    const byProgramme: Record<string, number> = {};
    for (const code of programmes) byProgramme[code] = await total(`programmeCode=${code}`);
    expect(Object.fromEntries(Object.entries(byProgramme).filter(([, n]) => n > 0))).toEqual(first.expected.byProgramme);
    for (const code of programmes) expect(byProgramme[code]).toBeGreaterThan(0);
    expect(first.counts.byStage).toEqual(first.expected.byStage);

    // Overdue actions, placements, pacts awaiting acceptance, held and missed appointments (with an excuse or not).
    await eventually(async () => (await total('overdue=true')) >= first.expected.byStory.overdue_action, 'the overdue actions to show', { timeoutMs: 60_000, intervalMs: 1000 });
    const placed = ok(await admin('GET', '/journeys?stage=closed&pageSize=100')).items.filter((j: any) => j.closureReason === 'placed');
    expect(placed.length).toBe(first.expected.byStory.placed);
    const offices = OFFICE_IDS.map((id) => `officeId=${id}`).join('&');
    const held = ok(await admin('GET', `/supervisor/appointments?${offices}&status=held&pageSize=100`)).items;
    const missed = ok(await admin('GET', `/supervisor/appointments?${offices}&status=no_show&pageSize=100`)).items;
    // The missed ones: the appointment_missed story's and the conditionality stories' (each misses its interview).
    const stepStories = first.expected.byStory.step_proposed + first.expected.byStory.step_confirmed + first.expected.byStory.step_dismissed;
    expect([held.length, missed.length]).toEqual([first.expected.byStory.appointment_held, first.expected.byStory.appointment_missed + stepStories]);

    // Conditionality: missed interviews without an excuse led the journeys to propose steps (NASpI recipients convened
    // by PEC); the CPI operators confirmed some (the first cut of the appointments ladder) and dismissed one, the others wait.
    const stepsNow = await conditionalitySteps(offices);
    expect(first.steps).toEqual({ proposed: first.expected.byStory.step_proposed, confirmed: first.expected.byStory.step_confirmed, dismissed: first.expected.byStory.step_dismissed });
    expect(first.steps.proposed * first.steps.confirmed * first.steps.dismissed).toBeGreaterThan(0);
    expect(stepsNow.counts).toEqual(first.steps);
    for (const step of stepsNow.items) expect([step.programmeCode, step.ladder]).toEqual(['DEMO-CONDIZ', 'appointments']);
    expect(stepsNow.items.filter((s) => s.status === 'confirmed').map((s) => [s.effect, s.decidedBy?.startsWith('op.')])).toEqual(
      Array.from({ length: first.steps.confirmed }, () => ['quarter_month_cut', true]),
    );

    // The directory: the offices of both regions (with a calendar) and their staff.
    const list = ok(await admin('GET', '/offices')) as { officeId: string; region: string; calendar: { annual: unknown[] } }[];
    expect(list.filter((o) => o.region === 'piemonte').length).toBeGreaterThanOrEqual(5);
    expect(list.filter((o) => o.region === 'lazio').length).toBeGreaterThanOrEqual(5);
    expect(list.find((o) => o.officeId === 'CPI-VT-01')?.calendar.annual).toEqual([{ monthDay: '09-04', name: 'Santa Rosa da Viterbo' }]);
    const staff = ok(await admin('GET', '/staff?officeId=CPI-NO-01')) as { role: string }[];
    expect(staff.map((s) => s.role).sort()).toEqual(['operator', 'operator', 'operator', 'operator', 'supervisor']);

    // The finished import: its people started under GOL, the two bad rows refused with their reasons and in the report.
    expect(run.output).toMatch(/\[demo\] import finished: 12 journeys started/);
    expect(first.import).toMatchObject({ rows: IMPORT.rows, ok: IMPORT.people, refused: 2, started: IMPORT.people, refusedAtRun: 0, reportLines: [14, 15] });
    const batch = ok(await admin('GET', `/imports/${first.import.batchId}`));
    expect([batch.status, batch.fileType, batch.counts.processed, batch.counts.started, batch.counts.pending]).toEqual(['finished', 'csv', IMPORT.people, IMPORT.people, 0]);
    const refusedRows = ok(await admin('GET', `/imports/${first.import.batchId}/rows?verdict=refused`)).items as { line: number; reason: string; reasonCode: string }[];
    expect(refusedRows.map((r) => [r.line, r.reasonCode])).toEqual([[14, 'duplicate_in_file'], [15, 'invalid_fiscal_code']]);
    expect(refusedRows[0].reason).toBe('the same person as line 3');
    expect(refusedRows[1].reason).toContain('wrong check character');
    const startedRows = ok(await admin('GET', `/imports/${first.import.batchId}/rows?verdict=started&limit=100`)).items as { journeyId: string | null }[];
    expect(startedRows).toHaveLength(IMPORT.people);
    const imported = ok(await admin('GET', `/journeys/${startedRows[0].journeyId}`));
    expect([imported.officeId, imported.programmeCode]).toEqual([IMPORT.office, 'GOL']);
  }, 900_000);

  it('run again with the same seed, starts nothing and changes no count', async () => {
    expect(first).toBeDefined();
    const { result: second } = await runDemo();
    expect([second.started, second.existing, second.refused, second.refusals]).toEqual([0, JOURNEYS, 0, 0]);
    expect(second.counts.total).toBe(first.counts.total);
    // The same list uploaded again: every row refused by the preview, the run finished, nothing started twice.
    expect(second.import).toMatchObject({ rows: IMPORT.rows, ok: 0, refused: IMPORT.rows, started: 0, refusedAtRun: 0 });
    expect(second.import.batchId).not.toBe(first.import.batchId);
    expect(second.import.reportLines).toEqual(Array.from({ length: IMPORT.rows }, (_, i) => i + 2));
    expect(ok(await admin('GET', `/imports/${second.import.batchId}`)).status).toBe('finished');
    expect(second.counts.byStage).toEqual(first.counts.byStage);
    expect(second.counts.byProgramme).toEqual(first.counts.byProgramme);
    // No step proposed or decided twice.
    expect(second.steps).toEqual({ proposed: 0, confirmed: 0, dismissed: 0 });
    expect((await conditionalitySteps(OFFICE_IDS.map((id) => `officeId=${id}`).join('&'))).counts).toEqual(first.steps);
  }, 600_000);
});
