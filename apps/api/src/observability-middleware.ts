import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the middleware reads of Express's request and answer. */
type Request = IncomingMessage & { method: string; path: string; baseUrl?: string; route?: { path?: unknown } };
type Response = ServerResponse & { locals: Record<string, unknown> };
import { REQUEST_ID_HEADER, requestIdFor, withRequestId, type Logger } from '@sal/temporal';
import { recordHttpRequest, routeLabel } from './metrics/api-metrics';

/** Nest's logger on pino: the framework's lines (and every `new Logger(context)`) as JSON with their context. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const ctx = context ?? (stackOrContext && !stackOrContext.includes('\n') ? stackOrContext : undefined);
    const stack = stackOrContext && stackOrContext.includes('\n') ? stackOrContext : undefined;
    this.logger.error({ ...(ctx ? { context: ctx } : {}), ...(stack ? { stack } : {}) }, text(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }
  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string): void {
    this.logger[level](context ? { context } : {}, text(message));
  }
}

function text(message: unknown): string {
  return typeof message === 'string' ? message : message instanceof Error ? `${message.name}: ${message.message}` : JSON.stringify(message);
}

/** Paths answered often and by machines: counted, not logged. */
const QUIET = /^\/(metrics|health)(\/|$|\?)/;

/**
 * Every request: its id (the caller's `x-request-id` if it is a plain token, else a new one) answered in
 * `x-request-id` and carried as baggage into Temporal; when it is answered, one log line and the HTTP metrics, by the
 * route pattern (never the path, whose ids stay out of labels and logs).
 */
export function requestObservability(logger: Logger) {
  return (req: Request, res: Response, next: () => void): void => {
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req);
      const errorCode = typeof res.locals.errorCode === 'string' ? res.locals.errorCode : undefined;
      recordHttpRequest(req.method, route, res.statusCode, seconds, errorCode);
      if (!QUIET.test(req.path)) {
        const line = { requestId, method: req.method, route, status: res.statusCode, durationMs: Math.round(seconds * 1000), ...(errorCode ? { code: errorCode } : {}) };
        if (res.statusCode >= 500) logger.warn(line, 'request answered');
        else logger.info(line, 'request answered');
      }
    });
    withRequestId(requestId, next);
  };
}
