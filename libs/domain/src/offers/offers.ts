import { CONVOCATION_METHODS } from '../appointments/model';
import { lapseFor, openLapse } from '../conditionality/lapses';
import type { Evolvers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { refusal, requireBoolean, requireOneOf, requireText, nextId, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import type { OffersEvent, RecordJobOfferCommand, RecordOfferResponseCommand } from './model';

function recordJobOffer(state: JourneyState, c: RecordJobOfferCommand): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'job offers are recorded under the signed pact');
  const invalid =
    requireText(c.employer, 'employer', 200) ??
    requireText(c.position, 'position', 200) ??
    requireBoolean(c.suitable, 'suitable') ??
    requireOneOf(c.communicatedBy, CONVOCATION_METHODS, 'communicatedBy') ??
    requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const offerId = nextId('O', state.offers.map((o) => o.offerId));
  return [{ type: 'JobOfferRecorded', data: { offerId, employer: c.employer, position: c.position, suitable: c.suitable, communicatedBy: c.communicatedBy, operatorId: c.operatorId } }];
}

/** Accepting an offer, or refusing it: refusing a suitable offer opens the excuse window (2 working days). */
function recordOfferResponse(state: JourneyState, c: RecordOfferResponseCommand, now: string): Outcome {
  const offer = state.offers.find((o) => o.offerId === c.offerId);
  if (!offer) return refusal('OFFER_NOT_FOUND', `the journey has no offer ${String(c.offerId)}`);
  if (offer.response !== null) return refusal('OFFER_ALREADY_ANSWERED', `offer ${offer.offerId} was ${offer.response} on ${offer.respondedAt}`);
  const invalid = requireOneOf(c.response, ['accepted', 'refused'] as const, 'response') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (c.response === 'accepted') return [{ type: 'OfferAccepted', data: { offerId: offer.offerId, operatorId: c.operatorId } }];
  const lapse = offer.suitable ? lapseFor(state, 'suitable_offer', now, offer.communicatedBy) : null;
  return [{ type: 'OfferRefused', data: { offerId: offer.offerId, operatorId: c.operatorId, lapse } }];
}

function answer(state: JourneyState, offerId: string, response: 'accepted' | 'refused', at: string): JourneyState {
  return { ...state, offers: state.offers.map((o) => (o.offerId === offerId ? { ...o, response, respondedAt: at } : o)) };
}

const evolvers: Evolvers<OffersEvent['type']> = {
  JobOfferRecorded: (state, event) => ({ ...state, offers: [...state.offers, { ...event.data, recordedAt: event.at, response: null, respondedAt: null }] }),
  OfferAccepted: (state, event) => answer(progressed(state, event.at), event.data.offerId, 'accepted', event.at),
  OfferRefused: (state, event) => {
    const answered = answer(state, event.data.offerId, 'refused', event.at);
    return event.data.lapse ? openLapse(answered, event.data.lapse, { appointmentId: null, offerId: event.data.offerId }, event.at) : answered;
  },
};

export const jobOffers = {
  deciders: { RecordJobOffer: recordJobOffer, RecordOfferResponse: recordOfferResponse },
  evolvers,
  notices: { JobOfferRecorded: silent, OfferAccepted: silent, OfferRefused: silent },
};
