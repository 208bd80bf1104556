import { addCalendarDays } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { DEMO_OFFICES, type DemoOffice, type DemoStaffMember } from './offices';
import { makePerson, type DemoPerson } from './people';

/**
 * The plan of the demo: which person starts which journey, at which office, in which programme, from which DID, and
 * how far their story goes. Pure and deterministic: the same seed, size and day give the same plan (so a second run
 * starts the same episodes, which the API answers 409). What then happens is the domain's: the demo only sends the
 * commands an operator would send.
 */

/** How far a journey's story goes; each ends in a stage (see `STORY_STAGE`). */
export const STORIES = [
  'awaiting_intake',
  'assessment',
  'awaiting_pact',
  'pact_awaiting_acceptance',
  'pact_active',
  'overdue_action',
  'appointment_held',
  'appointment_missed',
  'suspended',
  'absent',
  'placed',
  'closed',
  'transferred',
  'exempt',
  'step_proposed',
  'step_confirmed',
  'step_dismissed',
] as const;
export type Story = (typeof STORIES)[number];

/** The stage a story leaves its journey in (a transfer's journey: closed; the next episode it opens starts in awaiting_intake). */
export const STORY_STAGE: Record<Story, 'awaiting_intake' | 'assessment' | 'awaiting_pact' | 'pact_active' | 'suspended' | 'closed'> = {
  awaiting_intake: 'awaiting_intake',
  assessment: 'assessment',
  awaiting_pact: 'awaiting_pact',
  pact_awaiting_acceptance: 'awaiting_pact',
  pact_active: 'pact_active',
  overdue_action: 'pact_active',
  appointment_held: 'pact_active',
  appointment_missed: 'pact_active',
  suspended: 'suspended',
  absent: 'pact_active',
  placed: 'closed',
  closed: 'closed',
  transferred: 'closed',
  exempt: 'pact_active',
  step_proposed: 'pact_active',
  step_confirmed: 'pact_active',
  step_dismissed: 'pact_active',
};

/**
 * The conditionality stories (a NASpI recipient convened by PEC misses an interview without an excuse; once the
 * justification window closes the journey proposes a step; the CPI operator confirms it, dismisses it or has not decided
 * yet) run under a demo catalogue whose justification window is seconds, not GOL's day (`CONDITIONALITY_PROGRAMME`),
 * so the demo sees the window close. Their offices are CPIs: only a CPI decides a step.
 */
export const CONDITIONALITY_STORIES: readonly Story[] = ['step_proposed', 'step_confirmed', 'step_dismissed'];
export const isConditionalityStory = (story: Story): boolean => CONDITIONALITY_STORIES.includes(story);

/** The demo's catalogue for the conditionality stories: GOL's clocks, the justification window in seconds. */
export const CONDITIONALITY_PROGRAMME = {
  code: 'DEMO-CONDIZ',
  title: 'Percettori NASpI convocati – catalogo dimostrativo (giustificazione entro 30 secondi)',
  justificationWindow: 'PT30S',
} as const;

export type GolPath = 1 | 2 | 3 | 4 | 5;
export type Route = { kind: 'gol'; path: GolPath; viaAssessment: boolean } | { kind: 'adi' } | { kind: 'sfl' };

export interface PlannedBenefit {
  kind: 'naspi' | 'dis_coll' | 'adi' | 'sfl';
  applicationDate: string;
  activationPactDate?: string;
  /** When INPS granted it (NASpI, DIS-COLL), if it did by today. */
  grantedOn?: string;
}

export interface PlannedJourney {
  /** 0-based position in the plan: with the seed, it names the journey's Idempotency-Keys. */
  index: number;
  person: DemoPerson;
  officeId: string;
  /** The operator who follows the journey and sends its commands. */
  operatorId: string;
  route: Route;
  /** The programme it starts under: `GOL` (the assessment chooses the path), `GOL-n`, `ADI` or `SFL`. */
  programmeCode: string;
  story: Story;
  /** YYYY-MM-DD, in the past (spread over months). */
  didDate: string;
  /** The day of the presa in carico, when the story has one. */
  intakeDate: string | null;
  benefit: PlannedBenefit | null;
  /** GOL only: the monitoring data given at the start (most journeys have them). */
  monitoring: { birthDate: string; sex: 'M' | 'F'; disabled: boolean; longTermUnemployed: boolean; neet: boolean; socialServicesReferral: boolean } | null;
  /** The programme a `transferred` story moves to. */
  transferTo: string | null;
}

/** First entries of every plan: each stage, each GOL path, the assessment, ADI and SFL, whatever the size. */
const COVERAGE: readonly [Route, Story][] = [
  [{ kind: 'gol', path: 1, viaAssessment: true }, 'assessment'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'awaiting_intake'],
  [{ kind: 'gol', path: 2, viaAssessment: false }, 'awaiting_pact'],
  [{ kind: 'gol', path: 3, viaAssessment: true }, 'pact_active'],
  [{ kind: 'gol', path: 4, viaAssessment: false }, 'pact_awaiting_acceptance'],
  [{ kind: 'gol', path: 5, viaAssessment: false }, 'placed'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'overdue_action'],
  [{ kind: 'gol', path: 1, viaAssessment: true }, 'appointment_held'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'appointment_missed'],
  [{ kind: 'gol', path: 2, viaAssessment: false }, 'suspended'],
  [{ kind: 'gol', path: 3, viaAssessment: false }, 'absent'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'transferred'],
  [{ kind: 'gol', path: 4, viaAssessment: true }, 'closed'],
  [{ kind: 'adi' }, 'pact_active'],
  [{ kind: 'sfl' }, 'pact_active'],
  [{ kind: 'adi' }, 'exempt'],
  [{ kind: 'gol', path: 5, viaAssessment: true }, 'awaiting_pact'],
  [{ kind: 'gol', path: 2, viaAssessment: true }, 'placed'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'step_proposed'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'step_confirmed'],
  [{ kind: 'gol', path: 1, viaAssessment: false }, 'step_dismissed'],
];

const GOL_STORY_WEIGHTS: Partial<Record<Story, number>> = {
  awaiting_intake: 7,
  assessment: 7,
  awaiting_pact: 10,
  pact_awaiting_acceptance: 5,
  pact_active: 18,
  overdue_action: 10,
  appointment_held: 8,
  appointment_missed: 8,
  suspended: 5,
  absent: 4,
  placed: 10,
  closed: 4,
  transferred: 3,
  step_proposed: 3,
  step_confirmed: 3,
  step_dismissed: 1,
};
const OBLIGATION_STORY_WEIGHTS: Partial<Record<Story, number>> = { awaiting_intake: 15, pact_active: 45, exempt: 15, appointment_missed: 10, placed: 10, closed: 5 };
const PATH_WEIGHTS = { 1: 35, 2: 25, 3: 20, 4: 12, 5: 8 } as const;
const TRANSFER_TARGET: Record<GolPath, string> = { 1: 'GOL-2', 2: 'GOL-3', 3: 'GOL-2', 4: 'GOL-1', 5: 'GOL-1' };

export interface Plan {
  offices: readonly DemoOffice[];
  journeys: PlannedJourney[];
}

/** `journeys` journeys over the demo offices, their people born in or near the office's comune, as of `today`. */
export function makePlan(seed: number, journeys: number, today: string, staff: readonly DemoStaffMember[]): Plan {
  const r = new Random(seed);
  const offices = DEMO_OFFICES;
  const birthPlaces = [...new Set(offices.map((o) => o.birthPlace))];
  const operatorsOf = new Map(offices.map((o) => [o.officeId, staff.filter((s) => s.officeId === o.officeId && s.role === 'operator').map((s) => s.staffId)]));
  const seen = new Set<string>();
  const planned: PlannedJourney[] = [];
  for (let index = 0; index < journeys; index++) {
    const [route, story] = index < COVERAGE.length ? COVERAGE[index] : drawRouteAndStory(r);
    const office = pickWeighted(r, isConditionalityStory(story) ? offices.filter((o) => o.kind === 'cpi') : offices);
    let person = makePerson(r, office.birthPlace, birthPlaces, today);
    // One journey per person in the plan: a second start would be the first one's 409.
    while (seen.has(person.fiscalCode)) person = makePerson(r, office.birthPlace, birthPlaces, today);
    seen.add(person.fiscalCode);
    planned.push(planJourney(r, index, person, office, operatorsOf.get(office.officeId) ?? [], route, story, today));
  }
  return { offices, journeys: planned };
}

function drawRouteAndStory(r: Random): [Route, Story] {
  const kind = r.weighted({ gol: 83, adi: 10, sfl: 7 });
  if (kind !== 'gol') return [{ kind }, r.weighted(OBLIGATION_STORY_WEIGHTS as Record<Story, number>)];
  const path = Number(r.weighted(PATH_WEIGHTS as unknown as Record<string, number>)) as GolPath;
  const story = r.weighted(GOL_STORY_WEIGHTS as Record<Story, number>);
  // The assessment stage exists only under the programme `GOL`; otherwise 60% go through it.
  const viaAssessment = story === 'assessment' || (story !== 'transferred' && !isConditionalityStory(story) && r.chance(0.6));
  // A conditionality story is a NASpI recipient's: a path whose journeys may have the benefit.
  return [{ kind: 'gol', path: isConditionalityStory(story) ? 1 : path, viaAssessment }, story];
}

function planJourney(r: Random, index: number, person: DemoPerson, office: DemoOffice, operators: readonly string[], route: Route, story: Story, today: string): PlannedJourney {
  const programmeCode = isConditionalityStory(story)
    ? CONDITIONALITY_PROGRAMME.code
    : route.kind === 'adi' ? 'ADI' : route.kind === 'sfl' ? 'SFL' : route.viaAssessment ? 'GOL' : `GOL-${route.path}`;
  // New journeys are recent; the others began weeks or months ago.
  const daysAgo = story === 'awaiting_intake' ? r.int(1, 25) : story === 'assessment' ? r.int(6, 45) : r.int(30, 240);
  const didDate = addCalendarDays(today, -daysAgo);
  const intakeDate = story === 'awaiting_intake' || story === 'assessment' ? null : addCalendarDays(didDate, r.int(2, Math.min(15, daysAgo - 1)));
  let benefit: PlannedBenefit | null = null;
  if (route.kind === 'adi' || route.kind === 'sfl') {
    const applicationDate = addCalendarDays(didDate, -r.int(3, 20));
    benefit = { kind: route.kind, applicationDate, activationPactDate: addCalendarDays(applicationDate, r.int(1, 3)) };
  } else if ((route.path <= 3 || route.path === 5) && (story === 'appointment_missed' || isConditionalityStory(story) ? true : r.chance(0.55))) {
    benefit = { kind: isConditionalityStory(story) || r.chance(0.85) ? 'naspi' : 'dis_coll', applicationDate: didDate };
    const grantedOn = addCalendarDays(didDate, r.int(10, 40));
    if (grantedOn < today && r.chance(0.85)) benefit.grantedOn = grantedOn;
  }
  const age = Number(today.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
  const monitoring =
    route.kind === 'gol' && r.chance(0.85) && !isConditionalityStory(story)
      ? {
          birthDate: person.birthDate,
          sex: person.sex,
          disabled: r.chance(0.06),
          longTermUnemployed: r.chance(route.path >= 3 ? 0.45 : 0.2),
          neet: age < 30 && r.chance(0.4),
          socialServicesReferral: r.chance(route.path === 4 ? 0.8 : 0.04),
        }
      : null;
  return {
    index,
    person,
    officeId: office.officeId,
    operatorId: operators.length > 0 ? r.pick(operators) : 'op-demo',
    route,
    programmeCode,
    story,
    didDate,
    intakeDate,
    benefit,
    monitoring,
    transferTo: story === 'transferred' && route.kind === 'gol' ? TRANSFER_TARGET[route.path] : null,
  };
}

function pickWeighted<T extends { weight: number }>(r: Random, items: readonly T[]): T {
  const total = items.reduce((sum, o) => sum + o.weight, 0);
  let x = r.next() * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1];
}

/** The journeys a plan expects per stage, per final programme (`GOL-n` once the path is chosen) and per story. */
export function expectedCounts(plan: Plan): { byStage: Record<string, number>; byProgramme: Record<string, number>; byStory: Record<string, number> } {
  const byStage: Record<string, number> = {};
  const byProgramme: Record<string, number> = {};
  const byStory: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  for (const j of plan.journeys) {
    add(byStage, STORY_STAGE[j.story]);
    add(byStory, j.story);
    add(byProgramme, finalProgramme(j));
    // A transfer opens the next episode, which starts afresh.
    if (j.transferTo) {
      add(byStage, 'awaiting_intake');
      add(byProgramme, j.transferTo);
    }
  }
  return { byStage, byProgramme, byStory };
}

/** The programme a journey runs under once its story is told: the path chosen in the assessment, or the one it started under. */
export function finalProgramme(j: PlannedJourney): string {
  if (j.route.kind === 'gol' && j.route.viaAssessment && j.story === 'assessment') return 'GOL';
  if (isConditionalityStory(j.story)) return j.programmeCode;
  return j.route.kind === 'gol' ? `GOL-${j.route.path}` : j.programmeCode;
}
