import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  GOL_VULNERABLE_TARGET,
  OVER_AGE,
  SERVICE_CODES,
  UNDER_AGE,
  type AppealBody,
  type AppealOutcome,
  type AppointmentChannel,
  type AppointmentPurpose,
  type AppointmentStatus,
  type BenefitKind,
  type ConditionalityLadder,
  type ConvocationMethod,
  type JourneyStage,
  type JourneyStatus,
  type NotificationMethod,
  type PactActionKind,
  type PauseKind,
  type SanctionEffect,
  type ServiceCode,
  type StallReason,
  type StepStatus,
} from '@sal/domain';
import { AppointmentRecord } from './entities/appointment.entity';
import { ConditionalityStepRecord } from './entities/conditionality-step.entity';
import { JourneyServiceRecord } from './entities/journey-service.entity';
import { JourneyRecord } from './entities/journey.entity';
import { PactActionRecord } from './entities/pact-action.entity';
import { keptOverdueActionTotal, keptStalledTotal } from './kept-totals';
import { daysSince, NOW, openActionOverdueAt, overdueActionCountAt, stalledAt, stalledOrderAt, stalledSinceAt, stallReasonAt, stallReasonsAt } from './at-instant';
import { among, applyFilters, daysAgo, either, equals, PagedQuery, since, until, type AsOf, type Filters, type FilterValues, type OfficeScope, type Page, type RequestOf } from './paged-query';

export { periodBound } from './period';

/** The operator a journey is with: the one responsible for its pact, or who took the person in charge. */
const JOURNEY_OPERATOR = 'coalesce(j.responsible_operator_id, j.intake_operator_id)';

/** The journey's own columns a supervisor's list of journeys shows (aliases as {@link supervisedJourney} reads them). */
const SUPERVISED_JOURNEY_COLUMNS = `j.journey_id, j.office_id, j.programme_code, j.stage, ${JOURNEY_OPERATOR} AS operator_id, j.given_name, j.family_name`;

function supervisedJourney(r: Record<string, unknown>): SupervisedJourney {
  return {
    journeyId: r.journey_id as string,
    officeId: r.office_id as string,
    programmeCode: r.programme_code as string,
    stage: r.stage as JourneyStage,
    operatorId: orNull(r.operator_id),
    givenName: r.given_name as string,
    familyName: r.family_name as string,
  };
}

/**
 * Open journeys stalled now (issue 17: the stall decided, or a stalling deadline passed since; the partial indexes
 * `journeys_stalled_idx` and `journeys_stalls_at_idx`), longest stalled first.
 */
const STALLED_CASES = new PagedQuery({
  rows: (q) =>
    q
      .select(
        `j.journey_id, j.office_id, j.programme_code, j.stage, ${JOURNEY_OPERATOR} AS operator_id, j.given_name, j.family_name, ` +
          `${stalledSinceAt()} AS stalled_since, ${stallReasonsAt()} AS stall_reasons, ${overdueActionCountAt()} AS overdue_action_count, ${daysSince(stalledSinceAt())} AS days_stalled`,
      )
      .from(JourneyRecord, 'j')
      .where(stalledAt()),
  office: 'j.office_id',
  filters: {
    /** The operator responsible for the pact, or who took the person in charge. */
    operatorId: equals<string>(JOURNEY_OPERATOR),
    stage: equals<JourneyStage>('j.stage'),
    /** Stalled for this reason, among others. */
    reason: { where: (reason: StallReason) => stallReasonAt(reason) },
    /** Stalled for at least this many whole days. */
    minDays: daysAgo(stalledSinceAt()),
  },
  sorts: {
    longest: { [stalledOrderAt()]: 'ASC', 'j.journey_id': 'ASC' },
    newest: { [stalledOrderAt()]: 'DESC', 'j.journey_id': 'ASC' },
  },
  keptTotal: keptStalledTotal,
  item: (r): StalledCase => ({
    ...supervisedJourney(r),
    stalledSince: iso(r.stalled_since),
    daysStalled: r.days_stalled as number,
    reasons: r.stall_reasons as StallReason[],
    overdueActionCount: r.overdue_action_count as number,
  }),
});

/**
 * Open journeys whose pact has a version signed and waiting for the person's acceptance (rules edition 2), longest
 * waiting first (the partial index `journeys_pact_awaiting_acceptance_idx`): not in force, its deadlines not started.
 */
const PACTS_AWAITING_ACCEPTANCE = new PagedQuery({
  rows: (q) =>
    q
      .select(
        `${SUPERVISED_JOURNEY_COLUMNS}, j.pact_version, ` +
          `j.pact_version_awaiting_acceptance, j.pact_awaiting_acceptance_since, j.pact_acceptance_due_at, ${daysSince('j.pact_awaiting_acceptance_since')} AS days_waiting`,
      )
      .from(JourneyRecord, 'j')
      .where("j.status = 'open' AND j.pact_version_awaiting_acceptance IS NOT NULL"),
  office: 'j.office_id',
  filters: {
    /** The operator responsible for the pact, or who took the person in charge. */
    operatorId: equals<string>(JOURNEY_OPERATOR),
    /** Waiting for at least this many whole days. */
    minDays: daysAgo('j.pact_awaiting_acceptance_since'),
    /** true: only those past the acceptance window (the supervisors were told); false: only those within it. */
    overdue: either(`j.pact_acceptance_due_at <= ${NOW}`, `(j.pact_acceptance_due_at IS NULL OR j.pact_acceptance_due_at > ${NOW})`),
  },
  sorts: { longest: { 'j.pact_awaiting_acceptance_since': 'ASC', 'j.journey_id': 'ASC' } },
  item: (r): PactAwaitingAcceptance => ({
    ...supervisedJourney(r),
    versionInForce: orNull(r.pact_version),
    version: r.pact_version_awaiting_acceptance as number,
    signedAt: iso(r.pact_awaiting_acceptance_since),
    acceptanceDueAt: isoOrNull(r.pact_acceptance_due_at),
    daysWaiting: r.days_waiting as number,
  }),
});

/**
 * Open journeys whose clocks are paused now (issue 14): suspended by a job of up to six months (stage `suspended`) or
 * in a justified long absence; paused longest first (the partial index `journeys_paused_idx`).
 */
const PAUSED_JOURNEYS = new PagedQuery({
  rows: (q) =>
    q
      .select(`${SUPERVISED_JOURNEY_COLUMNS}, j.pause_kind, j.paused_since, j.pause_expected_end, ${daysSince('j.paused_since')} AS days_paused`)
      .from(JourneyRecord, 'j')
      .where("j.status = 'open' AND j.paused_since IS NOT NULL"),
  office: 'j.office_id',
  filters: {
    /** The operator responsible for the pact, or who took the person in charge. */
    operatorId: equals<string>(JOURNEY_OPERATOR),
    /** `job` (suspended) or `absence`. */
    kind: equals<PauseKind>('j.pause_kind'),
    /** true: only those past their expected end (a job's end not recorded yet); false: only those within it. */
    pastExpectedEnd: either(`j.pause_expected_end <= ${NOW}`, `(j.pause_expected_end IS NULL OR j.pause_expected_end > ${NOW})`),
  },
  sorts: { longest: { 'j.paused_since': 'ASC', 'j.journey_id': 'ASC' } },
  item: (r): PausedJourney => ({
    ...supervisedJourney(r),
    kind: r.pause_kind as PauseKind,
    pausedSince: iso(r.paused_since),
    expectedEnd: isoOrNull(r.pause_expected_end),
    daysPaused: r.days_paused as number,
  }),
});

/**
 * Issue 14: open journeys whose last GOL profiling is due for review now (past the catalogue's `profilingReview`),
 * longest overdue first (the partial index `journeys_profiling_review_idx`).
 */
const PROFILING_REVIEWS_DUE = new PagedQuery({
  rows: (q) =>
    q
      .select(`${SUPERVISED_JOURNEY_COLUMNS}, j.gol_path, j.gol_profiling_class, to_char(j.profiled_on, 'YYYY-MM-DD') AS profiled_day, j.profiling_review_due_at, ${daysSince('j.profiling_review_due_at')} AS days_overdue`)
      .from(JourneyRecord, 'j')
      .where(`j.status = 'open' AND j.profiling_review_due_at <= ${NOW}`),
  office: 'j.office_id',
  filters: {
    /** The operator responsible for the pact, or who took the person in charge. */
    operatorId: equals<string>(JOURNEY_OPERATOR),
  },
  sorts: { longest: { 'j.profiling_review_due_at': 'ASC', 'j.journey_id': 'ASC' } },
  item: (r): ProfilingReviewDue => ({
    ...supervisedJourney(r),
    golPath: orNull(r.gol_path),
    profilingClass: r.gol_profiling_class as string,
    profiledOn: r.profiled_day as string,
    reviewDueAt: iso(r.profiling_review_due_at),
    daysOverdue: r.days_overdue as number,
  }),
});


/**
 * Pact actions of open journeys overdue now (issue 17: marked by the journey, or pending and past due before its timer
 * fired; the partial indexes `pact_actions_overdue_idx` and `pact_actions_falls_due_idx`), longest overdue first.
 */
const OVERDUE_ACTIONS = new PagedQuery({
  rows: (q) =>
    q
      .select(
        'a.journey_id, a.action_id, a.office_id, a.responsible_operator_id, a.kind, a.description, a.due_at, a.escalated_at, ' +
          `j.given_name, j.family_name, ${daysSince('a.due_at')} AS days_overdue`,
      )
      .from(PactActionRecord, 'a')
      // Every action has its journey (a foreign key): left-joined for the names, so the count leaves the join out.
      .leftJoin(JourneyRecord, 'j', 'j.journey_id = a.journey_id')
      .where(openActionOverdueAt()),
  office: 'a.office_id',
  filters: {
    /** The operator responsible for the action's pact. */
    operatorId: equals<string>('a.responsible_operator_id'),
    kind: equals<PactActionKind>('a.kind'),
    minDaysOverdue: daysAgo('a.due_at'),
    /** true: only actions already escalated; false: only those not yet. */
    escalated: either('a.escalated_at IS NOT NULL', 'a.escalated_at IS NULL'),
  },
  sorts: { longest: { 'a.due_at': 'ASC', 'a.journey_id': 'ASC', 'a.action_id': 'ASC' } },
  keptTotal: keptOverdueActionTotal,
  item: (r): OverdueAction => ({
    journeyId: r.journey_id as string,
    actionId: r.action_id as string,
    officeId: r.office_id as string,
    operatorId: orNull(r.responsible_operator_id),
    kind: r.kind as PactActionKind,
    description: r.description as string,
    dueAt: iso(r.due_at),
    daysOverdue: r.days_overdue as number,
    escalatedAt: isoOrNull(r.escalated_at),
    givenName: r.given_name as string,
    familyName: r.family_name as string,
  }),
});

/** The offices' appointments in a period, with their outcome: the agenda, no-shows, convocations that allow no sanction. */
const APPOINTMENTS = new PagedQuery({
  // Left-joined for the names (every appointment has its journey), so the count leaves the join out.
  rows: (q) => q.select('a.*, j.given_name, j.family_name').from(AppointmentRecord, 'a').leftJoin(JourneyRecord, 'j', 'j.journey_id = a.journey_id'),
  office: 'a.office_id',
  filters: {
    /** Appointments from this Rome calendar day or instant (inclusive) … */
    from: since('a.at'),
    /** … up to this Rome calendar day (included) or before this instant. */
    to: until('a.at'),
    status: equals<AppointmentStatus>('a.status'),
    service: equals<ServiceCode>('a.service'),
    purpose: equals<AppointmentPurpose>('a.purpose'),
    /** true: only appointments convened by PEC, registered letter or agreed and signed; false: only the others. */
    convocationValid: equals<boolean>('a.convocation_valid'),
    programmeCode: equals<string>('a.programme_code'),
    /** The operator who scheduled it. */
    operatorId: equals<string>('a.operator_id'),
  },
  sorts: {
    earliest: { 'a.at': 'ASC', 'a.journey_id': 'ASC', 'a.appointment_id': 'ASC' },
    latest: { 'a.at': 'DESC', 'a.journey_id': 'ASC', 'a.appointment_id': 'ASC' },
  },
  item: (r): AppointmentItem => ({
    journeyId: r.journey_id as string,
    appointmentId: r.appointment_id as string,
    officeId: r.office_id as string,
    programmeCode: r.programme_code as string,
    service: r.service as ServiceCode,
    purpose: r.purpose as AppointmentPurpose,
    at: iso(r.at),
    channel: r.channel as AppointmentChannel,
    location: orNull(r.location),
    convocation: r.convocation as ConvocationMethod,
    convocationValid: r.convocation_valid as boolean,
    operatorId: r.operator_id as string,
    status: r.status as AppointmentStatus,
    reminderSentAt: isoOrNull(r.reminder_sent_at),
    rescheduledCount: r.rescheduled_count as number,
    closedAt: isoOrNull(r.closed_at),
    cancellationReason: orNull(r.cancellation_reason),
    givenName: r.given_name as string,
    familyName: r.family_name as string,
  }),
});

/** Conditionality steps: those waiting for a decision (the partial index), or decided ones with their notification, appeal deadline and appeal. */
const CONDITIONALITY_STEPS = new PagedQuery({
  rows: (q) =>
    q
      .select(
        `s.*, j.given_name, j.family_name, j.benefit_kind, ${JOURNEY_OPERATOR} AS operator_id, ` +
          `CASE WHEN s.status = 'proposed' THEN ${daysSince('s.proposed_at')} END AS days_waiting, ` +
          `to_char(s.appeal_lodged_on, 'YYYY-MM-DD') AS appeal_lodged_day, to_char(s.appeal_decided_on, 'YYYY-MM-DD') AS appeal_decided_day`,
      )
      .from(ConditionalityStepRecord, 's')
      // Left-joined (every step has its journey), so the count leaves the join out.
      .leftJoin(JourneyRecord, 'j', 'j.journey_id = s.journey_id'),
  office: 's.office_id',
  filters: {
    status: equals<StepStatus>('s.status'),
    ladder: equals<ConditionalityLadder>('s.ladder'),
    effect: equals<SanctionEffect>('s.effect'),
    /** Only steps whose appeal is (true) or is not (false) waiting for its outcome (the partial index). */
    appealPending: equals<boolean>('s.appeal_pending'),
    programmeCode: equals<string>('s.programme_code'),
    /** Proposed from this Rome calendar day or instant (inclusive) … */
    from: since('s.proposed_at'),
    /** … up to this Rome calendar day (included) or before this instant. */
    to: until('s.proposed_at'),
  },
  sorts: {
    /** The longest waiting first. */
    oldest: { 's.proposed_at': 'ASC', 's.journey_id': 'ASC', 's.step_id': 'ASC' },
    newest: { 's.proposed_at': 'DESC', 's.journey_id': 'ASC', 's.step_id': 'ASC' },
  },
  item: (r): ConditionalityStepItem => ({
    journeyId: r.journey_id as string,
    stepId: r.step_id as string,
    officeId: r.office_id as string,
    programmeCode: r.programme_code as string,
    lapseId: r.lapse_id as string,
    ladder: r.ladder as ConditionalityLadder,
    ordinal: r.ordinal as number,
    effect: r.effect as SanctionEffect,
    status: r.status as StepStatus,
    proposedAt: iso(r.proposed_at),
    daysWaiting: orNull(r.days_waiting),
    decidedAt: isoOrNull(r.decided_at),
    decidedBy: orNull(r.decided_by),
    decidedByOffice: orNull(r.decided_by_office),
    appealDueAt: isoOrNull(r.appeal_due_at),
    notifiedAt: isoOrNull(r.notified_at),
    notificationMethod: orNull(r.notification_method),
    appealLodgedOn: orNull(r.appeal_lodged_day),
    appealBody: orNull(r.appeal_body),
    appealOutcome: orNull(r.appeal_outcome),
    appealDecidedOn: orNull(r.appeal_decided_day),
    originalEffect: orNull(r.original_effect),
    appealPending: r.appeal_pending === true,
    appointmentId: orNull(r.appointment_id),
    offerId: orNull(r.offer_id),
    contactDueAt: isoOrNull(r.contact_due_at),
    benefitKind: orNull(r.benefit_kind),
    operatorId: orNull(r.operator_id),
    givenName: r.given_name as string,
    familyName: r.family_name as string,
  }),
});

/** What the services' figures are grouped by: one line per service, or per service and programme. */
interface ServicesShape {
  /** One line per service and programme rather than per service. */
  byProgramme?: boolean;
}

/**
 * Per service (and programme, when asked): how many journeys require or started it, how many have it not started, in
 * progress or completed, and the hours and sessions delivered. Services in the catalogue's order.
 */
const SERVICES = new PagedQuery({
  rows: (q, shape: ServicesShape) =>
    q
      .select(
        `s.service, ${shape.byProgramme ? 's.programme_code' : 'NULL::text AS programme_code'}, count(*)::int AS journeys, ` +
          "count(*) FILTER (WHERE s.status = 'not_started')::int AS not_started, " +
          "count(*) FILTER (WHERE s.status = 'in_progress')::int AS in_progress, " +
          "count(*) FILTER (WHERE s.status = 'completed')::int AS completed, " +
          'coalesce(sum(s.hours), 0)::float8 AS hours, coalesce(sum(s.sessions), 0)::int AS sessions, ' +
          "round(avg(s.hours) FILTER (WHERE s.status <> 'not_started'), 1)::float8 AS average_hours",
      )
      .from(JourneyServiceRecord, 's')
      .groupBy(shape.byProgramme ? 's.service, s.programme_code' : 's.service')
      .setParameter('catalogueOrder', [...SERVICE_CODES]),
  office: 's.office_id',
  filters: {
    service: equals<ServiceCode>('s.service'),
    programmeCode: equals<string>('s.programme_code'),
    /** Only services of open (or closed) journeys; every journey when absent. */
    journeyStatus: { ...equals<JourneyStatus>('j.status'), join: (q) => q.innerJoin(JourneyRecord, 'j', 'j.journey_id = s.journey_id') },
  },
  sorts: {
    catalogue: (shape: ServicesShape) => ({
      'array_position(:catalogueOrder::text[], s.service::text)': 'ASC',
      ...(shape.byProgramme ? { 's.programme_code': 'ASC' as const } : {}),
    }),
  },
  item: (r): ServiceFigures => ({
    service: r.service as ServiceCode,
    programmeCode: orNull(r.programme_code),
    journeys: r.journeys as number,
    notStarted: r.not_started as number,
    inProgress: r.in_progress as number,
    completed: r.completed as number,
    hours: hundredths(r.hours),
    sessions: r.sessions as number,
    averageHours: r.average_hours === null ? null : Number(r.average_hours),
  }),
});

export type StalledCasesFilter = RequestOf<typeof STALLED_CASES>;
export type OverdueActionsFilter = RequestOf<typeof OVERDUE_ACTIONS>;
export type PactsAwaitingAcceptanceFilter = RequestOf<typeof PACTS_AWAITING_ACCEPTANCE>;
export type PausedJourneysFilter = RequestOf<typeof PAUSED_JOURNEYS>;
export type ProfilingReviewsDueFilter = RequestOf<typeof PROFILING_REVIEWS_DUE>;
export type AppointmentsFilter = RequestOf<typeof APPOINTMENTS>;
export type ConditionalityStepsFilter = RequestOf<typeof CONDITIONALITY_STEPS>;
export type ServicesFilter = RequestOf<typeof SERVICES>;

/** The orders each list offers, its default first. */
export const STALLED_SORTS = STALLED_CASES.sorts;
export const APPOINTMENT_SORTS = APPOINTMENTS.sorts;
export const STEP_SORTS = CONDITIONALITY_STEPS.sorts;

/** The period of the KPIs that count what happened: on the instant it happened, a Rome day or an instant each end. */
const periodOn = (column: string): Filters => ({ from: since(column), to: until(column) });

export interface KpiFilter extends OfficeScope, AsOf {
  /** The period's first Rome calendar day (or instant, inclusive); open-ended when absent. */
  from?: string;
  /** Its last Rome calendar day (included; or an instant, exclusive); open-ended when absent. */
  to?: string;
}

/** A journey as a supervisor's list shows it: who, where, at which stage, followed by whom. */
export interface SupervisedJourney {
  journeyId: string;
  officeId: string;
  programmeCode: string;
  stage: JourneyStage;
  /** Responsible for the pact, or who took the person in charge; null before the intake. */
  operatorId: string | null;
  givenName: string;
  familyName: string;
}

export interface StalledCase extends SupervisedJourney {
  stalledSince: string;
  daysStalled: number;
  reasons: StallReason[];
  overdueActionCount: number;
}

export interface PactAwaitingAcceptance extends SupervisedJourney {
  /** The version in force meanwhile (null: version 1 waits, no pact is in force). */
  versionInForce: number | null;
  version: number;
  signedAt: string;
  acceptanceDueAt: string | null;
  daysWaiting: number;
}

/** A journey whose clocks are paused now: by a job (stage `suspended`) or a justified absence. */
export interface PausedJourney extends SupervisedJourney {
  kind: PauseKind;
  pausedSince: string;
  expectedEnd: string | null;
  daysPaused: number;
}

/** Issue 14: a journey whose GOL profiling is due for review. */
export interface ProfilingReviewDue extends SupervisedJourney {
  golPath: number | null;
  profilingClass: string;
  profiledOn: string;
  reviewDueAt: string;
  daysOverdue: number;
}

export interface OverdueAction {
  journeyId: string;
  actionId: string;
  officeId: string;
  operatorId: string | null;
  kind: PactActionKind;
  description: string;
  dueAt: string;
  daysOverdue: number;
  escalatedAt: string | null;
  givenName: string;
  familyName: string;
}

export interface AppointmentItem {
  journeyId: string;
  appointmentId: string;
  officeId: string;
  programmeCode: string;
  service: ServiceCode;
  purpose: AppointmentPurpose;
  at: string;
  channel: AppointmentChannel;
  location: string | null;
  convocation: ConvocationMethod;
  convocationValid: boolean;
  operatorId: string;
  status: AppointmentStatus;
  reminderSentAt: string | null;
  rescheduledCount: number;
  closedAt: string | null;
  cancellationReason: string | null;
  givenName: string;
  familyName: string;
}

export interface ConditionalityStepItem {
  journeyId: string;
  stepId: string;
  officeId: string;
  programmeCode: string;
  lapseId: string;
  ladder: ConditionalityLadder;
  ordinal: number;
  effect: SanctionEffect;
  status: StepStatus;
  proposedAt: string;
  /** Whole days since the proposal, while it waits for a decision; null once decided. */
  daysWaiting: number | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The CPI whose staff decided (issue 13); null before, and while proposed. */
  decidedByOffice: string | null;
  appealDueAt: string | null;
  /** How and when the decision reached the person (art. 21 c.12 D.lgs. 150/2015). */
  notifiedAt: string | null;
  notificationMethod: NotificationMethod | null;
  /** The appeal (YYYY-MM-DD days) and its outcome; an `annulled` step is off its ladder. */
  appealLodgedOn: string | null;
  appealBody: AppealBody | null;
  appealOutcome: AppealOutcome | null;
  appealDecidedOn: string | null;
  /** The sanction decided, when the appeal annulled or reduced it. */
  originalEffect: SanctionEffect | null;
  /** An appeal lodged and waiting for its outcome. */
  appealPending: boolean;
  /** What caused it: the missed appointment, the refused suitable offer, or the missed agreed contact (by when it was due). */
  appointmentId: string | null;
  offerId: string | null;
  contactDueAt: string | null;
  benefitKind: BenefitKind | null;
  operatorId: string | null;
  givenName: string;
  familyName: string;
}

export interface ServiceFigures {
  service: ServiceCode;
  /** The programme, when the figures are by programme; null otherwise. */
  programmeCode: string | null;
  /** Journeys whose catalogue requires the service or that started it. */
  journeys: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  hours: number;
  sessions: number;
  /** Hours per journey that started the service (one decimal); null when none did. */
  averageHours: number | null;
}

export interface Kpis {
  journeysByStage: Record<string, number>;
  openJourneys: number;
  stalledJourneys: number;
  stalledByReason: Record<string, number>;
  overdueActions: number;
  /** Over pacts whose version 1 came into force in the period (signed in edition 1, accepted in edition 2). */
  medianDaysIntakeToPact: number | null;
  /** Pacts whose version 1 came into force in the period: accepted ones (edition 2) and those signed in edition 1. */
  pactsInForce: number;
  /** Open journeys with a version of the pact waiting for the person's acceptance now. */
  pactsAwaitingAcceptance: number;
  /** Open journeys paused now (issue 14): suspended by a job, or in a justified absence. */
  suspendedJourneys: number;
  absentJourneys: number;
  placements: number;
  /** Placements in the period by programme (only programmes with at least one). */
  placementsByProgramme: Record<string, number>;
  /** Hours delivered so far per service, over the offices' journeys (not limited to the period). */
  serviceHours: Record<string, number>;
  /** Conditionality steps waiting for an operator's decision now. */
  proposedSteps: number;
  /** Conditionality steps confirmed in the period and still in force (not annulled on appeal). */
  confirmedSteps: number;
  /** Steps confirmed in the period that an appeal annulled since (they count on no ladder). */
  annulledSteps: number;
  /** Appeals lodged and waiting for their outcome now. */
  appealsPending: number;
  /** Confirmed steps whose decision is not yet recorded as notified (no appeal deadline yet; rules edition 2). */
  stepsAwaitingNotification: number;
  /** Open journeys by the status of their benefit now (`none`: no benefit claimed). */
  journeysByBenefitStatus: Record<string, number>;
  /** Issue 15: open journeys by their benefit's kind (NASpI, DIS-COLL, ADI, SFL) and status now: ADI/SFL suspensions for a missed presentation among them. */
  journeysByBenefitKind: Record<string, Record<string, number>>;
  /** Issue 14: journeys by GOL path ('1' … '5'; chosen at the end of the assessment, or the GOL-n programme started under), any status. */
  journeysByGolPath: Record<string, number>;
  /** Open journeys in the GOL assessment now (started under `GOL`, path not chosen). */
  journeysInAssessment: number;
  /** Open journeys whose last GOL profiling is due for review now (past the catalogue's `profilingReview`). */
  profilingReviewsDue: number;
  /** Issue 15: what GOL's monitoring counts, over the offices in scope and per region of the journeys' offices. */
  gol: GolMonitoringKpis;
}

/**
 * Issue 15: GOL's monitoring figures of a set of journeys (the offices in scope, or those of one region). The people
 * taken in charge are the journeys whose presa in carico falls in the period; the vulnerable share counts, among those
 * with monitoring data, the people GOL counts as vulnerable (`vulnerable()`: a woman, long-term unemployed, disabled,
 * under 30 or 55 and over at the DID — once, whichever apply), against the 75% target.
 */
export interface GolMonitoringFigures {
  /** Journeys taken in charge (presa in carico) in the period. */
  takenInCharge: number;
  /** Of those, by GOL path ('1' … '5'; journeys without a path are not in it). */
  takenInChargeByPath: Record<string, number>;
  /** Of those, with monitoring data: the denominator of the vulnerable share. */
  withMonitoringData: number;
  vulnerable: number;
  /** vulnerable / withMonitoringData, to three decimals; null when no journey has monitoring data. */
  vulnerableShare: number | null;
  /** GOL's target share, 0.75. */
  vulnerableTarget: number;
  /** Whether the share reaches the target; null without monitoring data. */
  vulnerableTargetMet: boolean | null;
  /** Of those with monitoring data, each group (a person may be in several). */
  women: number;
  longTermUnemployed: number;
  disabled: number;
  under30: number;
  over55: number;
  /** Open journeys with a training referral taken up now (not limited to the period). */
  inTraining: number;
  /** Journeys closed by a placement in the period. */
  placed: number;
  /** Median whole days from the DID to the pact in force (version 1), over pacts in force in the period; null: none. */
  medianDaysDidToPact: number | null;
}

export interface GolMonitoringKpis extends GolMonitoringFigures {
  /** The same figures per region of the journeys' offices (only regions with at least one journey in scope). */
  byRegion: Record<string, GolMonitoringFigures>;
  /** The same figures per office (only offices with at least one journey in scope). */
  byOffice: Record<string, GolMonitoringFigures>;
}

/** The region of journeys whose office is not in the directory of offices. */
export const NO_REGION = 'unassigned';

/** The supervisors' questions, answered from the read model with the partial indexes of the supervision migration. */
export class SupervisorReadModel {
  constructor(private readonly dataSource: DataSource) {}

  stalledCases(f: StalledCasesFilter): Promise<Page<StalledCase>> {
    return STALLED_CASES.page(this.dataSource.manager, f);
  }

  pactsAwaitingAcceptance(f: PactsAwaitingAcceptanceFilter): Promise<Page<PactAwaitingAcceptance>> {
    return PACTS_AWAITING_ACCEPTANCE.page(this.dataSource.manager, f);
  }

  pausedJourneys(f: PausedJourneysFilter): Promise<Page<PausedJourney>> {
    return PAUSED_JOURNEYS.page(this.dataSource.manager, f);
  }

  profilingReviewsDue(f: ProfilingReviewsDueFilter): Promise<Page<ProfilingReviewDue>> {
    return PROFILING_REVIEWS_DUE.page(this.dataSource.manager, f);
  }

  overdueActions(f: OverdueActionsFilter): Promise<Page<OverdueAction>> {
    return OVERDUE_ACTIONS.page(this.dataSource.manager, f);
  }

  appointments(f: AppointmentsFilter): Promise<Page<AppointmentItem>> {
    return APPOINTMENTS.page(this.dataSource.manager, f);
  }

  conditionalitySteps(f: ConditionalityStepsFilter): Promise<Page<ConditionalityStepItem>> {
    return CONDITIONALITY_STEPS.page(this.dataSource.manager, f);
  }

  services(f: ServicesFilter): Promise<Page<ServiceFigures>> {
    return SERVICES.page(this.dataSource.manager, f);
  }

  /** Every figure from one snapshot (REPEATABLE READ), so they agree with each other while projections go on. */
  kpis(f: KpiFilter): Promise<Kpis> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const now = f.now ?? new Date().toISOString();
      const scoped = (entity: typeof JourneyRecord | typeof JourneyServiceRecord | typeof ConditionalityStepRecord | typeof PactActionRecord) =>
        applyFilters(m.createQueryBuilder().from(entity, 't').setParameter('now', now), { officeIds: among('t.office_id') }, f);
      const inPeriod = (entity: typeof JourneyRecord | typeof ConditionalityStepRecord, column: string) =>
        applyFilters(scoped(entity).andWhere(`${column} IS NOT NULL`), periodOn(column), f as FilterValues<Filters>);
      const byStage: { stage: string; n: number }[] = await scoped(JourneyRecord).select('t.stage', 'stage').addSelect('count(*)::int', 'n').groupBy('t.stage').getRawMany();
      const stalled: { reason: string; n: number }[] = await scoped(JourneyRecord)
        .select(`unnest(${stallReasonsAt('t')})`, 'reason')
        .addSelect('count(*)::int', 'n')
        .andWhere(stalledAt('t'))
        .groupBy('1')
        .getRawMany();
      const totals = await scoped(JourneyRecord)
        .select("count(*) FILTER (WHERE t.status = 'open')::int", 'open')
        .addSelect(`count(*) FILTER (WHERE ${stalledAt('t')})::int`, 'stalled')
        .addSelect("count(*) FILTER (WHERE t.status = 'open' AND t.pact_version_awaiting_acceptance IS NOT NULL)::int", 'awaiting_acceptance')
        .addSelect("count(*) FILTER (WHERE t.status = 'open' AND t.pause_kind = 'job')::int", 'suspended')
        .addSelect("count(*) FILTER (WHERE t.status = 'open' AND t.pause_kind = 'absence')::int", 'absent')
        .addSelect("count(*) FILTER (WHERE t.status = 'open' AND t.stage = 'assessment')::int", 'in_assessment')
        .addSelect(`count(*) FILTER (WHERE t.status = 'open' AND t.profiling_review_due_at <= ${NOW})::int`, 'reviews_due')
        .getRawOne();
      // Issue 17: overdue at the request's instant, whether or not the journeys' timers have fired.
      // Kept by the projection per office and day of falling due (kept-totals.ts): a sum of buckets, not a scan.
      const overdue = { n: await keptOverdueActionTotal(m, f.officeIds, now) };
      const byPath: { path: number; n: number }[] = await scoped(JourneyRecord)
        .select('t.gol_path', 'path')
        .addSelect('count(*)::int', 'n')
        .andWhere('t.gol_path IS NOT NULL')
        .groupBy('t.gol_path')
        .getRawMany();
      // A pact counts from when it is in force: the person's acceptance (edition 2), or the signing (edition 1).
      const median = await inPeriod(JourneyRecord, 't.pact_in_force_since')
        .select('percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.pact_in_force_since - t.taken_in_charge_at) / 86400)', 'days')
        .addSelect('count(*)::int', 'n')
        .getRawOne();
      const byProgramme: { programme_code: string; n: number }[] = await inPeriod(JourneyRecord, 't.closed_at')
        .select('t.programme_code', 'programme_code')
        .addSelect('count(*)::int', 'n')
        .andWhere("t.closure_reason = 'placed'")
        .groupBy('t.programme_code')
        .getRawMany();
      const hours: { service: string; hours: number }[] = await scoped(JourneyServiceRecord)
        .select('t.service', 'service')
        .addSelect('sum(t.hours)::float8', 'hours')
        .andWhere('t.sessions > 0')
        .groupBy('t.service')
        .getRawMany();
      const proposed = await scoped(ConditionalityStepRecord).select('count(*)::int', 'n').andWhere("t.status = 'proposed'").getRawOne();
      const confirmed = await inPeriod(ConditionalityStepRecord, 't.decided_at')
        .select("count(*) FILTER (WHERE t.status = 'confirmed')::int", 'n')
        .addSelect("count(*) FILTER (WHERE t.status = 'annulled')::int", 'annulled')
        .getRawOne();
      const appeals = await scoped(ConditionalityStepRecord)
        .select('count(*) FILTER (WHERE t.appeal_pending)::int', 'pending')
        .addSelect("count(*) FILTER (WHERE t.status = 'confirmed' AND t.appeal_due_at IS NULL AND t.notified_at IS NULL AND t.appeal_lodged_on IS NULL)::int", 'unnotified')
        .getRawOne();
      const byBenefit: { status: string; n: number }[] = await scoped(JourneyRecord)
        .select("coalesce(t.benefit_status, 'none')", 'status')
        .addSelect('count(*)::int', 'n')
        .andWhere("t.status = 'open'")
        .groupBy('1')
        .getRawMany();
      const byKind: { kind: string; status: string; n: number }[] = await scoped(JourneyRecord)
        .select('t.benefit_kind', 'kind')
        .addSelect('t.benefit_status', 'status')
        .addSelect('count(*)::int', 'n')
        .andWhere("t.status = 'open'")
        .andWhere('t.benefit_kind IS NOT NULL')
        .groupBy('1, 2')
        .getRawMany();
      const journeysByBenefitKind: Record<string, Record<string, number>> = {};
      for (const r of byKind) (journeysByBenefitKind[r.kind] ??= {})[r.status] = r.n;
      return {
        journeysByStage: Object.fromEntries(byStage.map((r) => [r.stage, r.n])),
        openJourneys: totals.open,
        stalledJourneys: totals.stalled,
        stalledByReason: Object.fromEntries(stalled.map((r) => [r.reason, r.n])),
        overdueActions: overdue.n,
        medianDaysIntakeToPact: median.days === null ? null : Math.round(Number(median.days) * 10) / 10,
        pactsInForce: median.n,
        pactsAwaitingAcceptance: totals.awaiting_acceptance,
        suspendedJourneys: totals.suspended,
        absentJourneys: totals.absent,
        placements: byProgramme.reduce((n, r) => n + r.n, 0),
        placementsByProgramme: Object.fromEntries(byProgramme.map((r) => [r.programme_code, r.n])),
        serviceHours: Object.fromEntries(hours.map((r) => [r.service, hundredths(r.hours)])),
        proposedSteps: proposed.n,
        confirmedSteps: confirmed.n,
        annulledSteps: confirmed.annulled,
        appealsPending: appeals.pending,
        stepsAwaitingNotification: appeals.unnotified,
        journeysByBenefitStatus: Object.fromEntries(byBenefit.map((r) => [r.status, r.n])),
        journeysByBenefitKind,
        journeysByGolPath: Object.fromEntries(byPath.map((r) => [String(r.path), r.n])),
        journeysInAssessment: totals.in_assessment,
        profilingReviewsDue: totals.reviews_due,
        gol: await golMonitoring(scoped, inPeriod),
      };
    });
  }
}

type Scoped = (entity: typeof JourneyRecord) => SelectQueryBuilder<ObjectLiteral>;
type InPeriod = (entity: typeof JourneyRecord, column: string) => SelectQueryBuilder<ObjectLiteral>;

/** Issue 15: GOL's monitoring figures over the scope, per region and per office, from the journeys' rows (one snapshot). */
async function golMonitoring(scoped: Scoped, inPeriod: InPeriod): Promise<GolMonitoringKpis> {
  const byRegion = await golFiguresBy(scoped, inPeriod, `coalesce(t.region, '${NO_REGION}')`);
  const byOffice = await golFiguresBy(scoped, inPeriod, 't.office_id');
  const didToPact = "percentile_cont(0.5) WITHIN GROUP (ORDER BY ((t.pact_in_force_since AT TIME ZONE 'Europe/Rome')::date - t.did_date))";
  const overall = await inPeriod(JourneyRecord, 't.pact_in_force_since').select(didToPact, 'days').getRawOne();
  const sum = (key: keyof GolMonitoringFigures) => Object.values(byRegion).reduce((s, f) => s + (f[key] as number), 0);
  const paths: Record<string, number> = {};
  for (const f of Object.values(byRegion)) for (const [p, n] of Object.entries(f.takenInChargeByPath)) paths[p] = (paths[p] ?? 0) + n;
  return {
    ...figures(
      { taken: sum('takenInCharge'), withData: sum('withMonitoringData'), vulnerable: sum('vulnerable'), women: sum('women'), longTermUnemployed: sum('longTermUnemployed'), disabled: sum('disabled'), under30: sum('under30'), over55: sum('over55') },
      paths,
      sum('inTraining'),
      sum('placed'),
      overall?.days ?? null,
    ),
    byRegion,
    byOffice,
  };
}

/** The figures grouped by one SQL expression of the journey's row (its region, its office): only groups with a journey counted. */
async function golFiguresBy(scoped: Scoped, inPeriod: InPeriod, key: string): Promise<Record<string, GolMonitoringFigures>> {
  const taken: Record<string, number | string>[] = await inPeriod(JourneyRecord, 't.taken_in_charge_at')
    .select(key, 'k')
    .addSelect('count(*)::int', 'taken')
    .addSelect('count(*) FILTER (WHERE t.vulnerable IS NOT NULL)::int', 'with_data')
    .addSelect('count(*) FILTER (WHERE t.vulnerable)::int', 'vulnerable')
    .addSelect("count(*) FILTER (WHERE t.sex = 'F')::int", 'women')
    .addSelect('count(*) FILTER (WHERE t.long_term_unemployed)::int', 'long_term_unemployed')
    .addSelect('count(*) FILTER (WHERE t.disabled)::int', 'disabled')
    .addSelect(`count(*) FILTER (WHERE t.age_at_did < ${UNDER_AGE})::int`, 'under30')
    .addSelect(`count(*) FILTER (WHERE t.age_at_did >= ${OVER_AGE})::int`, 'over55')
    .groupBy('1')
    .getRawMany();
  const byPath: { k: string; path: number; n: number }[] = await inPeriod(JourneyRecord, 't.taken_in_charge_at')
    .select(key, 'k')
    .addSelect('t.gol_path', 'path')
    .addSelect('count(*)::int', 'n')
    .andWhere('t.gol_path IS NOT NULL')
    .groupBy('1, 2')
    .getRawMany();
  const training: { k: string; n: number }[] = await scoped(JourneyRecord)
    .select(key, 'k')
    .addSelect('count(*)::int', 'n')
    .andWhere("t.status = 'open' AND t.in_training")
    .groupBy('1')
    .getRawMany();
  const placed: { k: string; n: number }[] = await inPeriod(JourneyRecord, 't.closed_at')
    .select(key, 'k')
    .addSelect('count(*)::int', 'n')
    .andWhere("t.closure_reason = 'placed'")
    .groupBy('1')
    .getRawMany();
  // Whole days from the DID to the Rome day the pact came into force (acceptance in edition 2, signing in edition 1).
  const didToPact = "percentile_cont(0.5) WITHIN GROUP (ORDER BY ((t.pact_in_force_since AT TIME ZONE 'Europe/Rome')::date - t.did_date))";
  const medians: { k: string; days: number | null }[] = await inPeriod(JourneyRecord, 't.pact_in_force_since').select(key, 'k').addSelect(didToPact, 'days').groupBy('1').getRawMany();

  const keys = [...new Set([...taken, ...byPath, ...training, ...placed, ...medians].map((r) => r.k as string))].sort();
  const n = (rows: { k: string; n: number }[], k: string) => rows.find((x) => x.k === k)?.n ?? 0;
  const out: Record<string, GolMonitoringFigures> = {};
  for (const k of keys) {
    const t = taken.find((x) => x.k === k);
    out[k] = figures(
      { taken: num(t?.taken), withData: num(t?.with_data), vulnerable: num(t?.vulnerable), women: num(t?.women), longTermUnemployed: num(t?.long_term_unemployed), disabled: num(t?.disabled), under30: num(t?.under30), over55: num(t?.over55) },
      Object.fromEntries(byPath.filter((x) => x.k === k).map((x) => [String(x.path), x.n])),
      n(training, k),
      n(placed, k),
      medians.find((x) => x.k === k)?.days ?? null,
    );
  }
  return out;
}

function figures(
  c: { taken: number; withData: number; vulnerable: number; women: number; longTermUnemployed: number; disabled: number; under30: number; over55: number },
  byPath: Record<string, number>,
  inTraining: number,
  placed: number,
  medianDays: unknown,
): GolMonitoringFigures {
  const share = c.withData === 0 ? null : Math.round((c.vulnerable / c.withData) * 1000) / 1000;
  return {
    takenInCharge: c.taken,
    takenInChargeByPath: byPath,
    withMonitoringData: c.withData,
    vulnerable: c.vulnerable,
    vulnerableShare: share,
    vulnerableTarget: GOL_VULNERABLE_TARGET,
    // On the exact fraction, not the rounded share.
    vulnerableTargetMet: c.withData === 0 ? null : c.vulnerable >= GOL_VULNERABLE_TARGET * c.withData,
    women: c.women,
    longTermUnemployed: c.longTermUnemployed,
    disabled: c.disabled,
    under30: c.under30,
    over55: c.over55,
    inTraining,
    placed,
    medianDaysDidToPact: medianDays === null || medianDays === undefined ? null : Math.round(Number(medianDays) * 10) / 10,
  };
}

function num(value: unknown): number {
  return value === undefined || value === null ? 0 : Number(value);
}

function iso(value: unknown): string {
  return (value as Date).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value ? (value as Date).toISOString() : null;
}

/** A nullable column's value (`undefined` never reaches an answer). */
function orNull<T>(value: unknown): T | null {
  return (value as T | null | undefined) ?? null;
}

function hundredths(value: unknown): number {
  return Math.round(Number(value) * 100) / 100;
}
