import { feature, type Feature } from '../journey/feature';
import { appeals } from './appeals';
import { lapses } from './lapses';
import type { CONDITIONALITY_DEADLINE_KINDS, ConditionalityCommand, ConditionalityEvent } from './model';
import { steps } from './steps';

export const conditionality: Feature<ConditionalityCommand['type'], ConditionalityEvent['type'], (typeof CONDITIONALITY_DEADLINE_KINDS)[number], never> = feature(lapses, steps, appeals);
