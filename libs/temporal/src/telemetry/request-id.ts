import { context, propagation, trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';

/**
 * The request id travels as OpenTelemetry baggage: the SDK's interceptors carry the active context (trace and
 * baggage) in Temporal headers from the API's request into the workflow and on into its activities, so every log line
 * of one request names it. An id holds no personal data: a caller's own id is kept only if it is a short token.
 */
export const REQUEST_ID_BAGGAGE = 'sal.request_id';
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The caller's `x-request-id` when it is a plain token, else a new one. */
export function requestIdFor(given: string | string[] | undefined): string {
  const id = Array.isArray(given) ? given[0] : given;
  return id && SAFE_ID.test(id) ? id : randomUUID();
}

/** Runs `fn` with `requestId` in the active context's baggage. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  const baggage = (propagation.getActiveBaggage() ?? propagation.createBaggage()).setEntry(REQUEST_ID_BAGGAGE, { value: requestId });
  return context.with(propagation.setBaggage(context.active(), baggage), fn);
}

/** The request id of the active context, if any. */
export function currentRequestId(): string | undefined {
  return propagation.getActiveBaggage()?.getEntry(REQUEST_ID_BAGGAGE)?.value;
}

/** What every log line adds from the active context: the request id, the trace and span ids. */
export function contextLogFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) fields.requestId = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && span.traceId !== '00000000000000000000000000000000') {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}
