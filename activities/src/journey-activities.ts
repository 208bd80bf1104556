import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  SIDE_EFFECT_DATA_ERROR_TYPE,
  SIDE_EFFECT_UNAVAILABLE_TYPE,
  type ApplySideEffectsInput,
  type JourneyActivities,
  type NotifyJourneyInput,
  type ProjectJourneyInput,
  type SideEffectStream,
} from '@sal/contracts';
import type { JourneyNotice } from '@sal/domain';
import { describeSideEffectError, JourneyProjector, PactDocuments, SideEffectFailures } from '@sal/persistence';
import { generatePactDocuments } from './pact-documents';

/**
 * Where notices go: the notification outbox in production. It must ignore a notice key it has already recorded. Given
 * `within`, it writes in that transaction (the side-effect batch's), so the notices commit with the read model.
 */
export interface NoticeRecorder {
  notify(notices: JourneyNotice[], within?: EntityManager): Promise<unknown>;
}

/** What the journey activities need from the outside world; the worker wires real ones, tests a throwaway database. */
export interface JourneyActivityDeps {
  dataSource: DataSource;
  notices: NoticeRecorder;
}

/**
 * Builds the journey's activities over their dependencies.
 * @example new Worker({ activities: createJourneyActivities({ dataSource, notices }), … })
 */
export function createJourneyActivities(deps: JourneyActivityDeps): JourneyActivities {
  const projector = new JourneyProjector(deps.dataSource);
  const failures = new SideEffectFailures(deps.dataSource);
  const documents = new PactDocuments(deps.dataSource);

  /**
   * Runs one side effect. A failure leaves Temporal (and the worker's log) with a description that holds no personal
   * data, and is recorded for supervisors; a data error is not retried by the activity (the journey's stream tries
   * again later, after a fix), anything else is.
   */
  async function sideEffect(stream: SideEffectStream, journeyId: string, officeId: string, firstSeq: number | null, afterFailure: boolean, run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error) {
      const { dataError, message } = describeSideEffectError(error);
      const type = dataError ? SIDE_EFFECT_DATA_ERROR_TYPE : SIDE_EFFECT_UNAVAILABLE_TYPE;
      await failures.record({ journeyId, stream, officeId, type, error: message, firstSeq });
      throw ApplicationFailure.create({ type, message, nonRetryable: dataError });
    }
    if (afterFailure) await failures.clear(journeyId, stream);
  }

  return {
    async projectJourney({ journeyId, events, state, afterFailure }: ProjectJourneyInput): Promise<void> {
      // A version signed or amended in these events gets its document here, after its rows: retried and shown as the
      // projection is, so the journey's clocks never wait on it (issue 19).
      await sideEffect('projection', journeyId, state.officeId, events[0]?.seq ?? null, afterFailure === true, async () => {
        await projector.project(events, state);
        await generatePactDocuments(documents, events, state);
      });
    },
    async notifyJourney({ journeyId, notices, afterFailure }: NotifyJourneyInput): Promise<void> {
      await sideEffect('notices', journeyId, notices[0]?.officeId ?? '', null, afterFailure === true, () => deps.notices.notify(notices));
    },
    async applySideEffects({ journeyId, officeId, events, notices, afterFailure }: ApplySideEffectsInput): Promise<void> {
      // One transaction for the read model and the outbox; its failure is recorded as the projection's (it holds both).
      await sideEffect('projection', journeyId, officeId, events[0]?.seq ?? null, afterFailure === true, async () => {
        const state = await projector.apply(journeyId, events, (m) => deps.notices.notify(notices, m));
        // Documents after the rows, as projectJourney does: retried with the batch, idempotent per version.
        if (state) await generatePactDocuments(documents, events, state);
      });
    },
  };
}
