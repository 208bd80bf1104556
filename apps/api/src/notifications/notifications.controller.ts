import { Roles } from '../auth/decorators';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationDto, NotificationPageDto } from './dto/notification.response';
import { NotificationIdPipe } from './notification-id.pipe';
import { NotificationsService } from './notifications.service';

const DB_DOWN = 'PostgreSQL cannot be reached';

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
      'one without an address is `undeliverable`. Newest first.',
  })
  @ApiOkResponse({ description: 'A page of messages', type: NotificationPageDto })
  @ApiErrorResponses({ VALIDATION_FAILED: 'a filter or the page is malformed (`fields` lists them)', READ_MODEL_UNAVAILABLE: DB_DOWN })
  list(@Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiParam({ name: 'id', description: 'Message id (a UUID)', example: '0b6c9f0e-1d4f-4a53-9a57-3d1b8c2e7f10' })
  @ApiOperation({
    summary: 'Retry a failed message',
    description: 'Queues a `failed` message again, due now, with a fresh allowance of attempts; its past attempts stay listed.',
  })
  @ApiOkResponse({ description: 'The message, `pending` again', type: NotificationDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the id is not a UUID',
    NOTIFICATION_NOT_FOUND: 'no message has this id',
    NOTIFICATION_NOT_RETRYABLE: 'the message is not `failed` (pending, sending, sent or undeliverable)',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  retry(@Param('id', NotificationIdPipe) id: string): Promise<NotificationDto> {
    return this.notifications.retry(id);
  }
}
