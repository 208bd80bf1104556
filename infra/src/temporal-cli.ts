import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineEnv, loadEnv, text, variable } from '@sal/config';
import { forEachLine, isPidAlive } from './process-utils';
import { waitFor } from './wait-for';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
const BINARY_NAME = process.platform === 'win32' ? 'temporal.exe' : 'temporal';

export type Logger = (line: string) => void;

/** A `temporal` binary of one's own (the launcher and the tests' history tools use it). */
export const TEMPORAL_CLI_ENV = defineEnv({
  TEMPORAL_CLI: variable(text(), {
    description: 'path of a `temporal` binary for the dev server (else the `PATH`, then the cache, then `go install`)',
  }),
});

/** Where a self-built CLI is cached, shared by every checkout on this machine. */
export function temporalCliCacheDir(): string {
  const cacheHome = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'sal-journey', 'temporal-cli', TEMPORAL_CLI_VERSION);
}

/**
 * Returns the path of a `temporal` CLI: $TEMPORAL_CLI, else one on the PATH,
 * else the cached build, else builds it with `go install` (once per machine).
 */
export async function findOrBuildTemporalCli(log: Logger = console.log): Promise<string> {
  const fromEnv = loadEnv(TEMPORAL_CLI_ENV).TEMPORAL_CLI;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) {
      throw new Error(`TEMPORAL_CLI is set to "${fromEnv}", which is not an executable file`);
    }
    return fromEnv;
  }

  const onPath = findOnPath(BINARY_NAME);
  if (onPath) return onPath;

  const cacheDir = temporalCliCacheDir();
  const cached = path.join(cacheDir, BINARY_NAME);
  if (isExecutableFile(cached)) return cached;

  await buildOnce({
    cacheDir,
    what: 'the Temporal CLI',
    packages: [`${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`],
    binaries: { [BINARY_NAME]: cached },
    duration: 'about 4 minutes on 2 cores',
    log,
  });
  return cached;
}

export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, binary);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * An O_EXCL lock file holding our pid. A lock whose owner is gone (killed
 * mid-build) is taken over rather than waited on forever.
 */
async function acquireBuildLock(cacheDir: string, what: string, log: Logger): Promise<() => void> {
  const lockFile = path.join(cacheDir, '.build.lock');
  let announced = false;
  await waitFor(
    () => {
      try {
        fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = Number.parseInt(readOrEmpty(lockFile), 10);
      if (Number.isInteger(owner) && owner > 0 && !isPidAlive(owner)) {
        fs.rmSync(lockFile, { force: true });
        return false;
      }
      if (!announced) {
        announced = true;
        log(`Another process (pid ${owner}) is building ${what}; waiting for it to finish…`);
      }
      return false;
    },
    // A cold build takes ~4 minutes on 2 cores; allow for slow networks.
    { timeoutMs: 30 * 60_000, intervalMs: 2_000, description: `the build lock ${lockFile}` },
  );
  return () => fs.rmSync(lockFile, { force: true });
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export interface GoBuild {
  /** Where the binaries are cached (the lock file and the temporary build folder live there too). */
  cacheDir: string;
  /** What is built, for messages: "the Temporal CLI". */
  what: string;
  /** `go install` arguments: `module/cmd/x@version`, all of one module version. */
  packages: string[];
  /** Binary `go install` writes (its package's last path element) → the path to cache it at. */
  binaries: Record<string, string>;
  /** How long a cold build takes, for the message. */
  duration: string;
  log: Logger;
}

/**
 * Builds Go binaries with `go install` into `cacheDir`, once per machine: under a lock (another process building the
 * same waits for it), into a private folder renamed into place, so nobody ever sees a half-written binary.
 */
export async function buildOnce(build: GoBuild): Promise<void> {
  const ready = () => Object.values(build.binaries).every(isExecutableFile);
  if (ready()) return;
  fs.mkdirSync(build.cacheDir, { recursive: true });
  const releaseLock = await acquireBuildLock(build.cacheDir, build.what, build.log);
  try {
    // Another process may have finished the build while we waited for the lock.
    if (ready()) return;
    await goInstall(build);
  } finally {
    releaseLock();
  }
}

async function goInstall({ cacheDir, what, packages, binaries, duration, log }: GoBuild): Promise<void> {
  const goCheck = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (goCheck.error || goCheck.status !== 0) {
    throw new Error(
      `${what} is not built yet and Go is not available to build it: install Go (https://go.dev/dl/)` +
        (what === 'the Temporal CLI' ? ' or put a temporal CLI on the PATH or set TEMPORAL_CLI' : ''),
    );
  }

  const buildDir = fs.mkdtempSync(path.join(cacheDir, '.build-'));
  const spec = packages.join(' ');
  log(`Building ${what} (${spec}) with ${goCheck.stdout.trim()}`);
  log(`into ${cacheDir}. This is done once per machine and takes ${duration}`);
  log('(downloads and compiles the Go modules it needs; -v lists each package as it is compiled).');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', '-v', ...packages], {
        env: { ...process.env, GOBIN: buildDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let compiled = 0;
      const onLine = (line: string): void => {
        // `go install -v` names every package it compiles: show a count now and then rather than hundreds of lines.
        if (/^[\w.-]+(\/[\w.~+-]+)+$/.test(line)) {
          compiled += 1;
          if (compiled % 50 === 0) log(`[go] ${compiled} packages compiled (last: ${line})`);
          return;
        }
        log(`[go] ${line}`);
      };
      forEachLine(child.stdout, onLine);
      forEachLine(child.stderr, onLine);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`go install ${spec} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see the [go] output above`));
      });
    });
    for (const [name, target] of Object.entries(binaries)) {
      const built = path.join(buildDir, name);
      if (!isExecutableFile(built)) throw new Error(`go install ${spec} succeeded but produced no ${built}`);
      fs.renameSync(built, target);
    }
    log(`${what} ready in ${cacheDir}`);
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}
