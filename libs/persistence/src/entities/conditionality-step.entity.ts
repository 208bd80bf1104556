import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { AppealBody, AppealOutcome, ConditionalityLadder, NotificationMethod, SanctionEffect, StepStatus } from '@sal/domain';
import { JourneyRecord } from './journey.entity';

/** One row per conditionality step of a journey: proposed when a lapse went unjustified, then confirmed or dismissed; a confirmed one may be annulled on appeal. */
@Entity({ name: 'conditionality_steps' })
@Index('conditionality_steps_proposed_idx', ['officeId', 'proposedAt'], { where: "status = 'proposed'" })
@Index('conditionality_steps_office_status_idx', ['officeId', 'status', 'proposedAt'])
@Index('conditionality_steps_appeal_pending_idx', ['officeId', 'proposedAt'], { where: 'appeal_pending' })
@Check('conditionality_steps_ordinal_check', 'ordinal > 0')
@Check('conditionality_steps_status_check', "status IN ('proposed', 'confirmed', 'dismissed', 'annulled')")
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

  /** The last day to appeal a confirmed step (30 days from the notification; rules edition 1: from the decision). */
  @Column({ name: 'appeal_due_at', type: 'timestamptz', nullable: true })
  appealDueAt!: Date | null;

  /** When and how the decision reached the person (art. 21 c.12 D.lgs. 150/2015). */
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  @Column({ name: 'notification_method', type: 'varchar', length: 32, nullable: true })
  notificationMethod!: NotificationMethod | null;

  /** The appeal: the day it was lodged, where, its outcome and the day of the outcome. */
  @Column({ name: 'appeal_lodged_on', type: 'date', nullable: true })
  appealLodgedOn!: string | null;

  @Column({ name: 'appeal_body', type: 'varchar', length: 32, nullable: true })
  appealBody!: AppealBody | null;

  @Column({ name: 'appeal_outcome', type: 'varchar', length: 16, nullable: true })
  appealOutcome!: AppealOutcome | null;

  @Column({ name: 'appeal_decided_on', type: 'date', nullable: true })
  appealDecidedOn!: string | null;

  /** The sanction decided, when an appeal annulled or reduced it (`effect` is what stands). */
  @Column({ name: 'original_effect', type: 'varchar', length: 32, nullable: true })
  originalEffect!: SanctionEffect | null;

  @Column({ name: 'appeal_window_closed_at', type: 'timestamptz', nullable: true })
  appealWindowClosedAt!: Date | null;

  /** An appeal lodged and waiting for its outcome. */
  @Column({ name: 'appeal_pending', type: 'boolean', default: false })
  appealPending!: boolean;

  /** What caused it: the missed appointment, or the refused suitable offer. */
  @Column({ name: 'appointment_id', type: 'varchar', length: 16, nullable: true })
  appointmentId!: string | null;

  @Column({ name: 'offer_id', type: 'varchar', length: 16, nullable: true })
  offerId!: string | null;

  /** Or the missed agreed contact (rules edition 2, art. 21 c.7 lett. a D.lgs. 150/2015), by when it was due. */
  @Column({ name: 'contact_due_at', type: 'timestamptz', nullable: true })
  contactDueAt!: Date | null;
}
