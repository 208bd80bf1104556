import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ConditionalityLadder, SanctionEffect, StepStatus } from '@sal/domain';
import { JourneyRecord } from './journey.entity';

/** One row per conditionality step of a journey: proposed when a lapse went unjustified, then confirmed or dismissed. */
@Entity({ name: 'conditionality_steps' })
@Index('conditionality_steps_proposed_idx', ['officeId', 'proposedAt'], { where: "status = 'proposed'" })
@Index('conditionality_steps_office_status_idx', ['officeId', 'status', 'proposedAt'])
@Check('conditionality_steps_ordinal_check', 'ordinal > 0')
@Check('conditionality_steps_status_check', "status IN ('proposed', 'confirmed', 'dismissed')")
export class ConditionalityStepRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  @ForeignKey(() => JourneyRecord, { name: 'conditionality_steps_journey_id_fkey', onDelete: 'CASCADE' })
  journeyId!: string;

  @PrimaryColumn({ name: 'step_id', type: 'varchar', length: 16 })
  stepId!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ name: 'programme_code', type: 'varchar', length: 32 })
  programmeCode!: string;

  @Column({ name: 'lapse_id', type: 'varchar', length: 16 })
  lapseId!: string;

  @Column({ type: 'varchar', length: 16 })
  ladder!: ConditionalityLadder;

  /** 1st, 2nd, 3rd… step on its ladder. */
  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 32 })
  effect!: SanctionEffect;

  @Column({ type: 'varchar', length: 16 })
  status!: StepStatus;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  /** The CPI whose staff decided (rules' edition 2); null before, and while proposed. */
  @Column({ name: 'decided_by_office', type: 'varchar', length: 64, nullable: true })
  decidedByOffice!: string | null;

  /** The last day to appeal a confirmed step (30 days from the decision). */
  @Column({ name: 'appeal_due_at', type: 'timestamptz', nullable: true })
  appealDueAt!: Date | null;

  /** What caused it: the missed appointment, or the refused suitable offer. */
  @Column({ name: 'appointment_id', type: 'varchar', length: 16, nullable: true })
  appointmentId!: string | null;

  @Column({ name: 'offer_id', type: 'varchar', length: 16, nullable: true })
  offerId!: string | null;
}
