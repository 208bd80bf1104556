import { Injectable } from '@nestjs/common';
import { NotificationLog, type OutboxEntry } from '@sal/notifications';
import { assertCovers, type Principal } from '../auth/principal';
import { NotificationNotFoundError, NotificationNotRetryableError } from '../common/api-errors';
import { ReadModelService } from '../database/read-model.service';
import type { ListNotificationsQuery } from './dto/list-notifications.query';
import type { NotificationDto, NotificationPageDto } from './dto/notification.response';

/**
 * The notification outbox as staff see it, scoped like the journeys: each message carries its journey's office, a
 * caller sees and requeues only their offices' messages (administrators every office's). An unreachable database
 * answers 503 through {@link ReadModelService}.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly readModel: ReadModelService) {}

  /** `officeId` must be among the caller's offices (403); without it the list is the caller's offices'. */
  list(principal: Principal, q: ListNotificationsQuery): Promise<NotificationPageDto> {
    if (q.officeId !== undefined) assertCovers(principal, q.officeId);
    return this.readModel.use(async ({ dataSource }) => {
      const page = await new NotificationLog(dataSource).search({
        journeyId: q.journeyId,
        officeId: q.officeId,
        officeIds: principal.offices === 'all' ? undefined : principal.offices,
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...page, items: page.items.map(toNotificationDto) };
    });
  }

  /**
   * Requeues a `failed` message; the dispatcher sends it within its poll interval. A message of an office outside the
   * caller's is refused (403) before anything changes.
   */
  retry(principal: Principal, id: string): Promise<NotificationDto> {
    return this.readModel.use(async ({ dataSource }) => {
      const log = new NotificationLog(dataSource);
      const found = await log.find(id);
      if (!found) throw new NotificationNotFoundError(id);
      assertCovers(principal, found.message.officeId);
      const result = await log.requeue(id);
      if (result.requeued) return toNotificationDto(result.entry);
      if (result.reason === 'not_found') throw new NotificationNotFoundError(id);
      throw new NotificationNotRetryableError(id, result.status);
    });
  }
}

export function toNotificationDto({ message: m, attempts }: OutboxEntry): NotificationDto {
  return {
    id: m.id,
    journeyId: m.journeyId,
    officeId: m.officeId,
    kind: m.kind,
    audience: m.audience,
    recipientRef: m.recipientRef,
    toAddress: m.toAddress,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
    deliveryAttempts: attempts.map((a) => ({
      attemptedAt: a.attemptedAt.toISOString(),
      outcome: a.outcome,
      error: a.error,
      smtpResponse: a.smtpResponse,
    })),
  };
}
