import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { AppointmentChannel, AppointmentPurpose, AppointmentStatus, ConvocationMethod, ServiceCode } from '@sal/domain';
import { JourneyRecord } from './journey.entity';

/** One row per appointment of a journey (scheduled, held, missed or cancelled), for the supervisors' agenda. */
@Entity({ name: 'appointments' })
@Index('appointments_office_at_idx', ['officeId', 'at'])
@Index('appointments_office_status_at_idx', ['officeId', 'status', 'at'])
@Check('appointments_status_check', "status IN ('scheduled', 'held', 'no_show', 'cancelled')")
@Check('appointments_rescheduled_count_check', 'rescheduled_count >= 0')
export class AppointmentRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  @ForeignKey(() => JourneyRecord, { name: 'appointments_journey_id_fkey', onDelete: 'CASCADE' })
  journeyId!: string;

  @PrimaryColumn({ name: 'appointment_id', type: 'varchar', length: 16 })
  appointmentId!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ name: 'programme_code', type: 'varchar', length: 32 })
  programmeCode!: string;

  @Column({ type: 'varchar', length: 32 })
  service!: ServiceCode;

  @Column({ type: 'varchar', length: 16 })
  purpose!: AppointmentPurpose;

  /** When it is (or was) due, after any rescheduling. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 16 })
  channel!: AppointmentChannel;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 32 })
  convocation!: ConvocationMethod;

  /** PEC, registered letter, or agreed and signed: only such a convocation allows a sanction after a no-show. */
  @Column({ name: 'convocation_valid', type: 'boolean' })
  convocationValid!: boolean;

  @Column({ name: 'operator_id', type: 'varchar', length: 100 })
  operatorId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AppointmentStatus;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt!: Date | null;

  @Column({ name: 'rescheduled_count', type: 'integer', default: 0 })
  rescheduledCount!: number;

  /** When the outcome (held, no-show) or the cancellation was recorded. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** The journey's last change when the row was written. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
