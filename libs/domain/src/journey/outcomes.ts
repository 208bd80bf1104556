import { isIsoDate } from '../dates';
import type { CloseJourneyCommand, MakeReferralCommand, RecordPlacementCommand, RecordReferralOutcomeCommand } from './commands';
import { CLOSURE_REASONS, CONTRACT_TYPES, REFERRAL_OUTCOMES, REFERRAL_TARGETS, type JourneyState } from './model';
import { nextId, optionalText, refusal, requireOneOf, requireText, type Outcome } from './rules';
import { servicesPending } from './services';

/** A referral to another service: a training body, the social services (path 4), health services… */
export function makeReferral(state: JourneyState, c: MakeReferralCommand): Outcome {
  if (state.stage === 'awaiting_intake') return refusal('INTAKE_REQUIRED', 'referrals follow the presa in carico: record the intake first');
  const invalid =
    requireOneOf(c.to, REFERRAL_TARGETS, 'to') ?? requireText(c.organisation, 'organisation', 200) ?? requireText(c.reason, 'reason') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const referralId = nextId('R', state.referrals.map((r) => r.referralId));
  return [{ type: 'ReferralMade', data: { referralId, to: c.to, organisation: c.organisation, reason: c.reason, operatorId: c.operatorId } }];
}

export function recordReferralOutcome(state: JourneyState, c: RecordReferralOutcomeCommand): Outcome {
  const referral = state.referrals.find((r) => r.referralId === c.referralId);
  if (!referral) return refusal('REFERRAL_NOT_FOUND', `the journey has no referral ${String(c.referralId)}`);
  if (referral.outcome !== null) return refusal('REFERRAL_OUTCOME_RECORDED', `referral ${referral.referralId} was ${referral.outcome} on ${referral.outcomeAt}`);
  const invalid = requireOneOf(c.outcome, REFERRAL_OUTCOMES, 'outcome') ?? requireText(c.operatorId, 'operatorId', 100) ?? optionalText(c.note, 'note');
  if (invalid) return invalid;
  return [{ type: 'ReferralOutcomeRecorded', data: { referralId: referral.referralId, outcome: c.outcome, operatorId: c.operatorId, note: c.note ?? null } }];
}

/** The placement, with its details; it ends the journey as `placed`. */
export function recordPlacement(state: JourneyState, c: RecordPlacementCommand, now: string): Outcome {
  if (state.stage === 'awaiting_intake') return refusal('INTAKE_REQUIRED', 'a placement is recorded for a person taken in charge: record the intake first');
  const invalid = requireText(c.employer, 'employer', 200) ?? requireOneOf(c.contractType, CONTRACT_TYPES, 'contractType') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (typeof c.startDate !== 'string' || !isIsoDate(c.startDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'startDate');
  if (c.startDate < state.didDate) return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'startDate');
  if (c.hoursPerWeek !== undefined && (typeof c.hoursPerWeek !== 'number' || !Number.isFinite(c.hoursPerWeek) || c.hoursPerWeek <= 0 || c.hoursPerWeek > 60)) {
    return refusal('INVALID_VALUE', 'must be a number of hours above 0 and at most 60', 'hoursPerWeek');
  }
  if (c.offerId !== undefined && !state.offers.some((o) => o.offerId === c.offerId)) return refusal('OFFER_NOT_FOUND', `the journey has no offer ${String(c.offerId)}`);
  return [
    {
      type: 'PlacementRecorded',
      data: { employer: c.employer, contractType: c.contractType, startDate: c.startDate, hoursPerWeek: c.hoursPerWeek ?? null, operatorId: c.operatorId, offerId: c.offerId ?? null },
    },
    { type: 'JourneyClosed', data: { reason: 'placed', operatorId: c.operatorId, details: `${c.contractType} contract from ${c.startDate}`, closedAt: now } },
  ];
}

/**
 * Closing a journey for a reason of its own. `decadenza` only follows a confirmed conditionality step, and
 * `path_completed` needs every service of the catalogue completed.
 */
export function closeJourney(state: JourneyState, c: CloseJourneyCommand, now: string): Outcome {
  const invalid = requireOneOf(c.reason, CLOSURE_REASONS, 'reason') ?? requireText(c.operatorId, 'operatorId') ?? optionalText(c.details, 'details');
  if (invalid) return invalid;
  if (c.reason === 'decadenza') return refusal('CLOSURE_NOT_ALLOWED', 'decadenza follows a confirmed conditionality step; it is not closed by hand');
  if (c.reason === 'path_completed') {
    const pending = servicesPending(state);
    if (pending.length > 0) return refusal('PATH_NOT_COMPLETED', `the path still needs ${pending.join(', ')}`);
  }
  return [{ type: 'JourneyClosed', data: { reason: c.reason, operatorId: c.operatorId, details: c.details ?? null, closedAt: now } }];
}
