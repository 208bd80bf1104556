import type { DeadlineKind } from '../journey/deadlines';

/**
 * Every clock a catalogue may set, in one table: adding a clock is one entry here (and the rule that reads it, which
 * the compiler finds through `drives`). The catalogue's shape (`JourneyClocks`), its validation, the names the API
 * lists and the GOL defaults all follow from it.
 */
type ClockUse = DeadlineKind | 'appealDueAt' | 'contactFrequency';

/** How a legal clock's last day moves off a day the office is closed: to the next open day, Saturdays closed or not. */
export interface RollForwardSetting {
  /** Saturdays count as closed for this clock's last day (art. 155 c.5 c.p.c.), whatever the office's own Saturdays. */
  saturdaysClosed: boolean;
}

interface ClockDefinition {
  name: string;
  /** Every catalogue states it (possibly null); the others were added later, and absent means off. */
  core: boolean;
  /** A deadline of the law, counted in whole days; only these may count working days. */
  legal: boolean;
  /** The GOL default (ISO-8601). */
  gol: string;
  /** Whether the GOL catalogues count it in working days. */
  golWorkingDays: boolean;
  /**
   * Legal clocks counted in calendar days: whether the GOL catalogues move a last day the office is closed on to its
   * next open day (art. 2963 c.c., art. 155 c.4 c.p.c.), and whether Saturdays count as closed for it (art. 155 c.5
   * c.p.c.); null: not moved (and always null for a clock that is not legal).
   */
  golRollForward: RollForwardSetting | null;
  /**
   * The deadlines it times, or the date it sets (`appealDueAt` in a confirmed step, the pact's contact frequency): at
   * least one, and a new deadline kind named here does not compile until a feature drafts it.
   */
  drives: readonly [ClockUse, ...ClockUse[]];
}

export const CLOCK_TABLE = [
  /** How long before a pact action falls due the person is reminded. */
  { name: 'reminderBeforeDue', core: true, legal: false, gol: 'P2D', golWorkingDays: false, golRollForward: null, drives: ['action_reminder'] },
  /** How long an overdue action, a missed contact or a missed pact deadline may last before the supervisor is told. */
  { name: 'escalationAfter', core: true, legal: false, gol: 'P7D', golWorkingDays: false, golRollForward: null, drives: ['action_escalation', 'contact_escalation', 'pact_escalation'] },
  /** How long after the presa in carico the pact must be signed. */
  { name: 'pactDeadline', core: true, legal: false, gol: 'P30D', golWorkingDays: false, golRollForward: null, drives: ['pact_deadline'] },
  /** How long without progress (no intake, pact, completed action, contact or service) makes a journey stalled. */
  { name: 'stallAfter', core: true, legal: false, gol: 'P60D', golWorkingDays: false, golRollForward: null, drives: ['no_progress'] },
  /** Legal: the person contacts the office within this period of the DID (art. 20 c.1: 30 days). */
  { name: 'firstContactAfterDid', core: false, legal: true, gol: 'P30D', golWorkingDays: false, golRollForward: { saturdaysClosed: false }, drives: ['first_contact'] },
  /** Legal: a NASpI/DIS-COLL applicant within this period of the application (art. 21 c.2: 15 days). */
  { name: 'firstContactAfterBenefitClaim', core: false, legal: true, gol: 'P15D', golWorkingDays: false, golRollForward: { saturdaysClosed: false }, drives: ['first_contact'] },
  /** How long before an appointment the person is reminded. */
  { name: 'appointmentReminderBefore', core: false, legal: false, gol: 'P1D', golWorkingDays: false, golRollForward: null, drives: ['appointment_reminder'] },
  /** Legal: a missed appointment may be justified until this period after it (the next day); off: never expires. */
  { name: 'justificationWindow', core: false, legal: true, gol: 'P1D', golWorkingDays: false, golRollForward: { saturdaysClosed: false }, drives: ['justification_due'] },
  /** Legal: an excuse for refusing a suitable offer is due within this period of the refusal (2 working days). */
  { name: 'offerExcuseWindow', core: false, legal: true, gol: 'P2D', golWorkingDays: true, golRollForward: { saturdaysClosed: false }, drives: ['justification_due'] },
  /** Legal: the appeal against a conditionality sanction is due within this period of the decision (30 days). */
  { name: 'appealWindow', core: false, legal: true, gol: 'P30D', golWorkingDays: false, golRollForward: { saturdaysClosed: true }, drives: ['appealDueAt', 'appeal_window'] },
  /** How often the person must contact the operator when the pact does not say (ISO-8601, e.g. P30D). */
  { name: 'defaultContactFrequency', core: false, legal: false, gol: 'P30D', golWorkingDays: false, golRollForward: null, drives: ['contactFrequency'] },
  /**
   * How long a signed version of the pact may wait for the person's acceptance before the supervisors are told
   * (edition 2). Not a legal clock: the law sets no term; the GOL default is the product's.
   */
  { name: 'pactAcceptanceWindow', core: false, legal: false, gol: 'P7D', golWorkingDays: false, golRollForward: null, drives: ['pact_acceptance_due'] },
  /**
   * How long a GOL profiling holds before it is reviewed (issue 14): from the day the national model computed the
   * last one, the operator is told it is due. Not a legal clock; the GOL default is the product's (every 90 days).
   */
  { name: 'profilingReview', core: false, legal: false, gol: 'P90D', golWorkingDays: false, golRollForward: null, drives: ['profiling_review'] },
] as const satisfies readonly ClockDefinition[];

type Table = typeof CLOCK_TABLE;

/** The names of the table's clocks that match `Where`, as a tuple in table order. */
type NamesWhere<T extends readonly unknown[], Where> = T extends readonly [infer Head, ...infer Rest]
  ? Head extends Where & { name: infer N }
    ? readonly [N, ...NamesWhere<Rest, Where>]
    : NamesWhere<Rest, Where>
  : readonly [];

// The one place the table's rows become typed tuples: the filter and the type read the same column.
function namesWhere<K extends 'core' | 'legal', V extends boolean>(column: K, value: V): NamesWhere<Table, Record<K, V>> {
  return CLOCK_TABLE.filter((c) => c[column] === value).map((c) => c.name) as readonly string[] as unknown as NamesWhere<Table, Record<K, V>>;
}

/** The clocks every catalogue states (possibly null). */
export const CORE_CLOCK_NAMES = namesWhere('core', true);
/** Clocks added with the six services; absent means off. */
export const EXTRA_CLOCK_NAMES = namesWhere('core', false);
/**
 * The legal clocks: deadlines of the law, counted in whole days (each falls due at the end of its last day in Rome)
 * unless given with a time part (test catalogues use seconds). These may count working days.
 */
export const LEGAL_CLOCK_NAMES = namesWhere('legal', true);
export type LegalClockName = (typeof LEGAL_CLOCK_NAMES)[number];

type Simplify<T> = { [K in keyof T]: T[K] };

/** ISO-8601 durations; `null` turns the clock off. */
export type JourneyClocks = Simplify<
  { [K in (typeof CORE_CLOCK_NAMES)[number]]: string | null } & { [K in (typeof EXTRA_CLOCK_NAMES)[number]]?: string | null }
>;
export type ClockName = keyof JourneyClocks;

export const CLOCK_NAMES: readonly ClockName[] = CLOCK_TABLE.map((c) => c.name);

/** No clocks at all: what journeys started before catalogues existed run with. */
export const NO_CLOCKS: JourneyClocks = Object.fromEntries(CORE_CLOCK_NAMES.map((name) => [name, null])) as JourneyClocks;

/** The GOL defaults of every clock, in table order. */
export function golClocks(): JourneyClocks {
  return Object.fromEntries(CLOCK_TABLE.map((c) => [c.name, c.gol])) as JourneyClocks;
}

/**
 * The legal clocks a catalogue moves off closed days (`rollForwardClocks`): a last day counted in calendar days that
 * falls on a day the journey's office is closed moves to its next open day (art. 2963 c.c.; art. 155 c.4-5 c.p.c.).
 */
export type RollForwardClocks = { [K in LegalClockName]?: RollForwardSetting };

/** The GOL catalogues' roll-forward settings: the appeal (Saturdays closed), the excuse windows, the first contact. */
export function golRollForwardClocks(): RollForwardClocks {
  return Object.fromEntries(CLOCK_TABLE.flatMap((c) => (c.golRollForward ? [[c.name, { ...c.golRollForward }]] : []))) as RollForwardClocks;
}

/** The clocks the GOL catalogues count in working days. */
export function golWorkingDayClocks(): LegalClockName[] {
  return CLOCK_TABLE.filter((c) => c.golWorkingDays).map((c) => c.name as LegalClockName);
}

const WHOLE_DAYS = /^P(\d+)D$/;

/** Whether a duration is a whole number of days (`P15D`), the only shape a working-day clock may take. */
export function wholeDays(duration: string): number | null {
  const m = WHOLE_DAYS.exec(duration);
  return m ? Number(m[1]) : null;
}
