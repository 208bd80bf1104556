import type { WorkflowHandle } from '@temporalio/client';
import {
  closeJourneyUpdate,
  completePactActionUpdate,
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  recordContactUpdate,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
  type SignPactInput,
} from '@sal/contracts';
import type { JourneyClocks, JourneyView } from '@sal/domain';
import { JourneyRecord } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { recordHistory } from '../support/histories';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/** A catalogue whose clocks are seconds, so real timers fire within a test. */
const SECONDS: JourneyClocks = { reminderBeforeDue: 'PT4S', escalationAfter: 'PT3S', pactDeadline: null, stallAfter: null };

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

async function startJourney(clocks: JourneyClocks, email: string | null = 'p@example.org'): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'TEST-SEC');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode: 'TEST-SEC',
      officeId: 'CPI-TEST',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName: 'Anna', familyName: 'Prova', ...(email ? { email } : {}) },
      catalogueVersion: 1,
      clocks,
    },
  };
  return t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
}

function pact(actions: SignPactInput['actions'], contactFrequency = 'P30D'): SignPactInput {
  return {
    responsibleOperatorId: 'op-neri',
    profilingClass: 'medium',
    contactFrequency,
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    availability: { workshops: true, training: true, suitableOffers: true }, actions };
}

function until(handle: WorkflowHandle, what: string, test: (v: JourneyView) => boolean): Promise<JourneyView> {
  return eventually(async () => {
    const v = await handle.query(getJourneyStateQuery);
    return test(v) ? v : undefined;
  }, what);
}

describe('deadlines driven by the journey timer (clocks in seconds)', () => {
  it('reminds before the due date, notices the overdue action once to person and operator, then escalates to the supervisor', async () => {
    const handle = await startJourney(SECONDS);
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-neri' }] });
    await handle.executeUpdate(signPactUpdate, { args: [pact([{ kind: 'workshop', description: 'Laboratorio ricerca attiva', dueDate: inSeconds(8) }])] });

    const reminded = await until(handle, 'the reminder', (v) => v.actions[0].reminderSentAt !== null);
    expect(reminded.actions[0].status).toBe('pending');
    const escalated = await until(handle, 'the escalation', (v) => v.actions[0].escalatedAt !== null);
    expect(escalated.actions[0].status).toBe('overdue');
    expect(escalated.stalled?.reasons).toEqual(['overdue_action']);

    await eventually(() => notices.of(handle.workflowId).length === 4 || undefined, 'four notices');
    expect(notices.kinds(handle.workflowId)).toEqual([
      'action_due_reminder/beneficiary',
      'action_overdue/beneficiary',
      'action_overdue/operator',
      'action_overdue_escalation/supervisor',
    ]);
    const keys = notices.of(handle.workflowId).map((n) => n.key);
    expect(new Set(keys).size).toBe(4);
    expect(JSON.stringify(notices.of(handle.workflowId))).not.toContain((await handle.query(getJourneyStateQuery)).beneficiary.fiscalCode);

    const row = await eventually(
      () => db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId: handle.workflowId }).then((r) => (r?.stallReasons.length ? r : undefined)),
      'the stall in the read model',
    );
    expect(row.stallReasons).toEqual(['overdue_action']);

    await handle.executeUpdate(completePactActionUpdate, { args: [{ actionId: 'A1', operatorId: 'op-neri' }] });
    const cleared = await handle.query(getJourneyStateQuery);
    expect(cleared.stalled).toBeNull();
    await eventually(
      () => db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId: handle.workflowId }).then((r) => (r?.stalledSince === null ? r : undefined)),
      'the read model to clear the stall',
    );
    await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'placed', operatorId: 'op-neri' }] });
    await handle.result();
    await recordHistory('reminder-overdue-escalation-notices', handle);
  });

  it('sends nothing more for an action completed before its reminder, while the other actions go on', async () => {
    const handle = await startJourney(SECONDS);
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-neri' }] });
    await handle.executeUpdate(signPactUpdate, {
      args: [
        pact([
          { kind: 'training', description: 'Corso', dueDate: inSeconds(30) },
          { kind: 'interview', description: 'Colloquio', dueDate: inSeconds(6) },
        ]),
      ],
    });
    await handle.executeUpdate(completePactActionUpdate, { args: [{ actionId: 'A1', operatorId: 'op-neri' }] });
    // A2 runs its whole course (reminder, overdue, escalation): by then A1's reminder time has long been reached.
    await until(handle, 'A2 escalated', (v) => v.actions[1].escalatedAt !== null);
    await eventually(() => notices.of(handle.workflowId).length === 4 || undefined, 'A2 notices');
    expect(notices.of(handle.workflowId).every((n) => n.subject.actionId === 'A2')).toBe(true);
    await handle.terminate('test done');
  });

  it('marks a missed agreed contact and the pact deadline, stalls, and clears on progress', async () => {
    const handle = await startJourney({ reminderBeforeDue: null, escalationAfter: null, pactDeadline: 'PT2S', stallAfter: 'PT3S' }, null);
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: 'op-neri' }] });
    const late = await until(handle, 'pact deadline missed and no progress', (v) => v.pactDeadlineMissedAt !== null && v.noProgressSince !== null);
    expect(late.stalled?.reasons).toEqual(['pact_not_signed', 'no_progress']);
    await eventually(() => notices.kinds(handle.workflowId).includes('pact_deadline_missed/operator') || undefined, 'pact deadline notice');

    const signed = await handle.executeUpdate(signPactUpdate, { args: [pact([{ kind: 'job_search_act', description: 'Candidature', dueDate: inSeconds(3600) }], 'PT2S')] });
    expect(signed.stalled).toBeNull();
    const missed = await until(handle, 'the missed contact', (v) => v.contact.missedSince !== null);
    expect(missed.stalled?.reasons).toContain('missed_contact');
    await eventually(() => notices.kinds(handle.workflowId).includes('contact_missed/operator') || undefined, 'missed-contact notice');
    // No e-mail: the beneficiary's notice still goes to the outbox, which records it as undeliverable.
    expect(notices.of(handle.workflowId).find((n) => n.kind === 'contact_missed' && n.audience === 'beneficiary')?.beneficiary.email).toBeNull();

    const contacted = await handle.executeUpdate(recordContactUpdate, { args: [{ operatorId: 'op-neri', channel: 'phone' }] });
    expect(contacted.contact.missedSince).toBeNull();
    expect(contacted.stalled?.reasons ?? []).not.toContain('missed_contact');
    expect(Date.parse(contacted.nextContactDueAt!)).toBeGreaterThan(Date.parse(missed.contact.missedDueAt!));
    await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'withdrawn', operatorId: 'op-neri' }] });
    await handle.result();
    await recordHistory('pact-deadline-contact-stall', handle);
  });
});
