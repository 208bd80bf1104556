import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { initialState } from '../journey/start';
import type { JourneyStarted } from './model';

export const journeyStart = {
  // Every feature's slice starts empty: the core composes them.
  evolvers: { JourneyStarted: (_state: JourneyState, event: JourneyStarted): JourneyState => initialState(event.data, event.at) },
  notices: { JourneyStarted: silent },
};
