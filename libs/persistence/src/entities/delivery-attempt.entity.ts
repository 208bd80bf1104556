import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxMessageRecord } from './outbox-message.entity';

export const DELIVERY_OUTCOMES = ['sent', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** Every attempt to hand an outbox message to the SMTP server, with what the server (or the network) said. */
@Entity({ name: 'notification_delivery_attempts' })
@Index('notification_delivery_attempts_outbox_idx', ['outboxId', 'attemptedAt'])
@Check('notification_delivery_attempts_outcome_check', "outcome IN ('sent', 'failed')")
export class DeliveryAttemptRecord {
  /** bigserial: node-postgres returns int8 as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
  @ForeignKey(() => OutboxMessageRecord, { name: 'notification_delivery_attempts_outbox_id_fkey', onDelete: 'CASCADE' })
  outboxId!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome!: DeliveryOutcome;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'smtp_response', type: 'text', nullable: true })
  smtpResponse!: string | null;
}
