import { feature, type Feature } from '../journey/feature';
import { closure } from './closure';
import type { OutcomesCommand, OutcomesEvent } from './model';

export const outcomes: Feature<OutcomesCommand['type'], OutcomesEvent['type'], never, never> = feature(closure);
