import type { WorkflowHandle } from '@temporalio/client';
import { closeJourneyUpdate, getJourneyStateQuery, JOURNEY_WORKFLOW_TYPE, journeyCommandUpdate, recordIntakeUpdate, signPactUpdate, type JourneyWorkflowInput } from '@sal/contracts';
import { romeDateOf, type GenericJourneyCommand, type JourneyClocks, type JourneyView } from '@sal/domain';
import { JourneyRecord } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { recordHistory } from '../support/histories';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * Issue 14: a suspension by a job (art. 19 c.3 D.lgs. 150/2015) across a worker restart, on the real dev server. The
 * agreed contact's clock runs in seconds; while the journey is suspended nothing falls due, even past the contact's
 * raw due instant and with the worker gone and back; once the suspension ends the contact falls due later by the pause.
 */
const CLOCKS: JourneyClocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };
const OP = 'op-sospensioni';

let db: ThrowawayDatabase;
let t: TestTemporal;
let worker: RunningWorker | undefined;
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

const send = (h: WorkflowHandle, command: GenericJourneyCommand): Promise<JourneyView> => h.executeUpdate(journeyCommandUpdate, { args: [command] });
const view = (h: WorkflowHandle) => h.query(getJourneyStateQuery);
const row = (journeyId: string) => db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId });

async function startJourney(): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'TEST-SUSP');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode: 'TEST-SUSP',
      officeId: 'CPI-TEST',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName: 'Sara', familyName: 'Sospesa', email: 's@example.org' },
      catalogueVersion: 1,
      clocks: CLOCKS,
    },
  };
  return t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
}

describe('a suspension by a job across a worker restart', () => {
  it('holds every clock while suspended, and resumes with the deadline later by the pause', async () => {
    const handle = await startJourney();
    await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: OP }] });
    const signed = await handle.executeUpdate(signPactUpdate, {
      args: [
        {
          responsibleOperatorId: OP,
          profilingClass: 'medium',
          contactFrequency: 'PT12S',
          jobSearchProof: 'Elenco mensile delle candidature inviate',
          acceptance: { method: 'signed_in_person' },
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [{ kind: 'job_search_act', description: 'Inviare cinque candidature', dueDate: inSeconds(3600) }],
        },
      ],
    });
    const rawDue = Date.parse(signed.nextContactDueAt!);
    expect(signed.nextDeadline?.kind).toBe('contact_due');

    const today = romeDateOf(Date.now());
    const suspendedAt = Date.now();
    const suspended = await send(handle, { type: 'SuspendForJob', employer: 'Logistica Piemonte S.r.l.', contractType: 'fixed_term', startDate: today, expectedEndDate: today, operatorId: OP });
    expect(suspended).toMatchObject({ stage: 'suspended', nextContactDueAt: null, stalled: null, pause: { kind: 'job', pauseId: 'P1' } });
    expect(suspended.nextDeadline?.kind).toBe('suspension_limit'); // the only clock still running: a fixed instant six months on
    const seqSuspended = suspended.lastSeq;
    await eventually(() => row(handle.workflowId).then((r) => (r?.stage === 'suspended' && r.pauseKind === 'job' && r.pausedSince !== null ? r : undefined)), 'the suspension in the read model');

    // The worker goes away past the contact's raw due instant, and a new one takes the task queue over.
    await worker!.stop();
    worker = undefined;
    await eventually(() => (Date.now() > rawDue + 3000 ? true : undefined), 'the raw due instant to pass', { timeoutMs: 30_000 });
    worker = await startTestWorker(t.taskQueue, db.dataSource, notices);

    const during = await view(handle);
    expect(during).toMatchObject({ stage: 'suspended', lastSeq: seqSuspended, contact: { missedDueAt: null } });
    expect(notices.kinds(handle.workflowId)).not.toContain('contact_missed/beneficiary');

    const endedAt = Date.now();
    const resumed = await send(handle, { type: 'EndSuspension', endDate: today, operatorId: OP });
    expect(resumed.stage).toBe('pact_active');
    expect(resumed.pause).toBeNull();
    const pause = Date.parse(resumed.pauses[0].endedAt!) - suspendedAt;
    expect(pause).toBeGreaterThanOrEqual(endedAt - suspendedAt - 1000);
    expect(Date.parse(resumed.nextContactDueAt!)).toBeGreaterThanOrEqual(rawDue + pause);

    const missed = await eventually(async () => {
      const v = await view(handle);
      return v.contact.missedDueAt ? v : undefined;
    }, 'the contact to fall due after the suspension', { timeoutMs: 60_000 });
    // the recorded deadline and the instant it fired are both later than the raw due by at least the pause
    expect(Date.parse(missed.contact.missedDueAt!)).toBeGreaterThanOrEqual(rawDue + pause);
    expect(Date.parse(missed.contact.missedSince!)).toBeGreaterThanOrEqual(Date.parse(missed.contact.missedDueAt!));
    await eventually(() => (notices.kinds(handle.workflowId).includes('contact_missed/beneficiary') ? true : undefined), 'the missed-contact notice');

    const projected = await eventually(() => row(handle.workflowId).then((r) => (r?.stage === 'pact_active' && r.pausedSince === null ? r : undefined)), 'the resumed journey in the read model');
    expect(projected.pauseKind).toBeNull();

    // A placement ends the episode; with RECORD_HISTORIES the history joins the replayed ones (a suspended journey's).
    await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'placed', operatorId: OP }] });
    await handle.result();
    await recordHistory('suspension-across-worker-restart', handle);
  });
});
