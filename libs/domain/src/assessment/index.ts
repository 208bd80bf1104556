export * from './model';
import { feature } from '../journey/feature';
import { pathChoice } from './path-choice';
import { profiling } from './profiling';
import { qualitative } from './qualitative';

export { emptyAssessment, inAssessment, openAssessment, startStage } from './assessment-state';
export { pathGate } from './gate';
export { profilingReviewDueAt } from './profiling';

/** The GOL assessment: profiling (and its review), the qualitative assessment, the choice of the path. */
export const assessment = feature(profiling, qualitative, pathChoice);
