import { GOL_DEFAULT_CATALOGUES } from '../programme/catalogue';
import type { NextEpisodeStart } from './model';

const GOL2 = GOL_DEFAULT_CATALOGUES.find((c) => c.code === 'GOL-2')!;

/** The next episode's start as the API attaches it to a transfer to GOL-2. */
export const NEXT_EPISODE: NextEpisodeStart = {
  journeyId: 'jrn_0123456789abcdef0123456789abcdef',
  programmeCode: 'GOL-2',
  personRef: 'prs_fedcba9876543210fedcba9876543210',
  catalogueVersion: 1,
  clocks: GOL2.clocks,
  services: GOL2.services ?? null,
  workingDayClocks: GOL2.workingDayClocks ?? [],
  offerSuitability: null,
};
