import { canonicalInstant, romeDateOf, romeStartOfDay, toMillis } from '../dates';
import { pausedMillis } from '../pauses/clock';
import { CONTRACT_TYPES, type ContractType } from '../outcomes/model';
import type { JourneyState } from '../journey/model';
import { subjectToConditionality } from '../benefits/running';
import { refusal, requireBoolean, requireOneOf, type Refused } from '../journey/rules';
import { numberOutside, unknownField, wrongType, type CatalogueProblem } from '../programme/problem';
import {
  EXPERIENCE_MATCHES,
  type FailedCriterion,
  type OfferSuitabilityFacts,
  type OfferSuitabilityInput,
  type OfferSuitabilityThresholds,
  type SuitabilityVerdict,
} from './model';

/**
 * Whether an offer is an offerta congrua, from its facts (art. 25 D.lgs. 150/2015; D.M. 10 aprile 2018 artt. 3–7,
 * G.U. n. 162 del 14 luglio 2018). Every criterion must hold together:
 * - art. 3: unemployment counts from the DID to the day the offer is proposed, in bands of up to 6, more than 6 up to
 *   12 and more than 12 months; the other criteria loosen as it grows;
 * - art. 4: coherent with experience and skills: up to 6 months the activity areas agreed in the pact, then the same
 *   economic-professional sector, after 12 months other sectors too;
 * - art. 5: a permanent contract, or a fixed-term or agency one of at least 3 months; full time or at least 80% of the
 *   hours of the last contract; pay not below the collective agreement's minimum;
 * - art. 6: within 50 km of home or 80 minutes by public transport; after 12 months, 80 km or 100 minutes;
 * - art. 7 (art. 25 c.1 lett. d): for benefit recipients, pay at least 20% above the benefit of the last month.
 * The numbers are the catalogue's (`offerSuitability`), these by default.
 */
export const DM_10_APRILE_2018: OfferSuitabilityThresholds = {
  minContractMonths: 3,
  minHoursPercentOfPrevious: 80,
  minPayPercentAboveBenefit: 20,
  maxDistanceKm: 50,
  maxTravelMinutes: 80,
  longUnemploymentAfterMonths: 12,
  maxDistanceKmLongUnemployed: 80,
  maxTravelMinutesLongUnemployed: 100,
  sameSectorAfterMonths: 6,
  otherSectorAfterMonths: 12,
};

export const OFFER_SUITABILITY_THRESHOLD_NAMES = Object.keys(DM_10_APRILE_2018) as (keyof OfferSuitabilityThresholds)[];

const PERMANENT: readonly ContractType[] = ['permanent', 'apprenticeship'];
const FIXED_LENGTH: readonly ContractType[] = ['fixed_term', 'temporary_agency'];
const DM = 'D.M. 10 aprile 2018';

/** The thresholds a journey applies: its catalogue's, or the D.M.'s. */
export function suitabilityThresholds(state: Pick<JourneyState, 'offerSuitability'>): OfferSuitabilityThresholds {
  return { ...DM_10_APRILE_2018, ...(state.offerSuitability ?? {}) };
}

/** The verdict of the facts: every criterion that fails, with its source. */
export function assessSuitability(facts: OfferSuitabilityFacts, t: OfferSuitabilityThresholds, benefitRecipient: boolean): SuitabilityVerdict {
  const failed: FailedCriterion[] = [];
  const months = facts.monthsUnemployed;
  const experienceOk =
    facts.experienceMatch === 'pact_activity_area' ||
    (facts.experienceMatch === 'same_sector' && months > t.sameSectorAfterMonths) ||
    (facts.experienceMatch === 'other_sector' && months > t.otherSectorAfterMonths);
  if (!experienceOk) {
    failed.push({
      criterion: 'experience',
      source: `${DM} art. 4`,
      message:
        facts.experienceMatch === 'none'
          ? 'the offer is not coherent with the experience and skills of the person'
          : `a match of ${facts.experienceMatch} counts after more than ${facts.experienceMatch === 'same_sector' ? t.sameSectorAfterMonths : t.otherSectorAfterMonths} months of unemployment (${months})`,
    });
  }
  const long = months > t.longUnemploymentAfterMonths;
  const [maxKm, maxMinutes] = long ? [t.maxDistanceKmLongUnemployed, t.maxTravelMinutesLongUnemployed] : [t.maxDistanceKm, t.maxTravelMinutes];
  if (facts.distanceKm > maxKm && facts.travelMinutes > maxMinutes) {
    failed.push({
      criterion: 'distance',
      source: `${DM} art. 6`,
      message: `${facts.distanceKm} km and ${facts.travelMinutes} minutes by public transport: at most ${maxKm} km or ${maxMinutes} minutes after ${months} months of unemployment`,
    });
  }
  if (!PERMANENT.includes(facts.contractType)) {
    if (!FIXED_LENGTH.includes(facts.contractType)) {
      failed.push({ criterion: 'contract', source: `${DM} art. 5 c.1 lett. a`, message: `a ${facts.contractType} contract is not a permanent, fixed-term or agency one` });
    } else if ((facts.contractMonths ?? 0) < t.minContractMonths) {
      failed.push({ criterion: 'contract', source: `${DM} art. 5 c.1 lett. a`, message: `${facts.contractMonths ?? 0} months: a ${facts.contractType} contract lasts at least ${t.minContractMonths}` });
    }
  }
  if (facts.previousWeeklyHours !== null && facts.weeklyHours * 100 < facts.previousWeeklyHours * t.minHoursPercentOfPrevious) {
    failed.push({
      criterion: 'hours',
      source: `${DM} art. 5 c.1 lett. b`,
      message: `${facts.weeklyHours} hours a week is less than ${t.minHoursPercentOfPrevious}% of the last contract's ${facts.previousWeeklyHours}`,
    });
  }
  if (!facts.payMeetsCollectiveAgreement) {
    failed.push({ criterion: 'collective_pay', source: `${DM} art. 5 c.1 lett. c`, message: "the pay is below the collective agreement's minimum" });
  }
  if (benefitRecipient && facts.benefitMonthlyAmount !== null) {
    const min = Math.round(facts.benefitMonthlyAmount * (100 + t.minPayPercentAboveBenefit)) / 100;
    if (facts.monthlyGrossPay < min) {
      failed.push({
        criterion: 'pay_above_benefit',
        source: `${DM} art. 7; art. 25 c.1 lett. d D.lgs. 150/2015`,
        message: `${facts.monthlyGrossPay} a month is less than ${min}, ${t.minPayPercentAboveBenefit}% above the benefit of ${facts.benefitMonthlyAmount}`,
      });
    }
  }
  return { congrua: failed.length === 0, failed };
}

/** Whole months from the DID date to the proposal (art. 3 c.1), in Rome civil dates. */
export function monthsSinceDid(didDate: string, at: string): number {
  const [y1, m1, d1] = didDate.split('-').map(Number);
  const [y2, m2, d2] = romeDateOf(at).split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}

function number(value: unknown, field: string, min: number, max: number): Refused | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? null
    : refusal('INVALID_VALUE', `must be a number from ${min} to ${max}`, field);
}

function optionalNumber(value: unknown, field: string, min: number, max: number): Refused | null {
  return value === undefined || value === null ? null : number(value, field, min, max);
}

/**
 * Whole months of unemployment at the proposal: from the DID, without the periods the unemployed status was suspended
 * by a job (art. 3 c.1 D.M. 10 aprile 2018; art. 19 c.3 D.lgs. 150/2015). Absences do not suspend the status: they count.
 */
function monthsUnemployedAt(state: JourneyState, proposedAt: string): number {
  const suspended = pausedMillis(state.pauses.filter((p) => p.kind === 'job'), romeStartOfDay(state.didDate), proposedAt);
  return monthsSinceDid(state.didDate, suspended === 0 ? proposedAt : canonicalInstant(toMillis(proposedAt) - suspended));
}

/** The facts of a command, checked and completed (months counted from the DID when not given), or the refusal naming the field. */
export function suitabilityFacts(state: JourneyState, input: OfferSuitabilityInput, proposedAt: string): OfferSuitabilityFacts | Refused {
  const f = `suitability`;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refusal('INVALID_VALUE', 'must be an object', f);
  const invalid =
    number(input.distanceKm, `${f}.distanceKm`, 0, 20000) ??
    number(input.travelMinutes, `${f}.travelMinutes`, 0, 6000) ??
    requireOneOf(input.contractType, CONTRACT_TYPES, `${f}.contractType`) ??
    optionalNumber(input.contractMonths, `${f}.contractMonths`, 0, 600) ??
    number(input.weeklyHours, `${f}.weeklyHours`, 0.5, 80) ??
    optionalNumber(input.previousWeeklyHours, `${f}.previousWeeklyHours`, 0.5, 80) ??
    number(input.monthlyGrossPay, `${f}.monthlyGrossPay`, 0, 1_000_000) ??
    requireBoolean(input.payMeetsCollectiveAgreement, `${f}.payMeetsCollectiveAgreement`) ??
    optionalNumber(input.benefitMonthlyAmount, `${f}.benefitMonthlyAmount`, 0, 100_000) ??
    optionalNumber(input.monthsUnemployed, `${f}.monthsUnemployed`, 0, 1200) ??
    requireOneOf(input.experienceMatch, EXPERIENCE_MATCHES, `${f}.experienceMatch`);
  if (invalid) return invalid;
  if (FIXED_LENGTH.includes(input.contractType) && input.contractMonths === undefined) {
    return refusal('INVALID_VALUE', `a ${input.contractType} contract states its length in months (art. 5 c.1 lett. a D.M. 10 aprile 2018)`, `${f}.contractMonths`);
  }
  if (subjectToConditionality(state, proposedAt) && input.benefitMonthlyAmount === undefined) {
    return refusal('INVALID_VALUE', "the person receives a benefit: state its monthly amount, the pay is compared with it (art. 7 D.M. 10 aprile 2018)", `${f}.benefitMonthlyAmount`);
  }
  return {
    distanceKm: input.distanceKm,
    travelMinutes: input.travelMinutes,
    contractType: input.contractType,
    contractMonths: input.contractMonths ?? null,
    weeklyHours: input.weeklyHours,
    previousWeeklyHours: input.previousWeeklyHours ?? null,
    monthlyGrossPay: input.monthlyGrossPay,
    payMeetsCollectiveAgreement: input.payMeetsCollectiveAgreement,
    benefitMonthlyAmount: input.benefitMonthlyAmount ?? null,
    monthsUnemployed: input.monthsUnemployed ?? monthsUnemployedAt(state, proposedAt),
    experienceMatch: input.experienceMatch,
  };
}

/** Checks a catalogue's `offerSuitability` section: absent or null (the D.M.'s defaults), or an object of the thresholds, each a number. */
export function validateOfferSuitability(value: unknown): CatalogueProblem[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [wrongType('offerSuitability', `must be an object with ${OFFER_SUITABILITY_THRESHOLD_NAMES.join(', ')}, or null`, 'object')];
  }
  const problems: CatalogueProblem[] = [];
  const v = value as Record<string, unknown>;
  for (const name of OFFER_SUITABILITY_THRESHOLD_NAMES) {
    const n = v[name];
    if (n === undefined) continue;
    const problem = numberOutside(`offerSuitability.${name}`, 'must be a number from 0 to 100000', n, 0, 100_000);
    if (problem) problems.push(problem);
  }
  for (const name of Object.keys(v)) {
    if (!(OFFER_SUITABILITY_THRESHOLD_NAMES as string[]).includes(name)) problems.push(unknownField(`offerSuitability.${name}`, 'is not a threshold of a congrua offer', name));
  }
  return problems;
}
