import type { DataSource } from 'typeorm';
import type { JourneyActivities, NotifyJourneyInput, ProjectJourneyInput } from '@sal/contracts';
import type { JourneyNotice } from '@sal/domain';
import { JourneyProjector } from '@sal/persistence';

/** Where notices go: the notification outbox in production. It must ignore a notice key it has already recorded. */
export interface NoticeRecorder {
  notify(notices: JourneyNotice[]): Promise<unknown>;
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
  return {
    async projectJourney({ events, state }: ProjectJourneyInput): Promise<void> {
      await projector.project(events, state);
    },
    async notifyJourney({ notices }: NotifyJourneyInput): Promise<void> {
      await deps.notices.notify(notices);
    },
  };
}
