import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, WorkerOptions } from '@temporalio/worker';
import { extractContextFromHeaders } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { propagation } from '@opentelemetry/api';
import { currentRequestId, REQUEST_ID_BAGGAGE } from './request-id';

export interface Tracing {
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Paths whose requests make no span (probes and scrapes, many a minute). */
const UNTRACED = /^\/(metrics|health)(\/|$|\?)/;

/**
 * Registers the process's tracer provider (W3C trace context and baggage propagation, AsyncLocalStorage context),
 * and with `http` the HTTP server and client instrumentation. Spans are exported by OTLP/HTTP when a URL is given;
 * without one the context still flows (the request id rides in its baggage) but no span leaves the process.
 * Call it before the HTTP server is created.
 */
export function startTracing(
  service: string,
  otlpTracesUrl: string | null,
  options: { http?: boolean; /** The route pattern of a request the server answered (its span's name), never its path. */ routeOf?: (req: unknown) => string } = {},
): Tracing {
  const resource = new Resource({ [ATTR_SERVICE_NAME]: service });
  const spanProcessor: SpanProcessor = otlpTracesUrl ? new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl }), { scheduledDelayMillis: 1000 }) : new NoopSpanProcessor();
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  const unregister = options.http
    ? registerInstrumentations({
        tracerProvider: provider,
        instrumentations: [
          new HttpInstrumentation({
            ignoreIncomingRequestHook: (req) => UNTRACED.test(req.url ?? '/'),
            // Called as the answer finishes, before the span ends: named by the route pattern, not the path.
            applyCustomAttributesOnSpan: (span, req) => {
              if (!options.routeOf || !('method' in req)) return;
              const route = options.routeOf(req);
              span.setAttribute('http.route', route);
              span.updateName(`${req.method ?? ''} ${route}`);
            },
            // Only the Temporal, OIDC and SMTP clients' own calls; never a URL's query string.
            ignoreOutgoingRequestHook: () => false,
          }),
        ],
      })
    : () => undefined;
  return {
    resource,
    spanProcessor,
    async shutdown() {
      unregister();
      await provider.shutdown();
      trace.disable();
    },
  };
}

/** The Temporal client's interceptors: a span per start, update, signal and query, its context (and request id) in the headers. */
export function tracingClientInterceptors(): WorkflowClientInterceptor[] {
  return [new OpenTelemetryWorkflowClientInterceptor()];
}


/** The worker's tracing interceptors and the sink through which workflows' spans are exported. */
export function tracingWorkerOptions(tracing: Pick<Tracing, 'resource' | 'spanProcessor'>): Pick<WorkerOptions, 'sinks'> & { activityInterceptors: ActivityInterceptorsFactory[] } {
  return {
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) } as WorkerOptions['sinks'],
    activityInterceptors: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
      // The request id of the workflow's call (from the activity's headers), in every line the activity's context
      // logger writes, the SDK's "Activity completed" included (written outside the activity's trace context).
      () => {
        let fromHeaders: string | undefined;
        return {
          inbound: {
            execute: (input, next) => {
              const carried = extractContextFromHeaders(input.headers);
              fromHeaders = carried ? propagation.getBaggage(carried)?.getEntry(REQUEST_ID_BAGGAGE)?.value : undefined;
              return next(input);
            },
          },
          outbound: {
            getLogAttributes: (input, next) => {
              const requestId = currentRequestId() ?? fromHeaders;
              return next(requestId ? { ...input, requestId } : input);
            },
          },
        };
      },
    ],
  };
}
