import { awaitingPresaInCarico } from '../intake/first-contact';
import type { Evolvers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { edition } from '../journey/rules-edition';
import { usedReferralIds } from '../pact/versions';
import { nextId, optionalText, refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { REFERRAL_OUTCOMES, REFERRAL_TARGETS, type MakeReferralCommand, type RecordReferralOutcomeCommand, type ReferralsEvent } from './model';

function makeReferral(state: JourneyState, c: MakeReferralCommand): Outcome {
  if (awaitingPresaInCarico(state)) return refusal('INTAKE_REQUIRED', 'referrals follow the presa in carico: record the intake first');
  const invalid =
    requireOneOf(c.to, REFERRAL_TARGETS, 'to') ?? requireText(c.organisation, 'organisation', 200) ?? requireText(c.reason, 'reason') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  // A referral a version of the pact waiting for acceptance agrees has its id already (edition 2).
  const referralId = nextId('R', usedReferralIds(state));
  return [{ type: 'ReferralMade', data: { referralId, to: c.to, organisation: c.organisation, reason: c.reason, operatorId: c.operatorId } }];
}

function recordReferralOutcome(state: JourneyState, c: RecordReferralOutcomeCommand): Outcome {
  const referral = state.referrals.find((r) => r.referralId === c.referralId);
  if (!referral) return refusal('REFERRAL_NOT_FOUND', `the journey has no referral ${String(c.referralId)}`);
  if (referral.outcome !== null) return refusal('REFERRAL_OUTCOME_RECORDED', `referral ${referral.referralId} was ${referral.outcome} on ${referral.outcomeAt}`);
  const invalid = requireOneOf(c.outcome, REFERRAL_OUTCOMES, 'outcome') ?? requireText(c.operatorId, 'operatorId', 100) ?? optionalText(c.note, 'note');
  if (invalid) return invalid;
  return [{ type: 'ReferralOutcomeRecorded', data: { referralId: referral.referralId, outcome: c.outcome, operatorId: c.operatorId, note: c.note ?? null } }];
}

const evolvers: Evolvers<ReferralsEvent['type']> = {
  ReferralMade: (state, event) => ({
    ...state,
    referrals: [
      ...state.referrals,
      // Edition 2: made outside the pact, it joins the next version of the pact to come into force.
      { ...event.data, madeAt: event.at, outcome: null, outcomeAt: null, outcomeNote: null, ...(edition(state) >= 2 ? { pactVersion: null } : {}) },
    ],
  }),
  ReferralOutcomeRecorded: (state, event) => ({
    ...state,
    referrals: state.referrals.map((r) =>
      r.referralId === event.data.referralId ? { ...r, outcome: event.data.outcome, outcomeAt: event.at, outcomeNote: event.data.note } : r,
    ),
  }),
};

export const referralRules = {
  deciders: { MakeReferral: makeReferral, RecordReferralOutcome: recordReferralOutcome },
  evolvers,
  notices: { ReferralMade: silent, ReferralOutcomeRecorded: silent },
};
