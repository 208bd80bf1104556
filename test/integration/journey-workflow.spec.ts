import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import {
  closeJourneyUpdate,
  completePactActionUpdate,
  getJourneyStateQuery,
  JOURNEY_REFUSAL_FAILURE_TYPE,
  JOURNEY_WORKFLOW_TYPE,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import { NO_CLOCKS, type JourneyView, type Refusal } from '@sal/domain';
import { JourneyEventRecord, JourneyRecord, PactActionRecord } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { recordHistory } from '../support/histories';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

const EventType = temporal.api.enums.v1.EventType;

let db: ThrowawayDatabase;
let t: TestTemporal;
let worker: RunningWorker;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  t = await connectTestClient();
  worker = await startTestWorker(t.taskQueue, db.dataSource, { notify: async () => undefined });
});

afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await db?.drop();
});

async function startJourney(officeId = 'CPI-TO-01'): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'GOL-1');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: { journeyId, programmeCode: 'GOL-1', officeId, didDate: '2026-11-02', beneficiary: { fiscalCode, givenName: 'Giulia', familyName: 'Test' }, catalogueVersion: 1, clocks: NO_CLOCKS },
  };
  return t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
}

async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => {
      throw new Error('expected the update to be refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(JOURNEY_REFUSAL_FAILURE_TYPE);
  return (cause as ApplicationFailure).details?.[0] as Refusal;
}

async function historyEventTypes(handle: WorkflowHandle): Promise<number[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).map((e) => Number(e.eventType));
}

describe('journey workflow on a real Temporal server and PostgreSQL', () => {
  it('runs a journey from the DID to placement, marks the overdue action by its timer, and projects every event', async () => {
    const handle = await startJourney();
    const journeyId = handle.workflowId;

    const afterIntake = await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-rossi' }] });
    expect(afterIntake.stage).toBe('awaiting_pact');

    const signed = await handle.executeUpdate(signPactUpdate, {
      args: [
        {
          responsibleOperatorId: 'op-rossi',
          profilingClass: 'medium',
          jobSearchProof: 'Elenco mensile delle candidature inviate',
          acceptance: { method: 'signed_in_person' },
          contactFrequency: 'P30D',
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [
            { kind: 'job_search_act', description: 'Send three applications', dueDate: inSeconds(20) },
            { kind: 'workshop', description: 'CV workshop', dueDate: inSeconds(3600) },
          ],
        },
      ],
    });
    expect(signed.stage).toBe('pact_active');
    expect(signed.actions.map((a) => [a.actionId, a.status])).toEqual([['A1', 'pending'], ['A2', 'pending']]);
    expect(signed.nextDeadline?.actionId).toBe('A1');

    await handle.executeUpdate(completePactActionUpdate, { args: [{ actionId: 'A2', operatorId: 'op-rossi' }] });

    // Nobody touches A1: its due instant passes and the journey's own timer marks it overdue.
    const overdue = await eventually(async () => {
      const view = await handle.query(getJourneyStateQuery);
      return view.actions[0].status === 'overdue' ? view : undefined;
    }, 'action A1 to become overdue');
    expect(overdue.overdueActionCount).toBe(1);
    expect(overdue.actions[1].status).toBe('completed');
    // With A1 overdue and A2 done, what remains ahead is the pact's agreed contact (P30D).
    expect(overdue.nextDeadline?.kind).toBe('contact_due');

    const closed = await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'placed', operatorId: 'op-rossi', details: 'Hired by ACME' }] });
    expect(closed.status).toBe('closed');
    const result = (await handle.result()) as JourneyView;
    expect(result.closure?.reason).toBe('placed');
    await recordHistory('placement-with-overdue-action', handle);

    const events = await db.dataSource.getRepository(JourneyEventRecord).find({ where: { journeyId }, order: { seq: 'ASC' } });
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'JourneyStarted'],
      [2, 'IntakeRecorded'],
      [3, 'PactSigned'],
      [4, 'PactActionCompleted'],
      [5, 'PactActionOverdue'],
      [6, 'JourneyClosed'],
    ]);
    const row = await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId });
    expect(row).toMatchObject({ stage: 'closed', status: 'closed', closureReason: 'placed', overdueActionCount: 1, lastSeq: 6, nextDeadlineAt: null });
    const actions = await db.dataSource.getRepository(PactActionRecord).find({ where: { journeyId }, order: { actionId: 'ASC' } });
    expect(actions.map((a) => [a.actionId, a.status])).toEqual([['A1', 'overdue'], ['A2', 'completed']]);
  });

  it('refuses a command the stage does not allow with a reason, and writes nothing to history', async () => {
    const handle = await startJourney();
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-bianchi' }] });
    const before = await historyEventTypes(handle);

    const again = await refusalOf(handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-bianchi' }] }));
    expect(again.code).toBe('INTAKE_ALREADY_RECORDED');
    const tooEarly = await refusalOf(handle.executeUpdate(completePactActionUpdate, { args: [{ actionId: 'A1', operatorId: 'op-bianchi' }] }));
    expect(tooEarly.code).toBe('PACT_NOT_SIGNED');
    const badDue = await refusalOf(
      handle.executeUpdate(signPactUpdate, {
        args: [
          {
            responsibleOperatorId: 'op-bianchi',
            profilingClass: 'low',
            jobSearchProof: 'Elenco mensile delle candidature inviate',
            acceptance: { method: 'signed_in_person' },
            contactFrequency: 'P30D',
            availability: { workshops: true, training: false, suitableOffers: true },
            actions: [{ kind: 'training', description: 'Forklift licence', dueDate: '2020-01-01' }],
          },
        ],
      }),
    );
    expect(badDue).toMatchObject({ code: 'INVALID_DATE', field: 'actions[0].dueDate' });

    const after = await historyEventTypes(handle);
    expect(after.filter((e) => e === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toHaveLength(
      before.filter((e) => e === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).length,
    );
    expect((await handle.query(getJourneyStateQuery)).lastSeq).toBe(2);
    await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'unreachable', operatorId: 'op-bianchi' }] });
    await handle.result();
    await recordHistory('refusals-then-closure', handle);
  });

  it('never starts a second workflow for the same person and programme', async () => {
    const handle = await startJourney();
    const input = (await handle.describe()).workflowId;
    await expect(
      t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, {
        workflowId: input,
        taskQueue: t.taskQueue,
        args: [{ kind: 'start', start: { journeyId: input, programmeCode: 'GOL-1', officeId: 'X', didDate: '2026-11-02', beneficiary: { fiscalCode: 'x', givenName: 'x', familyName: 'x' }, catalogueVersion: 1, clocks: NO_CLOCKS } }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    await handle.terminate('test done');
  });

  it('keeps the next deadline right when actions are completed: the timer moves to the next pending action', async () => {
    const handle = await startJourney();
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-verdi' }] });
    await handle.executeUpdate(signPactUpdate, {
      args: [
        {
          responsibleOperatorId: 'op-verdi',
          profilingClass: 'high',
          jobSearchProof: 'Elenco mensile delle candidature inviate',
          acceptance: { method: 'signed_in_person' },
          contactFrequency: 'P15D',
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [
            { kind: 'interview', description: 'Second-level interview', dueDate: inSeconds(2) },
            { kind: 'training', description: 'Digital skills course', dueDate: inSeconds(4) },
            { kind: 'job_search_act', description: 'Register on the regional job portal', dueDate: inSeconds(3600) },
          ],
        },
      ],
    });
    // A1 is completed before its due instant: only A2 may become overdue.
    await handle.executeUpdate(completePactActionUpdate, { args: [{ actionId: 'A1', operatorId: 'op-verdi' }] });
    const view = await eventually(async () => {
      const v = await handle.query(getJourneyStateQuery);
      return v.actions[1].status === 'overdue' ? v : undefined;
    }, 'A2 to become overdue');
    expect(view.actions.map((a) => a.status)).toEqual(['completed', 'overdue', 'pending']);
    expect(view.nextDeadline?.actionId).toBe('A3');
    await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'withdrawn', operatorId: 'op-verdi' }] });
    await handle.result();
    await recordHistory('timer-moves-to-next-action', handle);
  });
});
