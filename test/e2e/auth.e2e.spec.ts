import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/** Who may see and do what: bearer tokens, roles, office scope, the audit log, the rate limit. */

let db: ThrowawayDatabase;
let product: ProductStack;
const A = `CPI-A-${uniqueSuffix()}`;
const B = `CPI-B-${uniqueSuffix()}`;
const operatorA = tokenFor('operator', [A], 'op-anna');
const operatorB = tokenFor('operator', [B], 'op-bruno');
const supervisorA = tokenFor('supervisor', [A], 'sup-alda');
const admin = tokenFor('administrator', [], 'admin-ada');

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const as = (token: string | null) => <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body, token);

function journeyBody(officeId: string) {
  return { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Rita', familyName: 'Fontana' }, programmeCode: 'GOL-2', officeId, didDate: recentDidDate() };
}

describe('authentication and roles', () => {
  it('asks for a valid bearer token everywhere but health and docs', async () => {
    const anonymous = as(null);
    expect((await anonymous('GET', '/health')).status).toBe(200);
    expect((await anonymous('GET', '/health/live')).body).toEqual({ status: 'ok' });
    expect((await anonymous('GET', '/health/ready')).body).toMatchObject({ status: 'ok', temporal: { status: 'up' }, database: { status: 'up' } });
    expect((await fetch(`${product.baseUrl}/docs-json`)).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/journeys'],
      ['POST', '/journeys'],
      ['GET', '/programmes'],
      ['GET', '/supervisor/kpis?officeId=X'],
      ['GET', '/audit'],
    ]) {
      const answer = await anonymous(method, path, method === 'POST' ? journeyBody(A) : undefined);
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
    const forged = await as(`${operatorA.slice(0, -4)}AAAA`)('GET', '/journeys');
    expect(forged.status).toBe(401);
  });

  it('lets operators act only on journeys of their offices, and a refused request writes nothing', async () => {
    const started = await as(operatorA)('POST', '/journeys', journeyBody(A));
    expect(started.status).toBe(201);
    const journeyId = started.body.journeyId;

    const elsewhere = await as(operatorA)('POST', '/journeys', journeyBody(B));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('FORBIDDEN');

    const foreign = await as(operatorB)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-bruno' });
    expect(foreign.status).toBe(403);
    const supervisorCommand = await as(supervisorA)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'sup-alda' });
    expect(supervisorCommand.status).toBe(403);
    expect((await as(operatorB)('GET', `/journeys/${journeyId}`)).status).toBe(403);

    // The journey is untouched and office B has nothing.
    const state = await as(supervisorA)('GET', `/journeys/${journeyId}`);
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ stage: 'awaiting_intake', lastSeq: 1 });
    expect((await as(admin)('GET', `/journeys?officeId=${B}`)).body.total).toBe(0);

    expect((await as(operatorA)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-anna' })).status).toBe(200);
  });

  it('scopes lists and supervisor views to the caller’s offices', async () => {
    await as(operatorB)('POST', '/journeys', journeyBody(B));
    await eventually(async () => (await as(admin)('GET', `/journeys?officeId=${B}`)).body.total === 1 || undefined, 'office B journey projected');

    const mine = await as(supervisorA)('GET', '/journeys');
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((j: { officeId: string }) => j.officeId === A)).toBe(true);
    expect((await as(supervisorA)('GET', `/journeys?officeId=${B}`)).status).toBe(403);
    expect((await as(supervisorA)('GET', `/supervisor/stalled-cases?officeId=${A}`)).status).toBe(200);
    expect((await as(supervisorA)('GET', `/supervisor/stalled-cases?officeId=${A}&officeId=${B}`)).status).toBe(403);
    expect((await as(operatorA)('GET', `/supervisor/kpis?officeId=${A}`)).status).toBe(403);
  });

  it('lets only administrators change programme catalogues and read the audit log', async () => {
    const clocks = { reminderBeforeDue: 'P1D', escalationAfter: 'P5D', pactDeadline: 'P30D', stallAfter: 'P60D' };
    const code = `TEST-AUTH-${uniqueSuffix().slice(-5).toUpperCase()}`;
    expect((await as(operatorA)('PUT', `/programmes/${code}`, { title: 'x', clocks })).status).toBe(403);
    expect((await as(supervisorA)('PUT', `/programmes/${code}`, { title: 'x', clocks })).status).toBe(403);
    expect((await as(admin)('PUT', `/programmes/${code}`, { title: 'Allowed', clocks })).status).toBe(200);
    expect((await as(operatorA)('GET', '/audit')).status).toBe(403);
  });

  it('records every read and command on a journey in the audit log, refusals included', async () => {
    const started = await as(operatorA)('POST', '/journeys', journeyBody(A));
    const journeyId = started.body.journeyId;
    await as(supervisorA)('GET', `/journeys/${journeyId}`);
    await as(operatorB)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-bruno' });
    await as(operatorA)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-anna' });

    const log = await eventually(async () => {
      const { body } = await as(admin)('GET', `/audit?journeyId=${journeyId}`);
      return body.total >= 5 ? body : undefined;
    }, 'the audit entries');
    const entries = log.items.map((e: any) => [e.subject, e.role, e.method, e.route, e.status, e.outcome]).reverse();
    // A command is logged as requested before it is carried out, then with its outcome.
    expect(entries).toEqual([
      ['sup-alda', 'supervisor', 'GET', '/journeys/:journeyId', 200, 'ok'],
      ['op-bruno', 'operator', 'POST', '/journeys/:journeyId/intake', 0, 'requested'],
      ['op-bruno', 'operator', 'POST', '/journeys/:journeyId/intake', 403, 'refused'],
      ['op-anna', 'operator', 'POST', '/journeys/:journeyId/intake', 0, 'requested'],
      ['op-anna', 'operator', 'POST', '/journeys/:journeyId/intake', 200, 'ok'],
    ]);
    expect(log.items[0].offices).toEqual([A]);
  });
});

describe('rate limiting', () => {
  let limited: ProductStack;
  let limitedDb: ThrowawayDatabase;

  beforeAll(async () => {
    limitedDb = await createThrowawayDatabase();
    limited = await startProduct(limitedDb.url, { API_RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await limited?.stop();
    await limitedDb?.drop();
  });

  it('answers 429 RATE_LIMITED once a client exceeds its requests per minute', async () => {
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 8; i++) {
      last = await http(limited.baseUrl, 'GET', '/programmes', undefined, admin);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses[7]).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
  });
});

describe('with a real signing secret', () => {
  let secured: ProductStack;
  let securedDb: ThrowawayDatabase;

  beforeAll(async () => {
    securedDb = await createThrowawayDatabase();
    secured = await startProduct(securedDb.url, { AUTH_JWT_SECRET: 'a-real-secret-of-at-least-32-characters!' });
  });

  afterAll(async () => {
    await secured?.stop();
    await securedDb?.drop();
  });

  it('refuses tokens signed with the development secret, and the codec asks for a token like every endpoint', async () => {
    expect((await http(secured.baseUrl, 'GET', '/programmes', undefined, admin)).status).toBe(401);
    const decode = await http(secured.baseUrl, 'POST', '/codec/decode', { payloads: [] }, null);
    expect(decode.status).toBe(401);
    expect(decode.body.error.code).toBe('UNAUTHENTICATED');
  });
});
