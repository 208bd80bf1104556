import { DEFAULT_SIZES, FULL_SIZES, SCENARIO_NAMES, type ScenarioName, type Sizes } from './scenarios/scenario';
import { findVariant, VARIANTS, type Variant } from './variants';

export interface BenchOptions {
  full: boolean;
  /** `default`, `full`, or `custom` when a --size changed one. */
  sizeLabel: 'default' | 'full' | 'custom';
  runs: number;
  /** Rounds of the variants, interleaved (A B A B …); each figure then has runs × rounds runs. */
  rounds: number;
  scenarios: ScenarioName[];
  out?: string;
  concurrency: number;
  sizes: Sizes;
  variants: Variant[];
  /** Run on the Temporal server built from its Go module, on the bench's PostgreSQL, instead of the dev server. */
  cluster: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

Starts its own stack (Temporal dev server on a SQLite file in a temp folder, embedded PostgreSQL, the built worker
and API) unless TEMPORAL_ADDRESS / DATABASE_URL are set, runs the scenarios, prints a table and writes it as JSON and
Markdown. Not part of the test suite.

  --full                  the issue's sizes (10,000-journey timer storm, 100,000 journeys / 1,000,000 events, ...)
  --runs N                runs per figure (default 3): each figure is reported as median [min–max]
  --scenarios a,b         any of ${SCENARIO_NAMES.join(', ')} (default: all)
  --out DIR               where JSON, Markdown and logs go (default: <repo>/bench-results)
  --concurrency N         requests in flight where a scenario drives load (default 10)
  --size key=value        override one size (repeatable), e.g. --size timers=1000; keys: ${Object.keys(DEFAULT_SIZES).join(', ')}
  --headroom              run the scenarios once per engine variant and compare them (default scenarios: starts,
                          commands, timers); variants: ${VARIANTS.map((v) => v.name).join(', ')}
  --variants a,b          the variants to run (implies --headroom when more than one; default: defaults)
  --rounds N              run the variants N times in turn (A B A B …), each with a fresh stack and --runs runs, so
                          a shared machine's changing load spreads over all variants (default 1)
  --cluster               run on the Temporal server built from its Go module (infra/src/temporal-cluster.ts) on the
                          bench's PostgreSQL, 4 history shards, instead of the dev server (the baseline too); a server
                          given by TEMPORAL_ADDRESS is used as it is (a cluster elsewhere)
  --help                  this text`;

export function parseOptions(argv: string[]): BenchOptions {
  let full = false;
  let runs = 3;
  let rounds = 1;
  let scenarios: ScenarioName[] | undefined;
  let out: string | undefined;
  let concurrency = 10;
  let headroom = false;
  let variantNames: string[] | undefined;
  let help = false;
  let cluster = false;
  const overrides: Partial<Record<keyof Sizes, number>> = {};
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const positive = (text: string, flag: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--full':
        full = true;
        break;
      case '--runs':
        runs = positive(value(i++, arg), arg);
        break;
      case '--rounds':
        rounds = positive(value(i++, arg), arg);
        break;
      case '--scenarios':
        scenarios = value(i++, arg).split(',').map((s) => {
          if (!(SCENARIO_NAMES as readonly string[]).includes(s)) throw new Error(`unknown scenario "${s}"; known: ${SCENARIO_NAMES.join(', ')}`);
          return s as ScenarioName;
        });
        break;
      case '--out':
        out = value(i++, arg);
        break;
      case '--concurrency':
        concurrency = positive(value(i++, arg), arg);
        break;
      case '--size': {
        const [key, raw] = value(i++, arg).split('=');
        if (!(key in DEFAULT_SIZES) || raw === undefined) throw new Error(`--size takes key=value with key one of ${Object.keys(DEFAULT_SIZES).join(', ')}`);
        overrides[key as keyof Sizes] = positive(raw, `--size ${key}`);
        break;
      }
      case '--headroom':
        headroom = true;
        break;
      case '--variants':
        variantNames = value(i++, arg).split(',');
        break;
      case '--cluster':
        cluster = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`unknown option "${arg}"\n\n${USAGE}`);
    }
  }
  const variants = (variantNames ?? (headroom ? VARIANTS.map((v) => v.name) : ['defaults'])).map(findVariant);
  // The variants change the dev server's store and flags, which the cluster does not take.
  if (cluster && variants.some((v) => v.name !== 'defaults')) throw new Error('--cluster runs the defaults variant only: the variants tune the dev server');
  const comparing = variants.length > 1;
  return {
    full,
    sizeLabel: Object.keys(overrides).length > 0 ? 'custom' : full ? 'full' : 'default',
    runs,
    rounds,
    scenarios: scenarios ?? (comparing ? ['starts', 'commands', 'timers'] : [...SCENARIO_NAMES]),
    out,
    concurrency,
    sizes: { ...(full ? FULL_SIZES : DEFAULT_SIZES), ...overrides },
    variants,
    cluster,
    help,
  };
}
