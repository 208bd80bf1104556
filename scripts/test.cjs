#!/usr/bin/env node
// `npm test`: install if needed, then build, lint and test every project through Nx. The integration tests start
// their own Temporal dev server and PostgreSQL (building the Temporal CLI once if none is found) and stop them.
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

const root = path.resolve(__dirname, '..');
ensureInstalled(root);
const result = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['nx', 'run-many', '-t', 'build', 'lint', 'test', '--outputStyle=static', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);
process.exit(result.status ?? 1);
