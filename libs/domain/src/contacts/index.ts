import type { Feature } from '../journey/feature';
import { agreedContacts, CONTACT_DEADLINE_KINDS } from './agreed-contacts';
import type { ContactsCommand, ContactsEvent } from './model';

export const contacts: Feature<ContactsCommand['type'], ContactsEvent['type'], (typeof CONTACT_DEADLINE_KINDS)[number], 'missed_contact'> = agreedContacts;
