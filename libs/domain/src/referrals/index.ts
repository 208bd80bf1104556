import type { Feature } from '../journey/feature';
import { noDeadlines } from '../journey/feature';
import { silent } from '../journey/notice';
import type { ReferralsEvent } from './model';
import { makeReferral, recordReferralOutcome, referralEvolvers } from './referrals';

export const referrals: Feature<'MakeReferral' | 'RecordReferralOutcome', ReferralsEvent['type'], never, never> = {
  deciders: { MakeReferral: makeReferral, RecordReferralOutcome: recordReferralOutcome },
  evolvers: referralEvolvers,
  notices: { ReferralMade: silent, ReferralOutcomeRecorded: silent },
  deadlines: noDeadlines,
  drafters: {},
  stallCauses: {},
};
