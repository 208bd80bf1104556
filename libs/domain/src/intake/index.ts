import type { Feature } from '../journey/feature';
import { silent } from '../journey/notice';
import { initialState } from '../journey/start';
import {
  FIRST_CONTACT_DEADLINE_KINDS,
  firstContactDeadlines,
  firstContactDrafters,
  firstContactMissed,
  firstContactMissedNotices,
  firstContactStall,
} from './first-contact';
import type { IntakeEvent } from './model';
import { intakeRecorded, recordIntake } from './presa-in-carico';

export const intake: Feature<'RecordIntake', IntakeEvent['type'], (typeof FIRST_CONTACT_DEADLINE_KINDS)[number], 'first_contact_missed'> = {
  deciders: { RecordIntake: recordIntake },
  evolvers: {
    JourneyStarted: (_state, event) => initialState(event.data, event.at),
    IntakeRecorded: intakeRecorded,
    FirstContactMissed: firstContactMissed,
  },
  notices: { JourneyStarted: silent, IntakeRecorded: silent, FirstContactMissed: firstContactMissedNotices },
  deadlines: firstContactDeadlines,
  drafters: firstContactDrafters,
  stallCauses: { first_contact_missed: firstContactStall },
};
