import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { PactActionKind, PactActionStatus } from '@sal/domain';
import { JourneyRecord } from './journey.entity';

/** One row per pact action, for the overdue-action views. */
@Entity({ name: 'pact_actions' })
@Index('pact_actions_office_status_due_idx', ['officeId', 'status', 'dueAt'])
@Index('pact_actions_overdue_idx', ['officeId', 'dueAt'], { where: "status = 'overdue'" })
@Index('pact_actions_falls_due_idx', ['officeId', 'fallsDueAt'], { where: "status = 'pending' AND falls_due_at IS NOT NULL" })
// National scale (issue 17): an office's overdue actions of open journeys in the view's order, counted index-only
// (INCLUDE columns, which TypeORM cannot describe: the migration owns it).
@Index('pact_actions_open_overdue_order_idx', { synchronize: false })
export class PactActionRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  @ForeignKey(() => JourneyRecord, { name: 'pact_actions_journey_id_fkey', onDelete: 'CASCADE' })
  journeyId!: string;

  @PrimaryColumn({ name: 'action_id', type: 'varchar', length: 16 })
  actionId!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ name: 'pact_version', type: 'integer' })
  pactVersion!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: PactActionKind;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /**
   * Issue 17: when a pending action falls due, moved by the journey's pauses (null while a running pause holds it, and
   * once it is no longer pending): overdue at an instant from then on, whether or not the journey's timer has fired.
   */
  @Column({ name: 'falls_due_at', type: 'timestamptz', nullable: true })
  fallsDueAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status!: PactActionStatus;

  /** Whether the action's journey is open: the overdue-actions view counts an office's actions without the journeys. */
  @Column({ name: 'journey_open', type: 'boolean', default: true })
  journeyOpen!: boolean;

  @Column({ name: 'overdue_since', type: 'timestamptz', nullable: true })
  overdueSince!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 64, nullable: true })
  completedBy!: string | null;

  @Column({ name: 'responsible_operator_id', type: 'varchar', length: 64, nullable: true })
  responsibleOperatorId!: string | null;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt!: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}
