import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { signedToken, tokenFor } from '../support/auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type HttpAnswer, type ProductStack } from '../support/services';

/**
 * The small holes of issue 11 §5, against the built API and worker: Idempotency-Key reuse, token claims, page bounds,
 * a second start in another office, and the headers of every answer.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
const suffix = uniqueSuffix();
const A = `CPI-HA-${suffix}`;
const B = `CPI-HB-${suffix}`;
const OP = `op-h-${suffix}`;
const operatorA = tokenFor('operator', [A], OP);
const colleagueA = tokenFor('operator', [A], `op-h2-${suffix}`);
const operatorB = tokenFor('operator', [B], `op-hb-${suffix}`);
const operatorAB = tokenFor('operator', [A, B], `op-hab-${suffix}`);

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const as = (token: string) => <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body, token);

function journeyBody(officeId: string, fiscalCode = randomFiscalCode()) {
  return { beneficiary: { fiscalCode, givenName: 'Elena', familyName: 'Marchi' }, programmeCode: 'GOL-1', officeId, didDate: recentDidDate() };
}

async function startJourney(): Promise<string> {
  const started = await as(operatorA)('POST', '/journeys', journeyBody(A));
  expect(started.status).toBe(201);
  return started.body.journeyId;
}

async function withKey(key: string, path: string, body: unknown, token = operatorA): Promise<HttpAnswer> {
  const response = await fetch(`${product.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('Idempotency-Key names one command', () => {
  it('reused with another body answers 422 IDEMPOTENCY_KEY_REUSED and sends nothing; the same body answers the first outcome', async () => {
    const journeyId = await startJourney();
    const key = `intake-${uniqueSuffix()}`;
    const first = await withKey(key, `/journeys/${journeyId}/intake`, { operatorId: OP, notes: 'first' });
    expect(first.status).toBe(200);

    const otherBody = await withKey(key, `/journeys/${journeyId}/intake`, { operatorId: OP, notes: 'second' });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(/another command or body/) });
    const otherCommand = await withKey(key, `/journeys/${journeyId}/close`, { reason: 'withdrawn', operatorId: OP });
    expect(otherCommand.status).toBe(422);
    expect(otherCommand.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // The same body with its keys in another order is the same command: the first outcome again.
    const again = await withKey(key, `/journeys/${journeyId}/intake`, { notes: 'first', operatorId: OP });
    expect(again.status).toBe(200);
    expect(again.body.lastSeq).toBe(first.body.lastSeq);
    const state = await as(operatorA)('GET', `/journeys/${journeyId}`);
    expect(state.body).toMatchObject({ status: 'open', stage: 'awaiting_pact', lastSeq: first.body.lastSeq, intake: { notes: 'first' } });
  });

  it('is per caller: another operator may use the same key for their own command', async () => {
    const journeyId = await startJourney();
    const key = `shared-${uniqueSuffix()}`;
    expect((await withKey(key, `/journeys/${journeyId}/intake`, { operatorId: OP })).status).toBe(200);
    const colleague = await withKey(key, `/journeys/${journeyId}/close`, { reason: 'withdrawn', operatorId: OP }, colleagueA);
    expect([colleague.status, colleague.body.status]).toEqual([200, 'closed']);
  });

  it('documents 422 IDEMPOTENCY_KEY_REUSED on every command that takes the header', async () => {
    const { body } = await as(operatorA)('GET', '/docs-json');
    let commands = 0;
    for (const [path, ops] of Object.entries<Record<string, any>>(body.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        if (!(op.parameters ?? []).some((p: { name: string }) => p.name === 'Idempotency-Key')) continue;
        commands++;
        expect([method, path, op.responses['422']?.description]).toEqual([method, path, expect.stringContaining('IDEMPOTENCY_KEY_REUSED')]);
      }
    }
    expect(commands).toBeGreaterThan(15);
  });
});

describe('the idempotency_keys migration', () => {
  it('is registered, reverts cleanly and applies again', async () => {
    const scratch = await createThrowawayDatabase();
    try {
      const NAME = 'IdempotencyKeys1764260000000';
      const exists = async () => (await scratch.dataSource.query(`SELECT to_regclass('idempotency_keys') IS NOT NULL AS present`))[0].present;
      const applied = async () => (await scratch.dataSource.query('SELECT name FROM migrations')).map((r: { name: string }) => r.name);
      expect(await applied()).toContain(NAME);
      expect(await exists()).toBe(true);
      while ((await applied()).includes(NAME)) await scratch.dataSource.undoLastMigration({ transaction: 'each' });
      expect(await exists()).toBe(false);
      await scratch.dataSource.runMigrations({ transaction: 'each' });
      expect(await exists()).toBe(true);
    } finally {
      await scratch.drop();
    }
  });
});

describe('bearer tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown>) => ({ sub: OP, role: 'operator', offices: [A], iat: now(), exp: now() + 3600, ...extra });

  it('refuses a token without exp, issued in the future, or whose subject is not a staff id (401)', async () => {
    const cases: [string, string][] = [
      ['no exp', signedToken(claims({ exp: undefined }))],
      ['iat an hour ahead', signedToken(claims({ iat: now() + 3600, exp: now() + 7200 }))],
      ['sub with a colon', signedToken(claims({ sub: 'op:h' }))],
      ['sub with a space', signedToken(claims({ sub: 'op h' }))],
      ['sub too long', signedToken(claims({ sub: 'o'.repeat(65) }))],
    ];
    for (const [what, token] of cases) {
      const answer = await as(token)('GET', '/journeys');
      expect([what, answer.status, answer.body.error.code]).toEqual([what, 401, 'UNAUTHENTICATED']);
    }
  });

  it('`npm run token` will not issue a token for a subject the API refuses', () => {
    const cli = join(__dirname, '..', '..', 'apps/api/dist/cli/issue-token.js');
    const run = spawnSync(process.execPath, [cli, '--role', 'operator', '--sub', 'op:h', '--office', A], { encoding: 'utf8' });
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/--sub must be 1-64 characters/);
  });

  it('accepts a clock a little ahead (iat within the skew) and the tokens of `npm run token`', async () => {
    const skewed = signedToken(claims({ iat: now() + 20 }));
    expect((await as(skewed)('GET', '/journeys')).status).toBe(200);
    expect((await as(operatorA)('GET', '/journeys')).status).toBe(200);
  });
});

describe('page bounds', () => {
  it('every page parameter documents its maximum and refuses a page beyond it with 400 naming `page`', async () => {
    const admin = as(tokenFor('administrator', [], 'admin-test'));
    const { body } = await admin('GET', '/docs-json');
    const paged: string[] = [];
    const problems: unknown[] = [];
    for (const [path, ops] of Object.entries<Record<string, any>>(body.paths)) {
      const op = ops.get;
      const page = (op?.parameters ?? []).find((p: { in: string; name: string }) => p.in === 'query' && p.name === 'page');
      if (!page) continue;
      paged.push(path);
      const maximum = page.schema?.maximum;
      if (typeof maximum !== 'number') {
        problems.push([path, 'no documented maximum', page.schema]);
        continue;
      }
      const scope = (op.parameters ?? []).some((p: { name: string; required?: boolean }) => p.name === 'officeId' && p.required) ? `officeId=${A}&` : '';
      for (const beyond of [maximum + 1, '184467440737095517', '1e400']) {
        const answer = await admin('GET', `${path}?${scope}page=${beyond}`);
        const fields = [...new Set(answer.body.error?.fields?.map((f: { field: string }) => f.field))];
        if (answer.status !== 400 || answer.body.error?.code !== 'VALIDATION_FAILED' || JSON.stringify(fields) !== '["page"]') problems.push([path, beyond, answer.status, answer.body]);
      }
      const atMaximum = await admin('GET', `${path}?${scope}page=${maximum}`);
      if (atMaximum.status !== 200 || JSON.stringify(atMaximum.body.items) !== '[]') problems.push([path, maximum, atMaximum.status, atMaximum.body]);
    }
    expect(paged).toEqual(expect.arrayContaining(['/journeys', '/notifications', '/audit', '/supervisor/stalled-cases']));
    expect(problems).toEqual([]);
  });
});

describe('a second start', () => {
  it('in another office says the person is followed elsewhere without naming the journey; in the same office it names it', async () => {
    const fiscalCode = randomFiscalCode();
    const started = await as(operatorA)('POST', '/journeys', journeyBody(A, fiscalCode));
    expect(started.status).toBe(201);
    const { journeyId } = started.body;

    const elsewhere = await as(operatorB)('POST', '/journeys', journeyBody(B, fiscalCode));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toEqual({ error: { code: 'PERSON_FOLLOWED_ELSEWHERE', message: expect.stringMatching(/another office.*transfer/s) } });

    const same = await as(operatorA)('POST', '/journeys', journeyBody(A, fiscalCode));
    expect(same.status).toBe(409);
    expect(same.body.error).toMatchObject({ code: 'JOURNEY_ALREADY_EXISTS', journeyId });
    // A caller who covers the journey's office is told which journey it is, whichever office they start in.
    const both = await as(operatorAB)('POST', '/journeys', journeyBody(B, fiscalCode));
    expect(both.body.error).toMatchObject({ code: 'JOURNEY_ALREADY_EXISTS', journeyId });
  });

  it('at once from two offices (Temporal refuses the losers before the read model knows the winner): the same rule', async () => {
    const fiscalCode = randomFiscalCode();
    const callers = [
      { token: operatorA, offices: [A], office: A },
      { token: operatorB, offices: [B], office: B },
      { token: operatorA, offices: [A], office: A },
      { token: operatorB, offices: [B], office: B },
      { token: operatorAB, offices: [A, B], office: B },
    ];
    const answers = await Promise.all(callers.map((c) => as(c.token)('POST', '/journeys', journeyBody(c.office, fiscalCode))));
    const winners = answers.map((a, i) => [a, callers[i]] as const).filter(([a]) => a.status === 201);
    expect(winners).toHaveLength(1);
    const [[won, winner]] = winners;
    answers.forEach((answer, i) => {
      if (answer === won) return;
      const expected = callers[i].offices.includes(winner.office)
        ? { error: { code: 'JOURNEY_ALREADY_EXISTS', message: expect.any(String), journeyId: won.body.journeyId } }
        : { error: { code: 'PERSON_FOLLOWED_ELSEWHERE', message: expect.any(String) } };
      expect([i, answer.status, answer.body]).toEqual([i, 409, expected]);
    });
  });
});

describe('headers of every answer', () => {
  it('never says what runs the API, and no answer with data may be cached', async () => {
    const journeyId = await startJourney();
    for (const [path, token] of [
      ['/journeys', operatorA],
      [`/journeys/${journeyId}`, operatorA],
      [`/journeys/${journeyId}`, operatorB],
      ['/journeys', null],
      ['/no-such-route', operatorA],
      ['/health', null],
    ] as const) {
      const response = await fetch(`${product.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      await response.arrayBuffer();
      expect([path, response.headers.get('x-powered-by'), response.headers.get('cache-control')]).toEqual([path, null, 'no-store']);
    }
    const docs = await fetch(`${product.baseUrl}/docs-json`);
    await docs.arrayBuffer();
    expect(docs.headers.get('x-powered-by')).toBeNull();
  });
});
