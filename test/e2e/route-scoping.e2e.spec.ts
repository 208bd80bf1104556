import type { JourneyNotice } from '@sal/domain';
import { NotificationService } from '@sal/notifications';
import { tokenFor } from '../support/auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { testStack, uniqueSuffix } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type HttpAnswer, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Office scope on every route: office A has a journey, staff and a notification; callers of office B (operator,
 * supervisor, regional supervisor) walk every operation of the OpenAPI document — path, query and body filled with
 * A's ids — and each answer is 403 or a 2xx that carries nothing of A. A new route is walked without touching this
 * file; one whose request the walk cannot build (400) fails here until it gets an override below.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
const suffix = uniqueSuffix();
const A = `CPI-A-${suffix}`;
const B = `CPI-B-${suffix}`;
const staffA = { operator: `op-a-${suffix}`, supervisor: `sup-a-${suffix}` };
const staffB = { operator: `op-b-${suffix}`, supervisor: `sup-b-${suffix}` };
const operatorA = tokenFor('operator', [A], staffA.operator);
const callersOfB = {
  operator: tokenFor('operator', [B], staffB.operator),
  supervisor: tokenFor('supervisor', [B], staffB.supervisor),
  regional_supervisor: tokenFor('regional_supervisor', [B], `reg-b-${suffix}`),
};
const person = { fiscalCode: randomFiscalCode(), givenName: 'Ottavia', familyName: `Scopelliti${suffix.slice(-4)}`, email: `ottavia.${suffix}@example.org` };

/** What of office A must never reach a caller of office B. */
const fixture = { journeyId: '', notificationId: '', batchId: '' };
let markers: string[] = [];
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
  const admin = (method: string, path: string, body?: unknown) => http(product.baseUrl, method, path, body);
  const asA = (method: string, path: string, body?: unknown) => http(product.baseUrl, method, path, body, operatorA);

  for (const [office, staff] of [[A, staffA], [B, staffB]] as const) {
    for (const role of ['operator', 'supervisor'] as const) {
      const put = await admin('PUT', `/staff/${staff[role]}`, { officeId: office, role, email: `${staff[role]}@cpi.example.org`, displayName: `Staff ${staff[role]}` });
      expect(put.status).toBe(200);
    }
  }

  const started = await asA('POST', '/journeys', { beneficiary: person, programmeCode: 'GOL-1', officeId: A, didDate: recentDidDate() });
  expect(started.status).toBe(201);
  fixture.journeyId = started.body.journeyId;
  const j = `/journeys/${fixture.journeyId}`;
  expect((await asA('POST', `${j}/intake`, { operatorId: staffA.operator })).status).toBe(200);
  const pact = await asA('POST', `${j}/pact`, {
    responsibleOperatorId: staffA.operator,
    profilingClass: 'medium',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    availability: { workshops: true, training: true, suitableOffers: true },
    actions: [{ kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' }],
  });
  expect(pact.status).toBe(200);
  const booked = await asA('POST', `${j}/appointments`, {
    service: 'second_level_interview',
    purpose: 'interview',
    at: '2099-05-04T09:00:00+02:00',
    channel: 'phone',
    convocation: 'pec',
    operatorId: staffA.operator,
  });
  expect(booked.status).toBe(201);

  // A failed message of office A, the one a caller of B must neither read nor requeue.
  const notice: JourneyNotice = {
    key: `${fixture.journeyId}:action_overdue:A1@2099-01-31T22:59:59.999Z:operator`,
    journeyId: fixture.journeyId,
    officeId: A,
    programmeCode: 'GOL-1',
    kind: 'action_overdue',
    audience: 'operator',
    operatorId: staffA.operator,
    beneficiary: { givenName: person.givenName, familyName: person.familyName, email: person.email },
    subject: { actionId: 'A1', actionDescription: 'Apply to five vacancies', dueAt: '2099-01-31T22:59:59.999Z' },
    at: '2099-01-31T23:00:00.000Z',
  };
  await new NotificationService(db.dataSource).notify([notice]);
  const [row] = await db.dataSource.query(`UPDATE notification_outbox SET status = 'failed', last_error = 'test' WHERE notice_key = $1 RETURNING id`, [notice.key]);
  fixture.notificationId = row[0]?.id ?? row.id;

  await eventually(async () => (await admin('GET', `/supervisor/appointments?officeId=${A}`)).body?.total === 1 || undefined, "office A's appointment projected");
  await eventually(async () => (await admin('GET', `/journeys?officeId=${A}`)).body?.items?.[0]?.stage === 'pact_active' || undefined, "office A's journey projected");

  // An intake list office A's operator uploaded (issue 19): its batch is A's.
  const upload = await fetch(`${product.baseUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${operatorA}`, 'content-type': 'text/csv' }, body: IMPORT_HEADER });
  expect(upload.status).toBe(201);
  fixture.batchId = ((await upload.json()) as { batchId: string }).batchId;

  markers = [fixture.journeyId, fixture.notificationId, person.fiscalCode, person.familyName, person.email, staffA.operator, staffA.supervisor, A];
  doc = (await admin('GET', '/docs-json')).body;
}, 300_000);

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

/** A's value for each path parameter; the documented example for the ids A does not have (they are refused first). */
function pathValue(name: string, schema: Schema | undefined): string {
  const known: Record<string, string> = { batchId: fixture.batchId, journeyId: fixture.journeyId, id: fixture.notificationId, staffId: staffA.operator, code: 'GOL-1', appointmentId: 'AP1', actionId: 'A1' };
  return known[name] ?? String(schema?.example ?? schema?.enum?.[0] ?? 'x');
}

function resolve(schema: Schema): Schema {
  if (schema.$ref) return doc.components.schemas[schema.$ref.split('/').pop()!];
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

/** A body from the schema's required properties and their examples, with A's office and operator. */
function exampleOf(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.type === 'array' || s.items) return [exampleOf(s.items ?? {})];
  if (s.properties) {
    const body: Record<string, unknown> = {};
    for (const name of s.required ?? []) {
      if (name === 'officeId') body[name] = A;
      else if (/operatorId$/i.test(name)) body[name] = staffA.operator;
      else body[name] = exampleOf(s.properties[name]);
    }
    return body;
  }
  return s.example ?? s.default ?? s.enum?.[0] ?? 'x';
}

/** Bodies the examples cannot make valid on their own. */
const BODY_OVERRIDES: Record<string, unknown> = {
  'POST /codec/decode': { payloads: [] },
  'POST /codec/encode': { payloads: [] },
  'POST /journeys': { beneficiary: person, programmeCode: 'GOL-1', officeId: A, didDate: recentDidDate() },
  // A's person: the answer to B may only count their episode, never list it.
  'POST /people/search': { fiscalCode: person.fiscalCode },
  // A's person: the export is an administrator's, refused (403) to every caller of B.
  'POST /people/export': { fiscalCode: person.fiscalCode },
};

/** Bodies that are files, not JSON (issue 19's intake lists): sent raw, with their type. */
const IMPORT_HEADER = 'codice_fiscale;nome;cognome;data_did;programma;ufficio\r\n';
const RAW_BODIES: Record<string, { type: string; text: string }> = {
  'POST /imports': { type: 'text/csv', text: IMPORT_HEADER },
  // A signed copy of A's pact: its type passes the sniffing, so the answer is the journey's scope check.
  'POST /journeys/{journeyId}/pact/versions/{version}/signed': { type: 'application/pdf', text: '%PDF-1.7\n% walk\n' },
};

interface WalkRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
  raw?: { type: string; text: string };
}

/** Every request of the walk for one operation: A's ids everywhere; lists also with B's office and with no office. */
function requestsFor(route: string, method: string, op: Operation): WalkRequest[] {
  const params = op.parameters ?? [];
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValue(name, params.find((p) => p.in === 'path' && p.name === name)?.schema)));
  const headers: Record<string, string> = {};
  for (const p of params.filter((x) => x.in === 'header')) {
    if (p.name.toLowerCase() === 'x-namespace') headers['x-namespace'] = testStack().namespace;
    if (p.name === 'Idempotency-Key') headers['idempotency-key'] = `walk-${uniqueSuffix()}`;
  }
  const query = params.filter((p) => p.in === 'query');
  const officeRequired = query.some((p) => p.name === 'officeId' && p.required);
  const filtersOfA: Record<string, string> = {};
  for (const p of query) {
    if (p.name === 'journeyId') filtersOfA.journeyId = fixture.journeyId;
    if (p.name === 'operatorId') filtersOfA.operatorId = staffA.operator;
    if (p.name === 'subject') filtersOfA.subject = staffA.operator;
  }
  const queries: Record<string, string>[] = [];
  if (query.length === 0) queries.push({});
  else {
    for (const office of [A, B, ...(officeRequired ? [] : [undefined])]) {
      const scope: Record<string, string> = office === undefined || !query.some((p) => p.name === 'officeId') ? {} : { officeId: office };
      queries.push(scope, { ...scope, ...filtersOfA });
    }
  }
  const key = `${method.toUpperCase()} ${route}`;
  const raw = RAW_BODIES[key];
  const json = op.requestBody?.content['application/json'];
  const body = json && !raw ? (BODY_OVERRIDES[key] ?? exampleOf(json.schema)) : undefined;
  const unique = [...new Map(queries.map((q) => [new URLSearchParams(q).toString(), q])).values()];
  return unique.map((q) => {
    const qs = new URLSearchParams(q).toString();
    return { method: method.toUpperCase(), path: qs ? `${path}?${qs}` : path, headers, body, ...(raw ? { raw } : {}) };
  });
}

async function send(request: WalkRequest, token: string): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...request.headers, authorization: `Bearer ${token}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.raw) headers['content-type'] = request.raw.type;
  const payload = request.raw ? request.raw.text : request.body === undefined ? undefined : JSON.stringify(request.body);
  const response = await fetch(`${product.baseUrl}${request.path}`, { method: request.method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: kept as text for the marker check
  }
  return { status: response.status, body };
}

/** What is wrong with an answer to a caller of office B, or null when it is a refusal or carries nothing of A. */
function leak(request: WalkRequest, answer: HttpAnswer): string | null {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
  if (answer.status === 403) {
    if ((answer.body as { error?: { code?: string } })?.error?.code !== 'FORBIDDEN') return `403 without FORBIDDEN: ${text}`;
    // A refusal may name the office the request named; nothing else of A.
    const found = markers.filter((m) => m !== A && text.includes(m));
    return found.length > 0 ? `the refusal names ${found.join(', ')}: ${text}` : null;
  }
  if (answer.status === 400) return `400: the walk built an invalid request, give it a body override: ${text}`;
  if (request.method === 'POST' && request.path === '/journeys' && answer.status === 409) {
    // The person is followed in A: saying so, without A's journey, is the scoped answer.
    if ((answer.body as { error?: { code?: string } })?.error?.code !== 'PERSON_FOLLOWED_ELSEWHERE') return `409 that is not PERSON_FOLLOWED_ELSEWHERE: ${text}`;
  } else if (answer.status < 200 || answer.status > 299) return `status ${answer.status}, neither 403 nor a scoped answer: ${text}`;
  const found = markers.filter((m) => text.includes(m));
  return found.length > 0 ? `the answer carries office A's ${found.join(', ')}: ${text.slice(0, 600)}` : null;
}

describe("a caller of another office gets 403 or a scoped answer on every route, never office A's data", () => {
  it('the walk covers the document', () => {
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations.length).toBeGreaterThan(35);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/notifications', '/notifications/{id}/retry', '/staff', '/journeys/{journeyId}', '/supervisor/kpis']));
  });

  for (const [role, token] of Object.entries(callersOfB)) {
    it(`as a ${role} of office B`, async () => {
      const problems: string[] = [];
      const requests = Object.entries(doc.paths).flatMap(([route, ops]) => Object.entries(ops).flatMap(([method, op]) => requestsFor(route, method, op)));
      // Routes the document leaves out: the Prometheus scrape (public, counts only).
      requests.push({ method: 'GET', path: '/metrics', headers: {} });
      for (const request of requests) {
        const problem = leak(request, await send(request, token));
        if (problem) problems.push(`${request.method} ${request.path}: ${problem}`);
      }
      expect(requests.length).toBeGreaterThan(60);
      expect(problems).toEqual([]);
    });
  }

  it('a person followed in office A is started in B only as a 409 that names no journey', async () => {
    const answer = await http(product.baseUrl, 'POST', '/journeys', { beneficiary: person, programmeCode: 'GOL-1', officeId: B, didDate: recentDidDate() }, callersOfB.operator);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({ code: 'PERSON_FOLLOWED_ELSEWHERE', message: expect.stringMatching(/another office.*transfer/s) });
    expect(JSON.stringify(answer.body)).not.toContain(fixture.journeyId);
  });

  it('office A keeps its journey, its message and its staff as they were, and sees them itself', async () => {
    const supervisorA = tokenFor('supervisor', [A], staffA.supervisor);
    const asSupervisorA = (path: string) => http(product.baseUrl, 'GET', path, undefined, supervisorA);
    const journey = await asSupervisorA(`/journeys/${fixture.journeyId}`);
    expect(journey.body).toMatchObject({ stage: 'pact_active', appointments: [{ appointmentId: 'AP1', status: 'scheduled' }] });
    expect(journey.body.actions.map((a: { status: string }) => a.status)).toEqual(['pending']);

    const messages = await asSupervisorA('/notifications');
    expect(messages.status).toBe(200);
    expect(messages.body.items.find((m: { id: string }) => m.id === fixture.notificationId)).toMatchObject({ status: 'failed', officeId: A });
    expect(messages.body.items.every((m: { officeId: string }) => m.officeId === A)).toBe(true);
    expect((await asSupervisorA(`/notifications?officeId=${B}`)).status).toBe(403);

    const staff = await asSupervisorA('/staff');
    expect(staff.status).toBe(200);
    expect(staff.body.map((m: { staffId: string }) => m.staffId)).toEqual([staffA.operator, staffA.supervisor]);
    expect((await asSupervisorA(`/staff?officeId=${B}`)).status).toBe(403);

    // An administrator sees every office.
    const all = await http(product.baseUrl, 'GET', '/staff');
    expect(all.body.map((m: { staffId: string }) => m.staffId)).toEqual(expect.arrayContaining([staffA.operator, staffB.operator]));
    const retried = await http(product.baseUrl, 'POST', `/notifications/${fixture.notificationId}/retry`, undefined, supervisorA);
    expect([retried.status, retried.body.status]).toEqual([200, 'pending']);
  });
});
