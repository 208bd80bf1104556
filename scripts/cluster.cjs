#!/usr/bin/env node
// `npm run cluster`: install if needed, build the infra package, then run a Temporal server on PostgreSQL in the
// foreground (infra/src/cluster.ts); the first run builds the server from its Go module (a few minutes, once).
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

const root = path.resolve(__dirname, '..');
ensureInstalled(root);
const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-b', 'infra'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('[cluster] build failed');
  process.exit(build.status ?? 1);
}
const cluster = spawn(process.execPath, [path.join(root, 'infra', 'dist', 'cluster.js')], { cwd: root, stdio: 'inherit' });
// The cluster process dedupes a Ctrl-C that also reaches it through the process group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cluster.kill(signal));
cluster.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
