import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, defer, from, mergeMap, tap, throwError, type Observable } from 'rxjs';
import { ApiError, ValidationFailedError } from '../common/api-errors';
import { undeclaredQueryParameters } from '../common/pipes/query-parameters';
import type { Principal } from '../auth/principal';
import { AuditService, MUTATING_METHODS } from './audit.service';

/** Where a handler names the journeys a request was about when its path does not (the codec: each payload's journey). */
export const AUDIT_JOURNEYS = 'auditJourneyIds';
/** Where a handler names the person (`prs_…`) a request was about when its path does not (a fiscal code in a body). */
export const AUDIT_PERSON = 'auditPersonRef';

/**
 * Records every request an authenticated caller makes (reads included): who, role, offices, route, journey, outcome.
 * First, on every route, a query parameter the route has no schema for is refused (400), so nothing unvalidated
 * reaches a handler or the log. A request that changes something (POST, PUT, PATCH, DELETE) is carried out only once
 * its `requested` entry is stored (else 503, nothing done); its outcome entry follows, like a read's, and goes to the
 * durable buffer when PostgreSQL cannot take it. Requests refused before authentication (401) carry no identity and go
 * to the application log only; refusals of the role guard (403) are recorded by the guard.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = ctx.switchToHttp().getRequest();
    const undeclared = undeclaredQueryParameters(ctx);
    const principal: Principal | undefined = request.principal;
    if (!principal) return undeclared.length > 0 ? throwError(() => new ValidationFailedError(undeclared)) : next.handle();
    const subject = this.audit.subjectOf(principal, request);
    const outcome = (status: number) => void this.audit.record({ ...subject, personRef: personOf(request) ?? subject.personRef }, status, journeysOf(request));
    return defer(() => {
      if (undeclared.length > 0) return throwError(() => new ValidationFailedError(undeclared));
      return MUTATING_METHODS.has(request.method) ? from(this.audit.recordRequested(subject)) : from([undefined]);
    }).pipe(
      mergeMap(() => next.handle()),
      tap(() => outcome(ctx.switchToHttp().getResponse().statusCode)),
      catchError((error: unknown) => {
        outcome(error instanceof ApiError ? error.status : 500);
        return throwError(() => error);
      }),
    );
  }
}

function journeysOf(request: Record<string, unknown>): string[] {
  const ids = request[AUDIT_JOURNEYS];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function personOf(request: Record<string, unknown>): string | null {
  const ref = request[AUDIT_PERSON];
  return typeof ref === 'string' ? ref : null;
}
