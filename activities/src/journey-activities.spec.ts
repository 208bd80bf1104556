import { DataSource } from 'typeorm';
import type { JourneyActivities } from '@sal/contracts';
import { createJourneyActivities } from './journey-activities';

describe('createJourneyActivities', () => {
  it('provides every activity the workflow contract declares, and no others', () => {
    // Not connected: the factory only wires dependencies; the projection itself is tested against PostgreSQL in test/.
    const activities = createJourneyActivities({ dataSource: new DataSource({ type: 'postgres' }), notices: { notify: async () => undefined } });
    const declared: (keyof JourneyActivities)[] = ['applySideEffects', 'notifyJourney', 'projectJourney'];
    expect(Object.keys(activities).sort()).toEqual(declared.sort());
    expect(typeof activities.projectJourney).toBe('function');
    expect(typeof activities.applySideEffects).toBe('function');
  });

  it('hands the journey notices to the notice recorder as they are', async () => {
    const received: unknown[] = [];
    const activities = createJourneyActivities({ dataSource: new DataSource({ type: 'postgres' }), notices: { notify: async (n) => received.push(...n) } });
    const notice = { key: 'k1' } as never;
    await activities.notifyJourney({ journeyId: 'jrn_x', notices: [notice] });
    expect(received).toEqual([notice]);
  });
});
