import { feature, type Feature } from '../journey/feature';
import type { OffersCommand, OffersEvent } from './model';
import { jobOffers } from './offers';

export const offers: Feature<OffersCommand['type'], OffersEvent['type'], never, never> = feature(jobOffers);
