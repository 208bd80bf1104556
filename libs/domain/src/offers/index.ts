import type { Feature } from '../journey/feature';
import { noDeadlines } from '../journey/feature';
import { silent } from '../journey/notice';
import type { OffersEvent } from './model';
import { offerEvolvers, recordJobOffer, recordOfferResponse } from './offers';

export const offers: Feature<'RecordJobOffer' | 'RecordOfferResponse', OffersEvent['type'], never, never> = {
  deciders: { RecordJobOffer: recordJobOffer, RecordOfferResponse: recordOfferResponse },
  evolvers: offerEvolvers,
  notices: { JobOfferRecorded: silent, OfferAccepted: silent, OfferRefused: silent },
  deadlines: noDeadlines,
  drafters: {},
  stallCauses: {},
};
