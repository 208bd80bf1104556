import type { DataSource } from 'typeorm';
import { DeliveryAttemptRecord, OutboxMessageRecord, type OutboxStatus, type Page } from '@sal/persistence';

export interface OutboxSearch {
  journeyId?: string;
  officeId?: string;
  /** Only messages of these offices (the caller's scope); an empty list matches nothing, undefined everything. */
  officeIds?: string[];
  status?: OutboxStatus;
  page: number;
  pageSize: number;
}

/** An outbox message with every delivery attempt, oldest first. */
export interface OutboxEntry {
  message: OutboxMessageRecord;
  attempts: DeliveryAttemptRecord[];
}

export type RequeueResult =
  | { requeued: true; entry: OutboxEntry }
  | { requeued: false; reason: 'not_found' }
  | { requeued: false; reason: 'not_failed'; status: OutboxStatus };

/** What staff see of the outbox: lists with their attempts, and a manual retry of a failed message. */
export class NotificationLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async search(s: OutboxSearch): Promise<Page<OutboxEntry>> {
    const q = this.dataSource.getRepository(OutboxMessageRecord).createQueryBuilder('o');
    if (s.journeyId !== undefined) q.andWhere('o.journey_id = :journeyId', { journeyId: s.journeyId });
    if (s.officeId !== undefined) q.andWhere('o.office_id = :officeId', { officeId: s.officeId });
    if (s.officeIds !== undefined) q.andWhere('o.office_id = ANY(:officeIds)', { officeIds: s.officeIds });
    if (s.status !== undefined) q.andWhere('o.status = :status', { status: s.status });
    const [messages, total] = await q
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .skip((s.page - 1) * s.pageSize)
      .take(s.pageSize)
      .getManyAndCount();
    return { items: await this.withAttempts(messages), page: s.page, pageSize: s.pageSize, total };
  }

  async find(id: string): Promise<OutboxEntry | null> {
    const message = await this.dataSource.getRepository(OutboxMessageRecord).findOneBy({ id });
    return message ? (await this.withAttempts([message]))[0] : null;
  }

  /**
   * Puts a `failed` message back in the queue, due now, with a fresh allowance of attempts (its past attempts stay
   * listed). Any other status is left alone: pending and sending ones are already on their way, sent ones went out,
   * undeliverable ones have no address to send to.
   */
  async requeue(id: string): Promise<RequeueResult> {
    // Callers check the message's office first (find): a message never changes office.
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessageRecord)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: () => 'now()', leaseUntil: null })
      .where('id = :id AND status = :failed', { id, failed: 'failed' })
      .execute();
    const entry = await this.find(id);
    if (!entry) return { requeued: false, reason: 'not_found' };
    if ((result.affected ?? 0) === 0) return { requeued: false, reason: 'not_failed', status: entry.message.status };
    return { requeued: true, entry };
  }

  private async withAttempts(messages: OutboxMessageRecord[]): Promise<OutboxEntry[]> {
    if (messages.length === 0) return [];
    const attempts = await this.dataSource
      .getRepository(DeliveryAttemptRecord)
      .createQueryBuilder('a')
      .where('a.outbox_id IN (:...ids)', { ids: messages.map((m) => m.id) })
      .orderBy('a.attempted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const byMessage = new Map<string, DeliveryAttemptRecord[]>();
    for (const a of attempts) byMessage.set(a.outboxId, [...(byMessage.get(a.outboxId) ?? []), a]);
    return messages.map((message) => ({ message, attempts: byMessage.get(message.id) ?? [] }));
  }
}
