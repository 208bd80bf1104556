import type { CatalogueScope } from '../regions/regions';
import type { AppointmentsEvent, AppointmentsSlice } from '../appointments/model';
import type { JourneyClocks, LegalClockName, RollForwardClocks } from '../clocks/clock-table';
import type { ConditionalityEvent, ConditionalitySlice } from '../conditionality/model';
import type { ContactsEvent, ContactsSlice } from '../contacts/model';
import type { Beneficiary, IntakeEvent, IntakeSlice } from '../intake/model';
import type { OffersEvent, OffersSlice } from '../offers/model';
import type { OutcomesEvent, OutcomesSlice } from '../outcomes/model';
import type { PactEvent, PactSlice } from '../pact/model';
import type { OfficeProfile } from '../offices/model';
import type { ServiceStep } from '../programme/catalogue';
import type { RulesEdition } from './rules-edition';
import type { ProgressEvent, ProgressSlice } from '../progress/model';
import type { PausesEvent, PausesSlice } from '../pauses/model';
import type { AssessmentEvent, AssessmentSlice } from '../assessment/model';
import type { EpisodesEvent, EpisodesSlice } from '../episodes/model';
import type { ReferralsEvent, ReferralsSlice } from '../referrals/model';
import type { ServicesEvent, ServicesSlice } from '../services/model';
import type { BenefitsEvent, BenefitsSlice } from '../benefits/model';
import type { MonitoringEvent, MonitoringSlice } from '../monitoring/model';
import type { ObligationsEvent, ObligationsSlice } from '../obligations/model';

/**
 * The journey's vocabulary: each feature's events and state slice, composed. Everything is plain JSON (dates as
 * ISO-8601 strings) so it can cross Temporal and PostgreSQL unchanged.
 */
export * from '../appointments/model';
export * from '../conditionality/model';
export * from '../contacts/model';
export * from '../intake/model';
export * from '../offers/model';
export * from '../outcomes/model';
export * from '../pact/model';
export * from '../progress/model';
export * from '../pauses/model';
export * from '../assessment/model';
export * from '../episodes/model';
export * from '../referrals/model';
export * from '../services/model';
export * from '../benefits/model';
export * from '../monitoring/model';
export * from '../obligations/model';

/**
 * Where a journey stands.
 * - `awaiting_intake`: started from the DID, waiting for the presa in carico (the operator taking the person in charge);
 * - `awaiting_pact`: taken in charge, waiting for the Patto di servizio personalizzato to be signed — and, in edition
 *   2, accepted by the person: a signed version 1 waiting for acceptance is not in force, nothing runs under it yet;
 * - `pact_active`: the pact is in force and its actions are under way;
 * - `suspended`: the person's unemployed status is suspended by a job of up to six months (art. 19 c.3 D.lgs.
 *   150/2015): every clock paused, the stage to return to kept in the pause (`pauses/suspension.ts`);
 * - `closed`: ended (placement or another reason);
 * - `assessment` (issue 14): a GOL journey started under the programme `GOL`, before its path is chosen — the
 *   quantitative profiling and the qualitative assessment; the presa in carico may be recorded in it (the journey stays
 *   in `assessment`), the pact may not. Choosing the path moves it to `awaiting_intake` or `awaiting_pact`.
 */
export const JOURNEY_STAGES = ['awaiting_intake', 'awaiting_pact', 'pact_active', 'suspended', 'closed', 'assessment'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const JOURNEY_STATUSES = ['open', 'closed'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** Why a journey counts as stalled: a business condition for supervisors, not an engine incident. */
export const STALL_REASONS = ['overdue_action', 'missed_contact', 'pact_not_signed', 'no_progress', 'first_contact_missed'] as const;
export type StallReason = (typeof STALL_REASONS)[number];

export type JourneyEvent =
  | IntakeEvent
  | PactEvent
  | ContactsEvent
  | ProgressEvent
  | OutcomesEvent
  | ServicesEvent
  | AppointmentsEvent
  | OffersEvent
  | ConditionalityEvent
  | ReferralsEvent
  | PausesEvent
  | BenefitsEvent
  | AssessmentEvent
  | EpisodesEvent
  | MonitoringEvent
  | ObligationsEvent;
export type JourneyEventType = JourneyEvent['type'];

/** What the journey started with: who, where, under which catalogue version. */
interface JourneyCore {
  journeyId: string;
  programmeCode: string;
  officeId: string;
  didDate: string;
  beneficiary: Beneficiary;
  stage: JourneyStage;
  status: JourneyStatus;
  startedAt: string;
  catalogueVersion: number | null;
  /**
   * Issue 15: whose catalogue the journey pinned — `national`, or the region whose own version applies to its office
   * (`resolveCatalogue`); `national` for journeys started before regions.
   */
  catalogueScope: CatalogueScope;
  clocks: JourneyClocks;
  /** The catalogue's services (null: any service, any order) and its working-day clocks. */
  services: ServiceStep[] | null;
  workingDayClocks: LegalClockName[];
  /** The catalogue's legal clocks that move off the office's closed days (`{}`: none; edition 2 applies it). */
  rollForwardClocks: RollForwardClocks;
  /** The edition of the rules the journey runs under (see `rules-edition.ts`): 1 for journeys started before it existed. */
  rules: RulesEdition;
  /** The office that follows the journey, from the directory at start (null: started before the directory). */
  office: OfficeProfile | null;
  /**
   * The person, as the keyed hash of their fiscal code (`prs_…`): the same for every episode of theirs, and no
   * personal data. Null on journeys started before episodes, until the read model links them.
   */
  personRef: string | null;
  /** The episode before this one that handed the person over to it (a transfer to another path), or null. */
  previousJourneyId: string | null;
  /** Sequence number of the last event folded in. */
  lastSeq: number;
  updatedAt: string;
}

export interface JourneyState
  extends JourneyCore,
    IntakeSlice,
    PactSlice,
    ContactsSlice,
    ProgressSlice,
    OutcomesSlice,
    ServicesSlice,
    AppointmentsSlice,
    OffersSlice,
    ConditionalitySlice,
    ReferralsSlice,
    PausesSlice,
    AssessmentSlice,
    BenefitsSlice,
    EpisodesSlice,
    MonitoringSlice,
    ObligationsSlice {}
