import { DataSource } from 'typeorm';
import type { JourneyActivities } from '@sal/contracts';
import { createJourneyActivities } from './journey-activities';

describe('createJourneyActivities', () => {
  it('provides every activity the workflow contract declares, and no others', () => {
    // Not connected: the factory only wires dependencies; the projection itself is tested against PostgreSQL in test/.
    const activities = createJourneyActivities({ dataSource: new DataSource({ type: 'postgres' }) });
    const declared: (keyof JourneyActivities)[] = ['projectJourney'];
    expect(Object.keys(activities).sort()).toEqual(declared.sort());
    expect(typeof activities.projectJourney).toBe('function');
  });
});
