import { isIsoDate } from '../dates';
import { awaitingPresaInCarico } from '../intake/first-contact';
import type { Evolvers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { optionalText, refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { pathStage } from '../pauses/suspension';
import { progressed } from '../progress';
import { servicesPending } from '../services/availability';
import { CLOSURE_REASONS, CONTRACT_TYPES, type CloseJourneyCommand, type OutcomesEvent, type RecordPlacementCommand } from './model';

/** The placement, with its details; it ends the journey as `placed`. */
function recordPlacement(state: JourneyState, c: RecordPlacementCommand, now: string): Outcome {
  // A journey suspended before the presa in carico (or in GOL's assessment without it) is still waiting for it.
  if (awaitingPresaInCarico({ stage: pathStage(state), intake: state.intake })) return refusal('INTAKE_REQUIRED', 'a placement is recorded for a person taken in charge: record the intake first');
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
function closeJourney(state: JourneyState, c: CloseJourneyCommand, now: string): Outcome {
  const invalid = requireOneOf(c.reason, CLOSURE_REASONS, 'reason') ?? requireText(c.operatorId, 'operatorId') ?? optionalText(c.details, 'details');
  if (invalid) return invalid;
  if (c.reason === 'decadenza') return refusal('CLOSURE_NOT_ALLOWED', 'decadenza follows a confirmed conditionality step; it is not closed by hand');
  if (c.reason === 'path_completed') {
    const pending = servicesPending(state);
    if (pending.length > 0) return refusal('PATH_NOT_COMPLETED', `the path still needs ${pending.join(', ')}`);
  }
  return [{ type: 'JourneyClosed', data: { reason: c.reason, operatorId: c.operatorId, details: c.details ?? null, closedAt: now } }];
}

const evolvers: Evolvers<OutcomesEvent['type']> = {
  PlacementRecorded: (state, event) => ({ ...progressed(state, event.at), placement: { ...event.data, recordedAt: event.at } }),
  JourneyClosed: (state, event) => ({ ...state, stage: 'closed', status: 'closed', closure: event.data }),
};

export const closure = {
  deciders: { CloseJourney: closeJourney, RecordPlacement: recordPlacement },
  evolvers,
  notices: { JourneyClosed: silent, PlacementRecorded: silent },
};
