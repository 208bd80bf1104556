import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_AUDIENCES, NOTICE_KINDS, type NoticeAudience, type NoticeKind } from '@sal/domain';
import { DELIVERY_OUTCOMES, OUTBOX_STATUSES, type DeliveryOutcome, type OutboxStatus } from '@sal/persistence';

/** One attempt to hand a message to the mail server. */
export class DeliveryAttemptDto {
  @ApiProperty({ description: 'When', example: '2026-12-14T08:00:03.120Z', format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({ description: 'What happened', enum: DELIVERY_OUTCOMES, example: 'failed' })
  outcome!: DeliveryOutcome;

  @ApiProperty({ description: 'Why it failed', example: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525', nullable: true, type: String })
  error!: string | null;

  @ApiProperty({ description: "The mail server's reply, when it gave one", example: '250 OK: message queued', nullable: true, type: String })
  smtpResponse!: string | null;
}

/** A message of the notification outbox: one notice for one recipient. */
export class NotificationDto {
  @ApiProperty({ description: 'Message id; also its Message-ID, `<id@sal-journeys>`', example: '0b6c9f0e-1d4f-4a53-9a57-3d1b8c2e7f10', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The journey that decided the notice', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  journeyId!: string;

  @ApiProperty({ description: "The journey's office", example: 'CPI-MI-01' })
  officeId!: string;

  @ApiProperty({ description: 'What the notice is about', enum: NOTICE_KINDS, example: 'action_overdue' })
  kind!: NoticeKind;

  @ApiProperty({ description: 'Who it is for', enum: NOTICE_AUDIENCES, example: 'operator' })
  audience!: NoticeAudience;

  @ApiProperty({
    description: "`beneficiary`, the staff id of the operator or supervisor, or the office id when the office had no supervisor (`unassigned` when the journey had no operator)",
    example: 'op-milano-017',
  })
  recipientRef!: string;

  @ApiProperty({ description: 'Address it is sent to; null when none was found (`undeliverable`)', example: 'giulia.ferrari@cpi-milano.example.org', nullable: true, type: String })
  toAddress!: string | null;

  @ApiProperty({ description: 'Subject line (Italian)', example: 'Azione scaduta: «Laboratorio di ricerca attiva» di Mario Rossi' })
  subject!: string;

  @ApiProperty({
    description:
      '`pending`: waiting for its (next) attempt; `sending`: being sent; `sent`: accepted by the mail server; `failed`: refused for good or out of ' +
      'attempts, retry it by hand; `undeliverable`: no address (see `lastError`), never sent',
    enum: OUTBOX_STATUSES,
    example: 'failed',
  })
  status!: OutboxStatus;

  @ApiProperty({ description: 'Attempts since it was (re)queued', example: 3 })
  attempts!: number;

  @ApiProperty({ description: 'The latest failure, or why it is undeliverable', example: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525', nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ description: 'When the next attempt is due (`pending` only)', example: '2026-12-14T08:00:23.000Z', format: 'date-time', nullable: true, type: String })
  nextAttemptAt!: string | null;

  @ApiProperty({ description: 'When it was recorded', example: '2026-12-14T08:00:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'When the mail server accepted it', example: null, format: 'date-time', nullable: true, type: String })
  sentAt!: string | null;

  @ApiProperty({ description: 'Every attempt, oldest first', type: () => [DeliveryAttemptDto] })
  deliveryAttempts!: DeliveryAttemptDto[];
}

/** A page of outbox messages, newest first. */
export class NotificationPageDto {
  @ApiProperty({ description: 'The messages on this page, newest first', type: () => [NotificationDto] })
  items!: NotificationDto[];

  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'How many messages match the filters in all', example: 42 })
  total!: number;
}
