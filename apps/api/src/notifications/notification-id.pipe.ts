import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../common/api-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses (400) a path notification id that is not a UUID, before it reaches PostgreSQL (which would refuse it too). */
@Injectable()
export class NotificationIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw new ValidationFailedError([{ field: metadata.data ?? 'id', message: 'must be a notification id (a UUID)', code: 'invalid_id', params: { kind: 'notification' } }]);
  }
}
