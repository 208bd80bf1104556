import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findRepoRoot } from '../repo-root';
import { buildOnce, salCacheDir } from './go-tools';

const run = promisify(execFile);

/** The Go program (its go.mod pins github.com/moby/buildkit) that runs BuildKit's Dockerfile checks. */
const SOURCE_DIR = 'infra/tools/dockerfile-check';

export interface BuildkitFinding {
  file: string;
  /** A BuildKit check (`FromAsCasing`, `JSONArgsRecommended`, …), or `BuildError` when the file does not convert. */
  rule: string;
  line: number;
  message: string;
  url?: string;
}

/**
 * `infra/tools/dockerfile-check`, built with `go build` into `~/.cache/sal-journey/dockerfile-check/<hash of its
 * go.mod, go.sum and main.go>/` on first use (modules from the Go module proxy; a few minutes with a cold build cache).
 */
export async function findOrBuildBuildkitCheck(): Promise<string> {
  const source = path.join(findRepoRoot(), SOURCE_DIR);
  const hash = crypto.createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go']) hash.update(fs.readFileSync(path.join(source, file)));
  const dir = salCacheDir('dockerfile-check', hash.digest('hex').slice(0, 16));
  const target = path.join(dir, 'dockerfile-check');
  await buildOnce(
    dir,
    () => fs.existsSync(target),
    async () => {
      const partial = path.join(dir, `.build-${process.pid}`);
      try {
        await run('go', ['build', '-o', partial, '.'], { cwd: source, env: { ...process.env, GOFLAGS: '-mod=readonly' }, maxBuffer: 16 * 1024 * 1024 });
      } catch (error) {
        const failed = error as { code?: string; stderr?: string };
        if (failed.code === 'ENOENT') throw new Error('Go is needed to build the Dockerfile checker (BuildKit\'s checks): install Go (https://go.dev/dl/)');
        throw new Error(`go build in ${SOURCE_DIR} failed:\n${failed.stderr ?? String(error)}`);
      }
      fs.renameSync(partial, target);
    },
    'the Dockerfile checker (BuildKit)',
  );
  return target;
}

/**
 * BuildKit's own Dockerfile checks (the rules of `docker build --check`), each file converted as a build would, every
 * stage, base images answered by a stub (no registry is reached; see the tool's main.go for what that leaves out).
 */
export async function buildkitCheck(files: readonly string[]): Promise<BuildkitFinding[]> {
  const binary = await findOrBuildBuildkitCheck();
  let stdout: string;
  try {
    stdout = (await run(binary, [...files], { cwd: os.tmpdir(), maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code !== 1) throw new Error(`dockerfile-check failed (exit ${String(failed.code)}): ${failed.stderr ?? String(error)}`);
    stdout = failed.stdout ?? '';
  }
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BuildkitFinding);
}
