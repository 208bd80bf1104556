import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationDto, NotificationPageDto } from './dto/notification.response';
import { NotificationIdPipe } from './notification-id.pipe';
import { NotificationsService } from './notifications.service';

const DB_DOWN = 'PostgreSQL cannot be reached';
const SCOPE =
  "Scoped to the caller's offices like the journeys: `officeId`, when given, must be one of them (403 otherwise), and without it the caller " +
  "sees their offices' messages (administrators every office's).";

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('supervisor', 'regional_supervisor', 'administrator')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Notification messages and their delivery',
    description:
      'The outbox: every e-mail the journeys decided to send, one per recipient, with each delivery attempt. A message ' +
      'that keeps failing stays `pending` with `lastError` and `nextAttemptAt` while it is retried, then becomes `failed`; ' +
      `one without an address is \`undeliverable\`. Newest first. ${SCOPE}`,
  })
  @ApiOkResponse({ description: 'A page of messages', type: NotificationPageDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'a filter or the page is malformed (`fields` lists them)',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not a supervisor, regional supervisor or administrator, or `officeId` is outside your offices',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(principal, query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiParam({ name: 'id', description: 'Message id (a UUID)', example: '0b6c9f0e-1d4f-4a53-9a57-3d1b8c2e7f10' })
  @ApiOperation({
    summary: 'Retry a failed message',
    description:
      "Queues a `failed` message again, due now, with a fresh allowance of attempts; its past attempts stay listed. Only a message of the caller's " +
      'offices (administrators: any office); another office\'s is refused with 403 and left as it is.',
  })
  @ApiOkResponse({ description: 'The message, `pending` again', type: NotificationDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the id is not a UUID',
    NOTIFICATION_NOT_FOUND: 'no message has this id',
    NOTIFICATION_NOT_RETRYABLE: 'the message is not `failed` (pending, sending, sent or undeliverable)',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: "not a supervisor, regional supervisor or administrator, or the message's office is outside your offices (nothing changes)",
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  retry(@CurrentPrincipal() principal: Principal, @Param('id', NotificationIdPipe) id: string): Promise<NotificationDto> {
    return this.notifications.retry(principal, id);
  }
}
