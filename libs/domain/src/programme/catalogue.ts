import { isPositiveDuration } from '../dates';

/**
 * A programme catalogue: versioned data, not code. A journey pins the version it started with, so changing a catalogue
 * never changes the rules of journeys already running.
 *
 * This version carries the clocks the journey engine keeps (reminders, escalation, the pact deadline, stall
 * detection); the services a path requires and their order come with the six services.
 */
export interface ProgrammeCatalogue {
  /** E.g. `GOL-1`. */
  code: string;
  /** 1, 2, …: each `PUT` makes a new version. */
  version: number;
  title: string;
  clocks: JourneyClocks;
}

/** ISO-8601 durations; `null` turns the clock off. */
export interface JourneyClocks {
  /** How long before a pact action falls due the person is reminded. */
  reminderBeforeDue: string | null;
  /** How long an overdue action, a missed contact or a missed pact deadline may last before the supervisor is told. */
  escalationAfter: string | null;
  /** How long after the presa in carico the pact must be signed. */
  pactDeadline: string | null;
  /** How long without progress (no intake, pact, completed action or contact) makes a journey stalled. */
  stallAfter: string | null;
}

export type CatalogueDefinition = Omit<ProgrammeCatalogue, 'version'>;

/** No clocks at all: what journeys started before catalogues existed run with. */
export const NO_CLOCKS: JourneyClocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };

const CLOCK_NAMES = Object.keys(NO_CLOCKS) as (keyof JourneyClocks)[];

export interface CatalogueProblem {
  field: string;
  message: string;
}

/** Checks a catalogue definition; an empty list means it is valid. */
export function validateCatalogue(input: unknown): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const c = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof c.code !== 'string' || !/^[A-Z0-9_-]{2,32}$/.test(c.code)) {
    problems.push({ field: 'code', message: 'must be 2–32 capital letters, digits, - or _' });
  }
  if (typeof c.title !== 'string' || c.title.trim().length === 0 || c.title.length > 200) {
    problems.push({ field: 'title', message: 'must be a non-empty text of at most 200 characters' });
  }
  const clocks = c.clocks as Record<string, unknown> | undefined;
  if (typeof clocks !== 'object' || clocks === null) {
    problems.push({ field: 'clocks', message: `must be an object with ${CLOCK_NAMES.join(', ')}` });
    return problems;
  }
  for (const name of CLOCK_NAMES) {
    const value = clocks[name];
    if (value === null) continue;
    if (!isPositiveDuration(value)) {
      problems.push({ field: `clocks.${name}`, message: 'must be a positive ISO-8601 duration such as P7D or PT30S, or null' });
    }
  }
  for (const name of Object.keys(clocks)) {
    if (!CLOCK_NAMES.includes(name as keyof JourneyClocks)) problems.push({ field: `clocks.${name}`, message: 'is not a clock of the catalogue' });
  }
  return problems;
}

const GOL_CLOCKS: JourneyClocks = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };

/**
 * The five GOL paths (Decreto 5 novembre 2021), shipped as version 1 of their catalogues. Regions change them with a
 * new version; the clocks here are defaults, not law.
 */
export const GOL_DEFAULT_CATALOGUES: CatalogueDefinition[] = [
  { code: 'GOL-1', title: 'GOL percorso 1 – Reinserimento lavorativo', clocks: GOL_CLOCKS },
  { code: 'GOL-2', title: 'GOL percorso 2 – Aggiornamento (upskilling)', clocks: GOL_CLOCKS },
  { code: 'GOL-3', title: 'GOL percorso 3 – Riqualificazione (reskilling)', clocks: GOL_CLOCKS },
  { code: 'GOL-4', title: 'GOL percorso 4 – Lavoro e inclusione', clocks: { ...GOL_CLOCKS, stallAfter: 'P90D' } },
  { code: 'GOL-5', title: 'GOL percorso 5 – Ricollocazione collettiva', clocks: GOL_CLOCKS },
];
