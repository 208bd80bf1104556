import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  canonicalEnv,
  ConfigurationError,
  ConfigurationProblems,
  defineEnv,
  describeEnv,
  loadEnv,
  variable,
} from './env';
import { CODEC_ORIGINS_ENV, DATABASE_ENV } from './deployment';
import { byteSize, commaList, host, hostAndPort, onOff, oneOf, port, readableFile, text, trueFalse, url, wholeNumber } from './values';

const SAMPLE = defineEnv(
  {
    SAMPLE_PORT: variable(port(), { description: 'port', default: 3000 }),
    SAMPLE_HOST: variable(host(), { description: 'host', default: '127.0.0.1' }),
    SAMPLE_TIMEOUT_MS: variable(wholeNumber(100, 10_000), { description: 'timeout', default: 1_000 }),
    SAMPLE_LEASE_MS: variable(wholeNumber(100, 100_000), { description: 'lease', default: 5_000 }),
    SAMPLE_SWITCH: variable(onOff(), { description: 'switch', default: true }),
    SAMPLE_SECRET: variable(text(), { description: 'secret', secret: true }),
    SAMPLE_CERT_PATH: variable(text(), { description: 'cert', replaces: ['SAMPLE_OLD_CERT_PATH', 'SAMPLE_OLDER_CERT'] }),
  },
  (v, problem) => {
    if (v.SAMPLE_LEASE_MS < 4 * v.SAMPLE_TIMEOUT_MS) problem('SAMPLE_LEASE_MS', `must be at least 4 × SAMPLE_TIMEOUT_MS (${4 * v.SAMPLE_TIMEOUT_MS})`);
  },
);

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadEnv', () => {
  it('takes the defaults for unset and blank variables; a variable without one is undefined', () => {
    expect(loadEnv(SAMPLE, { SAMPLE_PORT: '   ', SAMPLE_HOST: '' })).toEqual({
      SAMPLE_PORT: 3000,
      SAMPLE_HOST: '127.0.0.1',
      SAMPLE_TIMEOUT_MS: 1_000,
      SAMPLE_LEASE_MS: 5_000,
      SAMPLE_SWITCH: true,
      SAMPLE_SECRET: undefined,
      SAMPLE_CERT_PATH: undefined,
    });
  });

  it('parses the text of each variable, trimmed', () => {
    const v = loadEnv(SAMPLE, { SAMPLE_PORT: ' 8080 ', SAMPLE_HOST: 'api.example.org', SAMPLE_SWITCH: 'OFF', SAMPLE_SECRET: 's3cret' });
    expect(v).toMatchObject({ SAMPLE_PORT: 8080, SAMPLE_HOST: 'api.example.org', SAMPLE_SWITCH: false, SAMPLE_SECRET: 's3cret' });
  });

  it('names every bad variable at once, with the value it got', () => {
    const problems = problemsOf(() => loadEnv(SAMPLE, { SAMPLE_PORT: '70000', SAMPLE_HOST: 'not a host', SAMPLE_TIMEOUT_MS: 'soon', SAMPLE_SWITCH: 'maybe' }));
    expect(problems).toEqual([
      "SAMPLE_PORT must be a whole number from 1 to 65535, got '70000'",
      "SAMPLE_HOST must be an IP address or a host name, got 'not a host'",
      "SAMPLE_TIMEOUT_MS must be a whole number from 100 to 10000, got 'soon'",
      "SAMPLE_SWITCH must be on or off, got 'maybe'",
    ]);
    expect(() => loadEnv(SAMPLE, { SAMPLE_PORT: 'x' })).toThrow(/invalid configuration:\n {2}- SAMPLE_PORT must be/);
  });

  it('never repeats the value of a secret variable', () => {
    const schema = defineEnv({ SAMPLE_KEY: variable(wholeNumber(1, 2), { description: 'key', secret: true }) });
    expect(problemsOf(() => loadEnv(schema, { SAMPLE_KEY: 'hunter2' }))).toEqual(['SAMPLE_KEY must be a whole number from 1 to 2']);
  });

  it('runs the checks that tie variables together, against the variable to change', () => {
    expect(problemsOf(() => loadEnv(SAMPLE, { SAMPLE_TIMEOUT_MS: '2000', SAMPLE_LEASE_MS: '5000' }))).toEqual([
      'SAMPLE_LEASE_MS must be at least 4 × SAMPLE_TIMEOUT_MS (8000)',
    ]);
  });

  it('skips a check that reads a variable which failed, so only its own problem is reported', () => {
    expect(problemsOf(() => loadEnv(SAMPLE, { SAMPLE_TIMEOUT_MS: '2000', SAMPLE_LEASE_MS: 'long' }))).toEqual([
      "SAMPLE_LEASE_MS must be a whole number from 100 to 100000, got 'long'",
    ]);
  });

  describe('earlier names', () => {
    it('still work, with one warning per process that names the new variable', () => {
      const warnings: string[] = [];
      const warn = (m: string) => warnings.push(m);
      expect(loadEnv(SAMPLE, { SAMPLE_OLD_CERT_PATH: '/c.pem' }, { warn }).SAMPLE_CERT_PATH).toBe('/c.pem');
      expect(loadEnv(SAMPLE, { SAMPLE_OLD_CERT_PATH: '/c.pem' }, { warn }).SAMPLE_CERT_PATH).toBe('/c.pem');
      expect(loadEnv(SAMPLE, { SAMPLE_OLDER_CERT: '/d.pem' }, { warn }).SAMPLE_CERT_PATH).toBe('/d.pem');
      expect(warnings).toEqual([
        'configuration: SAMPLE_OLD_CERT_PATH is deprecated and will stop working in the next release; rename it SAMPLE_CERT_PATH',
        'configuration: SAMPLE_OLDER_CERT is deprecated and will stop working in the next release; rename it SAMPLE_CERT_PATH',
      ]);
    });

    it('give way to the new name, and say they are ignored', () => {
      const warnings: string[] = [];
      const v = loadEnv(SAMPLE, { SAMPLE_CERT_PATH: '/new.pem', SAMPLE_OLD_CERT_PATH: '/old.pem' }, { warn: (m) => warnings.push(m) });
      expect(v.SAMPLE_CERT_PATH).toBe('/new.pem');
      expect(warnings).toEqual(['configuration: SAMPLE_OLD_CERT_PATH is ignored because SAMPLE_CERT_PATH is set; remove SAMPLE_OLD_CERT_PATH']);
    });

    it('are named in the problem when their value is wrong', () => {
      const schema = defineEnv({ SAMPLE_NEW_PORT: variable(port(), { description: 'port', replaces: ['SAMPLE_OLD_PORT'] }) });
      expect(problemsOf(() => loadEnv(schema, { SAMPLE_OLD_PORT: 'x' }, { warn: () => undefined }))).toEqual([
        "SAMPLE_OLD_PORT (now SAMPLE_NEW_PORT) must be a whole number from 1 to 65535, got 'x'",
      ]);
    });

    it('are moved to the new names for a child process or a library that reads the standard names', () => {
      const env = canonicalEnv([SAMPLE], { SAMPLE_OLD_CERT_PATH: ' /c.pem ', SAMPLE_PORT: '', PATH: '/bin' }, { warn: () => undefined });
      expect(env).toEqual({ SAMPLE_CERT_PATH: '/c.pem', PATH: '/bin' });
    });
  });
});

describe('ConfigurationProblems', () => {
  it('gathers the problems of several loaders, and of parsers that throw plain errors, in one error', () => {
    const problems = new ConfigurationProblems();
    const sample = problems.take(() => loadEnv(SAMPLE, { SAMPLE_PORT: '0' }));
    const other = problems.take(() => {
      throw new Error('SAMPLE_KEYS must be set in production');
    });
    const fine = problems.take(() => 42);
    expect([sample, other, fine]).toEqual([undefined, undefined, 42]);
    expect(problemsOf(() => problems.throwIfAny())).toEqual([
      "SAMPLE_PORT must be a whole number from 1 to 65535, got '0'",
      'SAMPLE_KEYS must be set in production',
    ]);
  });
});

describe('values', () => {
  const ok = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, input: string) => {
    const r = schema.safeParse(input);
    return r.success ? r.data : 'refused';
  };

  it('read the kinds of value the variables hold', () => {
    expect([ok(trueFalse(), 'TRUE'), ok(trueFalse(), '0'), ok(trueFalse(), 'yes')]).toEqual([true, false, 'refused']);
    expect([ok(oneOf(['a', 'b']), 'b'), ok(oneOf(['a', 'b']), 'c')]).toEqual(['b', 'refused']);
    expect([ok(byteSize(), '100kb'), ok(byteSize(), '1MB'), ok(byteSize(), 'big')]).toEqual(['100kb', '1MB', 'refused']);
    expect([ok(url(['smtp'], 'smtp://h'), 'smtp://h:25'), ok(url(['smtp'], 'smtp://h'), 'http://h')]).toEqual(['smtp://h:25', 'refused']);
    expect(['temporal:7233', '10.0.0.1:7233', '[::1]:7233', 'temporal', 'a b:1', 'h:99999'].map((s) => ok(hostAndPort(), s))).toEqual([
      'temporal:7233',
      '10.0.0.1:7233',
      '[::1]:7233',
      'refused',
      'refused',
      'refused',
    ]);
    expect(ok(commaList(wholeNumber(1, 9)), '1, 2,,3')).toEqual([1, 2, 3]);
  });

  it('check at start that a file can be read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sal-config-'));
    try {
      const file = path.join(dir, 'ca.pem');
      writeFileSync(file, 'x');
      expect([ok(readableFile(), file), ok(readableFile(), path.join(dir, 'missing.pem'))]).toEqual([file, 'refused']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('name the entry of a list that is wrong', () => {
    expect(problemsOf(() => loadEnv(CODEC_ORIGINS_ENV, { TEMPORAL_UI_ORIGINS: 'https://ui.example.org, https://ui.example.org/ui' }))).toEqual([
      "TEMPORAL_UI_ORIGINS must list origins such as http://127.0.0.1:8233 (no path) (entry 'https://ui.example.org/ui'), got 'https://ui.example.org, https://ui.example.org/ui'",
    ]);
    expect(loadEnv(CODEC_ORIGINS_ENV, { TEMPORAL_UI_ORIGINS: 'https://ui.example.org, http://127.0.0.1:9233/' }).TEMPORAL_UI_ORIGINS).toEqual([
      'https://ui.example.org',
      'http://127.0.0.1:9233',
    ]);
  });
});

describe('describeEnv', () => {
  it('lists each variable with its default as the documentation shows it', () => {
    const docs = describeEnv([DATABASE_ENV]);
    expect(docs.map((d) => d.name)).toEqual(['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'DATABASE_POOL_SIZE', 'EMBEDDED_PG_PORT', 'EMBEDDED_PG_PASSWORD']);
    expect(docs.find((d) => d.name === 'DATABASE_POOL_SIZE')).toMatchObject({ default: '10' });
    expect(describeEnv([SAMPLE]).find((d) => d.name === 'SAMPLE_CERT_PATH')).toMatchObject({ default: '–', replaces: ['SAMPLE_OLD_CERT_PATH', 'SAMPLE_OLDER_CERT'] });
  });
});
