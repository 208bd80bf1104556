import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  completePactActionUpdate,
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  recordContactUpdate,
  recordIntakeUpdate,
  retrySideEffectsSignal,
  signPactUpdate,
  type JourneyLiveView,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import type { JourneyClocks } from '@sal/domain';
import { JourneyRecord, SideEffectFailureRecord } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { recordHistory } from '../support/histories';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * A journey's clocks never wait on its side effects (issue 11): a projection the read model cannot store is
 * recorded as failing, shown, and retried after a fix, while the journey's deadlines keep being decided.
 */
const SECONDS: JourneyClocks = { reminderBeforeDue: 'PT2S', escalationAfter: 'PT4S', pactDeadline: null, stallAfter: null };

let db: ThrowawayDatabase;
let t: TestTemporal;
let worker: RunningWorker;
const notices = new NoticeLog();

beforeAll(async () => {
  db = await createThrowawayDatabase();
  t = await connectTestClient();
  worker = await startTestWorker(t.taskQueue, db.dataSource, notices);
});

afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await db?.drop();
});

async function startJourney(givenName: string): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'TEST-SIDE');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode: 'TEST-SIDE',
      officeId: 'CPI-SIDE',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName, familyName: 'Prova', email: 'p@example.org' },
      catalogueVersion: 1,
      clocks: SECONDS,
    },
  };
  // Straight to Temporal, as a CLI or another client could: the start has no validator to refuse the name.
  return t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
}

async function signPact(handle: WorkflowHandle, dueInSeconds: number): Promise<void> {
  await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-neri' }] });
  await handle.executeUpdate(signPactUpdate, {
    args: [
      {
        responsibleOperatorId: 'op-neri',
        profilingClass: 'medium',
        jobSearchProof: 'Elenco mensile delle candidature inviate',
        acceptance: { method: 'signed_in_person' },
        contactFrequency: 'P30D',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [
          { kind: 'workshop', description: 'Laboratorio', dueDate: inSeconds(dueInSeconds) },
          { kind: 'job_search_act', description: 'Candidature', dueDate: inSeconds(600) },
        ],
      },
    ],
  });
}

function until(handle: WorkflowHandle, what: string, test: (v: JourneyLiveView) => boolean, timeoutMs = 60_000): Promise<JourneyLiveView> {
  return eventually(
    async () => {
      const v = await handle.query(getJourneyStateQuery);
      return test(v) ? v : undefined;
    },
    what,
    { timeoutMs },
  );
}

describe('side effects apart from the clocks', () => {
  it('drill: a name the read model cannot store (a NUL) leaves the side effects failing, shown without the data, while the action still falls overdue on time and its notices wait with the batch', async () => {
    const handle = await startJourney('Anna\u0000');
    await signPact(handle, 6);

    const failing = await until(handle, 'the projection reported failing', (v) => v.sideEffects?.projection.failing != null);
    expect(failing.sideEffects!.projection.failing).toMatchObject({ type: 'SideEffectDataError', error: expect.stringMatching(/^PostgreSQL 22P05/) });
    expect(failing.sideEffects!.projection.failing!.error).not.toContain('Anna');

    // The deadline is decided and recorded in history though nothing reached the read model.
    const overdue = await until(handle, 'the action overdue', (v) => v.actions[0].status === 'overdue', 90_000);
    expect(overdue.actions[1].status).toBe('pending');
    expect(overdue.sideEffects!.projection.pending).toBeGreaterThan(0);
    // One transaction per batch (journey-side-effects-one-v1): the overdue notice waits with the events it follows,
    // shown as waiting behind the same failure, and reaches no outbox (the real one could not store that name either).
    expect(overdue.sideEffects!.notices.pending).toBeGreaterThan(0);
    expect(overdue.sideEffects!.notices.failing).toEqual(overdue.sideEffects!.projection.failing);
    expect(notices.kinds(handle.workflowId)).toEqual([]);

    // A data error is not retried by the activity every second: one failed attempt, recorded for supervisors.
    const record = await db.dataSource.getRepository(SideEffectFailureRecord).findOneByOrFail({ journeyId: handle.workflowId, stream: 'projection' });
    expect(record).toMatchObject({ officeId: 'CPI-SIDE', type: 'SideEffectDataError', attempts: 1, firstSeq: 1 });
    expect(overdue.sideEffects!.projection.failing!.attempts).toBe(1);
    expect(await db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId: handle.workflowId })).toBeNull();
  });

  it('a fix lets a blocked projection catch up in order, every event written once, and clears its failure', async () => {
    const handle = await startJourney('Bruna');
    await signPact(handle, 8);
    await eventually(async () => (await db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId: handle.workflowId }))?.stage === 'pact_active', 'the pact projected');

    // The read model starts refusing what this journey writes next, as a schema that no longer fits the data would.
    await db.dataSource.query(`ALTER TABLE journey_events ADD CONSTRAINT drill_refuses_contacts CHECK (type <> 'ContactRecorded')`);
    try {
      await handle.executeUpdate(recordContactUpdate, { args: [{ operatorId: 'op-neri', channel: 'phone', note: 'Sentita' }] });
      const failing = await until(handle, 'the projection failing', (v) => v.sideEffects?.projection.failing != null);
      expect(failing.sideEffects!.projection.failing!.error).toMatch(/^PostgreSQL 23514/);
      // Meanwhile the journey goes on: a command is accepted and a deadline decided.
      await handle.executeUpdate(completePactActionUpdate, { args: [{ actionId: 'A2', operatorId: 'op-neri' }] });
      await until(handle, 'the first action overdue', (v) => v.actions[0].status === 'overdue', 90_000);
    } finally {
      // The fix.
      await db.dataSource.query('ALTER TABLE journey_events DROP CONSTRAINT drill_refuses_contacts');
    }
    await handle.signal(retrySideEffectsSignal);

    const caughtUp = await until(handle, 'the projection caught up', (v) => v.sideEffects!.projection.pending === 0 && v.sideEffects!.projection.failing === null);
    const rows: { seq: number }[] = await db.dataSource.query('SELECT seq FROM journey_events WHERE journey_id = $1 ORDER BY seq', [handle.workflowId]);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: caughtUp.lastSeq }, (_, i) => i + 1));
    const row = await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId: handle.workflowId });
    expect(row.lastSeq).toBe(caughtUp.lastSeq);
    expect(row.overdueActionCount).toBe(1);
    expect(await db.dataSource.getRepository(SideEffectFailureRecord).countBy({ journeyId: handle.workflowId })).toBe(0);
    await recordHistory('projection-blocked-then-caught-up', handle);
  });

  it("the workflow's validator refuses text the engine cannot store in a command sent straight to Temporal, and records nothing", async () => {
    const handle = await startJourney('Carla');
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-neri' }] }).catch(() => undefined);
    const before = (await handle.query(getJourneyStateQuery)).lastSeq;
    for (const [note, why] of [
      ['a\u0000b', /control characters/],
      ['a\ud800b', /unpaired surrogate/],
      ['Niccole\u0300', /NFC/],
    ] as const) {
      const refused = await handle
        .executeUpdate(recordContactUpdate, { args: [{ operatorId: 'op-neri', channel: 'phone', note }] })
        .then(() => null, (error: unknown) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      const details = ((refused as WorkflowUpdateFailedError).cause as { details?: unknown[] }).details?.[0];
      expect(details).toMatchObject({ code: 'INVALID_VALUE', field: 'note', message: expect.stringMatching(why) });
    }
    expect((await handle.query(getJourneyStateQuery)).lastSeq).toBe(before);
  });
});
