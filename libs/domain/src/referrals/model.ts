import type { EventEnvelope } from '../journey/event';

/** Referrals to other services: a training body, the social services (path 4), health services… */

export const REFERRAL_TARGETS = ['training_body', 'social_services', 'health_services', 'other_employment_service', 'other'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_OUTCOMES = ['taken_up', 'completed', 'declined'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export interface ReferralMadeData {
  referralId: string;
  to: ReferralTarget;
  organisation: string;
  reason: string;
  operatorId: string;
}

export interface ReferralOutcomeRecordedData {
  referralId: string;
  outcome: ReferralOutcome;
  operatorId: string;
  note: string | null;
}

export interface MakeReferralCommand {
  type: 'MakeReferral';
  to: ReferralTarget;
  organisation: string;
  reason: string;
  operatorId: string;
}

export interface RecordReferralOutcomeCommand {
  type: 'RecordReferralOutcome';
  referralId: string;
  outcome: ReferralOutcome;
  operatorId: string;
  note?: string;
}

export type ReferralsCommand = MakeReferralCommand | RecordReferralOutcomeCommand;

export type ReferralMade = EventEnvelope<'ReferralMade', ReferralMadeData>;
export type ReferralOutcomeRecorded = EventEnvelope<'ReferralOutcomeRecorded', ReferralOutcomeRecordedData>;
export type ReferralsEvent = ReferralMade | ReferralOutcomeRecorded;

export interface ReferralState extends ReferralMadeData {
  madeAt: string;
  /**
   * Edition 2: the pact version that contains it — the one that agreed it, or, for a referral made outside the pact,
   * the next version to come into force (null until then). Absent in journeys of edition 1.
   */
  pactVersion?: number | null;
  outcome: ReferralOutcome | null;
  outcomeAt: string | null;
  outcomeNote: string | null;
}

export interface ReferralsSlice {
  referrals: ReferralState[];
}
