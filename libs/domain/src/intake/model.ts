import type { CatalogueScope } from '../regions/regions';
import type { JourneyClocks, LegalClockName, RollForwardClocks } from '../clocks/clock-table';
import type { EventEnvelope } from '../journey/event';
import type { RulesEdition } from '../journey/rules-edition';
import type { OfficeProfile } from '../offices/model';
import type { ServiceStep } from '../programme/catalogue';
import type { OfferSuitabilityThresholds } from '../offers/model';
import type { GolAssessmentState } from '../assessment/model';
import type { AbsenceReason } from '../pauses/model';
import type { MonitoringData } from '../monitoring/model';
import type { PresentationObligation } from '../obligations/model';

/** The start of a journey from the DID, the first contact the law expects, and the presa in carico. */

/**
 * The benefit a person claims: the unemployment benefits NASpI and DIS-COLL, whose recipients are subject to
 * conditionality (art. 21 D.lgs. 150/2015, `CONDITIONALITY_BENEFIT_KINDS`); issue 15: the Assegno di inclusione and
 * the Supporto per la formazione e il lavoro (D.L. 48/2023), with their own presentation clocks and sanctions instead.
 */
export const BENEFIT_KINDS = ['naspi', 'dis_coll', 'adi', 'sfl'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** The benefits subject to the conditionality of art. 21 D.lgs. 150/2015 (not ADI and SFL: art. 8 D.L. 48/2023). */
export const CONDITIONALITY_BENEFIT_KINDS = ['naspi', 'dis_coll'] as const satisfies readonly BenefitKind[];

export interface BenefitClaim {
  kind: BenefitKind;
  /** YYYY-MM-DD: the 15-day clock of art. 21 c.2 starts from it. */
  applicationDate: string;
  /** Issue 15, ADI/SFL: the digital activation pact's day, which starts their presentation clocks (absent: the application's). */
  activationPactDate?: string;
}

/** The person taken in charge. Personal data: it lives in encrypted payloads and the read model, never in ids. */
export interface Beneficiary {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email?: string;
  phone?: string;
}

export interface JourneyStartedData {
  journeyId: string;
  programmeCode: string;
  officeId: string;
  /** Date of the DID (dichiarazione di immediata disponibilità), YYYY-MM-DD: it starts the legal clocks. */
  didDate: string;
  beneficiary: Beneficiary;
  /** The catalogue version the journey pinned at start, with its clocks (absent on journeys started before catalogues). */
  catalogueVersion?: number;
  /** Issue 15: whose catalogue that version is, `national` or the region's that published it (absent: national). */
  catalogueScope?: CatalogueScope;
  clocks?: JourneyClocks;
  /** The services the pinned catalogue requires (absent: any service, any order) and its working-day clocks. */
  services?: ServiceStep[] | null;
  workingDayClocks?: LegalClockName[];
  /** The catalogue's legal clocks that move off the office's closed days (absent: none). */
  rollForwardClocks?: RollForwardClocks;
  /** The benefit the person claims, if any: it makes them subject to conditionality. */
  benefit?: BenefitClaim | null;
  /** The edition of the rules the journey runs under (absent: 1, a journey started before editions existed). */
  rules?: RulesEdition;
  /** The office from the directory of offices (absent: started before it; national calendar, no sanction authority check). */
  office?: OfficeProfile | null;
  /** The pinned catalogue's thresholds of a congrua offer (absent or null: the D.M. 10 aprile 2018's). */
  offerSuitability?: Partial<OfferSuitabilityThresholds> | null;
  /** The person as a keyed hash of the fiscal code, the same for all their episodes (absent: started before episodes). */
  personRef?: string;
  /** The episode this one continues (a transfer to another path): its history stays linked (absent: a new DID). */
  previousJourneyId?: string;
  /**
   * The GOL assessment: empty (with the `GOL` catalogue's areas) for a journey started under `GOL`, which then begins
   * in the stage `assessment`; a transferred episode carries over the one before, its path chosen (absent: none).
   */
  assessment?: GolAssessmentState | null;
  /** The pinned catalogue's justified absence reasons (absent or null: the GOL list, `GOL_ABSENCE_REASONS`). */
  absenceReasons?: AbsenceReason[] | null;
  /** Issue 15: the GOL monitoring data, when given at the start (absent or null: not given; `RecordMonitoringData` later). */
  monitoring?: MonitoringData | null;
  /** Issue 15: the pinned catalogue's presentation obligation (ADI, SFL; absent or null: none). */
  presentation?: PresentationObligation | null;
}

export interface IntakeRecordedData {
  operatorId: string;
  takenInChargeAt: string;
  notes: string | null;
}

export interface FirstContactMissedData {
  /** When the person should have contacted the office (30 days from the DID, 15 from a benefit claim). */
  dueAt: string;
}

/** The presa in carico: an operator formally takes the person in charge after the reception interview. */
export interface RecordIntakeCommand {
  type: 'RecordIntake';
  operatorId: string;
  /** When it happened; defaults to now. */
  takenInChargeAt?: string;
  notes?: string;
}

export type IntakeCommand = RecordIntakeCommand;

export type JourneyStarted = EventEnvelope<'JourneyStarted', JourneyStartedData>;
export type IntakeRecorded = EventEnvelope<'IntakeRecorded', IntakeRecordedData>;
export type FirstContactMissed = EventEnvelope<'FirstContactMissed', FirstContactMissedData>;
export type IntakeEvent = JourneyStarted | IntakeRecorded | FirstContactMissed;

export interface IntakeSlice {
  intake: IntakeRecordedData | null;
  /** When the first contact was due and missed (before the presa in carico). */
  firstContactMissedAt: string | null;
}

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const INTAKE_DEADLINE_KINDS = ['first_contact'] as const;

export const INTAKE_NOTICE_KINDS = [
  /** The person did not contact the office within the legal period of the DID or benefit claim: the office convenes them. */
  'first_contact_missed',
] as const;
