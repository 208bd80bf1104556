import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { findRepoRoot } from '../repo-root';
import { buildkitCheck } from './buildkit-check';
import { copyOf, effectiveCmd, effectiveEnv, effectiveInstructions, effectiveUser, parseDockerfile } from './dockerfile';
import { kubernetesResources } from './manifests';

/**
 * The images' Dockerfile, checked without a Docker engine (none runs here): linted by dockerfile-utils (the
 * validator of the Docker language server; hadolint is not packaged for Debian and is not on npm nor the Go proxy) and
 * by BuildKit's own checks (the rules of `docker build --check`, run by infra/tools/dockerfile-check), and read for what
 * must hold: Node 24, non-root, NODE_ENV=production, no HEALTHCHECK, every source it copies from the context exists
 * and is not ignored, what the runtime copies covers every workspace the API and the worker load, and the commands
 * they run (and the migration Job runs) are files the build produces. It does NOT build the image, install anything in
 * it, or start it: that npm ci resolves and the processes start in the image is left to the first build with an engine.
 */

const root = findRepoRoot();
const DOCKERFILE = 'infra/images/Dockerfile';
const text = fs.readFileSync(path.join(root, DOCKERFILE), 'utf8');
const dockerfile = parseDockerfile(text);
const TARGETS = ['api', 'worker'] as const;
/** What BuildKit reports on the made-up bad Dockerfile of the test, `line:rule`. */
const BAD_RULES = [
  '1:FromAsCasing',
  '1:StageNameCasing',
  '2:MaintainerDeprecated',
  '3:WorkdirRelativePath',
  '4:SecretsUsedInArgOrEnv',
  '5:LegacyKeyValueFormat',
  '6:UndefinedVar',
  '7:JSONArgsRecommended',
].sort();
const stage = (name: string) => dockerfile.stages.find((s) => s.name === name)!;

/** The @sal/* workspace folders a package loads at run time (its dependencies, transitively), itself included. */
function runtimeWorkspaces(start: string): Set<string> {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  const folders = rootPackage.workspaces.flatMap((pattern) =>
    pattern.endsWith('/*') ? fs.readdirSync(path.join(root, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`) : [pattern],
  );
  const byName = new Map<string, { folder: string; dependencies: string[] }>();
  for (const folder of folders) {
    const file = path.join(root, folder, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; dependencies?: Record<string, string> };
    byName.set(pkg.name, { folder, dependencies: Object.keys(pkg.dependencies ?? {}) });
  }
  const seen = new Set<string>();
  const visit = (name: string) => {
    const workspace = byName.get(name);
    if (!workspace || seen.has(workspace.folder)) return;
    seen.add(workspace.folder);
    workspace.dependencies.forEach(visit);
  };
  visit(start);
  return seen;
}

function allWorkspaceFolders(): string[] {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return rootPackage.workspaces
    .flatMap((pattern) => (pattern.endsWith('/*') ? fs.readdirSync(path.join(root, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`) : [pattern]))
    .filter((folder) => fs.existsSync(path.join(root, folder, 'package.json')));
}

/** `<project>/dist/x/y.js` is built by tsc from `<project>/src/x/y.ts` (rootDir src, outDir dist). */
function isBuiltEntry(file: string): boolean {
  const match = /^(.+?)\/dist\/(.+)\.js$/.exec(file);
  if (!match) return false;
  const [, project, rest] = match;
  const tsconfig = fs.readFileSync(path.join(root, project, 'tsconfig.json'), 'utf8');
  return /"rootDir":\s*"src"/.test(tsconfig) && /"outDir":\s*"dist"/.test(tsconfig) && fs.existsSync(path.join(root, project, 'src', `${rest}.ts`));
}

describe('infra/images/Dockerfile', () => {
  it('passes the Dockerfile linter with every rule an error', () => {
    const all = ValidationSeverity.ERROR;
    const problems = validate(text, {
      deprecatedMaintainer: all,
      directiveCasing: all,
      emptyContinuationLine: all,
      instructionCasing: all,
      instructionCmdMultiple: all,
      instructionEntrypointMultiple: all,
      instructionHealthcheckMultiple: all,
      instructionJSONInSingleQuotes: all,
      instructionWorkdirRelative: all,
    });
    expect(problems.map((p) => `line ${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
  });

  it("passes BuildKit's checks (the rules of `docker build --check`), which fail a Dockerfile that breaks them", async () => {
    expect(await buildkitCheck([path.join(root, DOCKERFILE)])).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockerfile-check-'));
    try {
      const bad = path.join(dir, 'Dockerfile');
      fs.writeFileSync(
        bad,
        ['FROM node:24 as Build', 'MAINTAINER someone', 'WORKDIR app', 'ENV API_TOKEN=x', 'ENV MODE production', 'COPY $SRC_DIR ./', 'CMD node main.js', ''].join('\n'),
      );
      const rules = (await buildkitCheck([bad])).map((f) => `${f.line}:${f.rule}`);
      expect(rules.sort()).toEqual(BAD_RULES);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 20 * 60_000);

  it('builds every stage on Node 24 (bookworm-slim, pinned to a release)', () => {
    expect(dockerfile.globalArgs['NODE_IMAGE']).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
    const names = new Set(dockerfile.stages.map((s) => s.name));
    for (const s of dockerfile.stages) expect(s.from === '${NODE_IMAGE}' || names.has(s.from)).toBe(true);
  });

  it.each(TARGETS)('runs the %s target as an unprivileged user, in production mode, with no HEALTHCHECK', (target) => {
    expect(stage(target)).toBeDefined();
    expect(effectiveUser(dockerfile, target)).not.toMatch(/^(root|0)(:|$)/);
    expect(effectiveEnv(dockerfile, target)['NODE_ENV']).toBe('production');
    expect(dockerfile.stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'HEALTHCHECK')).toEqual([]);
  });

  it('copies from the build context only files that exist and that .dockerignore lets through', () => {
    const ignored = fs
      .readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const copies = dockerfile.stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    const fromContext = copies.map(copyOf).filter((c) => c.from === undefined);
    expect(fromContext.length).toBeGreaterThan(5);
    for (const source of fromContext.flatMap((c) => c.sources)) {
      expect({ source, exists: fs.existsSync(path.join(root, source)) }).toEqual({ source, exists: true });
      const excluded = ignored.filter((pattern) => {
        const plain = pattern.replace(/^\*\*\//, '');
        return source === plain || source.startsWith(`${plain}/`) || path.posix.basename(source) === plain;
      });
      expect({ source, excluded }).toEqual({ source, excluded: [] });
    }
  });

  it('installs production dependencies with the package.json of every workspace the lock file names', () => {
    const deps = stage('deps');
    const copied = deps.instructions
      .filter((i) => i.keyword === 'COPY')
      .flatMap((i) => copyOf(i).sources)
      .filter((s) => s.endsWith('/package.json'))
      .map((s) => s.slice(0, -'/package.json'.length));
    expect(copied.sort()).toEqual(allWorkspaceFolders().sort());
    expect(deps.instructions.find((i) => i.keyword === 'RUN')?.args).toMatch(/npm ci --omit=dev .*--workspace=@sal\/api --workspace=@sal\/worker/);
  });

  it('puts in the runtime every workspace the API and the worker load, built, and the console', () => {
    const build = stage('build');
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.join('\n')).toContain('npx nx run @sal/worker:build:bundle');
    expect(runs.join('\n')).toMatch(/nx run-many -t build -p @sal\/api @sal\/worker/);
    const loop = /for p in ([^;]+);/.exec(runs.join('\n'));
    const shipped = new Set(loop![1].trim().split(' '));
    const needed = new Set([...runtimeWorkspaces('@sal/api'), ...runtimeWorkspaces('@sal/worker')]);
    expect([...shipped].sort()).toEqual([...needed].sort());
    expect(shipped.has('apps/console')).toBe(true);
    // The runtime takes the whole install, the workspaces' nested node_modules included (npm puts a workspace's own
    // version of a package there, e.g. libs/notifications/node_modules/nodemailer), then the builds over it.
    const runtimeCopies = stage('runtime').instructions.filter((i) => i.keyword === 'COPY').map(copyOf);
    expect(runtimeCopies.map((c) => [c.from, c.sources.join(' '), c.destination])).toEqual([
      ['deps', '/app/', './'],
      ['build', '/out/', './'],
    ]);
    // The API serves the console from apps/console/dist, beside its own dist (apps/api/src/console/console.module.ts).
    expect(fs.readFileSync(path.join(root, 'apps/api/src/console/console.module.ts'), 'utf8')).toContain("'..', '..', '..', 'console', 'dist'");
    // The worker loads the bundle `build:bundle` writes beside its build (apps/worker/dist/workflow-bundle.js).
    expect(fs.readFileSync(path.join(root, 'apps/worker/src/build-bundle.ts'), 'utf8')).toContain("join(__dirname, 'workflow-bundle.js')");
    expect(fs.readFileSync(path.join(root, 'apps/worker/src/settings.ts'), 'utf8')).toContain("require.resolve('../dist/workflow-bundle.js')");
  });

  it('starts files the build produces: the API, the worker and the migration Job', () => {
    expect(effectiveCmd(dockerfile, 'api')).toEqual(['node', 'apps/api/dist/main.js']);
    expect(effectiveCmd(dockerfile, 'worker')).toEqual(['node', 'apps/worker/dist/main.js']);
    const job = kubernetesResources(root).find((m) => m.kind === 'Job')!;
    const command = (job['spec'] as any).template.spec.containers[0].command as string[];
    for (const entry of [effectiveCmd(dockerfile, 'api')![1], effectiveCmd(dockerfile, 'worker')![1], command[1]]) {
      expect({ entry, built: isBuiltEntry(entry) }).toEqual({ entry, built: true });
    }
    expect(command[0]).toBe('node');
  });

  it('agrees with the manifests: images, ports and probes', () => {
    const deployments = kubernetesResources(root).filter((m) => m.kind === 'Deployment');
    const containerOf = (name: string) => (deployments.find((d) => d.metadata.name === name)!['spec'] as any).template.spec.containers[0];
    const config = kubernetesResources(root).find((m) => m.kind === 'ConfigMap')!['data'] as Record<string, string>;
    const exposed = (target: string) => effectiveInstructions(dockerfile, target).filter((i) => i.keyword === 'EXPOSE').map((i) => Number(i.args));
    const api = containerOf('sal-journeys-api');
    expect(api.image).toBe('sal-journeys-api');
    expect(api.ports[0].containerPort).toBe(Number(config['API_PORT']));
    expect(exposed('api')).toEqual([Number(config['API_PORT'])]);
    expect([api.readinessProbe.httpGet.path, api.livenessProbe.httpGet.path]).toEqual(['/health/ready', '/health/live']);
    const worker = containerOf('sal-journeys-worker');
    expect(worker.image).toBe('sal-journeys-worker');
    expect(worker.ports[0].containerPort).toBe(Number(config['WORKER_HEALTH_PORT']));
    expect(exposed('worker')).toEqual([Number(config['WORKER_HEALTH_PORT'])]);
    expect([worker.readinessProbe.httpGet.path, worker.livenessProbe.httpGet.path]).toEqual(['/health/ready', '/health/live']);
  });
});
