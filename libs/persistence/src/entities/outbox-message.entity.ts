import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeAudience, NoticeKind } from '@sal/domain';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'undeliverable'] as const;
/**
 * - `pending`: waiting for its (next) attempt at `next_attempt_at`; a message whose attempts failed so far stays here.
 * - `sending`: claimed by a dispatcher until `lease_until`; after that another dispatcher takes it back (a crash).
 * - `sent`: the SMTP server accepted it.
 * - `failed`: the server refused it for good, or every attempt failed; only a manual retry sends it again.
 * - `undeliverable`: no address could be found for the recipient (`last_error` says why); never sent.
 */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One e-mail to one recipient, written in the same transaction that records the notice, then sent by the dispatcher.
 * Subject and body are rendered when the notice is recorded: what was decided is what is sent, even after a retry.
 */
@Entity({ name: 'notification_outbox' })
/* Its indexes as the migrations create them (TypeORM cannot say DESC: the migrations alone order those columns). */
@Index('notification_outbox_due_idx', ['status', 'nextAttemptAt'], { where: "status IN ('pending', 'sending')" })
@Index('notification_outbox_notice_idx', ['noticeKey'])
@Index('notification_outbox_journey_idx', ['journeyId', 'createdAt'])
@Index('notification_outbox_office_status_idx', ['officeId', 'status', 'createdAt'])
@Check('notification_outbox_audience_check', "audience IN ('beneficiary', 'operator', 'supervisor')")
@Check('notification_outbox_status_check', "status IN ('pending', 'sending', 'sent', 'failed', 'undeliverable')")
@Check('notification_outbox_attempts_check', 'attempts >= 0')
@Check('notification_outbox_check', "status = 'undeliverable' OR to_address IS NOT NULL")
@Check('notification_outbox_check1', "status <> 'sending' OR lease_until IS NOT NULL")
export class OutboxMessageRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The notice key plus the recipient: a second write of the same notice to the same person is ignored. */
  @Column({ name: 'dedup_key', type: 'text', unique: true })
  dedupKey!: string;

  /** The `JourneyNotice.key` the message came from (several rows share it when a notice goes to every supervisor). */
  @Column({ name: 'notice_key', type: 'text' })
  noticeKey!: string;

  @Column({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: NoticeKind;

  @Column({ type: 'varchar', length: 16 })
  audience!: NoticeAudience;

  /** Who it is for: `beneficiary`, an operator's or supervisor's staff id, or the office id when it has no supervisor. */
  @Column({ name: 'recipient_ref', type: 'varchar', length: 64 })
  recipientRef!: string;

  @Column({ name: 'to_address', type: 'text', nullable: true })
  toAddress!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: OutboxStatus;

  /** Delivery attempts started since the message was (re)queued. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
