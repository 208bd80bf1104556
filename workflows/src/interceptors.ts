// Workflow interceptors of the product's bundle (not a workflow): with the SDK's OpenTelemetry ones before them, which
// take the trace context and baggage from the headers of each start, update and signal, every line the workflow's
// `log` writes names the request that caused it.
import { context, propagation } from '@opentelemetry/api';
import { log, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** The baggage entry the API puts the request id in (`REQUEST_ID_BAGGAGE` of `@sal/temporal`, which workflows cannot import). */
const REQUEST_ID_BAGGAGE = 'sal.request_id';

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      // One line per request the journey takes, inside its context: it names the request id (see below).
      async handleUpdate(input, next) {
        log.debug('workflow: update received', { update: input.name });
        return next(input);
      },
      async handleSignal(input, next) {
        log.debug('workflow: signal received', { signal: input.signalName });
        return next(input);
      },
    },
  ],
  outbound: [
    {
      getLogAttributes(input, next) {
        const requestId = propagation.getBaggage(context.active())?.getEntry(REQUEST_ID_BAGGAGE)?.value;
        return next(requestId ? { ...input, requestId } : input);
      },
    },
  ],
});
