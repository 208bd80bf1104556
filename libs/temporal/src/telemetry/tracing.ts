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
import { currentRequestId } from './request-id';

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
export function startTracing(service: string, otlpTracesUrl: string | null, options: { http?: boolean } = {}): Tracing {
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
      // The request id of the workflow's call, in every line the activity's context logger writes.
      () => ({
        outbound: {
          getLogAttributes: (input, next) => {
            const requestId = currentRequestId();
            return next(requestId ? { ...input, requestId } : input);
          },
        },
      }),
    ],
  };
}
