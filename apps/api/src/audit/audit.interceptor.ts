import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, concatMap, defer, from, map, mergeMap, tap, throwError, type Observable } from 'rxjs';
import { ApiError, ValidationFailedError } from '../common/api-errors';
import { undeclaredQueryParameters } from '../common/pipes/query-parameters';
import type { Principal } from '../auth/principal';
import { AuditService, MUTATING_METHODS, type AuditDestination } from './audit.service';

/** Where a handler names the journeys a request was about when its path does not (the codec: each payload's journey). */
export const AUDIT_JOURNEYS = 'auditJourneyIds';
/** Where a handler names the person (`prs_…`) a request was about when its path does not (a fiscal code in a body). */
export const AUDIT_PERSON = 'auditPersonRef';

/**
 * Records every request an authenticated caller makes (reads included): who, role, offices, route, journey, outcome.
 * First, on every route, a query parameter the route has no schema for is refused (400), so nothing unvalidated
 * reaches a handler or the log. A request that changes something (POST, PUT, PATCH, DELETE) gets a `requested` entry
 * issued as it starts and written while the handler runs (not before it: it adds nothing to the request's latency);
 * the answer waits until that entry is stored, in `audit_log` or, when PostgreSQL refuses it, in the durable buffer
 * (replayed exactly once), so no change is answered without its entry. Its outcome entry follows, like a read's, and
 * goes to the durable buffer when PostgreSQL cannot take it (or when the `requested` entry went there, to keep their
 * order). Requests refused before authentication (401) carry no identity and go to the application log only;
 * refusals of the role guard (403) are recorded by the guard.
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
    const outcome = (status: number, after?: AuditDestination) =>
      void this.audit.record({ ...subject, personRef: personOf(request) ?? subject.personRef }, status, journeysOf(request), after);
    // Issued as the request starts (a change's), awaited after the handler: the entry and the change go at the same time.
    let requested: Promise<AuditDestination | undefined> = Promise.resolve(undefined);
    return defer(() => {
      if (undeclared.length > 0) return throwError(() => new ValidationFailedError(undeclared));
      if (MUTATING_METHODS.has(request.method)) requested = this.audit.recordRequested(subject);
      return next.handle();
    }).pipe(
      concatMap((value: unknown) => from(requested.then((after) => ({ value, after })))),
      tap(({ after }) => outcome(ctx.switchToHttp().getResponse().statusCode, after)),
      map(({ value }) => value),
      catchError((error: unknown) =>
        from(requested).pipe(
          mergeMap((after) => {
            outcome(error instanceof ApiError ? error.status : 500, after);
            return throwError(() => error);
          }),
        ),
      ),
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
