import { journeyCommandUpdate, closeJourneyUpdate, completePactActionUpdate, getJourneyStateQuery, JOURNEY_WORKFLOW_TYPE, recordContactUpdate, recordIntakeUpdate, signPactUpdate } from './index';

describe('the journey workflow contract', () => {
  // Running journeys and deployed APIs address messages by these names: renaming one breaks them.
  it('keeps the names that running journeys answer to', () => {
    expect(JOURNEY_WORKFLOW_TYPE).toBe('journeyWorkflow');
    expect([recordIntakeUpdate, signPactUpdate, completePactActionUpdate, recordContactUpdate, closeJourneyUpdate].map((u) => u.name)).toEqual([
      'recordIntake',
      'signPact',
      'completePactAction',
      'recordContact',
      'closeJourney',
    ]);
    expect(journeyCommandUpdate.name).toBe('journeyCommand');
    expect(getJourneyStateQuery.name).toBe('getJourneyState');
  });
});
