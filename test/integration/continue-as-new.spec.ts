import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import {
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  recordContactUpdate,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import { NO_CLOCKS } from '@sal/domain';
import { startTemporalDevServer, type TemporalDevServer } from '@sal/infra';
import { JourneyEventRecord } from '@sal/persistence';
import { journeyDataConverter, journeyIdFor, journeySearchAttributeTypes } from '@sal/temporal';
import { createJourneyWorker } from '@sal/worker';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { eventually } from '../support/wait';

/**
 * A journey that runs long enough to continue as new: a dev server of its own whose `suggestContinueAsNew` threshold is
 * lowered to a few dozen history events, so a handful of commands crosses it.
 */

const SUGGEST_AFTER_EVENTS = 40;
let server: TemporalDevServer;
let db: ThrowawayDatabase;
let client: Client;
let connection: Connection;
let nativeConnection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `can-${uniqueSuffix()}`;

beforeAll(async () => {
  server = await startTemporalDevServer({
    uiPort: false,
    searchAttributes: journeySearchAttributeTypes(),
    extraArgs: ['--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${SUGGEST_AFTER_EVENTS}`],
  });
  db = await createThrowawayDatabase();
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection, namespace: 'default', dataConverter: journeyDataConverter() });
  nativeConnection = await NativeConnection.connect({ address: server.address });
  worker = await createJourneyWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    dataSource: db.dataSource,
    notices: new NoticeLog(),
    workflows: { workflowsPath: require.resolve('@sal/workflows') },
  });
  running = worker.run();
});

afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await nativeConnection?.close();
  await connection?.close();
  await db?.drop();
  await server?.stop();
});

describe('continue-as-new', () => {
  it('carries the state, the pending deadline and new commands into the next run, and projects every event once', async () => {
    const fiscalCode = randomFiscalCode();
    const journeyId = journeyIdFor(fiscalCode, 'GOL-1');
    const input: JourneyWorkflowInput = {
      kind: 'start',
      start: { journeyId, programmeCode: 'GOL-1', officeId: 'CPI-CAN', didDate: '2026-11-02', beneficiary: { fiscalCode, givenName: 'Ugo', familyName: 'Lungo' }, catalogueVersion: 1, clocks: NO_CLOCKS },
    };
    const handle = await client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue, args: [input] });
    const firstRunId = handle.firstExecutionRunId;
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-lunghi' }] });
    const dueAt = inSeconds(25);
    await handle.executeUpdate(signPactUpdate, {
      args: [
        {
          responsibleOperatorId: 'op-lunghi',
          profilingClass: 'low',
          contactFrequency: 'P30D',
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [{ kind: 'training', description: 'Corso lungo', dueDate: dueAt }],
        },
      ],
    });

    // Each contact is an update plus a projection activity: a dozen of them cross the lowered threshold.
    const contacts = 12;
    for (let i = 0; i < contacts; i++) {
      await handle.executeUpdate(recordContactUpdate, { args: [{ operatorId: 'op-lunghi', channel: 'phone', note: `contatto ${i + 1}` }] });
    }
    const latest = await eventually(async () => {
      const d = await client.workflow.getHandle(journeyId).describe();
      return d.runId !== firstRunId ? d : undefined;
    }, 'a new run after continue-as-new');
    expect(latest.status.name).toBe('RUNNING');

    // The state went across: every event, the pact and its action still pending.
    const state = await client.workflow.getHandle(journeyId).query(getJourneyStateQuery);
    expect(state.lastSeq).toBe(3 + contacts);
    expect(state.actions[0].status).toBe('pending');
    expect(state.contact.lastContactAt).not.toBeNull();

    // The pending deadline fires in the new run.
    const overdue = await eventually(async () => {
      const v = await client.workflow.getHandle(journeyId).query(getJourneyStateQuery);
      return v.actions[0].status === 'overdue' ? v : undefined;
    }, 'the action to fall due in the new run', { timeoutMs: 90_000 });
    expect(overdue.lastSeq).toBe(4 + contacts);

    const events = await eventually(async () => {
      const rows = await db.dataSource.getRepository(JourneyEventRecord).find({ where: { journeyId }, order: { seq: 'ASC' } });
      return rows.length === 4 + contacts ? rows : undefined;
    }, 'every event projected');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 4 + contacts }, (_, i) => i + 1));
    expect(events[events.length - 1].type).toBe('PactActionOverdue');
  });
});
