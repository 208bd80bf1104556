import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The audit log cannot be evaded or silently lost: every query parameter is validated (none on a route without a
 * query schema), a change's `requested` entry is written while it is carried out and stored (in PostgreSQL, else in
 * the durable buffer) before it is answered, any entry PostgreSQL refuses is buffered on disk and replayed exactly
 * once, and the role guard's refusals are recorded too.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
let bufferDir: string;
const office = `CPI-AU-${uniqueSuffix()}`;
const operator = tokenFor('operator', [office], 'op-audit');
const admin = tokenFor('administrator', [], 'admin-audit');

beforeAll(async () => {
  bufferDir = mkdtempSync(join(tmpdir(), 'sal-audit-buffer-'));
  db = await createThrowawayDatabase();
  product = await startProduct(db.url, { API_AUDIT_BUFFER_DIR: bufferDir, API_AUDIT_REPLAY_MS: '300' });
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
  if (bufferDir) rmSync(bufferDir, { recursive: true, force: true });
});

const as = (token: string | null) => <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body, token);

async function startJourney(): Promise<string> {
  const started = await as(operator)('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ada', familyName: 'Registro' },
    programmeCode: 'GOL-2',
    officeId: office,
    didDate: recentDidDate(),
  });
  expect(started.status).toBe(201);
  return started.body.journeyId as string;
}

/** audit_log rows about a journey, oldest first, read as the owner. */
async function auditRows(journeyId: string): Promise<{ subject: string; method: string; route: string; status: number; outcome: string; office_id: string | null; request_id: string | null }[]> {
  return db.dataSource.query('SELECT subject, method, route, status, outcome, office_id, request_id FROM audit_log WHERE journey_id = $1 ORDER BY id', [journeyId]);
}

/** Runs SQL as the schema's owner (what an operator of the database would do). */
async function asOwner(sql: string): Promise<void> {
  const owner = new PgClient({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    await owner.query(sql);
  } finally {
    await owner.end();
  }
}

describe('query parameters', () => {
  it('are refused on routes that take none, so `?officeId=%00` can neither reach a handler nor break the audit write', async () => {
    const journeyId = await startJourney();
    const command = await as(operator)('POST', `/journeys/${journeyId}/intake?officeId=%00`, { operatorId: 'op-audit' });
    expect(command.status).toBe(400);
    expect(command.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'officeId', message: 'property officeId should not exist' }] });
    const read = await as(operator)('GET', `/journeys/${journeyId}?officeId=%00&x=1`);
    expect(read.status).toBe(400);
    expect(read.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['officeId', 'x']);
    // Nothing was done: the journey still waits for its intake, and the very same command without the parameter works.
    expect((await as(operator)('GET', `/journeys/${journeyId}`)).body.stage).toBe('awaiting_intake');
    expect((await as(operator)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-audit' })).status).toBe(200);
    // Every one of those requests is in the log, the refused ones included.
    const rows = await eventually(async () => {
      const found = await auditRows(journeyId);
      return found.filter((r) => r.route === '/journeys/:journeyId/intake').length >= 2 && found.filter((r) => r.status === 400).length >= 2 ? found : undefined;
    }, 'the audit entries of the refused requests');
    expect(rows.filter((r) => r.status === 400).map((r) => [r.method, r.route, r.outcome, r.office_id])).toEqual([
      ['POST', '/journeys/:journeyId/intake', 'refused', null],
      ['GET', '/journeys/:journeyId', 'refused', null],
    ]);
    // Also where nobody is authenticated, and where a query schema exists (unknown names refused by it).
    expect((await as(null)('GET', '/health?probe=1')).status).toBe(400);
    expect((await as(admin)('GET', '/audit?officeId=%00')).status).toBe(400);
    // The audit's own page has a maximum (it answered 500 past 2^53).
    const past = await as(admin)('GET', '/audit?page=184467440737095517');
    expect([past.status, past.body.error.fields?.[0]?.field]).toEqual([400, 'page']);
    expect((await as(admin)('GET', '/audit?page=100000')).status).toBe(200);
  });
});

describe('changes', () => {
  it('get a `requested` entry before they are carried out and an outcome entry after, sharing a request id', async () => {
    const journeyId = await startJourney();
    expect((await as(operator)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-audit' })).status).toBe(200);
    const rows = await eventually(async () => {
      const found = (await auditRows(journeyId)).filter((r) => r.route === '/journeys/:journeyId/intake');
      return found.length >= 2 ? found : undefined;
    }, 'both entries of the command');
    expect(rows.map((r) => [r.outcome, r.status])).toEqual([['requested', 0], ['ok', 200]]);
    expect(rows[0].request_id).toBeTruthy();
    expect(rows[1].request_id).toBe(rows[0].request_id);
  });

  it('are carried out while PostgreSQL refuses their audit entries, answered once those are in the durable buffer, and replayed once each', async () => {
    const journeyId = await startJourney();
    await asOwner('REVOKE INSERT ON audit_log FROM sal_app');
    try {
      // Issue 17: the `requested` entry is written while the command runs, not before it; PostgreSQL refusing it, it
      // goes to the synced buffer before the answer, and the outcome follows it there.
      const command = await as(operator)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-audit' });
      expect(command.status).toBe(200);
      const live = await as(operator)('GET', `/journeys/${journeyId}`);
      expect([live.status, live.body.stage]).toEqual([200, 'awaiting_pact']);
      expect(readdirSync(bufferDir).length).toBeGreaterThan(0);
      // A refused command is recorded the same way.
      expect((await as(operator)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-audit' })).status).toBe(409);
    } finally {
      await asOwner('GRANT INSERT ON audit_log TO sal_app');
    }
    // Back: every entry is replayed from the buffer, once each, the `requested` before its outcome.
    const rows = await eventually(async () => {
      const found = await auditRows(journeyId);
      return found.some((r) => r.method === 'GET' && r.route === '/journeys/:journeyId') && found.filter((r) => r.route === '/journeys/:journeyId/intake').length >= 4 && readdirSync(bufferDir).length === 0
        ? found
        : undefined;
    }, 'the buffered entries to be replayed', { timeoutMs: 30_000 });
    expect(rows.filter((r) => r.route === '/journeys/:journeyId').map((r) => [r.method, r.status, r.outcome])).toEqual([['GET', 200, 'ok']]);
    const intake = rows.filter((r) => r.route === '/journeys/:journeyId/intake');
    expect(intake.map((r) => [r.status, r.outcome])).toEqual([[0, 'requested'], [200, 'ok'], [0, 'requested'], [409, 'refused']]);
    expect(intake[1].request_id).toBe(intake[0].request_id);
    expect(intake[3].request_id).toBe(intake[2].request_id);
    // Exactly once: no entry twice after further replays.
    await as(operator)('GET', `/journeys/${journeyId}`);
    const again = await eventually(async () => {
      const found = await auditRows(journeyId);
      return found.filter((r) => r.method === 'GET').length >= 2 ? found : undefined;
    }, 'the next read in the log');
    expect(again.filter((r) => r.route === '/journeys/:journeyId/intake')).toHaveLength(4);
  });

  it('replays a buffer a crashed process left behind, skipping what was already stored before the crash', async () => {
    const journeyId = await startJourney();
    const entry = (n: number) => ({
      entryId: randomUUID(), requestId: randomUUID(), at: new Date(Date.now() - 60_000 + n).toISOString(), subject: 'op-crashed', role: 'operator',
      offices: [office], method: 'GET', route: '/journeys/:journeyId', journeyId, officeId: null, status: 200, outcome: 'ok',
    });
    const [stored, pending] = [entry(1), entry(2)];
    // The crash came after the first entry went in and before the file was removed.
    await db.dataSource.query(
      `INSERT INTO audit_log (entry_id, request_id, at, subject, role, offices, method, route, journey_id, status, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [stored.entryId, stored.requestId, stored.at, stored.subject, stored.role, stored.offices, stored.method, stored.route, journeyId, stored.status, stored.outcome],
    );
    // Same database (host, port, name hashed, as AuditBuffer names files), a pid that is not running.
    const url = new URL(db.url);
    const databasePart = createHash('sha256').update(`${url.hostname}:${url.port}${url.pathname}`).digest('hex').slice(0, 16);
    writeFileSync(join(bufferDir, `audit-${databasePart}-999999999-dead.jsonl.1.replaying`), `${JSON.stringify(stored)}\n${JSON.stringify(pending)}\n{"torn`);
    await eventually(() => readdirSync(bufferDir).length === 0, 'the left-behind buffer to be replayed', { timeoutMs: 30_000 });
    const crashed: { n: number }[] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject = 'op-crashed' GROUP BY entry_id ORDER BY entry_id`);
    expect(crashed).toEqual([{ n: 1 }, { n: 1 }]);
  });
});

describe('the role guard', () => {
  it('records its refusals (403) in the audit log', async () => {
    const subject = `op-guard-${uniqueSuffix()}`;
    const refused = await http(product.baseUrl, 'GET', '/audit', undefined, tokenFor('operator', [office], subject));
    expect(refused.status).toBe(403);
    const rows = await eventually(async () => {
      const { body } = await as(admin)('GET', `/audit?subject=${subject}`);
      return body.total >= 1 ? body.items : undefined;
    }, 'the refusal in the audit log');
    expect(rows.map((e: any) => [e.subject, e.role, e.method, e.route, e.status, e.outcome])).toEqual([[subject, 'operator', 'GET', '/audit', 403, 'refused']]);
  });
});
