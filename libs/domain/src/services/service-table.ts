/**
 * The services of the Servizi al Lavoro and what the domain knows of each, in one table: adding a service is a code
 * here and its row, and the compiler names every other place that keys on `ServiceCode` (inside the domain, none).
 */

/** The six services of the Servizi al Lavoro. */
export const SERVICE_CODES = [
  /** Accoglienza e assistenza di primo livello: orientation interview, information, the presa in carico. */
  'reception',
  /** Colloquio individuale di secondo livello: the scheda individuale degli ambiti di sviluppo and the CV. */
  'second_level_interview',
  /** Definizione del percorso: the personalised intervention plan. */
  'path_definition',
  /** Bilancio delle competenze: the skills sheet and an action plan. */
  'skills_assessment',
  /** Tutoring e counselling orientativo. */
  'tutoring',
  /** Scouting aziendale e ricerca attiva del lavoro. */
  'job_search',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const TUTORING_TOPICS = ['orientation', 'job_search_tools', 'cv_update', 'cover_letter', 'interview_preparation', 'accompaniment', 'placement_support'] as const;
export type TutoringTopic = (typeof TUTORING_TOPICS)[number];

/** What an output field holds: a text, a list of texts, a count, a list of tutoring topics. */
export interface OutputFieldValues {
  text: string;
  texts: string[];
  count: number;
  topics: TutoringTopic[];
}
export type OutputFieldKind = keyof OutputFieldValues;

/**
 * When a service may run: from the start (before the presa in carico), after the presa in carico, or under the
 * signed pact.
 */
export type ServiceOpens = 'from_start' | 'after_intake' | 'under_pact';

interface ServiceDefinition {
  /**
   * What the service produces. Texts are short summaries or references to documents kept elsewhere (the scheda, the
   * CV, the skills sheet): the journey history is immutable, so it holds no documents.
   */
  outputs: Readonly<Record<string, OutputFieldKind>>;
  /** The outputs completing it needs (from the completing delivery or earlier ones). */
  required: readonly string[];
  opens: ServiceOpens;
  /** `intake`: the presa in carico completes it, a delivery cannot. */
  completedBy: 'delivery' | 'intake';
}

export const SERVICES = {
  reception: { outputs: { orientationNotes: 'text' }, required: [], opens: 'from_start', completedBy: 'intake' },
  second_level_interview: { outputs: { developmentAreasSheet: 'text', cv: 'text' }, required: ['developmentAreasSheet', 'cv'], opens: 'after_intake', completedBy: 'delivery' },
  path_definition: {
    outputs: { trainingNeeds: 'texts', trainingBodies: 'texts', trainingModules: 'texts', targetSectors: 'texts' },
    required: ['trainingNeeds', 'targetSectors'],
    opens: 'after_intake',
    completedBy: 'delivery',
  },
  skills_assessment: { outputs: { skillsSheet: 'text', actionPlan: 'text' }, required: ['skillsSheet', 'actionPlan'], opens: 'after_intake', completedBy: 'delivery' },
  tutoring: { outputs: { topics: 'topics' }, required: ['topics'], opens: 'under_pact', completedBy: 'delivery' },
  job_search: {
    outputs: { offersFound: 'count', offersEvaluated: 'count', applicationsSent: 'count', companiesContacted: 'count', companiesVisited: 'count' },
    required: [],
    opens: 'under_pact',
    completedBy: 'delivery',
  },
} as const satisfies Record<ServiceCode, ServiceDefinition>;

type FieldsOf<S extends ServiceCode> = (typeof SERVICES)[S]['outputs'];
type OutputsOf<S extends ServiceCode> = { -readonly [F in keyof FieldsOf<S>]?: FieldsOf<S>[F] extends OutputFieldKind ? OutputFieldValues[FieldsOf<S>[F]] : never };

/** What each service produces, as the table above says. */
export type ServiceOutputs = { [S in ServiceCode]?: OutputsOf<S> };
export type ServiceOutput = NonNullable<ServiceOutputs[ServiceCode]>;
