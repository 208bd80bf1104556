import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  recordContactUpdate,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import type { JourneyClocks } from '@sal/domain';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * What a journey's side effects cost the engine (issue 17, "less engine work per step"): the encoded size of each
 * side-effect activity's input (as the history stores it, after the codec) and the activities and workflow tasks each
 * deadline takes, measured on a typical journey run by the real worker on the real server. The figures are printed
 * (test/bench/README.md records them) and bounded, so a change that sends the whole state again, or splits a batch into
 * several activities again, fails here.
 */
const CLOCKS: JourneyClocks = { reminderBeforeDue: 'PT2S', escalationAfter: 'PT3S', pactDeadline: null, stallAfter: null };
const EventType = temporal.api.enums.v1.EventType;

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

async function typicalJourney(): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const journeyId = journeyIdFor(fiscalCode, 'TEST-COST');
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode: 'TEST-COST',
      officeId: 'CPI-COST',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName: 'Giulia', familyName: 'Prova', email: 'g@example.org' },
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
          { kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: inSeconds(8) },
          { kind: 'training', description: 'Corso di informatica di base', dueDate: inSeconds(900) },
          { kind: 'job_search_act', description: 'Candidature a tre offerte', dueDate: inSeconds(1200) },
        ],
      },
    ],
  });
  await handle.executeUpdate(recordContactUpdate, { args: [{ operatorId: 'op-neri', channel: 'phone', note: 'Primo colloquio telefonico' }] });
  return handle;
}

export interface SideEffectCost {
  activities: Record<string, { count: number; bytes: number[] }>;
  /** Deadlines decided after the last command (timers fired) and what they took, from the first of them on. */
  deadlines: number;
  activitiesAfterCommands: number;
  workflowTasksAfterCommands: number;
}

/** Reads the cost out of the journey's history (payload sizes as stored: encoded, after the codec). */
export async function sideEffectCost(handle: WorkflowHandle): Promise<SideEffectCost> {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const lastCommand = events.reduce((last, e, i) => (e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED ? i : last), -1);
  // From the first deadline decided after the last command: what follows is the deadlines' work alone.
  const firstDeadline = events.findIndex((e, i) => i > lastCommand && e.eventType === EventType.EVENT_TYPE_TIMER_FIRED);
  const cost: SideEffectCost = { activities: {}, deadlines: 0, activitiesAfterCommands: 0, workflowTasksAfterCommands: 0 };
  events.forEach((e, i) => {
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled) {
      const type = scheduled.activityType?.name ?? '?';
      const entry = (cost.activities[type] ??= { count: 0, bytes: [] });
      entry.count += 1;
      entry.bytes.push(temporal.api.common.v1.Payloads.encode(scheduled.input ?? {}).finish().length);
    }
    if (firstDeadline < 0 || i < firstDeadline) return;
    if (e.eventType === EventType.EVENT_TYPE_TIMER_FIRED) cost.deadlines += 1;
    if (scheduled) cost.activitiesAfterCommands += 1;
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) cost.workflowTasksAfterCommands += 1;
  });
  return cost;
}

function summary(cost: SideEffectCost) {
  return Object.fromEntries(
    Object.entries(cost.activities).map(([type, { count, bytes }]) => [
      type,
      { count, meanBytes: Math.round(bytes.reduce((a, b) => a + b, 0) / count), maxBytes: Math.max(...bytes), totalBytes: bytes.reduce((a, b) => a + b, 0) },
    ]),
  );
}

describe('what a journey step costs the engine', () => {
  it('a typical journey (intake, a pact of three actions, a contact, reminder, overdue, escalation): payload bytes per side-effect activity and activities per deadline', async () => {
    const handle = await typicalJourney();
    await eventually(() => notices.kinds(handle.workflowId).includes('action_overdue_escalation/supervisor'), 'the escalation notice', { timeoutMs: 90_000 });
    // Everything handed to the side effects has been written: the history is complete for this phase.
    await eventually(async () => (await db.dataSource.query('SELECT count(*)::int AS n FROM journey_events WHERE journey_id = $1', [handle.workflowId]))[0].n >= 7, 'the events projected');
    const cost = await eventually(async () => {
      const c = await sideEffectCost(handle);
      return c.deadlines >= 3 ? c : undefined;
    }, 'three deadlines in history');

    const figures = {
      activities: summary(cost),
      deadlines: cost.deadlines,
      activitiesPerDeadline: cost.activitiesAfterCommands / cost.deadlines,
      workflowTasksPerDeadline: cost.workflowTasksAfterCommands / cost.deadlines,
    };
    console.log(`side-effect cost: ${JSON.stringify(figures, null, 2)}`);

    expect(cost.deadlines).toBeGreaterThanOrEqual(3);
    // One side-effect activity per batch (journey-side-effects-one-v1), one per deadline, carrying what changed: before
    // it, projectJourney carried the whole state (4,283 B on average here, 5,416 B at most) beside notifyJourney.
    expect(Object.keys(cost.activities)).toEqual(['applySideEffects']);
    expect(cost.activitiesAfterCommands).toBe(cost.deadlines);
    expect(Math.max(...cost.activities.applySideEffects.bytes)).toBeLessThan(2_500);
    // And the read model holds what the batches carried: the rows folded from the events, the state never sent.
    const view = await eventually(async () => {
      const v = await handle.query(getJourneyStateQuery);
      return v.sideEffects?.projection.pending === 0 && v.sideEffects.notices.pending === 0 ? v : undefined;
    }, 'every batch written');
    const [row] = await db.dataSource.query('SELECT last_seq, overdue_action_count FROM journeys WHERE journey_id = $1', [handle.workflowId]);
    expect(row).toMatchObject({ last_seq: view.lastSeq, overdue_action_count: 1 });
  });
});
