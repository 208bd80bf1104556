#!/usr/bin/env node
// `npm run bench`: install if needed, build what the benchmark runs (the apps, the worker's workflow bundle and the
// benchmark itself), then run it, forwarding the arguments (`npm run bench -- --help`). Plain Node without
// dependencies, because it must work before `npm ci`.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

const root = path.resolve(__dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(what, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[bench] ${what} failed`);
    process.exit(result.status ?? 1);
  }
}

ensureInstalled(root);
step('build', npx, ['tsc', '-b', 'infra', 'libs/persistence', 'apps/worker', 'apps/api']);
step('workflow bundle', npm, ['run', 'build:bundle', '-w', '@sal/worker']);
step('benchmark build', npx, ['tsc', '-p', 'test/bench/tsconfig.json']);

const bench = spawn(process.execPath, [path.join(root, 'test/bench/dist/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// The benchmark stops what it started on the first signal; a Ctrl-C can reach it twice (terminal group and us).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => bench.kill(signal));
bench.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
