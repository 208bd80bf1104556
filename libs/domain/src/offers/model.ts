import type { ConvocationMethod } from '../appointments/model';
import type { JustificationReason, LapseOpened } from '../conditionality/model';
import type { EventEnvelope } from '../journey/event';
import type { ContractType } from '../outcomes/model';

/** Job offers under the pact: refusing a suitable one (offerta congrua, art. 25) counts on its ladder. */

/**
 * The valid excuses for refusing an offerta congrua, a closed list of their own (D.M. 10 aprile 2018 art. 8 c.2):
 * a) documented illness or injury; b) civil service, recall to arms; c) pregnancy, for the leave the law provides;
 * d) documented or certified serious family reasons; e) legal limits on personal mobility; f) any proven objective
 * impediment or force majeure. Unlike the appointments' list, a court summons is not one of them (it is force majeure
 * only when it proves an objective impediment). Source: G.U. n. 162 del 14 luglio 2018, art. 8.
 */
export const OFFER_JUSTIFICATION_REASONS = [
  'illness_or_injury',
  'civil_or_military_service',
  'pregnancy_leave',
  'serious_family_reasons',
  'mobility_restriction',
  'force_majeure',
] as const satisfies readonly JustificationReason[];
export type OfferJustificationReason = (typeof OFFER_JUSTIFICATION_REASONS)[number];

/**
 * How the offer's work matches the person's experience and skills (D.M. 10 aprile 2018 art. 4, on the SEP
 * classification of the pact): within the activity areas agreed in the pact, in the same economic-professional sector
 * (other processes or areas with professional continuity), in another sector, or not coherent at all.
 */
export const EXPERIENCE_MATCHES = ['pact_activity_area', 'same_sector', 'other_sector', 'none'] as const;
export type ExperienceMatch = (typeof EXPERIENCE_MATCHES)[number];

/** What an operator records about an offer, for the journey to say whether it is congrua (art. 25; D.M. 10 aprile 2018 artt. 3–7). */
export interface OfferSuitabilityFacts {
  /** Distance from the person's home to the workplace, km (art. 6). */
  distanceKm: number;
  /** Travel time by public transport, minutes (art. 6). */
  travelMinutes: number;
  contractType: ContractType;
  /** The length of a fixed-term or agency contract, months (art. 5 c.1 lett. a); null for a permanent one. */
  contractMonths: number | null;
  weeklyHours: number;
  /** Weekly hours of the person's last contract (art. 5 c.1 lett. b); null when there was none. */
  previousWeeklyHours: number | null;
  /** Monthly gross pay offered, euros. */
  monthlyGrossPay: number;
  /** Whether the pay is not below the minimum of the collective agreement (art. 5 c.1 lett. c). */
  payMeetsCollectiveAgreement: boolean;
  /** The benefit's monthly amount last received, euros (art. 7; art. 25 c.1 lett. d): benefit recipients only. */
  benefitMonthlyAmount: number | null;
  /** Months of unemployment from the DID to the proposal (art. 3); given, or counted from the DID. */
  monthsUnemployed: number;
  experienceMatch: ExperienceMatch;
}

/** The criteria of a congrua offer, each from its article of the D.M. 10 aprile 2018. */
export const SUITABILITY_CRITERIA = ['experience', 'distance', 'contract', 'hours', 'collective_pay', 'pay_above_benefit'] as const;
export type SuitabilityCriterion = (typeof SUITABILITY_CRITERIA)[number];

export interface FailedCriterion {
  criterion: SuitabilityCriterion;
  /** The rule it breaks, e.g. `D.M. 10 aprile 2018 art. 6`. */
  source: string;
  message: string;
}

/** What the facts say: congrua when no criterion fails. */
export interface SuitabilityVerdict {
  congrua: boolean;
  failed: FailedCriterion[];
}

/** The operator's own verdict over the facts', with the reason; it decides whether refusing the offer counts. */
export interface SuitabilityOverride {
  congrua: boolean;
  reason: string;
}

/**
 * The thresholds of a congrua offer: a catalogue section (`offerSuitability`), the D.M. 10 aprile 2018 by default.
 * Months of unemployment are compared as "more than N months" (art. 3: up to 6, more than 6 up to 12, more than 12).
 */
export interface OfferSuitabilityThresholds {
  /** Art. 5 c.1 lett. a: a fixed-term or agency contract of at least 3 months. */
  minContractMonths: number;
  /** Art. 5 c.1 lett. b: full time, or at least 80% of the hours of the last contract. */
  minHoursPercentOfPrevious: number;
  /** Art. 7 and art. 25 c.1 lett. d D.lgs. 150/2015: pay at least 20% above the benefit of the last month. */
  minPayPercentAboveBenefit: number;
  /** Art. 6: within 50 km of home or 80 minutes by public transport… */
  maxDistanceKm: number;
  maxTravelMinutes: number;
  /** …and, after more than 12 months of unemployment, 80 km or 100 minutes. */
  longUnemploymentAfterMonths: number;
  maxDistanceKmLongUnemployed: number;
  maxTravelMinutesLongUnemployed: number;
  /** Art. 4: after more than 6 months, the same sector; after more than 12, another sector too. */
  sameSectorAfterMonths: number;
  otherSectorAfterMonths: number;
}

/** The right to be heard (D.M. 10 aprile 2018 art. 8 c.4) on the refusal of an offer: heard, or declined (or not asked for in time). */
export const HEARING_OUTCOMES = ['heard', 'declined'] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];

export interface JobOfferRecordedData {
  offerId: string;
  employer: string;
  position: string;
  /**
   * Whether the offer is an offerta congrua (art. 25): refusing it counts on the suitable-offer ladder. Under the
   * rules' edition 2 it is what the facts say, or the operator's override.
   */
  suitable: boolean;
  communicatedBy: ConvocationMethod;
  operatorId: string;
  /** When the offer was proposed to the person (edition 2; absent: when it was recorded). */
  proposedAt?: string;
  /** The facts, the journey's verdict from them and the operator's override (edition 2; absent or null: none). */
  facts?: OfferSuitabilityFacts | null;
  verdict?: SuitabilityVerdict | null;
  override?: SuitabilityOverride | null;
}

export interface OfferAcceptedData {
  offerId: string;
  operatorId: string;
}

export interface OfferRefusedData {
  offerId: string;
  operatorId: string;
  /** Absent when the offer was not a suitable one: refusing it has no consequence. */
  lapse: LapseOpened | null;
}

export interface OfferHearingRecordedData {
  offerId: string;
  lapseId: string;
  /** When the person was heard, or declined. */
  heldAt: string;
  outcome: HearingOutcome;
  /** A short summary, never documents. */
  summary: string;
  operatorId: string;
}

/** The facts as a command gives them: `monthsUnemployed` is counted from the DID when left out. */
export type OfferSuitabilityInput = Omit<OfferSuitabilityFacts, 'contractMonths' | 'previousWeeklyHours' | 'benefitMonthlyAmount' | 'monthsUnemployed'> & {
  contractMonths?: number;
  previousWeeklyHours?: number;
  benefitMonthlyAmount?: number;
  monthsUnemployed?: number;
};

export interface RecordJobOfferCommand {
  type: 'RecordJobOffer';
  employer: string;
  position: string;
  /** Deprecated under edition 2 (one release): an override without facts. Required under edition 1. */
  suitable?: boolean;
  communicatedBy: ConvocationMethod;
  operatorId: string;
  /** When the offer was proposed to the person; defaults to now. */
  proposedAt?: string;
  suitability?: OfferSuitabilityInput;
  suitabilityOverride?: SuitabilityOverride;
}

export interface RecordOfferResponseCommand {
  type: 'RecordOfferResponse';
  offerId: string;
  response: 'accepted' | 'refused';
  operatorId: string;
}

/** The person's hearing on the refusal of an offer (D.M. 10 aprile 2018 art. 8 c.4). */
export interface RecordOfferHearingCommand {
  type: 'RecordOfferHearing';
  offerId: string;
  outcome: HearingOutcome;
  summary: string;
  /** When; defaults to now. */
  heldAt?: string;
  operatorId: string;
}

export type OffersCommand = RecordJobOfferCommand | RecordOfferResponseCommand | RecordOfferHearingCommand;

export type JobOfferRecorded = EventEnvelope<'JobOfferRecorded', JobOfferRecordedData>;
export type OfferAccepted = EventEnvelope<'OfferAccepted', OfferAcceptedData>;
export type OfferRefused = EventEnvelope<'OfferRefused', OfferRefusedData>;
export type OfferHearingRecorded = EventEnvelope<'OfferHearingRecorded', OfferHearingRecordedData>;
export type OffersEvent = JobOfferRecorded | OfferAccepted | OfferRefused | OfferHearingRecorded;

export interface JobOfferState extends Omit<JobOfferRecordedData, 'proposedAt' | 'facts' | 'verdict' | 'override'> {
  recordedAt: string;
  /** When the offer was proposed: the excuse for refusing it is due from then (edition 2). */
  proposedAt: string;
  facts: OfferSuitabilityFacts | null;
  verdict: SuitabilityVerdict | null;
  override: SuitabilityOverride | null;
  response: 'accepted' | 'refused' | null;
  respondedAt: string | null;
  hearing: Omit<OfferHearingRecordedData, 'offerId'> | null;
}

export interface OffersSlice {
  offers: JobOfferState[];
  /** The thresholds of a congrua offer the journey pinned from its catalogue (null, or any left out: the D.M. 10 aprile 2018's). */
  offerSuitability: Partial<OfferSuitabilityThresholds> | null;
}
