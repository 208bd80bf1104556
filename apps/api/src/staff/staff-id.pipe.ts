import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../common/api-errors';
import { OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../common/input-rules';

/** Refuses (400) a path staff id that cannot be one: staff ids are the operator ids journeys carry. */
@Injectable()
export class StaffIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && OPERATOR_ID_PATTERN.test(value)) return value;
    throw new ValidationFailedError([{ field: metadata.data ?? 'staffId', message: OPERATOR_ID_MESSAGE, code: 'invalid_id', params: { kind: 'staff' } }]);
  }
}
