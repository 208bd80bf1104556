import type { Feature } from '../journey/feature';
import { silent } from '../journey/notice';
import { CONTACT_DEADLINE_KINDS, contactDeadlines, contactDrafters, contactEvolvers, contactNotices, missedContactStall, recordContact } from './agreed-contacts';
import type { ContactsEvent } from './model';

export const contacts: Feature<'RecordContact', ContactsEvent['type'], (typeof CONTACT_DEADLINE_KINDS)[number], 'missed_contact'> = {
  deciders: { RecordContact: recordContact },
  evolvers: contactEvolvers,
  notices: { ContactRecorded: silent, ...contactNotices },
  deadlines: contactDeadlines,
  drafters: contactDrafters,
  stallCauses: { missed_contact: missedContactStall },
};
