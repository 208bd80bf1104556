import type { ProfilingClass } from '../pact/model';

/**
 * The GOL assessment (Programma GOL, D.M. 5 novembre 2021): the quantitative profiling by the national model and the
 * operator's qualitative assessment, ending with the path (1–5) the person follows. It comes before the pact.
 */
export const GOL_PATHS = [1, 2, 3, 4, 5] as const;
export type GolPath = (typeof GOL_PATHS)[number];

/** The national model's profiling, recorded as given (score and class are the model's, not recomputed here). */
export interface QuantitativeProfiling {
  score: number;
  profilingClass: ProfilingClass;
  profiledOn: string;
  recordedBy: string;
  recordedAt: string;
}

/** The path chosen at the end of the assessment, with its reason. */
export interface ChosenGolPath {
  path: GolPath;
  /** The programme code of the path's catalogue (GOL-1 … GOL-5). */
  programmeCode: string;
  reason: string;
  chosenBy: string;
  chosenAt: string;
}

export interface GolAssessmentState {
  profiling: QuantitativeProfiling | null;
  path: ChosenGolPath | null;
}

export interface AssessmentSlice {
  /** The GOL assessment (null: a journey not in GOL, or started under a path before the assessment stage existed). */
  assessment: GolAssessmentState | null;
}
