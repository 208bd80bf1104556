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

function ensureInstalled(root) {
  const nodeModules = path.join(root, 'node_modules');
  // Every npm install/ci rewrites node_modules/.package-lock.json, so its age tells whether the install is current.
  const installedAt = mtime(path.join(nodeModules, '.package-lock.json'));
  const lockAt = mtime(path.join(root, 'package-lock.json'));
  if (installedAt !== undefined && (lockAt === undefined || lockAt <= installedAt)) return;
  console.log('[setup] installing dependencies: npm ci');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm ci failed');
    process.exit(result.status ?? 1);
  }
}

module.exports = { ensureInstalled };
