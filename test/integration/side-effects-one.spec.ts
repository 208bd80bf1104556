import type { WorkflowHandle } from '@temporalio/client';
import { createJourneyActivities } from '@sal/activities';
import {
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  recordIntakeUpdate,
  retrySideEffectsSignal,
  signPactUpdate,
  type JourneyLiveView,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import type { JourneyClocks } from '@sal/domain';
import { NotificationService } from '@sal/notifications';
import { JourneyEventRecord, JourneyRecord, SideEffectFailureRecord, toDomainEvent } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * One side-effect activity per batch (issue 17, `journey-side-effects-one-v1`): a decision's events and notices are
 * written in one PostgreSQL transaction, into the real read model and the real outbox. A batch PostgreSQL refuses is
 * written not at all, retried and shown, while the journey's deadlines keep being decided; after the fix every event
 * and every notice is there exactly once.
 */
const CLOCKS: JourneyClocks = { reminderBeforeDue: 'PT5S', escalationAfter: 'PT3S', pactDeadline: null, stallAfter: null };

let db: ThrowawayDatabase;
let t: TestTemporal;
let worker: RunningWorker;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  t = await connectTestClient();
  worker = await startTestWorker(t.taskQueue, db.dataSource, new NotificationService(db.dataSource));
});

afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await db?.drop();
});

async function startJourney(dueInSeconds: number): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'TEST-ONE');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode: 'TEST-ONE',
      officeId: 'CPI-ONE',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName: 'Elena', familyName: 'Prova', email: 'e@example.org' },
      catalogueVersion: 1,
      clocks: CLOCKS,
    },
  };
  const handle = await t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
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
          { kind: 'job_search_act', description: 'Candidature', dueDate: inSeconds(900) },
        ],
      },
    ],
  });
  return handle;
}

function until(handle: WorkflowHandle, what: string, test: (v: JourneyLiveView) => boolean, timeoutMs = 90_000): Promise<JourneyLiveView> {
  return eventually(
    async () => {
      const v = await handle.query(getJourneyStateQuery);
      return test(v) ? v : undefined;
    },
    what,
    { timeoutMs },
  );
}

const outboxKinds = async (journeyId: string): Promise<string[]> =>
  (await db.dataSource.query('SELECT kind FROM notification_outbox WHERE journey_id = $1 ORDER BY id', [journeyId])).map((r: { kind: string }) => r.kind);

describe('one side-effect activity per batch', () => {
  it('a batch the outbox refuses writes nothing of the read model either, is retried and shown, never stops a deadline; after the fix every event and notice is written once', async () => {
    const handle = await startJourney(12);
    await eventually(async () => (await outboxKinds(handle.workflowId)).includes('action_due_reminder'), 'the reminder in the outbox');
    const before = await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId: handle.workflowId });
    const reminders = (await outboxKinds(handle.workflowId)).filter((k) => k === 'action_due_reminder').length;

    // The outbox starts refusing the overdue notices, as a schema that no longer fits the data would.
    await db.dataSource.query(`ALTER TABLE notification_outbox ADD CONSTRAINT drill_refuses_overdue CHECK (kind <> 'action_overdue')`);
    try {
      const failing = await until(handle, 'the batch failing', (v) => v.sideEffects?.projection.failing != null);
      // One stream: both parts of the live view say so, and what of each waits.
      expect(failing.sideEffects!.projection.failing).toMatchObject({ type: 'SideEffectDataError', error: expect.stringMatching(/^PostgreSQL 23514/) });
      expect(failing.sideEffects!.notices.failing).toEqual(failing.sideEffects!.projection.failing);
      expect(failing.actions[0].status).toBe('overdue');
      // The deadlines go on: the escalation is decided on time though its batch waits behind the refused one.
      const escalated = await until(handle, 'the escalation decided', (v) => v.lastSeq > failing.lastSeq && v.sideEffects!.projection.pending > 0);
      expect(escalated.sideEffects!.notices.pending).toBeGreaterThan(0);
      // Nothing of the refused batch was written: not its events, not its rows.
      const row = await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId: handle.workflowId });
      expect(row.lastSeq).toBe(before.lastSeq);
      expect(row.overdueActionCount).toBe(0);
      expect(await db.dataSource.getRepository(JourneyEventRecord).countBy({ journeyId: handle.workflowId })).toBe(before.lastSeq);
      const record = await db.dataSource.getRepository(SideEffectFailureRecord).findOneByOrFail({ journeyId: handle.workflowId, stream: 'projection' });
      expect(record).toMatchObject({ officeId: 'CPI-ONE', type: 'SideEffectDataError', firstSeq: before.lastSeq + 1 });
    } finally {
      await db.dataSource.query('ALTER TABLE notification_outbox DROP CONSTRAINT drill_refuses_overdue');
    }
    await handle.signal(retrySideEffectsSignal);

    const caughtUp = await until(
      handle,
      'every batch written',
      (v) => v.sideEffects!.projection.pending === 0 && v.sideEffects!.notices.pending === 0 && v.sideEffects!.projection.failing === null,
    );
    const seqs: { seq: number }[] = await db.dataSource.query('SELECT seq FROM journey_events WHERE journey_id = $1 ORDER BY seq', [handle.workflowId]);
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: caughtUp.lastSeq }, (_, i) => i + 1));
    const row = await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId: handle.workflowId });
    expect(row).toMatchObject({ lastSeq: caughtUp.lastSeq, overdueActionCount: 1 });
    // Each notice once per recipient: the reminder written before the refusal was not written again with the retry.
    const kinds = await outboxKinds(handle.workflowId);
    expect(kinds.filter((k) => k === 'action_due_reminder')).toHaveLength(reminders);
    expect(kinds).toContain('action_overdue');
    expect(kinds).toContain('action_overdue_escalation');
    const twice = await db.dataSource.query('SELECT notice_key FROM notification_outbox WHERE journey_id = $1 GROUP BY notice_key, recipient_ref HAVING count(*) > 1', [handle.workflowId]);
    expect(twice).toEqual([]);
    expect(await db.dataSource.getRepository(SideEffectFailureRecord).countBy({ journeyId: handle.workflowId })).toBe(0);

    // A batch applied again (an activity retried after its answer was lost) writes nothing twice.
    const { applySideEffects } = createJourneyActivities({ dataSource: db.dataSource, notices: new NotificationService(db.dataSource) });
    const stored = await db.dataSource.getRepository(JourneyEventRecord).find({ where: { journeyId: handle.workflowId }, order: { seq: 'ASC' } });
    await applySideEffects({ journeyId: handle.workflowId, officeId: 'CPI-ONE', events: stored.slice(-2).map(toDomainEvent), notices: [] });
    expect(await db.dataSource.getRepository(JourneyEventRecord).countBy({ journeyId: handle.workflowId })).toBe(caughtUp.lastSeq);
    expect(await db.dataSource.getRepository(JourneyRecord).findOneByOrFail({ journeyId: handle.workflowId })).toMatchObject({ lastSeq: caughtUp.lastSeq, overdueActionCount: 1 });
    expect(await outboxKinds(handle.workflowId)).toEqual(kinds);
  });
});
