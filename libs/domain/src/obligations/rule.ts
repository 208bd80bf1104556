import { wholeDays } from '../clocks/clock-table';
import { addCalendarDays, addRomeDuration, isPositiveDuration, romeDateOf, romeEndOfDay, romeStartOfDay, toMillis } from '../dates';
import type { BenefitState } from '../benefits/model';
import type { JourneyState } from '../journey/model';
import { notOneOf, unknownField, wrongType, type CatalogueProblem } from '../programme/problem';
import { OBLIGATION_BENEFIT_KINDS, PRESENTATION_KINDS, type PresentationObligation, type PresentationState } from './model';

/** The catalogue's obligation, its defaults for ADI and SFL, and the instants it puts in a journey's future. */

/** ADI (art. 4 D.L. 48/2023): the first meeting within 120 days of the activation pact, then every 90 days. */
export const ADI_PRESENTATION: PresentationObligation = {
  benefit: 'adi',
  kind: 'meeting',
  first: 'P120D',
  every: 'P90D',
  decadenzaOnMissedConvocation: true,
  duration: null,
};

/** SFL (art. 12 c.7–8): participation confirmed every 90 days; 12 months, 12 more with the pact updated. */
export const SFL_PRESENTATION: PresentationObligation = {
  benefit: 'sfl',
  kind: 'confirmation',
  first: null,
  every: 'P90D',
  decadenzaOnMissedConvocation: true,
  duration: { length: 'P12M', extension: 'P12M', updateWindow: 'P1M', updateGrace: 'P90D' },
};

type Problem = CatalogueProblem;

const DURATION_MESSAGE = 'must be a positive ISO-8601 duration such as P90D, P12M or PT30S';

/** Checks a catalogue's `presentation`: absent or null (no obligation), or a complete obligation. */
export function validatePresentationObligation(value: unknown): Problem[] {
  if (value === undefined || value === null) return [];
  const field = 'presentation';
  if (typeof value !== 'object' || Array.isArray(value)) return [wrongType(field, 'must be an object { benefit, kind, first, every, decadenzaOnMissedConvocation, duration }, or null', 'object')];
  const v = value as Record<string, unknown>;
  const problems: Problem[] = [];
  if (!(OBLIGATION_BENEFIT_KINDS as readonly unknown[]).includes(v.benefit)) problems.push(notOneOf(`${field}.benefit`, `must be one of ${OBLIGATION_BENEFIT_KINDS.join(', ')}`, OBLIGATION_BENEFIT_KINDS));
  if (!(PRESENTATION_KINDS as readonly unknown[]).includes(v.kind)) problems.push(notOneOf(`${field}.kind`, `must be one of ${PRESENTATION_KINDS.join(', ')}`, PRESENTATION_KINDS));
  if (v.first !== null && !isPositiveDuration(v.first)) {
    problems.push({ field: `${field}.first`, message: `${DURATION_MESSAGE}, or null (the first falls \`every\` after the pact)`, code: 'invalid_duration' });
  }
  if (!isPositiveDuration(v.every)) problems.push({ field: `${field}.every`, message: DURATION_MESSAGE, code: 'invalid_duration' });
  if (typeof v.decadenzaOnMissedConvocation !== 'boolean') problems.push(wrongType(`${field}.decadenzaOnMissedConvocation`, 'must be true or false', 'boolean'));
  problems.push(...validateDuration(v.duration));
  const known = ['benefit', 'kind', 'first', 'every', 'decadenzaOnMissedConvocation', 'duration'];
  for (const key of Object.keys(v)) if (!known.includes(key)) problems.push(unknownField(`${field}.${key}`, 'is not a field of a presentation obligation', key));
  return problems;
}

function validateDuration(value: unknown): Problem[] {
  const field = 'presentation.duration';
  if (value === null) return [];
  if (typeof value !== 'object' || value === undefined || Array.isArray(value)) return [wrongType(field, 'must be an object { length, extension, updateWindow, updateGrace }, or null', 'object')];
  const v = value as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of ['length', 'extension', 'updateWindow', 'updateGrace']) if (!isPositiveDuration(v[key])) problems.push({ field: `${field}.${key}`, message: DURATION_MESSAGE, code: 'invalid_duration' });
  for (const key of Object.keys(v)) if (!['length', 'extension', 'updateWindow', 'updateGrace'].includes(key)) problems.push(unknownField(`${field}.${key}`, 'is not a field of a duration', key));
  return problems;
}

/**
 * When a period that started at `from` runs out: whole days (`P90D`) count civil days in Rome and end with their
 * last day; months and time parts (`P12M`, `PT30S` in test catalogues) move on the Rome calendar.
 */
export function periodEnd(from: string, period: string): string {
  const days = wholeDays(period);
  return days === null ? addRomeDuration(from, period) : romeEndOfDay(addCalendarDays(romeDateOf(from), days));
}

/** The benefit the obligation binds, while it is neither refused nor ended (claimed, granted or suspended); else null. */
export function boundBenefit(state: Pick<JourneyState, 'presentation' | 'benefit'>): BenefitState | null {
  const b = state.benefit;
  const p = state.presentation;
  if (!p || !b || b.kind !== p.rule.benefit) return null;
  return b.status === 'refused' || b.status === 'ended' ? null : b;
}

/** When the obligation's clocks start: the digital activation pact's day (absent: the application's), in Rome. */
export function activationStart(benefit: BenefitState): string {
  return romeStartOfDay(benefit.activationPactDate ?? benefit.applicationDate);
}

/** The presentation clock: when the next presentation falls due and when its clock started, or null (none runs). */
export function presentationClock(state: JourneyState): { at: string; since: string } | null {
  const b = boundBenefit(state);
  const p = state.presentation;
  if (!b || !p || p.exemption !== null || p.missedDueAt !== null) return null;
  const start = activationStart(b);
  const later = [p.lastPresentedAt, p.exemptionWithdrawnAt].filter((t): t is string => t !== null && toMillis(t) >= toMillis(start));
  if (later.length === 0) return { at: periodEnd(start, p.rule.first ?? p.rule.every), since: start };
  const since = later.reduce((a, c) => (toMillis(c) > toMillis(a) ? c : a));
  return { at: periodEnd(since, p.rule.every), since };
}

/** Whether the benefit is suspended for a reason of this obligation (a missed presentation, the pact not updated). */
export function suspendedByObligation(state: JourneyState, reason: 'missed_presentation' | 'pact_not_updated'): boolean {
  const b = boundBenefit(state);
  return b !== null && b.status === 'suspended' && b.history.at(-1)?.reason === reason;
}

/** SFL: when the benefit's months end (extended once the pact was updated), or null without a duration. */
export function participationEndsAt(state: JourneyState): string | null {
  const b = boundBenefit(state);
  const d = state.presentation?.rule.duration;
  if (!b || !d) return null;
  const first = periodEnd(activationStart(b), d.length);
  return state.presentation!.extendedAt ? periodEnd(first, d.extension) : first;
}

/** When the pact was last signed or amended at or after `since`, or null. */
export function pactUpdatedSince(state: JourneyState, since: string): string | null {
  let found: string | null = null;
  for (const v of state.pactVersions) {
    const at = v.proposedAt ?? v.signedAt;
    if (toMillis(at) >= toMillis(since) && (found === null || toMillis(at) > toMillis(found))) found = at;
  }
  return found;
}

/** A journey's obligation as it starts: the catalogue's rule, nothing presented yet. */
export function startingPresentation(rule: PresentationObligation | null | undefined): PresentationState | null {
  return rule ? { rule, lastPresentedAt: null, missedDueAt: null, exemption: null, exemptionWithdrawnAt: null, extendedAt: null, awaitingPactUpdateSince: null } : null;
}
