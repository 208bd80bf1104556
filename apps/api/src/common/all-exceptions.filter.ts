import { Catch, HttpException, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import {
  ApiError,
  InternalError,
  MalformedJsonError,
  PayloadTooLargeError,
  RateLimitedError,
  RouteNotFoundError,
  ValidationFailedError,
} from './api-errors';

/**
 * The one place errors become HTTP answers. API errors keep their code and status; the framework's own (unknown
 * route, body too large, malformed JSON) get ours; anything else is a 500 whose details go to the log only.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const adapter = this.adapterHost.httpAdapter;
    const request = http.getRequest<unknown>();
    const error = this.toApiError(exception, adapter.getRequestMethod(request), adapter.getRequestUrl(request));
    this.log(error, exception);
    // For the request's metrics (commands refused by code) and its log line.
    const response = http.getResponse<{ locals?: Record<string, unknown> }>();
    if (response.locals) response.locals.errorCode = error.code;
    adapter.reply(http.getResponse<unknown>(), error.toBody(), error.status);
  }

  private toApiError(exception: unknown, method: string, url: string): ApiError {
    if (exception instanceof ApiError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return new RouteNotFoundError(method, url.split('?')[0]);
      if (status === 413) return new PayloadTooLargeError(this.settings.bodyLimit);
      if (status === 429) return new RateLimitedError();
      if (status === 400 && exception.cause instanceof SyntaxError) return new MalformedJsonError(exception.cause);
      // Any other client error the framework raises (a bad charset, a malformed URI): the request is at fault.
      if (status >= 400 && status < 500) return new ValidationFailedError([], exception.message);
    }
    return new InternalError(exception);
  }

  private log(error: ApiError, exception: unknown): void {
    if (error instanceof InternalError) {
      this.logger.error(describe(exception), exception instanceof Error ? exception.stack : undefined);
    } else if (error.status >= 500) {
      this.logger.warn(`${error.code}: ${describe(error.cause ?? exception)}`);
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${describe(error.cause)})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
