import { feature, type Feature } from '../journey/feature';
import type { EpisodesCommand, EpisodesEvent } from './model';
import { transfer } from './transfer';

export { golPathOf, nextEpisodeStart } from './transfer';

export const episodes: Feature<EpisodesCommand['type'], EpisodesEvent['type'], never, never> = feature(transfer);
