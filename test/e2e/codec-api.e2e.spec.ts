import { execFileSync } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { findOrBuildTemporalCli } from '@sal/infra';
import type { temporal } from '@temporalio/proto';
import { adminToken } from '../support/auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { testStack } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The codec endpoint of the built API, as the Temporal Web UI uses it: it opens what the API and the worker sealed in
 * a journey's history (same keys in every process), only for an authenticated caller, and answers the UI's browser.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
let raw: Connection;
const UI = 'http://127.0.0.1:8233';

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
  raw = await Connection.connect({ address: testStack().temporalAddress });
});

afterAll(async () => {
  await raw?.close();
  await product?.stop();
  await db?.drop();
});

type WirePayload = { metadata?: Record<string, string>; data?: string };

/** A payload as the Web UI sends it: protobuf JSON, bytes in base64. */
function toWire(p: temporal.api.common.v1.IPayload): WirePayload {
  const metadata = Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return p.data?.length ? { metadata, data: Buffer.from(p.data).toString('base64') } : { metadata };
}

async function codec(op: 'encode' | 'decode', payloads: WirePayload[], headers: Record<string, string> = {}) {
  const response = await fetch(`${product.baseUrl}/codec/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': testStack().namespace, authorization: `Bearer ${adminToken()}`, ...headers },
    body: JSON.stringify({ payloads }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('the codec endpoint of the running API', () => {
  it("opens what the API and the worker sealed in a journey's history, for an authenticated caller", async () => {
    const fiscalCode = randomFiscalCode();
    const started = await http(product.baseUrl, 'POST', '/journeys', {
      beneficiary: { fiscalCode, givenName: 'Ottavia', familyName: 'Pellegrinetti', email: 'ottavia.p@example.org' },
      programmeCode: 'GOL-1',
      officeId: 'CPI-TO-01',
      didDate: recentDidDate(),
    });
    expect(started.status).toBe(201);
    const workflowId = started.body.journeyId as string;

    // The start input (sealed by the API) and the projection activity's input (sealed by the worker).
    const events = await eventually(async () => {
      const page = await raw.workflowService.getWorkflowExecutionHistory({ namespace: testStack().namespace, execution: { workflowId } });
      const all = page.history?.events ?? [];
      return all.some((e) => e.activityTaskScheduledEventAttributes) ? all : undefined;
    }, 'the projection activity to be scheduled');
    const sealedByApi = events[0].workflowExecutionStartedEventAttributes!.input!.payloads!.map(toWire);
    const sealedByWorker = events.find((e) => e.activityTaskScheduledEventAttributes)!.activityTaskScheduledEventAttributes!.input!.payloads!.map(toWire);
    const sealed = [...sealedByApi, ...sealedByWorker];
    expect(sealed.map((p) => Buffer.from(p.metadata!.encoding, 'base64').toString())).toEqual(sealed.map(() => 'binary/encrypted'));

    const decoded = await codec('decode', sealed, { origin: UI });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI);
    const opened = decoded.body.payloads.map((p: WirePayload) => Buffer.from(p.data ?? '', 'base64').toString());
    expect(opened[0]).toContain(fiscalCode);
    expect(opened[0]).toContain('Pellegrinetti');
    expect(opened.slice(sealedByApi.length).join('')).toContain('Ottavia');

    // And back: what /encode seals, /decode (and so the worker) opens.
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"ciao"').toString('base64') };
    const encoded = await codec('encode', [plain]);
    expect(encoded.status).toBe(200);
    expect((await codec('decode', encoded.body.payloads)).body.payloads).toEqual([plain]);
  });

  it('lets `temporal workflow show --codec-endpoint` print a journey decrypted, with a bearer token', async () => {
    const fiscalCode = randomFiscalCode();
    const started = await http(product.baseUrl, 'POST', '/journeys', {
      beneficiary: { fiscalCode, givenName: 'Rosalba', familyName: 'Tagliacozzo' },
      programmeCode: 'GOL-1',
      officeId: 'CPI-TO-01',
      didDate: recentDidDate(),
    });
    const { temporalAddress, namespace } = testStack();
    /** The start input as the CLI prints it (protobuf JSON: encoding and data in base64), read back as text. */
    const startInput = async (...codecArgs: string[]) => {
      const json = execFileSync(await findOrBuildTemporalCli(), [
        'workflow', 'show', '--workflow-id', started.body.journeyId, '--address', temporalAddress, '--namespace', namespace, '--output', 'json', ...codecArgs,
      ], { encoding: 'utf8' });
      const [payload] = JSON.parse(json).events[0].workflowExecutionStartedEventAttributes.input.payloads as WirePayload[];
      return { encoding: Buffer.from(payload.metadata!.encoding, 'base64').toString(), data: Buffer.from(payload.data!, 'base64').toString('utf8') };
    };
    const sealed = await startInput();
    expect(sealed.encoding).toBe('binary/encrypted');
    expect(sealed.data).not.toContain(fiscalCode);
    const opened = await startInput('--codec-endpoint', `${product.baseUrl}/codec`, '--codec-auth', `Bearer ${adminToken()}`);
    expect(opened.encoding).toBe('json/plain');
    expect(opened.data).toContain(fiscalCode);
  });

  it('answers the local Web UI without a token on the embedded defaults, and names it in the audit log', async () => {
    // The dev server's UI sends no token; with the development secret (public in the source) a token would protect
    // nothing. With a real secret the codec asks for a token (see auth.e2e.spec.ts).
    const anonymous = await codec('decode', [], { authorization: '', origin: UI });
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('access-control-allow-origin')).toBe(UI);
    // The request's entry is written before it runs and its outcome after it answers: wait for the outcome.
    const entry = await eventually(async () => {
      const audit = await http(product.baseUrl, 'GET', '/audit?subject=temporal-web-ui');
      return (audit.body.items as { route: string; status: number }[]).find((e) => e.route === '/codec/decode' && e.status !== 0);
    }, 'the audit log records the outcome of the Web UI decode');
    expect(entry).toMatchObject({ subject: 'temporal-web-ui', route: '/codec/decode', status: 200 });
  });

  it("answers the Web UI's preflight without credentials, and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${product.baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-namespace' },
      });
    const ui = await preflight('http://localhost:8233');
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ui.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses another namespace, and payloads it cannot open, with 400', async () => {
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('1').toString('base64') };
    expect((await codec('decode', [plain], { 'x-namespace': 'someone-else' })).status).toBe(400);
    const foreign = { metadata: { encoding: Buffer.from('binary/encrypted').toString('base64'), 'encryption-key-id': Buffer.from('k-unknown').toString('base64') }, data: Buffer.alloc(40).toString('base64') };
    const answer = await codec('decode', [plain, foreign]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: 'payloads[1]', message: expect.stringContaining('k-unknown'), code: 'undecodable_payload' }]);
  });

  it('is documented in OpenAPI under the codec tag', async () => {
    const doc = (await (await fetch(`${product.baseUrl}/docs-json`)).json()) as any;
    expect(doc.paths['/codec/decode'].post.tags).toEqual(['codec']);
    expect(doc.paths['/codec/encode'].post.tags).toEqual(['codec']);
  });
});
