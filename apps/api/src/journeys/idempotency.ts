import { AsyncLocalStorage } from 'node:async_hooks';
import { applyDecorators, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { ValidationFailedError } from '../common/api-errors';
import { ErrorResponseDto } from '../common/error-response.dto';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_SHAPE = /^[A-Za-z0-9._:-]{1,128}$/;

const current = new AsyncLocalStorage<string>();

/** The `Idempotency-Key` of the command being handled, when its client sent one. */
export function currentIdempotencyKey(): string | undefined {
  return current.getStore();
}

/**
 * Reads and checks the `Idempotency-Key` header and makes it available to the journey service for the rest of the
 * request. The service records which command the key names (per caller and journey) and sends the command with an
 * update id derived from caller and key: a command sent again with the same key and body (a retry after a timeout or a
 * lost answer) is applied once and answers what the first attempt answered; the same key with another command or
 * body is refused with 422 `IDEMPOTENCY_KEY_REUSED`.
 */
@Injectable()
export class IdempotencyKeyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw: unknown = context.switchToHttp().getRequest().headers?.[IDEMPOTENCY_HEADER.toLowerCase()];
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !KEY_SHAPE.test(raw)) {
      throw new ValidationFailedError([{ field: IDEMPOTENCY_HEADER, message: 'must be 1–128 letters, digits, dots, colons, hyphens or underscores (one header)', code: 'invalid_idempotency_key' }]);
    }
    return new Observable((subscriber) => current.run(raw, () => next.handle().subscribe(subscriber)));
  }
}

/** On an operator command: accepts an `Idempotency-Key` header, and documents it and its 422 in OpenAPI. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyKeyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Optional. A key of your choosing (e.g. a UUID), 1–128 letters, digits, `.`, `:`, `-` or `_`, naming one command. Sending the same command ' +
        'again with the same key and body (a retry after a timeout or a 503) applies it once: the retry answers the first outcome. The same key with ' +
        'another command or body is refused (422 `IDEMPOTENCY_KEY_REUSED`) and nothing is sent. Keys are per caller and per journey; the retry ' +
        'answers the first outcome while the journey runs on the same workflow run (a long journey that continued as new applies a retry again).',
    }),
    ApiResponse({
      status: 422,
      description:
        'Unprocessable. Codes:\n\n- `IDEMPOTENCY_KEY_REUSED`: the `Idempotency-Key` was already used by you on this journey for another command or body; ' +
        'nothing was sent (a new command needs a new key)',
      type: ErrorResponseDto,
    }),
  );
