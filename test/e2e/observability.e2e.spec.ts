import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { adminToken } from '../support/auth';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { OtlpReceiver } from '../support/otlp-receiver';
import { notePersonalData } from '../support/personal-data-ledger';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Watching it run (issue 18), through the built API and worker: the metrics both serve, one trace from the HTTP
 * request through the workflow into its activities (received by a real OTLP/HTTP receiver), and JSON logs that carry
 * the request's id from the API into the workflow and the activity. The redaction test reads these logs too.
 */
let db: ThrowawayDatabase;
let product: ProductStack;
const receiver = new OtlpReceiver();
const OFFICE = `CPI-OBS-${Date.now().toString(36)}`;
const REQUEST_ID = `e2e-obs-${Date.now().toString(36)}`;
const INTAKE_REQUEST_ID = `${REQUEST_ID}-intake`;
let journeyId = '';

beforeAll(async () => {
  const endpoint = await receiver.start();
  db = await createThrowawayDatabase();
  product = await startProduct(db.url, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
  const body = {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ersilia', familyName: 'Montanaro', email: 'ersilia.m@example.org' },
    programmeCode: 'GOL-1',
    officeId: OFFICE,
    didDate: recentDidDate(),
  };
  notePersonalData(body);
  const started = await fetch(`${product.baseUrl}/journeys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken()}`, 'x-request-id': REQUEST_ID },
    body: JSON.stringify(body),
  });
  expect(started.status).toBe(201);
  expect(started.headers.get('x-request-id')).toBe(REQUEST_ID);
  journeyId = ((await started.json()) as { journeyId: string }).journeyId;
  // A command the journey refuses (no pact yet), and one it takes.
  expect((await api('POST', `/journeys/${journeyId}/pact/actions/A1/complete`, {})).status).toBeGreaterThanOrEqual(400);
  const intake = await fetch(`${product.baseUrl}/journeys/${journeyId}/intake`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken()}`, 'x-request-id': INTAKE_REQUEST_ID },
    body: '{}',
  });
  expect(intake.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await product?.stop();
  await db?.drop();
  await receiver.stop();
});

const api = <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body);

/** Parses a Prometheus text exposition into `name{labels} value` series. */
function series(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(l);
      if (!m) throw new Error(`not a Prometheus line: ${l}`);
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

describe('metrics', () => {
  it("the API's /metrics counts requests by route pattern and status, commands refused by code, and the read model's gauges", async () => {
    const text = await eventually(async () => {
      const t = await (await fetch(`${product.baseUrl}/metrics`)).text();
      return t.includes('route="/journeys/:journeyId/intake"') ? t : undefined;
    }, 'the intake counted');
    const all = series(text);
    const requests = all.filter((s) => s.name === 'sal_http_requests_total');
    expect(requests.find((s) => s.labels.method === 'POST' && s.labels.route === '/journeys' && s.labels.status === '201')?.value).toBeGreaterThanOrEqual(1);
    expect(requests.find((s) => s.labels.route === '/journeys/:journeyId/intake' && s.labels.status === '200')?.value).toBeGreaterThanOrEqual(1);
    expect(all.some((s) => s.name === 'sal_http_request_duration_seconds_bucket' && s.labels.route === '/journeys' && s.labels.le === '+Inf')).toBe(true);
    const refused = all.filter((s) => s.name === 'sal_commands_refused_total');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((s) => /^[A-Z][A-Z_]+$/.test(s.labels.code) && s.labels.route.startsWith('/'))).toBe(true);
    // No raw path, no journey id, in any label.
    expect(text).not.toContain(journeyId);
    expect(all.find((s) => s.name === 'sal_read_model_up')?.value).toBe(1);
    for (const status of ['pending', 'failed']) expect(all.some((s) => s.name === 'sal_notifications' && s.labels.status === status)).toBe(true);
    for (const name of ['sal_stalled_journeys', 'sal_overdue_actions', 'sal_notification_oldest_pending_seconds', 'sal_side_effect_failing_journeys']) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
  });

  it("the worker's port serves the Temporal SDK's metrics: task slots, schedule-to-start latency, sticky cache", async () => {
    const text = await eventually(async () => {
      const t = await (await fetch(product.workerMetricsUrl)).text();
      return t.includes('activity_schedule_to_start_latency') ? t : undefined;
    }, 'the worker to report its metrics');
    const names = new Set(series(text).map((s) => s.name));
    for (const name of [
      'temporal_worker_task_slots_available',
      'temporal_worker_task_slots_used',
      'temporal_workflow_task_schedule_to_start_latency_seconds_bucket',
      'temporal_activity_schedule_to_start_latency_seconds_bucket',
      'temporal_sticky_cache_size',
    ]) {
      expect([...names]).toContain(name);
    }
    expect(series(text).some((s) => s.name === 'temporal_worker_task_slots_available' && s.labels.task_queue === product.taskQueue)).toBe(true);
  });
});

describe('traces', () => {
  // A journey's run lasts months: its RunWorkflow span ends (and is exported) only then. The workflow's own spans seen
  // here are the update it handles and the activities it schedules.
  it('one trace spans the API request, the Temporal update, the workflow and the activity it schedules', async () => {
    const trace = await eventually(
      () => {
        const httpSpan = receiver.spans.find((s) => s.service === 'sal-api' && s.name === 'POST /journeys/:journeyId/intake');
        if (!httpSpan) return undefined;
        const inTrace = receiver.spans.filter((s) => s.traceId === httpSpan.traceId);
        const update = inTrace.find((s) => s.service === 'sal-worker' && s.name.startsWith('HandleUpdate:'));
        const scheduled = inTrace.find((s) => s.service === 'sal-worker' && s.name.startsWith('StartActivity:'));
        const activity = inTrace.find((s) => s.service === 'sal-worker' && s.name.startsWith('RunActivity:') && s.parentSpanId === scheduled?.spanId);
        return update && scheduled && activity ? { httpSpan, inTrace, update, scheduled, activity } : undefined;
      },
      'spans of the API, the workflow and an activity in one trace',
      { timeoutMs: 60_000 },
    );
    const client = trace.inTrace.find((s) => s.service === 'sal-api' && s.name.startsWith('StartWorkflowUpdate:'));
    expect(client?.parentSpanId).toBe(trace.httpSpan.spanId);
    expect(trace.scheduled.name).toBe('StartActivity:applySideEffects');
    // The start of the journey is a trace of its own, with its first projection in it.
    const start = receiver.spans.find((s) => s.service === 'sal-api' && s.name === 'POST /journeys')!;
    expect(start).toBeDefined();
    const startTrace = receiver.spans.filter((s) => s.traceId === start.traceId);
    expect(startTrace.some((s) => s.name.startsWith('StartWorkflow:'))).toBe(true);
    expect(startTrace.some((s) => s.service === 'sal-worker' && s.name.startsWith('RunActivity:'))).toBe(true);
    // No span is named after a raw path.
    expect(receiver.spans.some((s) => s.name.includes(journeyId))).toBe(false);
  });
});

describe('logs', () => {
  const jsonLines = (output: string) =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it("are JSON lines; the request's id is on the API's line and on the workflow's and activity's lines of the worker", async () => {
    const apiLine = await eventually(
      () => jsonLines(product.api.output()).find((l) => l.requestId === REQUEST_ID && l.route === '/journeys'),
      "the API's line for the request",
    );
    expect(apiLine).toMatchObject({ service: 'sal-api', level: 'info', method: 'POST', status: 201 });
    const worker = await eventually(() => {
      const lines = jsonLines(product.worker.output());
      const workflow = lines.find((l) => l.requestId === INTAKE_REQUEST_ID && l.workflowId !== undefined && l.activityType === undefined);
      const activity = lines.find((l) => l.requestId === INTAKE_REQUEST_ID && typeof l.activityType === 'string');
      const startActivity = lines.find((l) => l.requestId === REQUEST_ID && typeof l.activityType === 'string');
      return workflow && activity && startActivity ? { workflow, activity } : undefined;
    }, "the worker's lines with the request ids");
    expect(worker.workflow).toMatchObject({ service: 'sal-worker', msg: 'workflow: update received' });
    expect(worker.activity).toMatchObject({ service: 'sal-worker', activityType: 'applySideEffects' });
    // Every line the worker wrote as JSON has a level and a message.
    expect(jsonLines(product.worker.output()).every((l) => typeof l.level === 'string' && typeof l.msg === 'string')).toBe(true);
  });
});
