#!/usr/bin/env node
// `npm start`: install if needed, build what the launcher runs, then run it (infra/src/launch.ts).
// Plain Node without dependencies, because it must work before `npm ci`.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

const root = path.resolve(__dirname, '..');
ensureInstalled(root);

const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-b', 'infra', 'libs/persistence', 'apps/worker', 'apps/api'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('[start] build failed');
  process.exit(build.status ?? 1);
}

// The console (served by the API under /console/) is rebuilt when its sources are newer than its build.
if (consoleIsStale(path.join(root, 'apps', 'console'))) {
  const consoleBuild = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: path.join(root, 'apps', 'console'),
    stdio: 'inherit',
  });
  if (consoleBuild.status !== 0) {
    console.error('[start] console build failed');
    process.exit(consoleBuild.status ?? 1);
  }
}

const launcher = spawn(process.execPath, [path.join(root, 'infra', 'dist', 'launch.js')], { cwd: root, stdio: 'inherit' });
// The launcher dedupes a Ctrl-C that also reaches it through the process group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => launcher.kill(signal));
launcher.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** Whether apps/console/dist is missing or older than a file of the console's sources. */
function consoleIsStale(dir) {
  const fs = require('node:fs');
  let built;
  try {
    built = fs.statSync(path.join(dir, 'dist', 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  const newest = (p) => {
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
  };
  return ['src', 'index.html', 'vite.config.ts', 'package.json'].some((name) => newest(path.join(dir, name)) > built);
}
