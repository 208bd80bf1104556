import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { findOrBuildTemporalCli } from '@sal/infra';
import { testStack } from './env';
import type { temporal } from '@temporalio/proto';

/** Recorded histories of journeys that ran on a released version of the workflow, replayed by every test run. */
export const HISTORIES_DIR = join(__dirname, '..', 'histories');

/**
 * With `RECORD_HISTORIES=<release>` (e.g. `r3`), saves the workflow's history as `test/histories/<release>-<name>.json`.
 * Record after a release and commit the new files next to the older releases' ones, so later changes that would break
 * running journeys fail the replay test. Otherwise does nothing.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  const release = process.env.RECORD_HISTORIES;
  if (!release) return;
  if (!/^[a-z0-9-]+$/.test(release)) throw new Error('RECORD_HISTORIES names a release, e.g. r3');
  mkdirSync(HISTORIES_DIR, { recursive: true });
  // The CLI writes the canonical JSON form that `historyFromJSON` and `temporal workflow show` agree on.
  const { temporalAddress, namespace } = testStack();
  const json = execFileSync(await findOrBuildTemporalCli(), [
    'workflow', 'show', '--workflow-id', handle.workflowId, '--address', temporalAddress, '--namespace', namespace, '--output', 'json',
  ]);
  writeFileSync(join(HISTORIES_DIR, `${release}-${name}.json`), json);
}

export function recordedHistories(): { workflowId: string; history: temporal.api.history.v1.IHistory }[] {
  return readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, f), 'utf8'))) }));
}
