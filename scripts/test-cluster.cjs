#!/usr/bin/env node
// `npm run test:cluster`: the integration and end-to-end tests that matter most for a production Temporal, against
// the real Temporal server (built from its Go module, on the tests' PostgreSQL: infra/src/temporal-cluster.ts)
// instead of the dev server. Builds what the tests run (the worker's workflow bundle too) first.
// Arguments replace the default list of test files (paths under test/, as `jest` takes them); `--ci` runs the smaller
// set .ci/run runs (CI_CLUSTER_TESTS).
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

/** The subset: journeys through the API, deadlines and notices, fault drills, two workers under a timer storm. */
const CLUSTER_TESTS = [
  'integration/journey-workflow.spec.ts',
  'integration/journey-deadlines.spec.ts',
  'integration/notifications.spec.ts',
  'integration/continue-as-new.spec.ts',
  'e2e/journey-api.e2e.spec.ts',
  'e2e/reminders.e2e.spec.ts',
  'e2e/fault-drills.e2e.spec.ts',
  'e2e/multi-worker.e2e.spec.ts',
  'e2e/temporal-tls.e2e.spec.ts',
];

/**
 * What `.ci/run` runs on the cluster (`--ci`), within its time budget (about 70 minutes on a fresh machine, the
 * server's first build from the Go proxy included): what only the cluster shows or tests — TLS and mTLS to its
 * frontend, two workers on one task queue under a timer storm on several history shards. The other files of
 * CLUSTER_TESTS pass on the dev server in `npm test` and are run on the cluster by hand before a release.
 */
const CI_CLUSTER_TESTS = ['e2e/multi-worker.e2e.spec.ts', 'e2e/temporal-tls.e2e.spec.ts'];

const root = path.resolve(__dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
ensureInstalled(root);
const run = (args, cwd) => {
  const result = spawnSync(npx, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(['nx', 'run-many', '-t', 'build', '--projects=@sal/test', '--outputStyle=static'], root);
run(['nx', 'run', '@sal/worker:build:bundle', '--outputStyle=static'], root);
const args = process.argv.slice(2);
const files = args[0] === '--ci' ? CI_CLUSTER_TESTS : args.length > 0 ? args : CLUSTER_TESTS;
const started = Date.now();
const result = spawnSync(npx, ['jest', '--runInBand', ...files.map((f) => `^${path.join(root, 'test', f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)], {
  cwd: path.join(root, 'test'),
  stdio: 'inherit',
  env: { ...env, TEST_TEMPORAL_SERVER: 'cluster' },
});
console.log(`[test:cluster] ${files.length} test files on the Temporal cluster in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(result.status ?? 1);
