import type { DataSource } from 'typeorm';
import { JourneyEventRecord, JourneyRecord, PactActionRecord, readModelRows } from '@sal/persistence';
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

const JOURNEYS_PER_BATCH = 1_000;
/** Rows per INSERT, below PostgreSQL's 65 535 bind parameters for the widest table. */
const ROWS_PER_INSERT = 2_000;

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
  progress: (done: number) => void,
): Promise<SeedResult> {
  const started = Date.now();
  const indexed: IndexedJourney[] = [];
  let events = 0;
  let actions = 0;
  for (let done = 0; done < journeys; ) {
    const batch: GeneratedJourney[] = [];
    for (let i = 0; i < JOURNEYS_PER_BATCH && done + i < journeys; i++) batch.push(generator.next());
    const journeyRows: JourneyRecord[] = [];
    const actionRows: PactActionRecord[] = [];
    const eventRows: JourneyEventRecord[] = [];
    for (const g of batch) {
      const rows = readModelRows(g.state);
      journeyRows.push(rows.journey);
      actionRows.push(...rows.actions);
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
    await insertAll(db, JourneyRecord, journeyRows);
    await insertAll(db, PactActionRecord, actionRows);
    await insertAll(db, JourneyEventRecord, eventRows);
    events += eventRows.length;
    actions += actionRows.length;
    done += batch.length;
    progress(done);
  }
  // Fresh statistics, as autovacuum would have them on a long-lived database.
  await db.query('ANALYZE journeys, pact_actions, journey_events');
  return { journeys, events, actions, seconds: (Date.now() - started) / 1000, indexed };
}

async function insertAll<T extends object>(db: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .updateEntity(false)
      .execute();
  }
}
