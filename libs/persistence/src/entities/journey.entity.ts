import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClosureReason, JourneyStage, JourneyStatus, ProfilingClass, StallReason } from '@sal/domain';

/** One row per journey: what supervisors search. Derived from the events; never the source of truth. */
@Entity({ name: 'journeys' })
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

  /** The last event folded into this row: projections older than it are ignored. */
  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
