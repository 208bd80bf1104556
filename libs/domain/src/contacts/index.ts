import { feature, type Feature } from '../journey/feature';
import { agreedContacts } from './agreed-contacts';
import type { CONTACT_DEADLINE_KINDS, ContactsCommand, ContactsEvent } from './model';

export const contacts: Feature<ContactsCommand['type'], ContactsEvent['type'], (typeof CONTACT_DEADLINE_KINDS)[number], 'missed_contact'> = feature(agreedContacts);
