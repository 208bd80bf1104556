import type { Feature } from '../journey/feature';
import { silent } from '../journey/notice';
import { initialState } from '../journey/start';
import { FIRST_CONTACT_DEADLINE_KINDS, firstContact } from './first-contact';
import type { IntakeCommand, IntakeEvent } from './model';
import { presaInCarico } from './presa-in-carico';

export const intake: Feature<IntakeCommand['type'], IntakeEvent['type'], (typeof FIRST_CONTACT_DEADLINE_KINDS)[number], 'first_contact_missed'> = {
  deciders: { ...presaInCarico.deciders },
  evolvers: {
    // Every feature's slice starts empty: the core composes them.
    JourneyStarted: (_state, event) => initialState(event.data, event.at),
    ...presaInCarico.evolvers,
    ...firstContact.evolvers,
  },
  notices: { JourneyStarted: silent, ...presaInCarico.notices, ...firstContact.notices },
  deadlines: firstContact.deadlines,
  drafters: firstContact.drafters,
  stallCauses: firstContact.stallCauses,
};
