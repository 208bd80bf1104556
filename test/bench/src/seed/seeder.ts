import type { DataSource } from 'typeorm';
import { AppointmentRecord, ConditionalityStepRecord, JourneyEventRecord, JourneyRecord, JourneyServiceRecord, PactActionRecord, readModelRows, type ReadModelRows } from '@sal/persistence';
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
  /** Of `seconds`, building the secondary indexes again after the load. */
  indexSeconds: number;
  /** The first `keepIndexed` journeys, for seeding Temporal visibility with the same population. */
  indexed: IndexedJourney[];
}

const JOURNEYS_PER_BATCH = 5_000;

/**
 * Writes generated journeys straight into the read model, with the rows the projector itself would write
 * (`readModelRows`), so the tables look exactly as if the journeys had run. `COPY` through the entities' metadata
 * keeps this independent of the column list, which other changes may extend. The secondary indexes are
 * dropped for the load and built once after it, then the tables analysed.
 */
export async function seedReadModel(
  db: DataSource,
  generator: JourneyGenerator,
  journeys: number,
  keepIndexed: number,
  progress: (done: number, elapsedSeconds: number) => void,
): Promise<SeedResult> {
  const started = Date.now();
  const dropped = await dropSecondaryIndexes(db);
  // The supervisor's day buckets (migration SupervisorCounts) are computed once after the load, not per COPY.
  const [{ counts }] = (await db.query(`SELECT to_regproc('supervisor_counts_rebuild') IS NOT NULL AS counts`)) as { counts: boolean }[];
  if (counts) await db.query('ALTER TABLE journeys DISABLE TRIGGER USER; ALTER TABLE pact_actions DISABLE TRIGGER USER');
  const writer = await CopyWriter.open(db);
  const indexed: IndexedJourney[] = [];
  let events = 0;
  let actions = 0;
  let indexSeconds = 0;
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
      const rows = rowsOf(g);
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
  const indexing = Date.now();
  await recreateIndexes(db, dropped);
  if (counts) await db.query('ALTER TABLE journeys ENABLE TRIGGER USER; ALTER TABLE pact_actions ENABLE TRIGGER USER; SELECT supervisor_counts_rebuild()');
  indexSeconds = (Date.now() - indexing) / 1000;
  // Fresh statistics and visibility map, as autovacuum would have them on a long-lived database.
  await db.query('VACUUM ANALYZE journeys, pact_actions, appointments, journey_services, conditionality_steps, journey_events');
  return { journeys, events, actions, seconds: (Date.now() - started) / 1000, indexSeconds, indexed };
}

const SEEDED_TABLES = ['journeys', 'pact_actions', 'appointments', 'journey_services', 'conditionality_steps', 'journey_events'];

/**
 * The seeded tables' indexes other than their constraints' (primary keys, unique constraints stay, so a duplicate
 * still fails the COPY), dropped before the bulk load and built again after it: maintaining a dozen B-trees row by
 * row, with journey ids in random order, is what a bulk load should not do (each insert touches a random leaf of
 * every index, and past shared_buffers each of those is a read). Their definitions are read from the catalogue, so
 * whatever migrations created is what is rebuilt.
 */
async function dropSecondaryIndexes(db: DataSource): Promise<{ name: string; definition: string }[]> {
  const rows = (await db.query(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = i.schemaname))`,
    [SEEDED_TABLES],
  )) as { name: string; definition: string }[];
  for (const r of rows) await db.query(`DROP INDEX "${r.name}"`);
  return rows;
}

async function recreateIndexes(db: DataSource, indexes: { name: string; definition: string }[]): Promise<void> {
  await db.transaction(async (m) => {
    await m.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const r of indexes) await m.query(r.definition);
  });
}

/**
 * The read-model rows of a generated journey. A copy of a simulated history (`copyOf`) has the rows of its template
 * with its own journey id and beneficiary: `readModelRows` computes the view, deadlines and stall of the state, the
 * same for every copy, so it runs once per template.
 */
let lastTemplate: { journeyId: string; rows: ReadModelRows } | null = null;
function rowsOf(g: GeneratedJourney): ReadModelRows {
  if (g.copyOf === undefined || lastTemplate?.journeyId !== g.copyOf) {
    const rows = readModelRows(g.state);
    lastTemplate = { journeyId: g.journeyId, rows };
    return rows;
  }
  const t = lastTemplate.rows;
  const journeyId = g.journeyId;
  const b = g.state.beneficiary;
  return {
    journey: { ...t.journey, journeyId, fiscalCode: b.fiscalCode, givenName: b.givenName, familyName: b.familyName },
    actions: t.actions.map((r) => ({ ...r, journeyId })),
    appointments: t.appointments.map((r) => ({ ...r, journeyId })),
    services: t.services.map((r) => ({ ...r, journeyId })),
    steps: t.steps.map((r) => ({ ...r, journeyId })),
  };
}
