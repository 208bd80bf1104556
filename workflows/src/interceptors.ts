// Workflow interceptors of the product's bundle (not a workflow). Two parts:
// - the SDK's OpenTelemetry interceptors (a span per update, signal and activity scheduled, the trace context and its
//   baggage taken from the headers), but only for runs started with a trace context in their start headers. Journeys
//   started before tracing existed replay without them: the SDK's interceptors add yields on histories recorded
//   without them, which would break those journeys with a nondeterminism error (test/integration/replay.spec.ts).
// - the product's own: every line the workflow's `log` writes inside a traced request names its request id.
// Neither adds, removes or reorders a command.
import { context, propagation } from '@opentelemetry/api';
import { interceptors as openTelemetryInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';
import { log, type WorkflowInboundCallsInterceptor, type WorkflowInterceptors, type WorkflowInterceptorsFactory, type WorkflowOutboundCallsInterceptor } from '@temporalio/workflow';

/** The baggage entry the API puts the request id in (`REQUEST_ID_BAGGAGE` of `@sal/temporal`, which workflows cannot import). */
const REQUEST_ID_BAGGAGE = 'sal.request_id';
/** The header the SDK's OpenTelemetry interceptors carry the context in. */
const TRACE_HEADER = '_tracer-data';

type Inbound = Required<Pick<WorkflowInboundCallsInterceptor, 'execute' | 'handleUpdate' | 'validateUpdate' | 'handleSignal' | 'handleQuery'>>;
type Outbound = Required<
  Pick<WorkflowOutboundCallsInterceptor, 'scheduleActivity' | 'scheduleLocalActivity' | 'startChildWorkflowExecution' | 'continueAsNew' | 'signalWorkflow' | 'getLogAttributes' | 'getMetricTags'>
>;

export const interceptors: WorkflowInterceptorsFactory = (): WorkflowInterceptors => {
  const otel = openTelemetryInterceptors();
  const otelIn = otel.inbound?.[0] as Inbound;
  const otelOut = otel.outbound?.[0] as Outbound;
  // Decided once per run, by the start's headers (execute is the first call of every run, replayed or not).
  let traced = false;
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      traced = TRACE_HEADER in input.headers;
      return traced ? otelIn.execute(input, next) : next(input);
    },
    handleUpdate(input, next) {
      if (!traced) return next(input);
      return otelIn.handleUpdate(input, (i) => {
        log.debug('workflow: update received', { update: i.name });
        return next(i);
      });
    },
    validateUpdate(input, next) {
      return traced ? otelIn.validateUpdate(input, next) : next(input);
    },
    handleSignal(input, next) {
      if (!traced) return next(input);
      return otelIn.handleSignal(input, (i) => {
        log.debug('workflow: signal received', { signal: i.signalName });
        return next(i);
      });
    },
    handleQuery(input, next) {
      return traced ? otelIn.handleQuery(input, next) : next(input);
    },
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (traced ? otelOut.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (traced ? otelOut.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) => (traced ? otelOut.startChildWorkflowExecution(input, next) : next(input)),
    continueAsNew: (input, next) => (traced ? otelOut.continueAsNew(input, next) : next(input)),
    signalWorkflow: (input, next) => (traced ? otelOut.signalWorkflow(input, next) : next(input)),
    getMetricTags: (input, next) => (traced ? otelOut.getMetricTags(input, next) : next(input)),
    getLogAttributes(input, next) {
      if (!traced) return next(input);
      const requestId = propagation.getBaggage(context.active())?.getEntry(REQUEST_ID_BAGGAGE)?.value;
      return otelOut.getLogAttributes(requestId ? { ...input, requestId } : input, next);
    },
  };
  return { inbound: [inbound], outbound: [outbound], internals: otel.internals };
};
