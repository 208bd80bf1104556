/**
 * The journey workflow's public contract: its name, input, updates and queries. Side-effect free (only
 * `@temporalio/workflow` definitions and domain types) so both the workflow and the API import it.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  Beneficiary,
  CatalogueScope,
  GolAssessmentState,
  BenefitClaim,
  OfferSuitabilityThresholds,
  AbsenceReason,
  OperatorCommand,
  PresentationObligation,
  LegalClockName,
  OfficeProfile,
  CallerOffices,
  RollForwardClocks,
  ServiceStep,
  CloseJourneyCommand,
  CompletePactActionCommand,
  JourneyClocks,
  JourneyEvent,
  JourneyNotice,
  JourneyState,
  JourneyView,
  RecordContactCommand,
  RecordIntakeCommand,
  SignPactCommand,
} from '@sal/domain';

export * from './payload-policy';
export * from './retention';
export * from './imports';

/** The workflow type name registered by the worker. */
export const JOURNEY_WORKFLOW_TYPE = 'journeyWorkflow';

/** What starts a journey. */
export interface JourneyStart {
  journeyId: string;
  programmeCode: string;
  officeId: string;
  didDate: string;
  beneficiary: Beneficiary;
  /** The programme catalogue version the journey pins, and its clocks. */
  catalogueVersion: number;
  /** Issue 15: whose catalogue that version is, `national` or the region's (absent: national). */
  catalogueScope?: CatalogueScope;
  clocks: JourneyClocks;
  /** The services the catalogue version requires (null: any, in any order) and its working-day clocks. */
  services?: ServiceStep[] | null;
  workingDayClocks?: LegalClockName[];
  /** The catalogue version's legal clocks that move off the office's closed days (absent: none). */
  rollForwardClocks?: RollForwardClocks;
  /** The office from the directory of offices (absent or null: not in the directory; national calendar, no CPI check). */
  office?: OfficeProfile | null;
  /** The benefit claim, when the person has one: a NASpI / DIS-COLL makes them subject to conditionality; an ADI / SFL carries its presentation obligation. */
  benefit?: BenefitClaim | null;
  /** The catalogue version's thresholds of a congrua offer (null or absent: the D.M. 10 aprile 2018's). */
  offerSuitability?: Partial<OfferSuitabilityThresholds> | null;
  /** The catalogue version's justified absence reasons (null or absent: the GOL list, `GOL_ABSENCE_REASONS`). */
  absenceReasons?: AbsenceReason[] | null;
  /** Episodes (issue 14): the person's reference (`prs_…`), and the episode a transfer continues (absent: a new DID). */
  personRef?: string;
  previousJourneyId?: string;
  /** The GOL assessment a transferred episode carries over (absent: none). */
  assessment?: GolAssessmentState | null;
  /** Issue 15: the catalogue version's presentation obligation (ADI, SFL; absent or null: none). */
  presentation?: PresentationObligation | null;
}

/**
 * The workflow's input: a new journey, or a journey carried over by continue-as-new with its state and the events not
 * yet projected to the read model.
 */
export type JourneyWorkflowInput =
  | { kind: 'start'; start: JourneyStart }
  | { kind: 'continued'; state: JourneyState; unprojected: JourneyEvent[]; unsentNotices?: JourneyNotice[] };

/** The `type` of the ApplicationFailure a refused update fails with is `JourneyRefusal`; its details hold the Refusal. */
export const JOURNEY_REFUSAL_FAILURE_TYPE = 'JourneyRefusal';

/**
 * The `type` of the ApplicationFailure an update's validator fails with when the journey's office is outside the
 * caller's offices (the API answers it as its own 403 `FORBIDDEN`, naming the office as it would).
 */
export const JOURNEY_OUTSIDE_OFFICES_FAILURE_TYPE = 'JourneyOutsideOffices';

type Payload<C> = Omit<C, 'type'>;
export type RecordIntakeInput = Payload<RecordIntakeCommand>;
export type SignPactInput = Payload<SignPactCommand>;
export type CompletePactActionInput = Payload<CompletePactActionCommand>;
export type CloseJourneyInput = Payload<CloseJourneyCommand>;
export type RecordContactInput = Payload<RecordContactCommand>;

export const recordIntakeUpdate = defineUpdate<JourneyView, [RecordIntakeInput]>('recordIntake');
export const signPactUpdate = defineUpdate<JourneyView, [SignPactInput]>('signPact');
export const completePactActionUpdate = defineUpdate<JourneyView, [CompletePactActionInput]>('completePactAction');
export const recordContactUpdate = defineUpdate<JourneyView, [RecordContactInput]>('recordContact');
export const closeJourneyUpdate = defineUpdate<JourneyView, [CloseJourneyInput]>('closeJourney');
/**
 * Every operator command travels through this one update, its `type` saying which (the command table,
 * `JOURNEY_COMMANDS`). The five updates above are what the API sent before the table; they stay registered as long as
 * recorded or running journeys have them in their history.
 *
 * The second argument, when the API sends it, is the caller's offices (ids, or `all`; never personal data): the update's
 * validator refuses a journey outside them ({@link JOURNEY_OUTSIDE_OFFICES_FAILURE_TYPE}), so the API scopes a command
 * without reading the journey's office first. Updates recorded before it have no second argument; the handler never
 * reads it, so they replay as they ran.
 */
export const journeyCommandUpdate = defineUpdate<JourneyLiveView, [OperatorCommand, CallerOffices?]>('journeyCommand');

/** The journey's live state, with how far its side effects have got (absent on runs of earlier releases). */
export const getJourneyStateQuery = defineQuery<JourneyLiveView>('getJourneyState');

/**
 * Asks the journey to retry its failing side effects now rather than at the next planned attempt (after a fix: a
 * migration, a new worker release, the database back).
 */
export const retrySideEffectsSignal = defineSignal('retrySideEffects');

/** The two kinds of side effect a journey has: its read-model projection and its notices. */
export const SIDE_EFFECT_STREAMS = ['projection', 'notices'] as const;
export type SideEffectStream = (typeof SIDE_EFFECT_STREAMS)[number];

/** Why a side effect keeps failing, without any of the data it carried. */
export interface SideEffectFailure {
  /** `SideEffectDataError` (the data cannot be stored as it is: needs a fix) or `SideEffectUnavailable` (retried). */
  type: string;
  error: string;
  since: string;
  attempts: number;
  nextAttemptAt: string;
}

export interface SideEffectStreamStatus {
  /** Events (projection) or notices waiting to be written. */
  pending: number;
  failing: SideEffectFailure | null;
}

export type SideEffectsStatus = Record<SideEffectStream, SideEffectStreamStatus>;

/** The live view: the domain's view and the state of the journey's side effects. */
export type JourneyLiveView = JourneyView & { sideEffects?: SideEffectsStatus };

/** The `type` of the ApplicationFailure a side effect fails with when its data can never be stored as it is. */
export const SIDE_EFFECT_DATA_ERROR_TYPE = 'SideEffectDataError';
/** The `type` of the ApplicationFailure a side effect fails with when a dependency is unavailable (retried). */
export const SIDE_EFFECT_UNAVAILABLE_TYPE = 'SideEffectUnavailable';

/** Custom search attributes the journey keeps up to date. They carry no personal data. */
export const journeySearchAttributes = {
  stage: defineSearchAttributeKey('JourneyStage', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('JourneyStatus', SearchAttributeType.KEYWORD),
  office: defineSearchAttributeKey('OfficeId', SearchAttributeType.KEYWORD),
  programme: defineSearchAttributeKey('ProgrammeCode', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME),
  overdueActions: defineSearchAttributeKey('OverdueActions', SearchAttributeType.INT),
  stalled: defineSearchAttributeKey('Stalled', SearchAttributeType.BOOL),
};

/** What the projection activity receives: the new events and the journey's state right after the last of them. */
export interface ProjectJourneyInput {
  journeyId: string;
  events: JourneyEvent[];
  state: JourneyState;
  /** The previous attempt failed: clear its record in `side_effect_failures` once this one succeeds. */
  afterFailure?: boolean;
}

/**
 * The activities the journey workflow calls. Declared here, implemented by `createJourneyActivities` in
 * `@sal/activities`, so workflow code depends on the shape and never on the I/O behind it.
 */
export interface JourneyActivities {
  /** Appends the events to `journey_events` and updates the read model; idempotent on (journeyId, seq). */
  projectJourney(input: ProjectJourneyInput): Promise<void>;
  /** Records the notices in the notification outbox, once per notice key; delivery happens outside the journey. */
  notifyJourney(input: NotifyJourneyInput): Promise<void>;
  /**
   * A batch of new events and their notices, in one PostgreSQL transaction: appends the events to `journey_events`,
   * brings the read model to the state they lead to (folded from the stored events, so the state never travels) and
   * records the notices in the outbox. Idempotent: events on (journeyId, seq), rows on `lastSeq`, notices on their key.
   * Journeys started since `journey-side-effects-one-v1` call this one activity per batch instead of the two above.
   */
  applySideEffects(input: ApplySideEffectsInput): Promise<void>;
}

/** What the one side-effect activity receives: what changed, never the journey's whole state. */
export interface ApplySideEffectsInput {
  journeyId: string;
  /** The journey's office (not personal data): where a failure is recorded for supervisors. */
  officeId: string;
  /** New events, in order, without gaps after those already stored (the stream sends them so). */
  events: JourneyEvent[];
  notices: JourneyNotice[];
  /** As in {@link ProjectJourneyInput}. */
  afterFailure?: boolean;
}

export interface NotifyJourneyInput {
  journeyId: string;
  notices: JourneyNotice[];
  /** As in {@link ProjectJourneyInput}. */
  afterFailure?: boolean;
}
export * from './commands/fields';
export * from './commands/journey-commands';
