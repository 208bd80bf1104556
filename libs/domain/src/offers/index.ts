import type { Feature } from '../journey/feature';
import { noDeadlines } from '../journey/feature';
import type { OffersCommand, OffersEvent } from './model';
import { jobOffers } from './offers';

export const offers: Feature<OffersCommand['type'], OffersEvent['type'], never, never> = { ...jobOffers, deadlines: noDeadlines, drafters: {}, stallCauses: {} };
