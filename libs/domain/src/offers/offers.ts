import { CONVOCATION_METHODS } from '../appointments/model';
import { lapseFor, openLapse } from '../conditionality/lapses';
import { romeStartOfDay } from '../dates';
import type { Evolvers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { subjectToConditionality } from '../benefits/running';
import { silent } from '../journey/notice';
import { edition } from '../journey/rules-edition';
import { nextId, pastInstant, refusal, requireBoolean, requireOneOf, requireText, type Draft, type Outcome, type Refused } from '../journey/rules';
import { progressed } from '../progress';
import {
  HEARING_OUTCOMES,
  type JobOfferRecordedData,
  type OfferHearingRecorded,
  type OffersEvent,
  type RecordJobOfferCommand,
  type RecordOfferHearingCommand,
  type RecordOfferResponseCommand,
  type SuitabilityOverride,
} from './model';
import { assessSuitability, suitabilityFacts, suitabilityThresholds } from './suitability';

function recordJobOffer(state: JourneyState, c: RecordJobOfferCommand, now: string): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'job offers are recorded under the signed pact');
  const invalid =
    requireText(c.employer, 'employer', 200) ??
    requireText(c.position, 'position', 200) ??
    (edition(state) >= 2 ? null : requireBoolean(c.suitable, 'suitable')) ??
    requireOneOf(c.communicatedBy, CONVOCATION_METHODS, 'communicatedBy') ??
    requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const offerId = nextId('O', state.offers.map((o) => o.offerId));
  const base = { offerId, employer: c.employer, position: c.position, communicatedBy: c.communicatedBy, operatorId: c.operatorId };
  if (edition(state) < 2) return [{ type: 'JobOfferRecorded', data: { ...base, suitable: c.suitable as boolean } }];
  const congrua = suitabilityOf(state, c, now);
  if ('refusal' in congrua) return congrua;
  return [{ type: 'JobOfferRecorded', data: { ...base, ...congrua } }];
}

/**
 * Edition 2: when the offer was proposed (the excuse for refusing it is due from then, D.M. 10 aprile 2018 art. 8
 * c.3), its facts and what they say (artt. 3–7), and the operator's override. Whether refusing it counts
 * (`suitable`) is the override's verdict when there is one, else the facts'. The deprecated `suitable` flag, without
 * facts, is an override without facts (kept for one release).
 */
function suitabilityOf(
  state: JourneyState,
  c: RecordJobOfferCommand,
  now: string,
): Required<Pick<JobOfferRecordedData, 'suitable' | 'proposedAt' | 'facts' | 'verdict' | 'override'>> | Refused {
  const proposedAt = pastInstant(c.proposedAt, now, 'proposedAt', romeStartOfDay(state.didDate), `the DID date ${state.didDate}`);
  if (typeof proposedAt !== 'string') return proposedAt;
  let override: SuitabilityOverride | null = null;
  if (c.suitabilityOverride !== undefined) {
    const o = c.suitabilityOverride as Partial<SuitabilityOverride> | null;
    if (typeof o !== 'object' || o === null) return refusal('INVALID_VALUE', 'must be an object { congrua, reason }', 'suitabilityOverride');
    const bad = requireBoolean(o.congrua, 'suitabilityOverride.congrua') ?? requireText(o.reason, 'suitabilityOverride.reason', 2000);
    if (bad) return bad;
    override = { congrua: o.congrua!, reason: o.reason! };
  }
  if (c.suitability === undefined) {
    if (c.suitable === undefined) {
      return refusal('INVALID_VALUE', 'give the facts that make the offer suitable or not (art. 25 D.lgs. 150/2015; D.M. 10 aprile 2018 artt. 3–7)', 'suitability');
    }
    const invalid = requireBoolean(c.suitable, 'suitable');
    if (invalid) return invalid;
    if (override === null) override = { congrua: c.suitable, reason: 'stated with the deprecated `suitable` flag, without facts' };
    return { suitable: override.congrua, proposedAt, facts: null, verdict: null, override };
  }
  if (c.suitable !== undefined) {
    return refusal('INVALID_VALUE', 'deprecated: leave it out when the facts are given (`suitabilityOverride` overrides their verdict)', 'suitable');
  }
  const facts = suitabilityFacts(state, c.suitability, proposedAt);
  if ('refusal' in facts) return facts;
  const verdict = assessSuitability(facts, suitabilityThresholds(state), subjectToConditionality(state, proposedAt));
  return { suitable: override ? override.congrua : verdict.congrua, proposedAt, facts, verdict, override };
}

/**
 * Accepting an offer, or refusing it: refusing a suitable offer (congrua by its facts or by the operator's override)
 * opens the excuse window of 2 working days — from the offer's proposal under edition 2 (D.M. 10 aprile 2018 art. 8
 * c.3), from the recording of the refusal under edition 1.
 */
function recordOfferResponse(state: JourneyState, c: RecordOfferResponseCommand, now: string): Outcome {
  const offer = state.offers.find((o) => o.offerId === c.offerId);
  if (!offer) return refusal('OFFER_NOT_FOUND', `the journey has no offer ${String(c.offerId)}`);
  if (offer.response !== null) return refusal('OFFER_ALREADY_ANSWERED', `offer ${offer.offerId} was ${offer.response} on ${offer.respondedAt}`);
  const invalid = requireOneOf(c.response, ['accepted', 'refused'] as const, 'response') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (c.response === 'accepted') return [{ type: 'OfferAccepted', data: { offerId: offer.offerId, operatorId: c.operatorId } }];
  const from = edition(state) >= 2 ? (offer.proposedAt ?? offer.recordedAt) : now;
  const lapse = offer.suitable ? lapseFor(state, 'suitable_offer', from, offer.communicatedBy) : null;
  return [{ type: 'OfferRefused', data: { offerId: offer.offerId, operatorId: c.operatorId, lapse } }];
}

/**
 * The person's right to be heard (D.M. 10 aprile 2018 art. 8 c.4): when the excuse is not accepted the CPI tells the
 * person, who may ask to be heard within the next two days. Recorded on a refused offer's lapse, once, before its step
 * is decided: heard (with a summary), or declined (also: not asked for in time).
 */
function recordOfferHearing(state: JourneyState, c: RecordOfferHearingCommand, now: string): Outcome {
  const offer = state.offers.find((o) => o.offerId === c.offerId);
  if (!offer) return refusal('OFFER_NOT_FOUND', `the journey has no offer ${String(c.offerId)}`);
  const lapse = state.lapses.find((l) => l.offerId === offer.offerId);
  if (!lapse) return refusal('OFFER_HAS_NO_LAPSE', `offer ${offer.offerId} has no lapse to be heard on: it was not refused, or it was not a suitable offer`);
  if (offer.hearing) return refusal('HEARING_ALREADY_RECORDED', `the hearing on offer ${offer.offerId} was recorded on ${offer.hearing.heldAt}`);
  if (lapse.status === 'justified') return refusal('LAPSE_NOT_OPEN', `lapse ${lapse.lapseId} was justified: nothing follows from it`);
  const step = state.conditionalitySteps.find((s) => s.lapseId === lapse.lapseId);
  if (step && step.status !== 'proposed') return refusal('STEP_ALREADY_DECIDED', `step ${step.stepId} was ${step.status} on ${step.decidedAt}`);
  const invalid = requireOneOf(c.outcome, HEARING_OUTCOMES, 'outcome') ?? requireText(c.summary, 'summary', 2000) ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const heldAt = pastInstant(c.heldAt, now, 'heldAt', offer.respondedAt ?? offer.recordedAt, 'the refusal of the offer');
  if (typeof heldAt !== 'string') return heldAt;
  const draft: Draft = { type: 'OfferHearingRecorded', data: { offerId: offer.offerId, lapseId: lapse.lapseId, heldAt, outcome: c.outcome, summary: c.summary, operatorId: c.operatorId } };
  return [draft];
}

function answer(state: JourneyState, offerId: string, response: 'accepted' | 'refused', at: string): JourneyState {
  return { ...state, offers: state.offers.map((o) => (o.offerId === offerId ? { ...o, response, respondedAt: at } : o)) };
}

const evolvers: Evolvers<OffersEvent['type']> = {
  JobOfferRecorded: (state, event) => {
    const { proposedAt, facts, verdict, override, ...offer } = event.data;
    return {
      ...state,
      offers: [
        ...state.offers,
        { ...offer, recordedAt: event.at, proposedAt: proposedAt ?? event.at, facts: facts ?? null, verdict: verdict ?? null, override: override ?? null, response: null, respondedAt: null, hearing: null },
      ],
    };
  },
  OfferAccepted: (state, event) => answer(progressed(state, event.at), event.data.offerId, 'accepted', event.at),
  OfferRefused: (state, event) => {
    const answered = answer(state, event.data.offerId, 'refused', event.at);
    return event.data.lapse ? openLapse(answered, event.data.lapse, { appointmentId: null, offerId: event.data.offerId }, event.at) : answered;
  },
  OfferHearingRecorded: (state: JourneyState, event: OfferHearingRecorded) => {
    const { offerId, ...hearing } = event.data;
    return { ...state, offers: state.offers.map((o) => (o.offerId === offerId ? { ...o, hearing } : o)) };
  },
};

export const jobOffers = {
  deciders: { RecordJobOffer: recordJobOffer, RecordOfferResponse: recordOfferResponse, RecordOfferHearing: recordOfferHearing },
  evolvers,
  notices: { JobOfferRecorded: silent, OfferAccepted: silent, OfferRefused: silent, OfferHearingRecorded: silent },
};
