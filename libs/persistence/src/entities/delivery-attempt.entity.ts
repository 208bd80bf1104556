import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const DELIVERY_OUTCOMES = ['sent', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** Every attempt to hand an outbox message to the SMTP server, with what the server (or the network) said. */
@Entity({ name: 'notification_delivery_attempts' })
export class DeliveryAttemptRecord {
  /** bigserial: node-postgres returns int8 as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
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
