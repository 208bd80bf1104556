import type { JourneyState } from '../journey/model';
import { DEFAULT_ASSESSMENT_AREAS, type GolAssessmentState } from './model';

/** The assessment of a journey that has none yet: nothing recorded, the default areas. */
export function emptyAssessment(areas?: readonly string[]): GolAssessmentState {
  return { profiling: null, qualitative: null, path: null, areas: [...(areas ?? DEFAULT_ASSESSMENT_AREAS)], profilingReviewDueAt: null };
}

/** The journey's assessment with every part present (a carried one may lack those added since). */
export function openAssessment(state: Pick<JourneyState, 'assessment'>): Required<GolAssessmentState> {
  const a = state.assessment ?? emptyAssessment();
  return { profiling: a.profiling, path: a.path, qualitative: a.qualitative ?? null, areas: a.areas ?? [...DEFAULT_ASSESSMENT_AREAS], profilingReviewDueAt: a.profilingReviewDueAt ?? null };
}

/** Whether the journey is in GOL's assessment stage: started under `GOL`, its path not chosen yet. */
export function inAssessment(state: Pick<JourneyState, 'stage'>): boolean {
  return state.stage === 'assessment';
}

/**
 * The stage a journey starts in: `assessment` when it starts with an assessment whose path is not chosen (the API
 * starts every journey under `GOL` so), otherwise `awaiting_intake` (recorded histories carry no assessment).
 */
export function startStage(assessment: GolAssessmentState | null | undefined): 'assessment' | 'awaiting_intake' {
  return assessment && !assessment.path ? 'assessment' : 'awaiting_intake';
}
