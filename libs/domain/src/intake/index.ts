import { feature, type Feature } from '../journey/feature';
import { firstContact } from './first-contact';
import { journeyStart } from './journey-start';
import type { INTAKE_DEADLINE_KINDS, IntakeCommand, IntakeEvent } from './model';
import { presaInCarico } from './presa-in-carico';

export const intake: Feature<IntakeCommand['type'], IntakeEvent['type'], (typeof INTAKE_DEADLINE_KINDS)[number], 'first_contact_missed'> = feature(
  journeyStart,
  presaInCarico,
  firstContact,
);
