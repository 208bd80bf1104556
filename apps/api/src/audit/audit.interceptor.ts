import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import { ApiError } from '../common/api-errors';
import type { Principal } from '../auth/principal';
import { AuditService } from './audit.service';

/**
 * Records every request an authenticated caller makes (reads included): who, role, offices, route, journey, outcome.
 * Requests refused before authentication (401) carry no identity and go to the application log only.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = ctx.switchToHttp().getRequest();
    const principal: Principal | undefined = request.principal;
    if (!principal) return next.handle();
    const write = (status: number) =>
      void this.audit.record({
        subject: principal.subject,
        role: principal.role,
        offices: principal.offices === 'all' ? ['*'] : principal.offices,
        method: request.method,
        route: request.route?.path ?? request.path,
        journeyId: typeof request.params?.journeyId === 'string' ? request.params.journeyId.slice(0, 64) : null,
        officeId: officeOf(request),
        status,
        outcome: status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed',
      });
    return next.handle().pipe(
      tap(() => write(ctx.switchToHttp().getResponse().statusCode)),
      catchError((error: unknown) => {
        write(error instanceof ApiError ? error.status : 500);
        return throwError(() => error);
      }),
    );
  }
}

function officeOf(request: { body?: { officeId?: unknown }; query?: { officeId?: unknown } }): string | null {
  const candidate = request.body?.officeId ?? request.query?.officeId;
  const office = Array.isArray(candidate) ? candidate[0] : candidate;
  return typeof office === 'string' ? office.slice(0, 64) : null;
}
