import { join } from 'node:path';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Worker } from '@temporalio/worker';
import { journeyDataConverter, tracingWorkerOptions } from '@sal/temporal';
import { recordedHistories } from '../support/histories';

/**
 * Replays journeys recorded on earlier versions of the workflow against the current code: a change that would make
 * running journeys fail with a non-determinism error fails here instead of in production. Record new ones with
 * `RECORD_HISTORIES=<release> npm test` after a release. The replay worker decrypts as the real one does: histories
 * recorded before payload encryption (r1, r2) are plain and pass through the codec untouched; later ones are sealed
 * with the development key the tests run on.
 */
describe('recorded journey histories replay on the current workflow code', () => {
  const histories = recordedHistories();

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(5);
  });

  it('replays every recorded history without a determinism error', async () => {
    const outcomes: { workflowId: string; error: unknown }[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: require.resolve('@sal/workflows'), replayName: 'journey-replay', dataConverter: journeyDataConverter() },
      histories,
    )) {
      outcomes.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(outcomes.map((o) => o.workflowId)).toEqual(histories.map((h) => h.workflowId));
    expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
  });

  // The production bundle holds the tracing and request-id workflow interceptors (issue 18): journeys recorded
  // without them must replay with them.
  it('replays every recorded history on the prebuilt bundle, its tracing interceptors included', async () => {
    const { sinks } = tracingWorkerOptions({ resource: new Resource({}), spanProcessor: new NoopSpanProcessor() });
    const outcomes: { workflowId: string; error: unknown }[] = [];
    for await (const result of Worker.runReplayHistories(
      {
        workflowBundle: { codePath: join(__dirname, '../../apps/worker/dist/workflow-bundle.js') },
        replayName: 'journey-replay-bundle',
        dataConverter: journeyDataConverter(),
        sinks,
      },
      histories,
    )) {
      outcomes.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(outcomes.map((o) => o.workflowId)).toEqual(histories.map((h) => h.workflowId));
    expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
  });
});
