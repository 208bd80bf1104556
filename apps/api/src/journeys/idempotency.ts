import { AsyncLocalStorage } from 'node:async_hooks';
import { applyDecorators, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { ValidationFailedError } from '../common/api-errors';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_SHAPE = /^[A-Za-z0-9._:-]{1,128}$/;

const current = new AsyncLocalStorage<string>();

/** The `Idempotency-Key` of the command being handled, when its client sent one. */
export function currentIdempotencyKey(): string | undefined {
  return current.getStore();
}

/**
 * Reads and checks the `Idempotency-Key` header and makes it available to the journey service for the rest of the
 * request, which sends it to Temporal as the update's id: a command sent again with the same key (a retry after a
 * timeout or a lost answer) is applied once, and the retry answers what the first attempt answered.
 */
@Injectable()
export class IdempotencyKeyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw: unknown = context.switchToHttp().getRequest().headers?.[IDEMPOTENCY_HEADER.toLowerCase()];
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !KEY_SHAPE.test(raw)) {
      throw new ValidationFailedError([{ field: IDEMPOTENCY_HEADER, message: 'must be 1–128 letters, digits, dots, colons, hyphens or underscores (one header)' }]);
    }
    return new Observable((subscriber) => current.run(raw, () => next.handle().subscribe(subscriber)));
  }
}

/** On an operator command: accepts an `Idempotency-Key` header (documented in OpenAPI). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyKeyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Optional. A key of your choosing (e.g. a UUID), 1–128 letters, digits, `.`, `:`, `-` or `_`. Sending the same command again with the same key ' +
        '(a retry after a timeout or a 503) applies it once: the retry answers the first outcome. Keys are per caller and per journey, and hold while the ' +
        'journey runs on the same workflow run (a long journey that continued as new forgets older keys).',
    }),
  );
