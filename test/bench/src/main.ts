/**
 * `npm run bench`: benchmarks of the journey engine, each product figure next to a bare Temporal baseline measured in
 * the same run on the same server. See test/bench/README.md. Not part of the test suite: nothing here asserts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { findRepoRoot } from '@sal/infra';
import { People } from './journeys';
import { CpuMeter, describeMachine, filesystemOf, loadAverage, temporalCliVersion, type MachineInfo } from './machine';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { fmt, printReport, writeReport, type BenchReport, type VariantReport } from './report';
import { Results, type Measurement } from './results';
import { commandsScenario } from './scenarios/commands';
import { makeFootprintScenario } from './scenarios/footprint';
import { makeQueriesScenario } from './scenarios/queries';
import type { BenchContext, Scenario, ScenarioName } from './scenarios/scenario';
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
    runs: options.runs,
    concurrency: options.concurrency,
    sizes: options.sizes,
    machine,
    variants: [],
  };
  for (const variant of options.variants) {
    if (stopping) break;
    report.variants.push(await runVariant(variant, options, { root, logsDir: path.join(logsDir, variant.name), baselineBundlePath, machine, stamp }));
  }
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

async function runVariant(variant: Variant, options: BenchOptions, env: RunEnv): Promise<VariantReport> {
  const started = Date.now();
  const loadStart = loadAverage();
  const results = new Results();
  const cpu: Record<string, Record<string, number>> = {};
  const tag = `${env.stamp.slice(0, 19).replace(/[^0-9]/g, '')}-${variant.name.replace(/[^a-z0-9]/g, '')}`;
  fs.mkdirSync(env.logsDir, { recursive: true });
  let stack: Stack | undefined;
  let error: string | undefined;
  try {
    say(`[bench] variant ${variant.name}: starting the stack (${variant.description})`);
    stack = await startStack({ root: env.root, variant, logsDir: env.logsDir, baselineBundlePath: env.baselineBundlePath, tag, log: (line) => say(`[stack] ${line}`) });
    current = stack;
    await describeStack(stack, env.machine);
    const ctx: BenchContext = { stack, sizes: options.sizes, concurrency: options.concurrency, tag, people: new People(Date.now()), results, log: (line) => say(`[bench] ${line}`) };
    for (const name of options.scenarios) {
      if (stopping) break;
      const scenario = makeScenario(name);
      const meter = new CpuMeter(() => stack!.pids());
      const scenarioStarted = Date.now();
      try {
        if (scenario.setup) {
          say(`[bench] ${scenario.title}: set-up`);
          await scenario.setup(ctx);
        }
        for (let run = 0; run < options.runs && !stopping; run++) {
          say(`[bench] ${scenario.title}: run ${run + 1}/${options.runs} (load ${loadAverage().join(' / ')})`);
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
      results.note(name, `took ${Math.round((Date.now() - scenarioStarted) / 1000)} s, set-up included (load average at the end ${loadAverage().join(' / ')})`);
      cpu[name] = meter.stop();
    }
  } catch (e) {
    error = (e as Error).message;
    say(`[bench] variant ${variant.name} failed: ${(e as Error).stack ?? error}`);
  } finally {
    say(`[bench] variant ${variant.name}: stopping the stack`);
    await stack?.stop();
    current = undefined;
  }
  return {
    variant,
    temporal: stack?.temporal.description ?? 'not started',
    postgres: stack?.postgres.description ?? 'not started',
    figures: results.summaries(),
    notes: Object.fromEntries(results.notes),
    cpu,
    loadAverage: { start: loadStart, end: loadAverage() },
    seconds: (Date.now() - started) / 1000,
    ...(error ? { error } : {}),
  };
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
