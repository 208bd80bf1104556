import { feature, type Feature } from '../journey/feature';
import { lifecycle } from './lifecycle';
import type { BenefitsCommand, BenefitsEvent } from './model';

export const benefits: Feature<BenefitsCommand['type'], BenefitsEvent['type'], never, never> = feature(lifecycle);
export { benefitRunning, benefitRunsNow, claimedAtStart } from './running';
