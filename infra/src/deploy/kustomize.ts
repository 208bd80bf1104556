import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { goInstallCached } from './go-tools';

const run = promisify(execFile);

/** kustomize, built from its Go module into `~/.cache/sal-journey/kustomize/<version>/` (a few minutes the first time). */
export const KUSTOMIZE_VERSION = 'v5.8.1';

/** `$KUSTOMIZE` when set, else the cached build. */
export async function findOrBuildKustomize(): Promise<string> {
  const fromEnv = process.env['KUSTOMIZE'];
  if (fromEnv) return fromEnv;
  return goInstallCached('kustomize', 'sigs.k8s.io/kustomize/kustomize/v5', KUSTOMIZE_VERSION, 'kustomize');
}

/** `kustomize build <dir>`: the resources a `kubectl apply -k <dir>` would send, as one YAML stream. */
export async function kustomizeBuild(dir: string): Promise<string> {
  const binary = await findOrBuildKustomize();
  return (await run(binary, ['build', dir], { maxBuffer: 16 * 1024 * 1024 })).stdout;
}
