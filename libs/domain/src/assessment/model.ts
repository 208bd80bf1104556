import type { CatalogueScope } from '../regions/regions';
import type { JourneyClocks, LegalClockName, RollForwardClocks } from '../clocks/clock-table';
import type { EventEnvelope } from '../journey/event';
import type { OfferSuitabilityThresholds } from '../offers/model';
import type { ProfilingClass } from '../pact/model';
import type { ServiceStep } from '../programme/catalogue';

/**
 * The GOL assessment (Programma GOL, D.M. 5 novembre 2021): the quantitative profiling by the national model and the
 * operator's qualitative assessment, ending with the path (1–5) the person follows. It comes before the pact.
 *
 * A journey started under the programme `GOL` (the API gives it an empty assessment) begins in the stage `assessment`: no path, no path services, the legal
 * first-contact clocks running. `ChooseGolPath` switches it to the path's catalogue (`GOL-1` … `GOL-5`, its latest
 * version, attached by the API). Journeys started under a path directly keep working as before (no assessment stage).
 */
export const GOL_PATHS = [1, 2, 3, 4, 5] as const;
export type GolPath = (typeof GOL_PATHS)[number];

/** The programme a GOL journey is started under before its path is chosen. */
export const GOL_ASSESSMENT_PROGRAMME = 'GOL';

/** The programme (catalogue code) of each path. */
export function golPathProgramme(path: GolPath): string {
  return `GOL-${path}`;
}

/** The path a programme code names (`GOL-3` → 3), or null for any other programme. */
export function golPathOf(programmeCode: string): GolPath | null {
  const m = /^GOL-([1-5])$/.exec(programmeCode);
  return m ? (Number(m[1]) as GolPath) : null;
}

/**
 * The national model's score as it gives it: the estimated probability of still being without a job 12 months on
 * (the ANPAL quantitative profiling used by GOL), a number from 0 to 1. Recorded as given, never recomputed here.
 */
export const PROFILING_SCORE_RANGE = { min: 0, max: 1 } as const;

/** The national model's profiling, recorded as given (score and class are the model's, not recomputed here). */
export interface QuantitativeProfiling {
  score: number;
  profilingClass: ProfilingClass;
  /** YYYY-MM-DD: when the national model computed it (the profiling review period counts from it). */
  profiledOn: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * The areas of the qualitative assessment, by default. The sources we could reach name the dimensions only in prose:
 * the GOL paths are told apart by the person's distance from the labour market, the adequacy of their skills to what
 * the market asks (up-/reskilling) and the presence of complex needs that call for the social, health or educational
 * services (path 4) — Programma GOL, D.M. 5 novembre 2021 (Il Sole 24 Ore, August 2021; iriapa.it, 7 April 2022); and
 * ANPAL's guidelines for the qualitative profiling (23 May 2018: autonomy and method in job search, knowledge of the
 * labour market, CV and interview skills; Il Sole 24 Ore, 31 May 2018). The decree's annex itself was not reachable:
 * the list is catalogue data (`assessmentAreas` of the `GOL` catalogue), with this list as its documented default.
 */
export const DEFAULT_ASSESSMENT_AREAS = [
  /** Education and training attained (titolo di studio, qualifiche). */
  'education_and_training',
  /** Work experience and the skills it gave, against what the market asks. */
  'work_experience_and_skills',
  /** Autonomy and method in job search, knowledge of the labour market, CV and interview skills. */
  'job_search_autonomy',
  /** Availability and expectations: the work sought, hours, mobility. */
  'availability_and_expectations',
  /** Personal or family conditions that limit the search (care duties, transport): stated, never documented here. */
  'personal_constraints',
  /** Complex needs that call for the social, health or educational services (the cue for path 4). */
  'complex_needs',
] as const;

/** How an area stands: adequate, to be strengthened, or critical. */
export const ASSESSMENT_FINDING_LEVELS = ['adequate', 'to_strengthen', 'critical'] as const;
export type AssessmentFindingLevel = (typeof ASSESSMENT_FINDING_LEVELS)[number];

export interface AssessmentFinding {
  area: string;
  level: AssessmentFindingLevel;
  /** A short note (no documents, no health details: evidence stays minimal). */
  note: string | null;
}

/** The operator's qualitative assessment: a finding per area assessed, and its summary. */
export interface QualitativeAssessment {
  findings: AssessmentFinding[];
  summary: string;
  /** YYYY-MM-DD: the day of the interview. */
  assessedOn: string;
  recordedBy: string;
  recordedAt: string;
}

/** Path 4 (lavoro e inclusione): the social services the journey runs with. */
export interface SocialServicesParty {
  organisation: string;
  /** The social services' own reference for the person's case or the network agreement (no personal data). */
  reference: string | null;
}

/** Path 5 (ricollocazione collettiva): the employer in crisis and the agreement the reallocation comes from. */
export interface CollectiveReallocationParty {
  employer: string;
  /** The reference of the agreement (accordo sindacale / di ricollocazione, crisis table) it follows from. */
  agreementReference: string;
}

/** The path chosen at the end of the assessment, with its reason. */
export interface ChosenGolPath {
  path: GolPath;
  /** The programme code of the path's catalogue (GOL-1 … GOL-5). */
  programmeCode: string;
  reason: string;
  chosenBy: string;
  chosenAt: string;
  /** The version of the path's catalogue the journey runs from the choice (absent: carried without it). */
  catalogueVersion?: number | null;
  /** Issue 15: whose catalogue that version is (absent: national, or carried without it). */
  catalogueScope?: CatalogueScope;
  /** Path 4's social services (null on the other paths). */
  socialServices?: SocialServicesParty | null;
  /** Path 5's employer and agreement (null on the other paths). */
  collectiveReallocation?: CollectiveReallocationParty | null;
}

export interface GolAssessmentState {
  profiling: QuantitativeProfiling | null;
  path: ChosenGolPath | null;
  /** The qualitative assessment (absent: carried without it). */
  qualitative?: QualitativeAssessment | null;
  /** The areas the qualitative assessment covers, from the `GOL` catalogue (absent: `DEFAULT_ASSESSMENT_AREAS`). */
  areas?: string[];
  /** When the review of the current profiling fell due and the operator was told (null: not yet). */
  profilingReviewDueAt?: string | null;
}

/**
 * Profiling and the qualitative assessment are recorded on a journey that has an assessment: started under `GOL`, or
 * a transferred episode carrying one; a journey started under a path directly has none (`NOT_IN_ASSESSMENT`).
 */
export interface AssessmentSlice {
  /** The GOL assessment (null: a journey not in GOL, or started under a path before the assessment stage existed). */
  assessment: GolAssessmentState | null;
}

/** The path's catalogue as the API attaches it to `ChooseGolPath` (its latest version; never from the body). */
export interface GolPathCatalogue {
  code: string;
  version: number;
  clocks: JourneyClocks;
  services: ServiceStep[] | null;
  workingDayClocks: LegalClockName[];
  offerSuitability?: Partial<OfferSuitabilityThresholds> | null;
  rollForwardClocks?: RollForwardClocks;
  /** Issue 15: `national` or the region whose own version of the path the journey's office resolves to (absent: national). */
  scope?: CatalogueScope;
}

/** The national model's profiling, recorded as given; again later, a review. */
export interface RecordProfilingCommand {
  type: 'RecordProfiling';
  score: number;
  profilingClass: ProfilingClass;
  /** YYYY-MM-DD, not in the future, not before the DID. */
  profiledOn: string;
  operatorId: string;
}

export interface AssessmentFindingInput {
  area: string;
  level: AssessmentFindingLevel;
  note?: string;
}

export interface RecordQualitativeAssessmentCommand {
  type: 'RecordQualitativeAssessment';
  findings: AssessmentFindingInput[];
  summary: string;
  /** YYYY-MM-DD; defaults to today (Rome). */
  assessedOn?: string;
  operatorId: string;
}

export interface ChooseGolPathCommand {
  type: 'ChooseGolPath';
  path: GolPath;
  reason: string;
  socialServices?: { organisation: string; reference?: string };
  collectiveReallocation?: CollectiveReallocationParty;
  operatorId: string;
  /** Set by the API: the latest version of the path's catalogue. */
  catalogue?: GolPathCatalogue;
}

export type AssessmentCommand = RecordProfilingCommand | RecordQualitativeAssessmentCommand | ChooseGolPathCommand;

export interface ProfilingRecordedData {
  score: number;
  profilingClass: ProfilingClass;
  profiledOn: string;
  operatorId: string;
  /** A profiling after the first: a review. */
  review: boolean;
}

export interface ProfilingClassChangedData {
  from: ProfilingClass;
  to: ProfilingClass;
  profiledOn: string;
  operatorId: string;
}

export interface QualitativeAssessmentRecordedData {
  findings: AssessmentFinding[];
  summary: string;
  assessedOn: string;
  operatorId: string;
}

export interface GolPathChosenData {
  path: GolPath;
  reason: string;
  operatorId: string;
  socialServices: SocialServicesParty | null;
  collectiveReallocation: CollectiveReallocationParty | null;
  /** The catalogue the journey runs from now on. */
  catalogue: GolPathCatalogue;
}

export interface ProfilingReviewDueData {
  /** When the review fell due (the catalogue's `profilingReview` after the last profiling). */
  dueAt: string;
  profiledOn: string;
}

export type ProfilingRecorded = EventEnvelope<'ProfilingRecorded', ProfilingRecordedData>;
export type ProfilingClassChanged = EventEnvelope<'ProfilingClassChanged', ProfilingClassChangedData>;
export type QualitativeAssessmentRecorded = EventEnvelope<'QualitativeAssessmentRecorded', QualitativeAssessmentRecordedData>;
export type GolPathChosen = EventEnvelope<'GolPathChosen', GolPathChosenData>;
export type ProfilingReviewDue = EventEnvelope<'ProfilingReviewDue', ProfilingReviewDueData>;
export type AssessmentEvent = ProfilingRecorded | ProfilingClassChanged | QualitativeAssessmentRecorded | GolPathChosen | ProfilingReviewDue;

export const ASSESSMENT_DEADLINE_KINDS = ['profiling_review'] as const;

export const ASSESSMENT_NOTICE_KINDS = [
  /** The national model's class changed at a review: the operator is told (the pact may need amending). */
  'profiling_class_changed',
  /** The catalogue's profiling review period has passed since the last profiling: the operator is told. */
  'profiling_review_due',
] as const;
