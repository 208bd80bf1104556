import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isPidAlive } from '../process-utils';
import { waitFor } from '../wait-for';

const run = promisify(execFile);

/** `~/.cache/sal-journey/<parts…>` (or under $XDG_CACHE_HOME): tools built once per machine, shared by every checkout. */
export function salCacheDir(...parts: string[]): string {
  const cacheHome = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'sal-journey', ...parts);
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs `make` once per machine under an O_EXCL lock in `dir` (a lock whose owner died is taken over), unless `done()`
 * already holds: two test runs that need the same tool wait for one build instead of racing.
 */
export async function buildOnce(dir: string, done: () => boolean, make: () => Promise<void>, what: string): Promise<void> {
  if (done()) return;
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, '.build.lock');
  await waitFor(
    () => {
      try {
        fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && !isPidAlive(owner)) fs.rmSync(lockFile, { force: true });
      return false;
    },
    { timeoutMs: 20 * 60_000, intervalMs: 1_000, description: `the build lock of ${what} (${lockFile})` },
  );
  try {
    if (!done()) await make();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/**
 * The path of `binary` built by `go install <module>@<version>` into `~/.cache/sal-journey/<name>/<version>/` (once per
 * machine; the Go module proxy is the only source). Throws, naming what to install, when Go is missing.
 */
export async function goInstallCached(name: string, module: string, version: string, binary: string): Promise<string> {
  const dir = salCacheDir(name, version);
  const target = path.join(dir, binary);
  await buildOnce(
    dir,
    () => isExecutableFile(target),
    async () => {
      await goVersion();
      const buildDir = fs.mkdtempSync(path.join(dir, '.build-'));
      try {
        await run('go', ['install', `${module}@${version}`], { env: { ...process.env, GOBIN: buildDir }, cwd: os.tmpdir(), maxBuffer: 16 * 1024 * 1024 });
        fs.renameSync(path.join(buildDir, binary), target);
      } finally {
        fs.rmSync(buildDir, { recursive: true, force: true });
      }
    },
    `${module}@${version}`,
  );
  return target;
}

/** Downloads a Go module into the module cache (read-only) and returns its folder: `go mod download -json`. */
export async function goModuleDir(module: string, version: string): Promise<string> {
  await goVersion();
  const { stdout } = await run('go', ['mod', 'download', '-json', `${module}@${version}`], { cwd: os.tmpdir(), maxBuffer: 16 * 1024 * 1024 });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version} failed: ${info.Error ?? stdout}`);
  return info.Dir;
}

async function goVersion(): Promise<string> {
  try {
    return (await run('go', ['version'])).stdout.trim();
  } catch {
    throw new Error('Go is needed to build the manifest validator (kubeconform) and to fetch the Kubernetes API schema: install Go (https://go.dev/dl/)');
  }
}
