import type { Feature } from '../journey/feature';
import { silent } from '../journey/notice';
import { LAPSE_DEADLINE_KINDS, justifyLapse, lapseDeadlines, lapseDrafters, lapseEvolvers } from './lapses';
import type { ConditionalityEvent } from './model';
import { confirmStep, dismissStep, stepEvolvers, stepNotices } from './steps';

export const conditionality: Feature<
  'JustifyLapse' | 'ConfirmConditionalityStep' | 'DismissConditionalityStep',
  ConditionalityEvent['type'],
  (typeof LAPSE_DEADLINE_KINDS)[number],
  never
> = {
  deciders: { JustifyLapse: justifyLapse, ConfirmConditionalityStep: confirmStep, DismissConditionalityStep: dismissStep },
  evolvers: { ...lapseEvolvers, ...stepEvolvers },
  notices: { LapseJustified: silent, LapseUnjustified: silent, ConditionalityStepDismissed: silent, ...stepNotices },
  deadlines: lapseDeadlines,
  drafters: lapseDrafters,
  stallCauses: {},
};
