import { Worker } from '@temporalio/worker';
import { journeyDataConverter } from '@sal/temporal';
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
});
