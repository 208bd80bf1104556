import { Connection, type WorkflowHandle } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import {
  closeJourneyUpdate,
  JOURNEY_WORKFLOW_TYPE,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import { NO_CLOCKS } from '@sal/domain';
import { JourneyRecord } from '@sal/persistence';
import { ENCRYPTED_ENCODING, JOURNEY_ID_PATTERN, journeyIdFor, journeyPayloadCodec } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { testStack } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * What Temporal itself stores about a person: nothing readable. The journey runs through the real client and worker
 * (both with the payload codec); its history is then read straight from the server with no codec, as anyone with
 * access to Temporal (an operator of the cluster, the Web UI without the codec endpoint) would read it.
 */

let db: ThrowawayDatabase;
let t: TestTemporal;
let worker: RunningWorker;
let raw: Connection;

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const fiscalCode = randomFiscalCode();
const person = {
  fiscalCode,
  givenName: 'Ermenegilda',
  familyName: 'Scarabottolo',
  email: `ermenegilda.scarabottolo.${digits(6)}@example.org`,
  phone: `+39 347 ${digits(7)}`,
};
const personalData = [fiscalCode, fiscalCode.toLowerCase(), person.givenName, person.familyName, person.email, person.phone, person.phone.replace(/\D/g, '')];

beforeAll(async () => {
  db = await createThrowawayDatabase();
  t = await connectTestClient();
  worker = await startTestWorker(t.taskQueue, db.dataSource, { notify: async () => undefined });
  raw = await Connection.connect({ address: testStack().temporalAddress });
});

afterAll(async () => {
  await raw?.close();
  await worker?.stop();
  await t?.close();
  await db?.drop();
});

/** A journey taken in charge with a signed pact, then closed: its start, updates, activities and result are all in history. */
async function runJourney(): Promise<WorkflowHandle> {
  const journeyId = journeyIdFor(fiscalCode, 'GOL-1');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: { journeyId, programmeCode: 'GOL-1', officeId: 'CPI-TO-01', didDate: '2026-11-02', beneficiary: person, catalogueVersion: 1, clocks: NO_CLOCKS },
  };
  const handle = await t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
  await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-rossi' }] });
  await handle.executeUpdate(signPactUpdate, {
    args: [
      {
        responsibleOperatorId: 'op-rossi',
        profilingClass: 'medium',
        jobSearchProof: 'Elenco mensile delle candidature inviate',
        acceptance: { method: 'signed_in_person' },
        contactFrequency: 'P30D',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'workshop', description: 'CV workshop', dueDate: inSeconds(3600) }],
      },
    ],
  });
  // The projection activities (whose inputs carry the journey's state) have run once the read model shows the pact.
  await eventually(async () => (await db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId }))?.lastSeq === 3, 'the pact to be projected');
  await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'placed', operatorId: 'op-rossi' }] });
  await handle.result();
  return handle;
}

/** Every event of the history, straight from the server: no data converter, no codec. */
async function rawHistory(workflowId: string): Promise<temporal.api.history.v1.IHistoryEvent[]> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await raw.workflowService.getWorkflowExecutionHistory({ namespace: t.client.options.namespace, execution: { workflowId }, nextPageToken });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

/**
 * The value as text with every byte field read as UTF-8, which is how a plain JSON payload would show a name. (Plain
 * `JSON.stringify` of proto messages prints bytes as base64, which would hide clear text too.)
 */
function asText(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).map((k) => [k, walk((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(walk(value));
}

/** Every payload in the value, except under `skip` keys. */
function payloadsIn(value: unknown, skip: string[] = []): Payload[] {
  const found: Payload[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return;
    if (Array.isArray(v)) return v.forEach(walk);
    const metadata = (v as Payload).metadata;
    if (metadata && typeof metadata === 'object' && metadata[METADATA_ENCODING_KEY] instanceof Uint8Array) {
      found.push(v as Payload);
      return;
    }
    for (const k of Object.keys(v)) if (!skip.includes(k)) walk((v as Record<string, unknown>)[k]);
  };
  walk(value);
  return found;
}

function searchAttributesOf(events: temporal.api.history.v1.IHistoryEvent[]): unknown[] {
  return events.flatMap((e) => [e.workflowExecutionStartedEventAttributes?.searchAttributes, e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes]).filter(Boolean);
}

describe("a journey's history on the Temporal server", () => {
  it('holds no fiscal code, name, e-mail or phone: not in payloads, the workflow id or search attributes; the codec opens it', async () => {
    const handle = await runJourney();
    const events = await rawHistory(handle.workflowId);
    expect(events.length).toBeGreaterThan(10);

    // The whole raw history, both as JSON prints it (bytes in base64) and with every byte field read as text.
    const printed = JSON.stringify(events);
    const text = asText(events);
    for (const secret of personalData) {
      expect({ secret, inJson: printed.includes(secret), inText: text.includes(secret) }).toEqual({ secret, inJson: false, inText: false });
    }

    expect(handle.workflowId).toMatch(JOURNEY_ID_PATTERN);
    const searchAttributes = searchAttributesOf(events);
    expect(searchAttributes.length).toBeGreaterThan(0);
    const described = await raw.workflowService.describeWorkflowExecution({ namespace: t.client.options.namespace, execution: { workflowId: handle.workflowId } });
    const indexed = asText([searchAttributes, described.workflowExecutionInfo?.searchAttributes, described.workflowExecutionInfo?.memo]);
    expect(indexed).toContain('CPI-TO-01');
    for (const secret of personalData) expect({ secret, indexed: indexed.includes(secret) }).toEqual({ secret, indexed: false });

    // Patch markers (`patched()`) are written by the SDK itself, outside the data converter: they may only ever hold
    // the names of our patches.
    const markers = events.filter((e) => e.markerRecordedEventAttributes);
    expect(markers.length).toBeGreaterThan(0);
    const markerPayloads = markers.flatMap((m) => payloadsIn(m.markerRecordedEventAttributes));
    expect(markerPayloads.length).toBeGreaterThanOrEqual(markers.length);
    for (const p of markerPayloads) {
      const detail: unknown = JSON.parse(Buffer.from(p.data!).toString('utf8'));
      expect(detail).toEqual({ id: expect.stringMatching(/^journey-[a-z-]+-v\d+$/), deprecated: false });
    }

    // Every other payload but the search attributes (indexed by the server, so never encrypted) is sealed...
    const payloads = payloadsIn(
      events.filter((e) => !e.markerRecordedEventAttributes),
      ['searchAttributes'],
    );
    expect(payloads.length).toBeGreaterThan(5);
    const encodings = new Set(payloads.map((p) => Buffer.from(p.metadata![METADATA_ENCODING_KEY]!).toString()));
    expect([...encodings]).toEqual([ENCRYPTED_ENCODING]);

    // ...and the codec opens them to the person's data: the history does hold it, encrypted, not left out.
    const opened = asText(await journeyPayloadCodec().decode(payloads));
    for (const secret of [fiscalCode, person.givenName, person.familyName, person.email, person.phone]) expect(opened).toContain(secret);
  });

  it('replays from its sealed history through the codec, as a worker resuming it after a restart would', async () => {
    const workflowId = journeyIdFor(fiscalCode, 'GOL-1');
    const events = await rawHistory(workflowId);
    await expect(
      Worker.runReplayHistory(
        { workflowsPath: require.resolve('@sal/workflows'), replayName: 'sealed-history-replay', dataConverter: { payloadCodecs: [journeyPayloadCodec()] } },
        { events },
        workflowId,
      ),
    ).resolves.toBeUndefined();
  });
});
