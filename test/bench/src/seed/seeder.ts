import type { DataSource } from 'typeorm';
import { AppointmentRecord, ConditionalityStepRecord, JourneyEventRecord, JourneyRecord, JourneyServiceRecord, PactActionRecord, readModelRows } from '@sal/persistence';
import { CopyWriter } from './copy';
import type { GeneratedJourney, JourneyGenerator } from './generator';

/** What visibility needs of a journey: the search attributes its workflow would carry. */
export interface IndexedJourney {
  journeyId: string;
  officeId: string;
  programmeCode: string;
  stage: string;
  status: string;
  nextDeadlineAt: Date | null;
  overdueActionCount: number;
  stalled: boolean;
}

export interface SeedResult {
  journeys: number;
  events: number;
  actions: number;
  seconds: number;
  /** The first `keepIndexed` journeys, for seeding Temporal visibility with the same population. */
  indexed: IndexedJourney[];
}

const JOURNEYS_PER_BATCH = 5_000;

/**
 * Writes generated journeys straight into the read model, with the rows the projector itself would write
 * (`readModelRows`), so the tables look exactly as if the journeys had run. Batched multi-row INSERTs through the
 * entities keep this independent of the column list, which other changes may extend.
 */
export async function seedReadModel(
  db: DataSource,
  generator: JourneyGenerator,
  journeys: number,
  keepIndexed: number,
  progress: (done: number, elapsedSeconds: number) => void,
): Promise<SeedResult> {
  const started = Date.now();
  const writer = await CopyWriter.open(db);
  const indexed: IndexedJourney[] = [];
  let events = 0;
  let actions = 0;
  for (let done = 0; done < journeys; ) {
    const batch: GeneratedJourney[] = [];
    for (let i = 0; i < JOURNEYS_PER_BATCH && done + i < journeys; i++) batch.push(generator.next());
    const journeyRows: JourneyRecord[] = [];
    const actionRows: PactActionRecord[] = [];
    const eventRows: JourneyEventRecord[] = [];
    const appointmentRows: AppointmentRecord[] = [];
    const serviceRows: JourneyServiceRecord[] = [];
    const stepRows: ConditionalityStepRecord[] = [];
    for (const g of batch) {
      const rows = readModelRows(g.state);
      journeyRows.push(rows.journey);
      actionRows.push(...rows.actions);
      appointmentRows.push(...rows.appointments);
      serviceRows.push(...rows.services);
      stepRows.push(...rows.steps);
      for (const e of g.events) {
        const occurredAt = new Date(e.at);
        // The projection lands a fraction of a second after the event.
        const recordedAt = new Date(occurredAt.getTime() + 50 + (e.seq * 37) % 900);
        eventRows.push({ journeyId: g.journeyId, seq: e.seq, type: e.type, occurredAt, data: e.data, recordedAt } as JourneyEventRecord);
      }
      if (indexed.length < keepIndexed) {
        const j = rows.journey;
        indexed.push({
          journeyId: j.journeyId,
          officeId: j.officeId,
          programmeCode: j.programmeCode,
          stage: j.stage,
          status: j.status,
          nextDeadlineAt: j.nextDeadlineAt,
          overdueActionCount: j.overdueActionCount,
          stalled: j.stalledSince !== null,
        });
      }
    }
    await writer.copy(db, JourneyRecord, journeyRows);
    await writer.copy(db, PactActionRecord, actionRows);
    await writer.copy(db, AppointmentRecord, appointmentRows);
    await writer.copy(db, JourneyServiceRecord, serviceRows);
    await writer.copy(db, ConditionalityStepRecord, stepRows);
    await writer.copy(db, JourneyEventRecord, eventRows);
    events += eventRows.length;
    actions += actionRows.length;
    done += batch.length;
    progress(done, (Date.now() - started) / 1000);
  }
  await writer.close();
  // Fresh statistics and visibility map, as autovacuum would have them on a long-lived database.
  await db.query('VACUUM ANALYZE journeys, pact_actions, appointments, journey_services, conditionality_steps, journey_events');
  return { journeys, events, actions, seconds: (Date.now() - started) / 1000, indexed };
}
