#!/usr/bin/env node
// `npm run demo`: build the demo data generator (test/demo) and what it imports, then run it against the running
// product (`npm start`), forwarding the arguments (`npm run demo -- --help`). Plain Node without dependencies, like
// scripts/bench.cjs, because it must work before `npm ci`.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

const root = path.resolve(__dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function step(what, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[demo] ${what} failed`);
    process.exit(result.status ?? 1);
  }
}

ensureInstalled(root);
step('build', npx, ['tsc', '-b', 'libs/domain']);
step('demo build', npx, ['tsc', '-p', 'test/demo/tsconfig.json']);

// `--screenshots`: the README's screenshots of the console, from the product as the demo filled it.
const args = process.argv.slice(2);
const entry = args.includes('--screenshots') ? 'screenshots.js' : 'main.js';
const demo = spawn(process.execPath, [path.join(root, 'test/demo/dist/demo/src', entry), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
