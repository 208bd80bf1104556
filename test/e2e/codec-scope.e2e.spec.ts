import { randomBytes } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type Payload } from '@temporalio/common';
import { JOURNEY_REFUSAL_FAILURE_TYPE } from '@sal/contracts';
import { PayloadDataKeyStore } from '@sal/persistence';
import { journeyPayloadCodec } from '@sal/temporal';
import type { temporal } from '@temporalio/proto';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { tokenFor } from '../support/auth';
import { testStack, uniqueSuffix } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Temporal and the codec are no way around the API: the codec answers without a token only on the full embedded
 * defaults (development JWT secret and development payload key), decodes for a caller only payloads of their offices'
 * journeys and records the journeys it opened; a plain-JSON update sent straight to Temporal is refused by the worker
 * (when unencrypted payloads are refused) and the journey goes on.
 */

const A = `CPI-CA-${uniqueSuffix()}`;
const B = `CPI-CB-${uniqueSuffix()}`;
const admin = tokenFor('administrator', [], 'admin-codec');
type WirePayload = { metadata?: Record<string, string>; data?: string };

function toWire(p: temporal.api.common.v1.IPayload): WirePayload {
  const metadata = Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return p.data?.length ? { metadata, data: Buffer.from(p.data).toString('base64') } : { metadata };
}

async function startJourney(product: ProductStack, officeId: string): Promise<string> {
  const started = await http(product.baseUrl, 'POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ippolita', familyName: 'Cifrata' },
    programmeCode: 'GOL-2',
    officeId,
    didDate: recentDidDate(),
  }, admin);
  expect(started.status).toBe(201);
  return started.body.journeyId as string;
}

describe('the codec on the embedded defaults', () => {
  let db: ThrowawayDatabase;
  let product: ProductStack;
  let raw: Connection;

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

  /** The sealed start input and projection input of a journey, as the Web UI would send them. */
  async function sealedPayloadsOf(journeyId: string): Promise<WirePayload[]> {
    const events = await eventually(async () => {
      const page = await raw.workflowService.getWorkflowExecutionHistory({ namespace: testStack().namespace, execution: { workflowId: journeyId } });
      const all = page.history?.events ?? [];
      return all.some((e) => e.activityTaskScheduledEventAttributes) ? all : undefined;
    }, 'the projection activity to be scheduled');
    return [
      ...events[0].workflowExecutionStartedEventAttributes!.input!.payloads!.map(toWire),
      ...events.find((e) => e.activityTaskScheduledEventAttributes)!.activityTaskScheduledEventAttributes!.input!.payloads!.map(toWire),
    ];
  }

  const decode = (payloads: WirePayload[], token: string | null) => http(product.baseUrl, 'POST', '/codec/decode', { payloads }, token);

  it("binds each sealed payload to its journey, and decodes for a supervisor only their offices' journeys", async () => {
    const journeyId = await startJourney(product, A);
    const sealed = await sealedPayloadsOf(journeyId);
    expect(sealed.map((p) => Buffer.from(p.metadata!['journey-id'] ?? '', 'base64').toString())).toEqual(sealed.map(() => journeyId));

    const supervisorB = tokenFor('supervisor', [B], `sup-b-${uniqueSuffix()}`);
    const refused = await decode(sealed, supervisorB);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(JSON.stringify(refused.body)).not.toContain('Ippolita');
    // A payload whose journey binding was swapped for one of the caller's journeys does not open at all.
    const ownJourney = await startJourney(product, B);
    const swapped = { ...sealed[0], metadata: { ...sealed[0].metadata, 'journey-id': Buffer.from(ownJourney).toString('base64') } };
    expect((await decode([swapped], supervisorB)).status).toBe(400);

    const supervisorA = tokenFor('supervisor', [A], `sup-a-${uniqueSuffix()}`);
    const opened = await decode(sealed, supervisorA);
    expect(opened.status).toBe(200);
    expect(Buffer.from(opened.body.payloads[0].data, 'base64').toString()).toContain('Ippolita');

    // Both decodes are in the audit log with the journey they were about.
    const log = await eventually(async () => {
      const { body } = await http(product.baseUrl, 'GET', `/audit?journeyId=${journeyId}`, undefined, admin);
      const decodes = body.items.filter((e: any) => e.route === '/codec/decode');
      return decodes.length >= 2 ? decodes : undefined;
    }, 'the decodes in the audit log');
    expect(log.map((e: any) => [e.role, e.status, e.journeyId]).reverse()).toEqual([
      ['supervisor', 403, journeyId],
      ['supervisor', 200, journeyId],
    ]);
  });

  it('still answers the local Web UI without a token: the development secret and the development key are both in use', async () => {
    expect((await decode([], null)).status).toBe(200);
  });
});

describe('with real payload keys, unencrypted payloads refused', () => {
  let db: ThrowawayDatabase;
  let product: ProductStack;
  let connection: Connection;
  const keys = `k-e2e:${randomBytes(32).toString('base64')}`;
  const env = { PAYLOAD_ENCRYPTION_KEYS: keys, PAYLOAD_REFUSE_UNENCRYPTED: 'true' };

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    // The JWT secret stays the development one: the codec's token-less mode must not depend on it alone.
    product = await startProduct(db.url, env);
    connection = await Connection.connect({ address: testStack().temporalAddress });
  });

  afterAll(async () => {
    await connection?.close();
    await product?.stop();
    await db?.drop();
  });

  it('the codec asks for a token even with the development JWT secret', async () => {
    const anonymous = await http(product.baseUrl, 'POST', '/codec/decode', { payloads: [] }, null);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await http(product.baseUrl, 'POST', '/codec/decode', { payloads: [] }, admin)).status).toBe(200);
  });

  it('a plain-JSON update sent straight to Temporal is refused, and the journey keeps working', async () => {
    const journeyId = await startJourney(product, A);
    // As `temporal workflow update execute … --input '{…}'` sends it: plain JSON. The codec here only reads the
    // refusal's details (sealed by the worker); it never encodes what is sent.
    // With the product's key store: the worker seals the refusal with the journey's data key (issue 15).
    const codec = journeyPayloadCodec(env, new PayloadDataKeyStore(db.dataSource));
    const attacker = new Client({
      connection,
      namespace: testStack().namespace,
      dataConverter: { payloadCodecs: [{ encode: async (payloads: Payload[]) => payloads, decode: (payloads: Payload[]) => codec.decode(payloads) }] },
    });
    const sent = attacker.workflow.getHandle(journeyId).executeUpdate('recordIntake', { args: [{ operatorId: 'op-intruder' }] });
    const error = await sent.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const failure = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.type).toBe(JOURNEY_REFUSAL_FAILURE_TYPE);
    expect(failure.details?.[0]).toMatchObject({ code: 'UNENCRYPTED_PAYLOAD' });

    // Nothing was recorded, and the journey answers its next command through the API.
    const live = await http(product.baseUrl, 'GET', `/journeys/${journeyId}`, undefined, admin);
    expect(live.body.stage).toBe('awaiting_intake');
    const intake = await http(product.baseUrl, 'POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-codec' }, admin);
    expect([intake.status, intake.body.stage]).toEqual([200, 'awaiting_pact']);
  });
});
