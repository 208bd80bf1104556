import type { WorkflowHandle } from '@temporalio/client';
import { closeJourneyUpdate, getJourneyStateQuery, JOURNEY_WORKFLOW_TYPE, journeyCommandUpdate, recordIntakeUpdate, type JourneyWorkflowInput } from '@sal/contracts';
import { ADI_PRESENTATION, romeDateOf, type GenericJourneyCommand, type JourneyClocks, type JourneyView, type PresentationObligation } from '@sal/domain';
import { JourneyRecord, SupervisorReadModel } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { recordHistory } from '../support/histories';
import { randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * Issue 15: an ADI journey on the real dev server whose catalogue's presentation clock runs in seconds: the first
 * meeting is held, the next one (`every`, here PT8S for the decree's P90D) is missed, and the journey's own timer
 * suspends the benefit (`missed_presentation`) in the workflow state and the read model; the operator is told; the
 * presentation recorded afterwards resumes it.
 */
const CLOCKS: JourneyClocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };
const PRESENTATION: PresentationObligation = { ...ADI_PRESENTATION, every: 'PT8S' };
const OP = 'op-adi';

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
const view = (h: WorkflowHandle): Promise<JourneyView> => h.query(getJourneyStateQuery);
const row = (journeyId: string) => db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId });

async function startAdiJourney(): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'TEST-ADI');
  const today = romeDateOf(Date.now());
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode: 'TEST-ADI',
      officeId: 'CPI-TEST',
      didDate: today,
      beneficiary: { fiscalCode, givenName: 'Ada', familyName: 'Inclusa', email: 'ada@example.org' },
      catalogueVersion: 1,
      clocks: CLOCKS,
      benefit: { kind: 'adi', applicationDate: today, activationPactDate: today },
      presentation: PRESENTATION,
    },
  };
  return t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
}

describe('an ADI journey missing its periodic meeting', () => {
  it('is suspended by its own timer (workflow state and read model), and resumed by the presentation', async () => {
    const handle = await startAdiJourney();
    const taken = await handle.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: OP }] });
    // The first meeting is due 120 days after the activation pact (today): far ahead.
    expect(Date.parse(taken.nextPresentationDueAt!)).toBeGreaterThan(Date.now() + 100 * 86_400_000);
    expect(taken.benefit).toMatchObject({ kind: 'adi', status: 'claimed', activationPactDate: romeDateOf(Date.now()) });

    const met = await send(handle, { type: 'RecordPresentation', operatorId: OP, note: 'primo incontro con i servizi sociali' });
    const dueAt = met.nextPresentationDueAt!;
    expect(Date.parse(dueAt)).toBe(Date.parse(met.presentation!.lastPresentedAt!) + 8000);
    expect(met.nextDeadline).toMatchObject({ kind: 'presentation_due', at: dueAt });

    // Nobody presents again: the timer fires and the journey suspends the benefit.
    const suspended = await eventually(async () => {
      const v = await view(handle);
      return v.benefit?.status === 'suspended' ? v : undefined;
    }, 'the benefit suspended for the missed meeting', { timeoutMs: 60_000 });
    expect(suspended.benefit!.history.at(-1)).toMatchObject({ status: 'suspended', reason: 'missed_presentation', operatorId: null, from: dueAt });
    expect(suspended.presentation!.missedDueAt).toBe(dueAt);
    expect(suspended.nextPresentationDueAt).toBe(dueAt);
    expect(suspended.benefitRunning).toBe(false);
    const projected = await eventually(() => row(handle.workflowId).then((r) => (r?.benefitStatus === 'suspended' ? r : undefined)), 'the suspension in the read model');
    expect(projected).toMatchObject({ benefitKind: 'adi', benefitSuspendedOn: romeDateOf(dueAt) });
    await eventually(() => (notices.kinds(handle.workflowId).includes('benefit_suspended/operator') ? true : undefined), 'the operator told of the suspension');
    // The supervisors' KPIs count it among the ADI suspensions (this test's office only: the database is its own).
    const kpis = await new SupervisorReadModel(db.dataSource).kpis({ officeIds: ['CPI-TEST'] });
    expect(kpis.journeysByBenefitKind.adi).toEqual({ suspended: 1 });
    expect(kpis.journeysByBenefitStatus.suspended).toBe(1);

    // The person presents: the benefit runs again and the clock restarts from the presentation.
    const resumed = await send(handle, { type: 'RecordPresentation', operatorId: OP });
    expect(resumed.benefit).toMatchObject({ status: 'claimed', suspendedOn: null });
    expect(resumed.presentation!.missedDueAt).toBeNull();
    expect(Date.parse(resumed.nextPresentationDueAt!)).toBe(Date.parse(resumed.presentation!.lastPresentedAt!) + 8000);
    await eventually(() => row(handle.workflowId).then((r) => (r?.benefitStatus === 'claimed' ? r : undefined)), 'the resumption in the read model');

    // An exemption stops the clock before it runs out again; the episode ends, and with RECORD_HISTORIES its history
    // joins the replayed ones (an ADI journey's).
    await send(handle, { type: 'RecordPresentationExemption', reason: 'care_duties', operatorId: OP });
    expect((await view(handle)).nextPresentationDueAt).toBeNull();
    await handle.executeUpdate(closeJourneyUpdate, { args: [{ reason: 'withdrawn', operatorId: OP }] });
    await handle.result();
    await recordHistory('adi-missed-presentation', handle);
  });
});
