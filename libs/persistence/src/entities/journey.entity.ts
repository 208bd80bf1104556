import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BenefitEndReason, BenefitKind, BenefitStatus, ClosureReason, ContractType, JourneyStage, JourneyStatus, PauseKind, ProfilingClass, Sex, StallReason } from '@sal/domain';
import { NUMERIC } from './numeric';

/** One row per journey: what supervisors search. Derived from the events; never the source of truth. */
@Entity({ name: 'journeys' })
/* Its indexes as the migrations create them (TypeORM cannot say DESC: the migrations alone order those columns). */
@Index('journeys_office_stage_status_idx', ['officeId', 'stage', 'status', 'startedAt'])
@Index('journeys_overdue_idx', ['officeId', 'startedAt'], { where: 'overdue_action_count > 0' })
@Index('journeys_stalled_idx', ['officeId', 'stalledSince'], { where: 'stalled_since IS NOT NULL' })
// National scale (issue 17): an office's stalled journeys in the view's order (`stalledOrderAt`), counted index-only;
// an expression with INCLUDE columns, which TypeORM cannot describe: the migration owns it.
@Index('journeys_stalled_order_idx', { synchronize: false })
@Index('journeys_stalls_at_idx', ['officeId', 'stallsAt'], { where: "status = 'open' AND stalls_at IS NOT NULL" })
@Index('journeys_next_action_due_idx', ['officeId', 'nextActionDueAt'], { where: 'next_action_due_at IS NOT NULL' })
@Index('journeys_office_closed_idx', ['officeId', 'closedAt'], { where: 'closed_at IS NOT NULL' })
@Index('journeys_office_placement_idx', ['officeId', 'placementRecordedAt'], { where: 'placement_recorded_at IS NOT NULL' })
@Index('journeys_office_benefit_status_idx', ['officeId', 'benefitStatus'], { where: 'benefit_status IS NOT NULL' })
@Check('journeys_benefit_status_check', "benefit_status IN ('claimed', 'granted', 'refused', 'suspended', 'ended')")
@Index('journeys_pact_awaiting_acceptance_idx', ['officeId', 'pactAwaitingAcceptanceSince'], { where: 'pact_version_awaiting_acceptance IS NOT NULL' })
@Index('journeys_paused_idx', ['officeId', 'pausedSince'], { where: 'paused_since IS NOT NULL' })
@Index('journeys_profiling_review_idx', ['officeId', 'profilingReviewDueAt'], { where: 'profiling_review_due_at IS NOT NULL' })
@Index('journeys_person_ref_idx', ['personRef', 'startedAt'], { where: 'person_ref IS NOT NULL' })
@Index('journeys_office_taken_in_charge_idx', ['officeId', 'takenInChargeAt'], { where: 'taken_in_charge_at IS NOT NULL' })
@Check('journeys_sex_check', "sex IN ('F', 'M')")
export class JourneyRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  @Column({ name: 'programme_code', type: 'varchar', length: 32 })
  programmeCode!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ type: 'varchar', length: 32 })
  stage!: JourneyStage;

  @Column({ type: 'varchar', length: 16 })
  status!: JourneyStatus;

  @Column({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode!: string;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'did_date', type: 'date' })
  didDate!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'taken_in_charge_at', type: 'timestamptz', nullable: true })
  takenInChargeAt!: Date | null;

  @Column({ name: 'intake_operator_id', type: 'varchar', length: 64, nullable: true })
  intakeOperatorId!: string | null;

  @Column({ name: 'responsible_operator_id', type: 'varchar', length: 64, nullable: true })
  responsibleOperatorId!: string | null;

  @Column({ name: 'pact_version', type: 'integer', nullable: true })
  pactVersion!: number | null;

  @Column({ name: 'pact_signed_at', type: 'timestamptz', nullable: true })
  pactSignedAt!: Date | null;

  /** When version 1 of the pact came into force: its signing (rules edition 1) or the person's acceptance (edition 2). */
  @Column({ name: 'pact_in_force_since', type: 'timestamptz', nullable: true })
  pactInForceSince!: Date | null;

  /** The version of the pact signed and waiting for the person's acceptance (edition 2), with since and until when. */
  @Column({ name: 'pact_version_awaiting_acceptance', type: 'integer', nullable: true })
  pactVersionAwaitingAcceptance!: number | null;

  @Column({ name: 'pact_awaiting_acceptance_since', type: 'timestamptz', nullable: true })
  pactAwaitingAcceptanceSince!: Date | null;

  @Column({ name: 'pact_acceptance_due_at', type: 'timestamptz', nullable: true })
  pactAcceptanceDueAt!: Date | null;

  @Column({ name: 'profiling_class', type: 'varchar', length: 16, nullable: true })
  profilingClass!: ProfilingClass | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closure_reason', type: 'varchar', length: 32, nullable: true })
  closureReason!: ClosureReason | null;

  @Column({ name: 'overdue_action_count', type: 'integer', default: 0 })
  overdueActionCount!: number;

  @Column({ name: 'next_deadline_at', type: 'timestamptz', nullable: true })
  nextDeadlineAt!: Date | null;

  @Column({ name: 'catalogue_version', type: 'integer', nullable: true })
  catalogueVersion!: number | null;

  /** Issue 15: whose catalogue that version is: `national` or the region whose own version the journey pinned. */
  @Column({ name: 'catalogue_scope', type: 'varchar', length: 32, default: 'national' })
  catalogueScope!: string;

  /** Set while the journey is stalled: since when, and why (a business condition, cleared by progress). */
  @Column({ name: 'stalled_since', type: 'timestamptz', nullable: true })
  stalledSince!: Date | null;

  @Column({ name: 'stall_reasons', type: 'text', array: true, default: () => "'{}'" })
  stallReasons!: StallReason[];

  @Column({ name: 'last_progress_at', type: 'timestamptz', nullable: true })
  lastProgressAt!: Date | null;

  @Column({ name: 'next_contact_due_at', type: 'timestamptz', nullable: true })
  nextContactDueAt!: Date | null;

  @Column({ name: 'pact_deadline_at', type: 'timestamptz', nullable: true })
  pactDeadlineAt!: Date | null;

  /**
   * Issue 17: the deadlines still pending whose passing makes a status (`STATUS_DEADLINE_KINDS`), where the pauses put
   * them: the earliest pending action's (`next_action_due_at`), the pact's signing deadline, the first contact's and
   * the stall for no progress (the agreed contact's is `next_contact_due_at`); `stalls_at` the earliest of them all.
   * A view compares them with the request's instant (`at-instant.ts`).
   */
  @Column({ name: 'next_action_due_at', type: 'timestamptz', nullable: true })
  nextActionDueAt!: Date | null;

  @Column({ name: 'pact_deadline_due_at', type: 'timestamptz', nullable: true })
  pactDeadlineDueAt!: Date | null;

  @Column({ name: 'first_contact_due_at', type: 'timestamptz', nullable: true })
  firstContactDueAt!: Date | null;

  @Column({ name: 'no_progress_due_at', type: 'timestamptz', nullable: true })
  noProgressDueAt!: Date | null;

  @Column({ name: 'stalls_at', type: 'timestamptz', nullable: true })
  stallsAt!: Date | null;

  /** The NASpI / DIS-COLL claimed last, when the person has one (it makes them subject to conditionality while it runs). */
  @Column({ name: 'benefit_kind', type: 'varchar', length: 16, nullable: true })
  benefitKind!: BenefitKind | null;

  @Column({ name: 'benefit_application_date', type: 'date', nullable: true })
  benefitApplicationDate!: string | null;

  /** The benefit's status now (it runs while `claimed` or `granted`) and its days (issue 14). */
  @Column({ name: 'benefit_status', type: 'varchar', length: 16, nullable: true })
  benefitStatus!: BenefitStatus | null;

  @Column({ name: 'benefit_status_since', type: 'date', nullable: true })
  benefitStatusSince!: string | null;

  @Column({ name: 'benefit_granted_on', type: 'date', nullable: true })
  benefitGrantedOn!: string | null;

  @Column({ name: 'benefit_suspended_on', type: 'date', nullable: true })
  benefitSuspendedOn!: string | null;

  @Column({ name: 'benefit_ended_on', type: 'date', nullable: true })
  benefitEndedOn!: string | null;

  @Column({ name: 'benefit_end_reason', type: 'varchar', length: 16, nullable: true })
  benefitEndReason!: BenefitEndReason | null;

  @Column({ name: 'first_contact_missed_at', type: 'timestamptz', nullable: true })
  firstContactMissedAt!: Date | null;

  /** Hours delivered over all services. */
  @Column({ name: 'total_service_hours', type: 'numeric', precision: 8, scale: 2, default: 0, transformer: NUMERIC })
  totalServiceHours!: number;

  /** Conditionality steps waiting for the operator's decision. */
  @Column({ name: 'proposed_step_count', type: 'integer', default: 0 })
  proposedStepCount!: number;

  /** The earliest appointment still scheduled. */
  @Column({ name: 'next_appointment_at', type: 'timestamptz', nullable: true })
  nextAppointmentAt!: Date | null;

  /** The placement, once recorded (it closes the journey as `placed`). */
  @Column({ name: 'placement_employer', type: 'text', nullable: true })
  placementEmployer!: string | null;

  @Column({ name: 'placement_contract_type', type: 'varchar', length: 32, nullable: true })
  placementContractType!: ContractType | null;

  @Column({ name: 'placement_start_date', type: 'date', nullable: true })
  placementStartDate!: string | null;

  @Column({ name: 'placement_hours_per_week', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: NUMERIC })
  placementHoursPerWeek!: number | null;

  @Column({ name: 'placement_recorded_at', type: 'timestamptz', nullable: true })
  placementRecordedAt!: Date | null;

  /** The pause the journey is in (issue 14): since when, which kind (`job`: stage suspended; `absence`), expected end. */
  @Column({ name: 'paused_since', type: 'timestamptz', nullable: true })
  pausedSince!: Date | null;

  @Column({ name: 'pause_kind', type: 'varchar', length: 16, nullable: true })
  pauseKind!: PauseKind | null;

  @Column({ name: 'pause_expected_end', type: 'timestamptz', nullable: true })
  pauseExpectedEnd!: Date | null;
  /** Issue 14: the GOL path (chosen at the end of the assessment, or the GOL-n programme started under), or null. */
  @Column({ name: 'gol_path', type: 'smallint', nullable: true })
  golPath!: number | null;

  /** The national model's last profiling: its class and the day it was computed (GOL assessment), or null. */
  @Column({ name: 'gol_profiling_class', type: 'varchar', length: 16, nullable: true })
  golProfilingClass!: ProfilingClass | null;

  @Column({ name: 'profiled_on', type: 'date', nullable: true })
  profiledOn!: string | null;

  /** The day of the qualitative assessment, or null before it. */
  @Column({ name: 'qualitative_assessed_on', type: 'date', nullable: true })
  qualitativeAssessedOn!: string | null;

  /** When the last profiling is (or was) due for review (the catalogue's `profilingReview`), or null. */
  @Column({ name: 'profiling_review_due_at', type: 'timestamptz', nullable: true })
  profilingReviewDueAt!: Date | null;

  /**
   * Issue 15: the region of the journey's office, from the directory of offices (written by the projector, and by
   * the directory when an office's region changes); absent from the row mapping, which knows only the state.
   */
  @Column({ name: 'region', type: 'text', nullable: true })
  region?: string | null;

  /**
   * Issue 15, GOL monitoring: only what the KPIs count (null: no monitoring data). The age at the DID in whole years
   * rather than the birth date; whether GOL counts the person as vulnerable (`vulnerable()`).
   */
  @Column({ name: 'age_at_did', type: 'smallint', nullable: true })
  ageAtDid!: number | null;

  @Column({ name: 'sex', type: 'varchar', length: 1, nullable: true })
  sex!: Sex | null;

  @Column({ name: 'disabled', type: 'boolean', nullable: true })
  disabled!: boolean | null;

  @Column({ name: 'long_term_unemployed', type: 'boolean', nullable: true })
  longTermUnemployed!: boolean | null;

  @Column({ name: 'neet', type: 'boolean', nullable: true })
  neet!: boolean | null;

  @Column({ name: 'social_services_referral', type: 'boolean', nullable: true })
  socialServicesReferral!: boolean | null;

  @Column({ name: 'vulnerable', type: 'boolean', nullable: true })
  vulnerable!: boolean | null;

  /** In training now: a referral to a training body taken up, the journey open (`inTraining()`). */
  @Column({ name: 'in_training', type: 'boolean', default: false })
  inTraining!: boolean;

  /** The last event folded into this row: projections older than it are ignored. */
  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * Episodes (issue 14): the person (`prs_…`, keyed hash of the fiscal code) and the episodes before and after this
   * one. Absent (left as it is) when the state has no reference: a journey started before episodes, whose reference
   * the API's start-up backfill computes from the fiscal code.
   */
  @Column({ name: 'person_ref', type: 'varchar', length: 36, nullable: true })
  personRef?: string | null;

  @Column({ name: 'previous_journey_id', type: 'varchar', length: 64, nullable: true })
  previousJourneyId!: string | null;

  @Column({ name: 'next_journey_id', type: 'varchar', length: 64, nullable: true })
  nextJourneyId!: string | null;
}
