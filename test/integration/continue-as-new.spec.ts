import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import {
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  journeyCommandUpdate,
  recordContactUpdate,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import { NO_CLOCKS, toMillis, type JourneyState } from '@sal/domain';
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
    // Far enough ahead for the contacts and the continue-as-new to happen before it on a busy machine.
    const dueAt = inSeconds(45);
    await handle.executeUpdate(signPactUpdate, {
      args: [
        {
          responsibleOperatorId: 'op-lunghi',
          profilingClass: 'low',
          jobSearchProof: 'Elenco mensile delle candidature inviate',
          acceptance: { method: 'signed_in_person' },
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

  it('carries appointments, an open justification window and services across runs; the window closes in the new run', async () => {
    const fiscalCode = randomFiscalCode();
    const journeyId = journeyIdFor(fiscalCode, 'GOL-1');
    const input: JourneyWorkflowInput = {
      kind: 'start',
      start: {
        journeyId,
        programmeCode: 'GOL-1',
        officeId: 'CPI-CAN',
        didDate: '2026-11-02',
        beneficiary: { fiscalCode, givenName: 'Ada', familyName: 'Lunga' },
        catalogueVersion: 2,
        clocks: { ...NO_CLOCKS, justificationWindow: 'PT25S', appealWindow: 'P30D' },
        services: null,
        workingDayClocks: [],
        benefit: { kind: 'dis_coll', applicationDate: '2026-11-03' },
      },
    };
    const handle = await client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue, args: [input] });
    const firstRunId = handle.firstExecutionRunId;
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-lunghi' }] });
    await handle.executeUpdate(signPactUpdate, {
      args: [
        {
          responsibleOperatorId: 'op-lunghi',
          profilingClass: 'high',
          jobSearchProof: 'Elenco mensile delle candidature inviate',
          acceptance: { method: 'signed_in_person' },
          contactFrequency: 'P30D',
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [{ kind: 'workshop', description: 'Laboratorio', dueDate: inSeconds(3600) }],
        },
      ],
    });
    const at = inSeconds(2);
    await handle.executeUpdate(journeyCommandUpdate, {
      args: [{ type: 'ScheduleAppointment', service: 'tutoring', purpose: 'workshop', at, channel: 'phone', convocation: 'pec', operatorId: 'op-lunghi' }],
    });
    await eventually(() => Date.now() > toMillis(at) + 250, 'the appointment time');
    const missed = await handle.executeUpdate(journeyCommandUpdate, { args: [{ type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: 'op-lunghi' }] });
    const windowEnd = missed.lapses[0].justificationDueAt!;

    const sessions = 10;
    for (let i = 0; i < sessions; i++) {
      await handle.executeUpdate(journeyCommandUpdate, { args: [{ type: 'RecordServiceDelivery', service: 'tutoring', operatorId: 'op-lunghi', hours: 1, outputs: { topics: ['cv_update'] } }] });
    }
    await eventually(async () => {
      const d = await client.workflow.getHandle(journeyId).describe();
      return d.runId !== firstRunId ? d : undefined;
    }, 'a new run after continue-as-new');
    const carried = await client.workflow.getHandle(journeyId).query(getJourneyStateQuery);
    if (Date.now() < toMillis(windowEnd)) {
      // Still inside the window: it went across open.
      expect(carried.lapses[0].status).toBe('awaiting_justification');
    }
    expect(carried.serviceProgress.find((p) => p.service === 'tutoring')).toMatchObject({ sessions, hours: sessions });
    expect(carried.appointments[0]).toMatchObject({ appointmentId: 'AP1', status: 'no_show' });

    const proposed = await eventually(async () => {
      const v = await client.workflow.getHandle(journeyId).query(getJourneyStateQuery);
      return v.conditionalitySteps.length === 1 ? v : undefined;
    }, 'the step proposed when the window closes', { timeoutMs: 90_000 });
    expect(proposed.conditionalitySteps[0]).toMatchObject({ stepId: 'S1', ladder: 'appointments', effect: 'quarter_month_cut' });
    const confirmed = await client.workflow
      .getHandle(journeyId)
      .executeUpdate(journeyCommandUpdate, { args: [{ type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: 'op-lunghi' }] });
    expect(confirmed.conditionalitySteps[0].status).toBe('confirmed');
  });

  it('upgrades a state carried over from before the six services existed', async () => {
    // What a run continued by the previous release hands over: the state without any of the new parts.
    const fiscalCode = randomFiscalCode();
    const journeyId = journeyIdFor(fiscalCode, 'GOL-2');
    const oldState = {
      journeyId,
      programmeCode: 'GOL-2',
      officeId: 'CPI-CAN',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName: 'Eva', familyName: 'Vecchia' },
      stage: 'pact_active',
      status: 'open',
      startedAt: '2026-11-02T09:00:00.000Z',
      intake: { operatorId: 'op-lunghi', takenInChargeAt: '2026-11-03T09:00:00.000Z', notes: null },
      pact: {
        version: 1,
        responsibleOperatorId: 'op-lunghi',
        profilingClass: 'medium',
        contactFrequency: 'P30D',
        jobSearchProof: null,
        availability: { workshops: true, training: true, suitableOffers: true },
        signedAt: '2026-11-04T09:00:00.000Z',
      },
      actions: [
        { actionId: 'A1', kind: 'training', description: 'Corso', dueAt: inSeconds(3), status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null, reminderSentAt: null, escalatedAt: null },
      ],
      closure: null,
      catalogueVersion: 1,
      clocks: NO_CLOCKS,
      contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
      pactDeadlineMissedAt: null,
      pactDeadlineEscalatedAt: null,
      lastProgressAt: '2026-11-04T09:00:00.000Z',
      noProgressSince: null,
      lastSeq: 3,
      updatedAt: '2026-11-04T09:00:00.000Z',
    } as unknown as JourneyState;
    const handle = await client.workflow.start(JOURNEY_WORKFLOW_TYPE, {
      workflowId: journeyId,
      taskQueue,
      args: [{ kind: 'continued', state: oldState, unprojected: [] } satisfies JourneyWorkflowInput],
    });
    const view = await handle.query(getJourneyStateQuery);
    expect(view.pactVersions).toEqual([expect.objectContaining({ version: 1, actions: [expect.objectContaining({ actionId: 'A1' })] })]);
    expect(view.serviceProgress.find((p) => p.service === 'reception')).toMatchObject({ status: 'completed' });
    expect(view.appointments).toEqual([]);
    // Its timer still runs, and the new commands work on it.
    await eventually(async () => ((await handle.query(getJourneyStateQuery)).actions[0].status === 'overdue' ? true : undefined), 'the old action to fall due');
    const amended = await handle.executeUpdate(journeyCommandUpdate, {
      args: [{ type: 'AmendPact', operatorId: 'op-lunghi', reason: 'nuova scadenza', changeActions: [{ actionId: 'A1', dueDate: inSeconds(3600) }] }],
    });
    expect(amended.actions[0].status).toBe('pending');
    expect(amended.pactVersions.map((v) => v.version)).toEqual([1, 2]);
  });
});
