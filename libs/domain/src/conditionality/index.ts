import type { Feature } from '../journey/feature';
import { LAPSE_DEADLINE_KINDS, lapses } from './lapses';
import type { ConditionalityCommand, ConditionalityEvent } from './model';
import { steps } from './steps';

export const conditionality: Feature<ConditionalityCommand['type'], ConditionalityEvent['type'], (typeof LAPSE_DEADLINE_KINDS)[number], never> = {
  deciders: { ...lapses.deciders, ...steps.deciders },
  evolvers: { ...lapses.evolvers, ...steps.evolvers },
  notices: { ...lapses.notices, ...steps.notices },
  deadlines: lapses.deadlines,
  drafters: lapses.drafters,
  stallCauses: {},
};
