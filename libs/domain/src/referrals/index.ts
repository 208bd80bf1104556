import { feature, type Feature } from '../journey/feature';
import type { ReferralsCommand, ReferralsEvent } from './model';
import { referralRules } from './referrals';

export const referrals: Feature<ReferralsCommand['type'], ReferralsEvent['type'], never, never> = feature(referralRules);
