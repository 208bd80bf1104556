import type { DataSource } from 'typeorm';
import type { JourneyActivities, ProjectJourneyInput } from '@sal/contracts';
import { JourneyProjector } from '@sal/persistence';

/** What the journey activities need from the outside world; the worker wires real ones, tests a throwaway database. */
export interface JourneyActivityDeps {
  dataSource: DataSource;
}

/**
 * Builds the journey's activities over their dependencies.
 * @example new Worker({ activities: createJourneyActivities({ dataSource }), … })
 */
export function createJourneyActivities(deps: JourneyActivityDeps): JourneyActivities {
  const projector = new JourneyProjector(deps.dataSource);
  return {
    async projectJourney({ events, state }: ProjectJourneyInput): Promise<void> {
      await projector.project(events, state);
    },
  };
}
