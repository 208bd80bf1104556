import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus registry and every metric it shows (one definition: the middleware, the error filter and the
 * scrape write them; the Grafana dashboard's test reads their names from here). Labels hold route patterns, codes,
 * streams and office ids: never a raw path, a journey id or anything about a person.
 */
export const apiRegistry = new Registry();

export const httpRequests = new Counter({
  name: 'sal_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  registers: [apiRegistry],
});

export const httpDuration = new Histogram({
  name: 'sal_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [apiRegistry],
});

export const commandsRefused = new Counter({
  name: 'sal_commands_refused_total',
  help: "Commands (POST, PUT, PATCH, DELETE) refused, by route pattern and the error envelope's code",
  labelNames: ['route', 'code'],
  registers: [apiRegistry],
});

export const readModelUp = new Gauge({ name: 'sal_read_model_up', help: 'Whether this scrape could read PostgreSQL (1) or not (0)', registers: [apiRegistry] });

export const sideEffectFailing = new Gauge({
  name: 'sal_side_effect_failing_journeys',
  help: 'Journeys whose side effect keeps failing, by stream (projection: the read model is behind; notices: the outbox is). Their clocks go on.',
  labelNames: ['stream'],
  registers: [apiRegistry],
});

export const notificationsByStatus = new Gauge({
  name: 'sal_notifications',
  help: 'Notices in the outbox waiting to be sent (pending, sending) or given up (failed, undeliverable), by status',
  labelNames: ['status'],
  registers: [apiRegistry],
});

export const oldestPendingNotification = new Gauge({
  name: 'sal_notification_oldest_pending_seconds',
  help: 'Age of the oldest notice not sent yet (0: none waiting)',
  registers: [apiRegistry],
});

export const stalledJourneys = new Gauge({
  name: 'sal_stalled_journeys',
  help: 'Open journeys stalled now, by office',
  labelNames: ['office'],
  registers: [apiRegistry],
});

export const overdueActions = new Gauge({
  name: 'sal_overdue_actions',
  help: 'Pact actions overdue now, by office',
  labelNames: ['office'],
  registers: [apiRegistry],
});

export const scrapeDuration = new Gauge({
  name: 'sal_metrics_scrape_duration_seconds',
  help: 'Time the last scrape spent reading the read model',
  registers: [apiRegistry],
});

/** What a route is called in labels: the matched pattern, `unmatched` for a 404 no route took. */
export function routeLabel(req: { baseUrl?: string; route?: { path?: unknown } }): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${req.baseUrl ?? ''}${path}` || '/';
}

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Counts one answered request (called when the answer is finished). */
export function recordHttpRequest(method: string, route: string, status: number, seconds: number, errorCode: string | undefined): void {
  const labels = { method, route, status: String(status) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
  if (errorCode && COMMAND_METHODS.has(method)) commandsRefused.inc({ route, code: errorCode });
}

/** The names of every metric the API registers. */
export function apiMetricNames(): string[] {
  return apiRegistry.getMetricsAsArray().map((m) => m.name);
}
