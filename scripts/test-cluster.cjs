#!/usr/bin/env node
// `npm run test:cluster`: the integration and end-to-end tests that matter most for a production Temporal, against
// the real Temporal server (built from its Go module, on the tests' PostgreSQL: infra/src/temporal-cluster.ts)
// instead of the dev server. Builds what the tests run (the worker's workflow bundle too) first.
// `.ci/run` runs the whole list (CLUSTER_TESTS). Arguments replace it (paths under test/, as `jest` takes them);
// `--quick` runs QUICK_CLUSTER_TESTS only, `--all` CLUSTER_TESTS and MORE_CLUSTER_TESTS.
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed.cjs');

/**
 * What `.ci/run` runs on the cluster: journeys through the API, deadlines and notices, continue-as-new, fault drills,
 * two workers under a timer storm, TLS and mTLS to the frontend, answers exact at the instant with the worker stopped,
 * a deploy of a new workflow version mid-pact. All seen passing on the cluster (before this list's
 * last change: 30 tests in 8 files in 13 min 18 s of Jest at load around 30, then the TLS file: 3 tests in 287 s with
 * the multi-worker one). On 2026-12-03 at load 35–45, with a benchmark beside it, notifications, continue-as-new
 * and journey-workflow passed again; journey-api failed (a 60 s wait for the timeline ran out; `lastSeq` 2 where 1
 * was expected after refused commands: not explained); exact-at-instant (57 s), deploy-drill (166 s), side-effects-one
 * (34 s), side-effects-api (35 s), journey-deadlines, reminders and multi-worker (119 s) passed, the first four there
 * for the first time; drill a of fault-drills failed: commands sent while the killed worker's workflow task was in failed
 * state were answered 500 (FAILED_PRECONDITION), since then 503 WORKER_UNAVAILABLE, which the drill retries — not
 * run again in that session.
 */
const CLUSTER_TESTS = [
  'integration/journey-workflow.spec.ts',
  'integration/journey-deadlines.spec.ts',
  'integration/notifications.spec.ts',
  'integration/continue-as-new.spec.ts',
  'integration/side-effects-one.spec.ts',
  'e2e/journey-api.e2e.spec.ts',
  'e2e/reminders.e2e.spec.ts',
  'e2e/side-effects-api.e2e.spec.ts',
  'e2e/fault-drills.e2e.spec.ts',
  'e2e/multi-worker.e2e.spec.ts',
  'e2e/temporal-tls.e2e.spec.ts',
  'e2e/exact-at-instant.e2e.spec.ts',
  'e2e/deploy-drill.e2e.spec.ts',
];

/**
 * `--all` adds this one, which exercises the engine too (bulk imports) but are not yet seen passing on the cluster: on 2026-12-03 (load 35–45) imports failed once (its first
 * request: `fetch failed`, "other side closed", not explained), the others were not reached before the session's end.
 * Once they pass here, move them into CLUSTER_TESTS (and mind CI's 90 minutes).
 */
const MORE_CLUSTER_TESTS = [
  'e2e/imports.e2e.spec.ts',
];

/** `--quick`: what only the cluster shows — TLS and mTLS to its frontend, two workers under a timer storm. */
const QUICK_CLUSTER_TESTS = ['e2e/multi-worker.e2e.spec.ts', 'e2e/temporal-tls.e2e.spec.ts'];

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
const files =
  args[0] === '--quick' ? QUICK_CLUSTER_TESTS : args[0] === '--all' ? [...CLUSTER_TESTS, ...MORE_CLUSTER_TESTS] : args.length > 0 ? args : CLUSTER_TESTS;
const started = Date.now();
const result = spawnSync(npx, ['jest', '--runInBand', ...files.map((f) => `^${path.join(root, 'test', f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)], {
  cwd: path.join(root, 'test'),
  stdio: 'inherit',
  env: { ...env, TEST_TEMPORAL_SERVER: 'cluster' },
});
console.log(`[test:cluster] ${files.length} test files on the Temporal cluster in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(result.status ?? 1);
