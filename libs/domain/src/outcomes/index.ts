import type { Feature } from '../journey/feature';
import { noDeadlines } from '../journey/feature';
import { silent } from '../journey/notice';
import { closeJourney, outcomeEvolvers, recordPlacement } from './closure';
import type { OutcomesEvent } from './model';

export const outcomes: Feature<'CloseJourney' | 'RecordPlacement', OutcomesEvent['type'], never, never> = {
  deciders: { CloseJourney: closeJourney, RecordPlacement: recordPlacement },
  evolvers: outcomeEvolvers,
  notices: { JourneyClosed: silent, PlacementRecorded: silent },
  deadlines: noDeadlines,
  drafters: {},
  stallCauses: {},
};
