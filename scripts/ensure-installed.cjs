'use strict';
// Runs `npm ci` when node_modules is missing or older than package-lock.json. Plain Node: it runs before any install.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function installMatchesLock(root) {
  try {
    const wanted = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '.package-lock.json'), 'utf8')).packages ?? {};
    return Object.entries(wanted).every(([key, entry]) => key === '' || (installed[key] ? installed[key].version === entry.version : entry.optional === true));
  } catch {
    return false;
  }
}

function ensureInstalled(root) {
  const nodeModules = path.join(root, 'node_modules');
  // Every npm install/ci rewrites node_modules/.package-lock.json, so its age tells whether the install is current.
  const installedAt = mtime(path.join(nodeModules, '.package-lock.json'));
  const lockAt = mtime(path.join(root, 'package-lock.json'));
  if (installedAt !== undefined && (lockAt === undefined || lockAt <= installedAt)) return;
  // A fresh checkout or worktree (git sets the lock file's time to the checkout's) beside an install that already
  // matches it: every package the lock file names is installed at its version (optional ones may be absent: another
  // platform's). Then the install is current and running `npm ci` would only remove and rebuild it.
  if (installedAt !== undefined && installMatchesLock(root)) return;
  console.log('[setup] installing dependencies: npm ci');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm ci failed');
    process.exit(result.status ?? 1);
  }
}

module.exports = { ensureInstalled, installMatchesLock };
