import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { goInstallCached } from './go-tools';
import { KUBERNETES_VERSION, kubernetesSchemaDir } from './kubernetes-schemas';

const run = promisify(execFile);

/** kubeconform, built from its Go module into `~/.cache/sal-journey/kubeconform/<version>/`. */
export const KUBECONFORM_VERSION = 'v0.7.0';

export interface KubeconformResource {
  filename: string;
  kind: string;
  name: string;
  version: string;
  status: 'statusValid' | 'statusInvalid' | 'statusError' | 'statusSkipped' | 'statusEmpty';
  msg: string;
}

export interface KubeconformReport {
  resources: KubeconformResource[];
  summary: { valid: number; invalid: number; errors: number; skipped: number };
  exitCode: number;
}

/** `$KUBECONFORM` when set, else the cached build (built on first use with `go install`, about 30 s). */
export async function findOrBuildKubeconform(): Promise<string> {
  const fromEnv = process.env['KUBECONFORM'];
  if (fromEnv) return fromEnv;
  return goInstallCached('kubeconform', 'github.com/yannh/kubeconform/cmd/kubeconform', KUBECONFORM_VERSION, 'kubeconform');
}

/**
 * Validates manifest files with kubeconform `-strict` against the locally generated schemas of
 * {@link KUBERNETES_VERSION} only (no schema is fetched from the network; a kind without a schema is an error, not
 * skipped). Every resource is reported (`-verbose`), valid or not.
 */
export async function kubeconform(files: readonly string[]): Promise<KubeconformReport> {
  const [binary, schemas] = [await findOrBuildKubeconform(), await kubernetesSchemaDir()];
  const args = [
    '-strict',
    '-verbose',
    '-output',
    'json',
    '-kubernetes-version',
    KUBERNETES_VERSION,
    '-schema-location',
    `${schemas}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    ...files,
  ];
  let stdout: string;
  let exitCode = 0;
  try {
    stdout = (await run(binary, args, { maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const failed = error as { stdout?: string; code?: number };
    if (typeof failed.code !== 'number' || !failed.stdout) throw error;
    stdout = failed.stdout;
    exitCode = failed.code;
  }
  const report = JSON.parse(stdout) as Omit<KubeconformReport, 'exitCode'>;
  return { resources: report.resources ?? [], summary: report.summary, exitCode };
}
