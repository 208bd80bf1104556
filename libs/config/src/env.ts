import type { z } from 'zod';

/**
 * One environment variable: how its text is parsed (a zod schema from text to value), its default, what it means,
 * and the names it had before (they keep working one release, with a warning).
 */
export interface Variable<T = unknown, HasDefault extends boolean = boolean> {
  readonly schema: z.ZodType<T>;
  readonly description: string;
  /** Taken when the variable is unset or blank. */
  readonly default?: T;
  /** How the default reads in the documentation when it is not the plain value (e.g. "the development key"). */
  readonly defaultText?: string;
  /** Earlier names of this variable, still read (with a warning) when the variable itself is unset. */
  readonly replaces?: readonly string[];
  /** Never repeat the value in a message (passwords, keys, URLs with credentials). */
  readonly secret?: boolean;
  /** Type-level only: whether a value is always there. */
  readonly __hasDefault?: HasDefault;
}

export interface VariableOptions {
  description: string;
  defaultText?: string;
  replaces?: readonly string[];
  secret?: boolean;
}

/** Declares a variable with a default: its value is always there. */
export function variable<T>(schema: z.ZodType<T>, options: VariableOptions & { default: T }): Variable<T, true>;
/** Declares a variable without a default: its value is `undefined` when unset or blank. */
export function variable<T>(schema: z.ZodType<T>, options: VariableOptions): Variable<T, false>;
export function variable<T>(schema: z.ZodType<T>, options: VariableOptions & { default?: T }): Variable<T> {
  return { schema, ...options };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Variables = Record<string, Variable<any, boolean>>;

/** The values a schema reads: each variable's parsed value, `undefined` when it has no default and is unset. */
export type EnvValues<V extends Variables> = {
  [K in keyof V]: V[K] extends Variable<infer T, infer D> ? (D extends true ? T : T | undefined) : never;
};

/** A rule over several variables; it reports a problem against the variable to change. */
export type EnvCheck<V extends Variables> = (values: EnvValues<V>, problem: (variable: keyof V & string, message: string) => void) => void;

/** The variables of one part of the product, declared once, with the rules that tie them together. */
export interface EnvSchema<V extends Variables = Variables> {
  readonly variables: V;
  readonly checks: readonly EnvCheck<V>[];
}

export function defineEnv<V extends Variables>(variables: V, ...checks: NoInfer<EnvCheck<V>>[]): EnvSchema<V> {
  return { variables, checks };
}

/** The environment holds values the process cannot run with. Every problem names its variable, all at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

export type Warn = (message: string) => void;

export interface LoadOptions {
  /** Where deprecation warnings go (each one once per process and handler). Default: `console.warn`. */
  warn?: Warn;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = EnvSchema<any>;
type Env = Record<string, string | undefined>;

const defaultWarn: Warn = (message) => console.warn(message);
const warnedBy = new WeakMap<Warn, Set<string>>();

function warnOnce(warn: Warn, message: string): void {
  let warned = warnedBy.get(warn);
  if (!warned) warnedBy.set(warn, (warned = new Set()));
  if (warned.has(message)) return;
  warned.add(message);
  warn(message);
}

interface Raw {
  /** The name the value was read under (the variable's, or an earlier one). */
  from: string;
  value: string;
}

/** The trimmed text of a variable, under its name or else under an earlier one (warned); undefined when blank. */
function readRaw(env: Env, name: string, v: Variable, warn: Warn): Raw | undefined {
  const own = env[name]?.trim();
  for (const old of v.replaces ?? []) {
    const previous = env[old]?.trim();
    if (!previous) continue;
    if (own) {
      warnOnce(warn, `configuration: ${old} is ignored because ${name} is set; remove ${old}`);
      continue;
    }
    warnOnce(warn, `configuration: ${old} is deprecated and will stop working in the next release; rename it ${name}`);
    return { from: old, value: previous };
  }
  return own ? { from: name, value: own } : undefined;
}

/** Stops a check that reads a variable which already failed: its problem is reported, the rule cannot be judged. */
const UNJUDGEABLE = Symbol('reads a variable that failed');

/**
 * Reads every variable of a schema from the environment, then its checks.
 * @returns the parsed values (defaults for unset or blank variables).
 * @throws ConfigurationError naming every variable that is wrong, not only the first.
 */
export function loadEnv<V extends Variables>(schema: EnvSchema<V>, env: Env = process.env, options: LoadOptions = {}): EnvValues<V> {
  const warn = options.warn ?? defaultWarn;
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  const failed = new Set<string>();
  for (const [name, v] of Object.entries(schema.variables)) {
    const raw = readRaw(env, name, v, warn);
    if (raw === undefined) {
      values[name] = v.default;
      continue;
    }
    const parsed = v.schema.safeParse(raw.value);
    if (parsed.success) {
      values[name] = parsed.data;
      continue;
    }
    failed.add(name);
    const label = raw.from === name ? name : `${raw.from} (now ${name})`;
    const reasons = [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ');
    problems.push(`${label} ${reasons}${v.secret ? '' : `, got '${raw.value}'`}`);
  }
  const view = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string' && failed.has(key)) throw UNJUDGEABLE;
      return target[key as string];
    },
  }) as unknown as EnvValues<V>;
  for (const check of schema.checks) {
    try {
      check(view, (name, message) => problems.push(`${name} ${message}`));
    } catch (error) {
      if (error !== UNJUDGEABLE) throw error;
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return values as unknown as EnvValues<V>;
}

/**
 * The environment as the schemas name it: every earlier name moved to its current one (warned once), blank declared
 * variables removed, values trimmed; everything else as it was. For handing on to a child process or a library that
 * reads the standard names itself.
 */
export function canonicalEnv(schemas: readonly AnySchema[], env: Env = process.env, options: LoadOptions = {}): Record<string, string> {
  const warn = options.warn ?? defaultWarn;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  for (const schema of schemas) {
    for (const [name, v] of Object.entries(schema.variables) as [string, Variable][]) {
      const raw = readRaw(env, name, v, warn);
      for (const old of v.replaces ?? []) delete out[old];
      if (raw === undefined) delete out[name];
      else out[name] = raw.value;
    }
  }
  return out;
}

/**
 * Collects the problems of several loaders (each a schema, or a parser of its own that throws), so a process
 * reports every wrong variable in one message.
 * @example
 * const problems = new ConfigurationProblems();
 * const api = problems.take(() => loadEnv(API_ENV, env));
 * const temporal = problems.take(() => temporalSettings(env));
 * problems.throwIfAny();
 */
export class ConfigurationProblems {
  private readonly problems: string[] = [];

  /** Runs a loader; on failure records its problems and returns undefined (call {@link throwIfAny} before use). */
  take<T>(load: () => T): T | undefined {
    try {
      return load();
    } catch (error) {
      if (error instanceof ConfigurationError) this.problems.push(...error.problems);
      else this.problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  add(problem: string): void {
    this.problems.push(problem);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ConfigurationError(this.problems);
  }
}

/**
 * How a process ends when it cannot start: a configuration problem prints its list (no stack, it is not a bug),
 * anything else the error itself; exit code 1.
 */
export function exitOnStartupFailure(processName: string, error: unknown): never {
  if (error instanceof ConfigurationError) console.error(`${processName}: ${error.message}`);
  else console.error(`${processName}: failed to start:`, error);
  process.exit(1);
}

/** What the documentation of a variable says: for the README's table and `.env.example`, and the test that keeps them true. */
export interface VariableDoc {
  name: string;
  default: string;
  description: string;
  replaces: readonly string[];
}

export function describeEnv(schemas: readonly AnySchema[]): VariableDoc[] {
  return schemas.flatMap((schema) =>
    (Object.entries(schema.variables) as [string, Variable][]).map(([name, v]) => ({
      name,
      default: v.defaultText ?? (v.default === undefined ? '–' : Array.isArray(v.default) ? v.default.join(',') : String(v.default)),
      description: v.description,
      replaces: v.replaces ?? [],
    })),
  );
}

/**
 * The variables (and earlier names) of `schemas` that a README (`NAME` in backquotes) or an `.env.example`
 * (`NAME=`, commented or not) does not mention; the earlier names need only the README.
 */
export function undocumentedVariables(schemas: readonly AnySchema[], docs: { readme: string; envExample: string }): string[] {
  const missing: string[] = [];
  for (const doc of describeEnv(schemas)) {
    if (!docs.readme.includes(`\`${doc.name}\``) || !new RegExp(`^#? ?${doc.name}=`, 'm').test(docs.envExample)) missing.push(doc.name);
    for (const old of doc.replaces) if (!docs.readme.includes(`\`${old}\``)) missing.push(old);
  }
  return missing;
}
