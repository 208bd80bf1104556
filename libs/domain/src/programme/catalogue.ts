import {
  CLOCK_NAMES,
  CORE_CLOCK_NAMES,
  golClocks,
  golRollForwardClocks,
  golWorkingDayClocks,
  LEGAL_CLOCK_NAMES,
  wholeDays,
  type ClockName,
  type JourneyClocks,
  type LegalClockName,
  type RollForwardClocks,
} from '../clocks/clock-table';
import { isPositiveDuration } from '../dates';
import { SERVICE_CODES, type ServiceCode } from '../services/service-table';
import type { OfferSuitabilityThresholds } from '../offers/model';
import { ABSENCE_REASONS, type AbsenceReason } from '../pauses/model';
import { validateOfferSuitability } from '../offers/suitability';
import { DEFAULT_ASSESSMENT_AREAS } from '../assessment/model';
import type { CatalogueScope } from '../regions/regions';
import type { PresentationObligation } from '../obligations/model';
import { ADI_PRESENTATION, SFL_PRESENTATION, validatePresentationObligation } from '../obligations/rule';
import { validatePersonalDataRetention } from '../retention/retention';
import { notOneOf, unknownField, wrongType, type CatalogueProblem } from './problem';

export type { CatalogueProblem, CatalogueProblemCode, CatalogueProblemParams } from './problem';

/**
 * A programme catalogue: versioned data, not code. A journey pins the version it started with, so changing a catalogue
 * never changes the rules of journeys already running.
 *
 * It says which of the six services the path requires and in which order (`services`), the clocks the journey keeps
 * (reminders, escalation, the pact deadline, stall detection, and the legal clocks of D.lgs. 150/2015) and which of
 * the legal clocks count working days rather than calendar days (`workingDayClocks`).
 */
export interface ProgrammeCatalogue {
  /** E.g. `GOL-1`. */
  code: string;
  /** 1, 2, …: each `PUT` makes a new version. */
  version: number;
  title: string;
  clocks: JourneyClocks;
  /**
   * The services the path requires, each after the services it depends on (services with the same prerequisites run in
   * parallel). `null` on catalogues published before services existed: any service, in any order.
   */
  services: ServiceStep[] | null;
  /** The legal clocks (whole days) that count working days: Monday to Friday except Italian public holidays. */
  workingDayClocks: LegalClockName[];
  /**
   * The thresholds of a congrua offer (art. 25 D.lgs. 150/2015): absent, null or any left out, the D.M. 10 aprile
   * 2018's (`DM_10_APRILE_2018`). Journeys pin them at start.
   */
  offerSuitability?: Partial<OfferSuitabilityThresholds> | null;
  /**
   * The legal clocks counted in calendar days whose last day, when the journey's office is closed on it, moves to the
   * office's next open day (art. 2963 c.c.; art. 155 c.4 c.p.c.), each saying whether Saturdays count as closed for it
   * (art. 155 c.5 c.p.c.). Absent or `{}`: none moves (catalogues published before issue 13). Journeys of rules'
   * edition 2 apply it with their office's calendar.
   */
  rollForwardClocks?: RollForwardClocks;
  /**
   * The justified long absences that pause the journey's clocks (issue 14), from `ABSENCE_REASONS`. Absent or null:
   * the GOL list (`GOL_ABSENCE_REASONS`). Journeys pin it at start.
   */
  absenceReasons?: AbsenceReason[] | null;
  /**
   * The areas of GOL's qualitative assessment (issue 14), for the catalogue a journey starts its assessment under
   * (`GOL`): snake_case names, each at most 60 characters. Absent or null: `DEFAULT_ASSESSMENT_AREAS`.
   */
  assessmentAreas?: string[] | null;
  /**
   * Issue 15: `national` (the defaults, in every region that has not published its own version of the code) or the
   * region that published it (`REGION_KEYS`); versions are numbered per scope and code. Absent: national.
   */
  scope?: CatalogueScope;
  /**
   * Issue 15: the periodic presentation the programme's benefit asks (ADI: a meeting `first` P120D after the digital
   * activation pact, then `every` P90D; SFL: a confirmation every P90D and the benefit's months), whether a convocation
   * missed without an excuse ends the benefit, the SFL's duration and extension. Absent or null: none. Journeys pin it.
   */
  presentation?: PresentationObligation | null;
  /**
   * How long a closed episode's personal data is kept (issue 15), an ISO-8601 duration from the closure: past it, the
   * retention sweep erases it (read model minimised, the journey's payload key shredded). Absent or null:
   * `DEFAULT_PERSONAL_DATA_RETENTION` (P10Y). Journeys pin it at start with the catalogue's version.
   */
  personalDataRetention?: string | null;
}

export interface ServiceStep {
  service: ServiceCode;
  /** Services that must be completed before this one starts; each must be listed earlier in the catalogue. */
  after: ServiceCode[];
}

export type CatalogueDefinition = Omit<ProgrammeCatalogue, 'version'>;

/** What a programme's code is made of. */
const CODE_PATTERN = /^[A-Z0-9_-]{2,32}$/;

/** Checks a catalogue definition; an empty list means it is valid. Every problem carries its code ({@link CatalogueProblem}). */
export function validateCatalogue(input: unknown): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const c = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const codeMessage = 'must be 2–32 capital letters, digits, - or _';
  if (typeof c.code !== 'string') problems.push(wrongType('code', codeMessage, 'string'));
  else if (!CODE_PATTERN.test(c.code)) problems.push({ field: 'code', message: codeMessage, code: 'invalid_format', params: { format: 'regex', pattern: CODE_PATTERN.source } });
  const titleMessage = 'must be a non-empty text of at most 200 characters';
  if (typeof c.title !== 'string') problems.push(wrongType('title', titleMessage, 'string'));
  else if (c.title.trim().length === 0) problems.push({ field: 'title', message: titleMessage, code: 'too_small', params: { minimum: 1, origin: 'string' } });
  else if (c.title.length > 200) problems.push({ field: 'title', message: titleMessage, code: 'too_big', params: { maximum: 200, origin: 'string' } });
  const clocks = c.clocks as Record<string, unknown> | undefined;
  if (typeof clocks !== 'object' || clocks === null || Array.isArray(clocks)) {
    problems.push(wrongType('clocks', `must be an object with ${CORE_CLOCK_NAMES.join(', ')}`, 'object'));
  } else {
    for (const name of CLOCK_NAMES) {
      const value = clocks[name];
      if (value === null || (value === undefined && !(CORE_CLOCK_NAMES as readonly string[]).includes(name))) continue;
      if (!isPositiveDuration(value)) {
        problems.push({ field: `clocks.${name}`, message: 'must be a positive ISO-8601 duration such as P7D or PT30S, or null', code: 'invalid_duration' });
      }
    }
    for (const name of Object.keys(clocks)) {
      if (!CLOCK_NAMES.includes(name as ClockName)) problems.push(unknownField(`clocks.${name}`, 'is not a clock of the catalogue', name));
    }
  }
  problems.push(...validateServices(c.services));
  problems.push(...validateWorkingDayClocks(c.workingDayClocks, clocks));
  problems.push(...validateOfferSuitability(c.offerSuitability));
  problems.push(...validateRollForwardClocks(c.rollForwardClocks));
  problems.push(...validateAssessmentAreas(c.assessmentAreas));
  problems.push(...validateAbsenceReasons(c.absenceReasons));
  problems.push(...validatePresentationObligation(c.presentation));
  problems.push(...validatePersonalDataRetention(c.personalDataRetention));
  return problems;
}

/** A catalogue's absence reasons: absent or null (the GOL list), or a list of distinct known reasons (issue 14). */
function validateAbsenceReasons(reasons: unknown): CatalogueProblem[] {
  if (reasons === undefined || reasons === null) return [];
  if (!Array.isArray(reasons)) return [wrongType('absenceReasons', `must be a list of ${ABSENCE_REASONS.join(', ')}, or null`, 'array')];
  const problems: CatalogueProblem[] = [];
  reasons.forEach((r, i) => {
    if (!(ABSENCE_REASONS as readonly unknown[]).includes(r)) problems.push(notOneOf(`absenceReasons[${i}]`, `must be one of ${ABSENCE_REASONS.join(', ')}`, ABSENCE_REASONS));
    else if (reasons.indexOf(r) !== i) problems.push({ field: `absenceReasons[${i}]`, message: 'is listed twice', code: 'repeated_value', params: { value: String(r) } });
  });
  return problems;
}

function validateServices(services: unknown): CatalogueProblem[] {
  if (services === undefined || services === null) return [];
  const shape = 'must be a non-empty list of { service, after } starting with reception, or null';
  if (!Array.isArray(services)) return [wrongType('services', shape, 'array')];
  if (services.length === 0) return [{ field: 'services', message: shape, code: 'too_small', params: { minimum: 1, origin: 'array' } }];
  const problems: CatalogueProblem[] = [];
  const seen: string[] = [];
  services.forEach((step: unknown, i) => {
    const s = (typeof step === 'object' && step !== null ? step : {}) as Record<string, unknown>;
    const field = `services[${i}]`;
    if (!SERVICE_CODES.includes(s.service as ServiceCode)) {
      problems.push(notOneOf(`${field}.service`, `must be one of ${SERVICE_CODES.join(', ')}`, SERVICE_CODES));
    } else if (seen.includes(s.service as string)) {
      problems.push({ field: `${field}.service`, message: `${String(s.service)} is listed twice`, code: 'repeated_value', params: { value: String(s.service) } });
    }
    if (!Array.isArray(s.after) || s.after.some((a) => typeof a !== 'string')) {
      problems.push(wrongType(`${field}.after`, 'must be a list of service codes (empty when it has no prerequisite)', 'array'));
    } else {
      for (const a of s.after as string[]) {
        if (!seen.includes(a)) {
          problems.push({
            field: `${field}.after`,
            message: `${a} must be a service listed before ${String(s.service)}`,
            code: 'prerequisite_not_before',
            params: { prerequisite: a, service: String(s.service) },
          });
        }
      }
    }
    if (i === 0 && s.service !== 'reception') problems.push({ field: `${field}.service`, message: 'the first service is reception (the presa in carico)', code: 'first_service_not_reception' });
    if (typeof s.service === 'string') seen.push(s.service);
    for (const key of Object.keys(s)) if (key !== 'service' && key !== 'after') problems.push(unknownField(`${field}.${key}`, 'is not a field of a service step', key));
  });
  return problems;
}

function validateWorkingDayClocks(list: unknown, clocks: Record<string, unknown> | undefined): CatalogueProblem[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [wrongType('workingDayClocks', `must be a list of clock names among ${LEGAL_CLOCK_NAMES.join(', ')}`, 'array')];
  const problems: CatalogueProblem[] = [];
  list.forEach((name: unknown, i) => {
    if (!LEGAL_CLOCK_NAMES.includes(name as LegalClockName)) {
      problems.push(notOneOf(`workingDayClocks[${i}]`, `must be one of ${LEGAL_CLOCK_NAMES.join(', ')}`, LEGAL_CLOCK_NAMES));
      return;
    }
    const value = clocks?.[name as string];
    if (typeof value === 'string' && wholeDays(value) === null) {
      problems.push({
        field: `workingDayClocks[${i}]`,
        message: `clocks.${String(name)} counts working days, so it must be whole days such as P2D`,
        code: 'not_whole_days',
        params: { clock: String(name) },
      });
    }
  });
  return problems;
}

function validateRollForwardClocks(settings: unknown): CatalogueProblem[] {
  if (settings === undefined) return [];
  const shape = `must be an object keyed by clock names among ${LEGAL_CLOCK_NAMES.join(', ')}, each { saturdaysClosed: true|false }`;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return [wrongType('rollForwardClocks', shape, 'object')];
  const problems: CatalogueProblem[] = [];
  for (const [name, setting] of Object.entries(settings)) {
    const field = `rollForwardClocks.${name}`;
    if (!LEGAL_CLOCK_NAMES.includes(name as LegalClockName)) {
      problems.push({
        field,
        message: `is not a legal clock: only ${LEGAL_CLOCK_NAMES.join(', ')} move off closed days`,
        code: 'not_legal_clock',
        params: { name, values: LEGAL_CLOCK_NAMES.join(', ') },
      });
      continue;
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      problems.push(wrongType(field, 'must be an object { saturdaysClosed: true|false }', 'object'));
      continue;
    }
    const s = setting as Record<string, unknown>;
    if (typeof s.saturdaysClosed !== 'boolean') problems.push(wrongType(`${field}.saturdaysClosed`, 'must be true or false', 'boolean'));
    for (const key of Object.keys(s)) if (key !== 'saturdaysClosed') problems.push(unknownField(`${field}.${key}`, 'is not a field of a roll-forward setting', key));
  }
  return problems;
}

/** An assessment area's name: snake_case, at most 60 characters. */
const AREA_PATTERN = /^[a-z][a-z0-9_]{0,59}$/;

function validateAssessmentAreas(areas: unknown): CatalogueProblem[] {
  if (areas === undefined || areas === null) return [];
  const shape = 'must be a non-empty list of at most 30 distinct area names (snake_case, at most 60 characters), or null';
  if (!Array.isArray(areas)) return [wrongType('assessmentAreas', shape, 'array')];
  if (areas.length === 0) return [{ field: 'assessmentAreas', message: shape, code: 'too_small', params: { minimum: 1, origin: 'array' } }];
  if (areas.length > 30) return [{ field: 'assessmentAreas', message: shape, code: 'too_big', params: { maximum: 30, origin: 'array' } }];
  const problems: CatalogueProblem[] = [];
  const nameMessage = 'must be a snake_case name of at most 60 characters';
  areas.forEach((a: unknown, i) => {
    const field = `assessmentAreas[${i}]`;
    if (typeof a !== 'string') problems.push(wrongType(field, nameMessage, 'string'));
    else if (a.length > 60) problems.push({ field, message: nameMessage, code: 'too_big', params: { maximum: 60, origin: 'string' } });
    else if (!AREA_PATTERN.test(a)) problems.push({ field, message: nameMessage, code: 'invalid_format', params: { format: 'regex', pattern: AREA_PATTERN.source } });
    else if (areas.indexOf(a) !== i) problems.push({ field, message: `${a} is listed twice`, code: 'repeated_value', params: { value: a } });
  });
  return problems;
}

const GOL_CLOCKS = golClocks();

const step = (service: ServiceCode, ...after: ServiceCode[]): ServiceStep => ({ service, after });

/**
 * The five GOL paths (Decreto 5 novembre 2021). The clocks are defaults, not law, except the legal ones (30 and 15
 * days, the next day for a justification, 2 working days for an offer excuse, 30 days for an appeal). Regions change
 * them with a new version. The appeal, the excuse windows and the first-contact clocks move off the office's closed
 * days (the appeal with Saturdays closed, art. 155 c.5 c.p.c.).
 */
export const GOL_DEFAULT_CATALOGUES: CatalogueDefinition[] = [
  {
    code: 'GOL-1',
    title: 'GOL percorso 1 – Reinserimento lavorativo',
    clocks: GOL_CLOCKS,
    // Job-ready people: orientation, then job search with tutoring alongside.
    services: [step('reception'), step('second_level_interview', 'reception'), step('tutoring', 'second_level_interview'), step('job_search', 'second_level_interview')],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
  },
  {
    code: 'GOL-2',
    title: 'GOL percorso 2 – Aggiornamento (upskilling)',
    clocks: GOL_CLOCKS,
    // Short training: the plan names the modules, then tutoring and job search.
    services: [
      step('reception'),
      step('second_level_interview', 'reception'),
      step('path_definition', 'second_level_interview'),
      step('tutoring', 'path_definition'),
      step('job_search', 'path_definition'),
    ],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
  },
  {
    code: 'GOL-3',
    title: 'GOL percorso 3 – Riqualificazione (reskilling)',
    clocks: GOL_CLOCKS,
    // Longer retraining: a skills assessment first shapes the plan.
    services: [
      step('reception'),
      step('second_level_interview', 'reception'),
      step('skills_assessment', 'second_level_interview'),
      step('path_definition', 'skills_assessment'),
      step('tutoring', 'path_definition'),
      step('job_search', 'path_definition'),
    ],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
  },
  {
    code: 'GOL-4',
    title: 'GOL percorso 4 – Lavoro e inclusione',
    clocks: { ...GOL_CLOCKS, stallAfter: 'P90D' },
    // Complex needs, with the social services (a referral): every service, tutoring before job search.
    services: [
      step('reception'),
      step('second_level_interview', 'reception'),
      step('skills_assessment', 'second_level_interview'),
      step('path_definition', 'skills_assessment'),
      step('tutoring', 'path_definition'),
      step('job_search', 'tutoring'),
    ],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
  },
  {
    code: 'GOL-5',
    title: 'GOL percorso 5 – Ricollocazione collettiva',
    clocks: GOL_CLOCKS,
    // Collective redundancies: assessment and company scouting in parallel after the interview.
    services: [
      step('reception'),
      step('second_level_interview', 'reception'),
      step('skills_assessment', 'second_level_interview'),
      step('job_search', 'second_level_interview'),
      step('path_definition', 'skills_assessment'),
      step('tutoring', 'second_level_interview'),
    ],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
  },
];

/**
 * The catalogue a GOL journey starts under before its path is chosen (issue 14): the assessment stage. Its clocks are
 * the GOL ones (the legal first-contact clocks, the profiling review, stall and escalation; the pact's clocks apply
 * only under a path); its services the presa in carico and the second-level interview where the qualitative
 * assessment is made — no path services; its assessment areas the documented default.
 */
export const GOL_ASSESSMENT_CATALOGUE: CatalogueDefinition = {
  code: 'GOL',
  title: 'GOL – Assessment (profilazione quantitativa e qualitativa)',
  clocks: GOL_CLOCKS,
  services: [step('reception'), step('second_level_interview', 'reception')],
  workingDayClocks: golWorkingDayClocks(),
  rollForwardClocks: golRollForwardClocks(),
  assessmentAreas: [...DEFAULT_ASSESSMENT_AREAS],
};

/**
 * Issue 15: the national benefits of D.L. 48/2023 with their own clocks, next to the GOL paths. Their clocks are the
 * GOL defaults for what the journey shares (reception, the pact, stall, escalation; the first-contact clocks of
 * D.lgs. 150/2015 too, as every DID), their presentation obligation the decree's: ADI (art. 4 cc. 4–5) a meeting
 * within 120 days of the digital activation pact, then every 90 days; SFL (art. 12) a confirmation every 90 days, 12
 * months extended by at most 12 with the pact updated (docs/adi-sfl-legal-check.md). Their services: reception, then
 * the interview and tutoring.
 */
export const BENEFIT_DEFAULT_CATALOGUES: CatalogueDefinition[] = [
  {
    code: 'ADI',
    title: 'Assegno di inclusione (D.L. 48/2023) – Percorso di attivazione lavorativa',
    clocks: GOL_CLOCKS,
    services: [step('reception'), step('second_level_interview', 'reception'), step('tutoring', 'second_level_interview')],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
    presentation: ADI_PRESENTATION,
  },
  {
    code: 'SFL',
    title: 'Supporto per la formazione e il lavoro (art. 12 D.L. 48/2023)',
    clocks: GOL_CLOCKS,
    services: [step('reception'), step('second_level_interview', 'reception'), step('path_definition', 'second_level_interview'), step('tutoring', 'path_definition')],
    workingDayClocks: golWorkingDayClocks(),
    rollForwardClocks: golRollForwardClocks(),
    presentation: SFL_PRESENTATION,
  },
];
