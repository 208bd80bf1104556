/**
 * `npm run bench`: benchmarks of the journey engine, each product figure next to a bare Temporal baseline measured in
 * the same run on the same server. See test/bench/README.md. Not part of the test suite: nothing here asserts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { findRepoRoot } from '@sal/infra';
import { People, setUpRetryCount } from './journeys';
import { CpuMeter, describeMachine, filesystemOf, loadAverage, temporalCliVersion, type MachineInfo } from './machine';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { fmt, printReport, writeReport, type BenchReport, type VariantReport } from './report';
import { Results, type Measurement } from './results';
import { commandsScenario } from './scenarios/commands';
import { makeFootprintScenario } from './scenarios/footprint';
import { makeQueriesScenario } from './scenarios/queries';
import type { BenchContext, Scenario, ScenarioName } from './scenarios/scenario';
import { importsScenario } from './scenarios/imports';
import { startsScenario } from './scenarios/starts';
import { makeTimersScenario } from './scenarios/timers';
import { startStack, type Stack } from './stack';
import type { Variant } from './variants';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function makeScenario(name: ScenarioName): Scenario {
  switch (name) {
    case 'starts':
      return startsScenario;
    case 'commands':
      return commandsScenario;
    case 'timers':
      return makeTimersScenario();
    case 'queries':
      return makeQueriesScenario();
    case 'footprint':
      return makeFootprintScenario();
    case 'imports':
      return importsScenario;
  }
}

let current: Stack | undefined;
let stopping = false;
let firstSignalAt = 0;
/** One Ctrl-C can reach us twice (the terminal's process group, and scripts/bench.cjs forwarding it). */
const DUPLICATE_SIGNAL_WINDOW_MS = 1_000;

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_WINDOW_MS) return;
    say('[bench] forced exit');
    process.exit(130);
  }
  stopping = true;
  firstSignalAt = Date.now();
  say(`[bench] ${signal}: stopping everything the bench started (again to force)…`);
  void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    say(USAGE);
    return;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const root = findRepoRoot(__dirname);
  const outDir = path.resolve(options.out ?? path.join(root, 'bench-results'));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logsDir = path.join(outDir, `logs-${stamp}`);
  fs.mkdirSync(logsDir, { recursive: true });
  Runtime.install({ logger: new DefaultLogger('WARN') });

  const started = Date.now();
  const machine = describeMachine();
  say(`[bench] ${machine.cpus} cores, ${machine.totalMemoryGiB} GiB, load ${machine.loadAverageAtStart.join(' / ')}; ${options.sizeLabel} sizes, ${options.runs} runs; logs in ${logsDir}`);
  const baselineBundlePath = await bundleBaselineWorkflows();
  const report: BenchReport = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    size: options.sizeLabel,
    seconds: 0,
    runs: options.runs * options.rounds,
    concurrency: options.concurrency,
    sizes: options.sizes,
    machine,
    variants: [],
  };
  const states = options.variants.map(newState);
  for (let round = 0; round < options.rounds && !stopping; round++) {
    for (const state of states) {
      if (stopping) break;
      await runVariant(state, round, options, { root, logsDir: path.join(logsDir, state.variant.name), baselineBundlePath, machine, stamp });
    }
  }
  report.variants = states.map(toReport);
  machine.loadAverageAtEnd = loadAverage();
  report.finishedAt = new Date().toISOString();
  report.seconds = (Date.now() - started) / 1000;
  printReport(report, say);
  const files = writeReport(report, outDir, stamp);
  say(`\n[bench] written ${files.json} and ${files.markdown}`);
  if (report.variants.some((v) => v.error)) process.exitCode = 1;
}

/** Bundles the baseline workflows once per invocation (the product's bundle is prebuilt by build:bundle). */
async function bundleBaselineWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./baseline-workflows'), logger: new DefaultLogger('WARN') });
  const file = path.join(__dirname, 'baseline-workflow-bundle.js');
  fs.writeFileSync(file, code);
  return file;
}

interface RunEnv {
  root: string;
  logsDir: string;
  baselineBundlePath: string;
  machine: MachineInfo;
  stamp: string;
}

/** What one variant accumulates over its rounds. */
interface VariantState {
  variant: Variant;
  results: Results;
  cpu: Record<string, Record<string, number>>;
  temporal: string;
  postgres: string;
  loadStart?: number[];
  loadEnd?: number[];
  seconds: number;
  errors: string[];
}

function newState(variant: Variant): VariantState {
  return { variant, results: new Results(), cpu: {}, temporal: 'not started', postgres: 'not started', seconds: 0, errors: [] };
}

function toReport(s: VariantState): VariantReport {
  return {
    variant: s.variant,
    temporal: s.temporal,
    postgres: s.postgres,
    figures: s.results.summaries(),
    notes: Object.fromEntries(s.results.notes),
    cpu: s.cpu,
    loadAverage: { start: s.loadStart ?? [], end: s.loadEnd ?? [] },
    seconds: s.seconds,
    ...(s.errors.length > 0 ? { error: s.errors.join('; ') } : {}),
  };
}

/**
 * One round of one variant: a fresh stack, every scenario with `options.runs` runs (numbered after the runs of the
 * earlier rounds), then the stack stopped. Several rounds interleave the variants (A B A B …), so a drift of a shared
 * machine's load spreads over all of them instead of favouring whichever ran at a quiet moment.
 */
async function runVariant(state: VariantState, round: number, options: BenchOptions, env: RunEnv): Promise<void> {
  const { variant, results } = state;
  const started = Date.now();
  state.loadStart ??= loadAverage();
  const tag = `${env.stamp.slice(0, 19).replace(/[^0-9]/g, '')}-${variant.name.replace(/[^a-z0-9]/g, '')}-r${round + 1}`;
  const logsDir = path.join(env.logsDir, options.rounds > 1 ? `round-${round + 1}` : '');
  fs.mkdirSync(logsDir, { recursive: true });
  let stack: Stack | undefined;
  try {
    say(`[bench] variant ${variant.name}${options.rounds > 1 ? `, round ${round + 1}/${options.rounds}` : ''}: starting the stack (${options.cluster ? 'the Go-built Temporal server on PostgreSQL (--cluster); apps as npm start' : variant.description})`);
    stack = await startStack({ root: env.root, variant, logsDir, baselineBundlePath: env.baselineBundlePath, tag, cluster: options.cluster, log: (line) => say(`[stack] ${line}`) });
    current = stack;
    state.temporal = stack.temporal.description;
    state.postgres = stack.postgres.description;
    await describeStack(stack, env.machine);
    const ctx: BenchContext = { stack, sizes: options.sizes, concurrency: options.concurrency, tag, people: new People(Date.now()), results, log: (line) => say(`[bench] ${line}`), logsDir };
    for (const name of options.scenarios) {
      if (stopping) break;
      const scenario = makeScenario(name);
      const meter = new CpuMeter(() => stack!.pids());
      const scenarioStarted = Date.now();
      const retriesBefore = setUpRetryCount();
      try {
        if (scenario.setup) {
          say(`[bench] ${scenario.title}: set-up`);
          await scenario.setup(ctx);
        }
        for (let i = 0; i < options.runs && !stopping; i++) {
          const run = round * options.runs + i;
          say(`[bench] ${scenario.title}: run ${run + 1}/${options.runs * options.rounds} (load ${loadAverage().join(' / ')})`);
          const measured = await scenario.run(ctx, run);
          results.add(run, measured);
          for (const line of runLines(measured)) say(`          ${line}`);
        }
      } catch (e) {
        say(`[bench] ${scenario.title} failed: ${(e as Error).stack ?? String(e)}`);
        results.note(name, `FAILED: ${(e as Error).message}`);
      } finally {
        await scenario.teardown?.(ctx).catch((e: unknown) => results.note(name, `teardown failed: ${(e as Error).message}`));
      }
      const retried = setUpRetryCount() - retriesBefore;
      if (retried > 0) results.note(name, `${retried} set-up requests (untimed) were answered 503 by the overloaded API and sent again${options.rounds > 1 ? ` in round ${round + 1}` : ''}`);
      results.note(name, `took ${Math.round((Date.now() - scenarioStarted) / 1000)} s${options.rounds > 1 ? ` in round ${round + 1}` : ''}, set-up included (load average at the end ${loadAverage().join(' / ')})`);
      const used = meter.stop();
      const total = (state.cpu[name] ??= {});
      for (const [process, seconds] of Object.entries(used)) total[process] = Math.round(((total[process] ?? 0) + seconds) * 10) / 10;
    }
  } catch (e) {
    state.errors.push((e as Error).message);
    say(`[bench] variant ${variant.name} failed: ${(e as Error).stack ?? (e as Error).message}`);
  } finally {
    say(`[bench] variant ${variant.name}: stopping the stack`);
    await stack?.stop();
    current = undefined;
    state.loadEnd = loadAverage();
    state.seconds += (Date.now() - started) / 1000;
  }
}

/** Versions of what actually answered, recorded once (the first variant). */
async function describeStack(stack: Stack, machine: MachineInfo): Promise<void> {
  if (machine.temporalServer) return;
  const info = await stack.client.workflowService.getSystemInfo({});
  machine.temporalServer = info.serverVersion ?? 'unknown';
  if (stack.temporal.cliPath) machine.temporalCli = temporalCliVersion(stack.temporal.cliPath);
  const [row] = (await stack.db.query('SELECT version() AS version')) as { version: string }[];
  machine.postgres = row.version;
  machine.dataFilesystem = filesystemOf(stack.dataDir);
}

function runLines(measured: Measurement[]): string[] {
  return measured.map((m) => {
    const ratio = m.product !== undefined && m.baseline !== undefined ? `  (${fmt(m.product / m.baseline)}×)` : '';
    return `${m.figure}: product ${fmt(m.product ?? Number.NaN)} ${m.unit}, baseline ${fmt(m.baseline ?? Number.NaN)} ${m.unit}${ratio}`;
  });
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
});
