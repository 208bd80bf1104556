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

  fs.mkdirSync(cacheDir, { recursive: true });
  const releaseLock = await acquireBuildLock(cacheDir, log);
  try {
    // Another process may have finished the build while we waited for the lock.
    if (isExecutableFile(cached)) return cached;
    await goInstall(cacheDir, cached, log);
    return cached;
  } finally {
    releaseLock();
  }
}

function isExecutableFile(file: string): boolean {
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
async function acquireBuildLock(cacheDir: string, log: Logger): Promise<() => void> {
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
        log(`Another process (pid ${owner}) is building the Temporal CLI; waiting for it to finish…`);
      }
      return false;
    },
    // A cold build takes ~4 minutes on 2 cores; allow for slow networks.
    { timeoutMs: 30 * 60_000, intervalMs: 2_000, description: `the Temporal CLI build lock ${lockFile}` },
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

async function goInstall(cacheDir: string, target: string, log: Logger): Promise<void> {
  const goCheck = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (goCheck.error || goCheck.status !== 0) {
    throw new Error(
      'No Temporal CLI found and Go is not available to build one: ' +
        'install Go (https://go.dev/dl/) or put a temporal CLI on the PATH or set TEMPORAL_CLI',
    );
  }

  // Build into a private directory and rename, so nobody ever sees a half-written binary.
  const buildDir = fs.mkdtempSync(path.join(cacheDir, '.build-'));
  const spec = `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`;
  log(`No Temporal CLI found: building ${spec} with ${goCheck.stdout.trim()}`);
  log(`into ${target}. This is done once per machine and takes about 4 minutes on 2 cores`);
  log('(downloads and compiles ~250 MB of Go modules).');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', spec], {
        env: { ...process.env, GOBIN: buildDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      forEachLine(child.stdout, (line) => log(`[go] ${line}`));
      forEachLine(child.stderr, (line) => log(`[go] ${line}`));
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`go install ${spec} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see the [go] output above`));
      });
    });
    const built = path.join(buildDir, BINARY_NAME);
    if (!isExecutableFile(built)) {
      throw new Error(`go install ${spec} succeeded but produced no ${built}`);
    }
    fs.renameSync(built, target);
    log(`Temporal CLI ready at ${target}`);
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}
