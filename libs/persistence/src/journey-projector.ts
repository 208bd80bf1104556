import type { DataSource, EntityManager } from 'typeorm';
import { replay, type JourneyEvent, type JourneyState } from '@sal/domain';
import { AppointmentRecord } from './entities/appointment.entity';
import { ConditionalityStepRecord } from './entities/conditionality-step.entity';
import { JourneyEventRecord } from './entities/journey-event.entity';
import { JourneyServiceRecord } from './entities/journey-service.entity';
import { JourneyRecord } from './entities/journey.entity';
import { PactActionRecord } from './entities/pact-action.entity';
import { readModelRows } from './read-model-rows';
import { syncOpenJourneyLock } from './person-episodes';

/**
 * Writes journeys' events and read-model rows. Every write is idempotent: events are keyed on (journey, seq) and a
 * row is only replaced by a state with a higher `lastSeq`, so retries and late duplicates change nothing.
 */
export class JourneyProjector {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends `events` and brings the journey's rows up to `state` (the state right after the last event). */
  async project(events: readonly JourneyEvent[], state: JourneyState): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // Serialises concurrent attempts for the same journey (a retry racing a slow first attempt).
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [state.journeyId]);
      if (events.length > 0) {
        await m
          .createQueryBuilder()
          .insert()
          .into(JourneyEventRecord)
          .values(events.map((e) => m.create(JourneyEventRecord, { journeyId: state.journeyId, seq: e.seq, type: e.type, occurredAt: new Date(e.at), data: e.data })))
          .orIgnore()
          .execute();
      }
      const current = await m.findOne(JourneyRecord, { where: { journeyId: state.journeyId }, select: { lastSeq: true } });
      if (current && current.lastSeq >= state.lastSeq) return;
      await writeRows(m, state);
      // The person's one open journey follows the journey's state, in the same transaction as its events.
      await syncOpenJourneyLock(m, state);
    });
  }

  /**
   * Appends `events` (new events of one journey, in order) and brings the journey's rows to the state they lead to,
   * folded here from the stored events with the domain's `replay`: the caller sends what changed, never the state.
   * `within` runs in the same transaction, with that state (the journey's notices go to the outbox there), so the
   * batch is written whole or not at all. Idempotent as {@link project}: a retried batch writes nothing twice.
   * @returns the journey's state after the events, or null when there were none.
   */
  async apply(
    journeyId: string,
    events: readonly JourneyEvent[],
    within: (m: EntityManager, state: JourneyState | null) => Promise<unknown> = async () => undefined,
  ): Promise<JourneyState | null> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [journeyId]);
      let state: JourneyState | null = null;
      if (events.length > 0) {
        await m
          .createQueryBuilder()
          .insert()
          .into(JourneyEventRecord)
          .values(events.map((e) => m.create(JourneyEventRecord, { journeyId, seq: e.seq, type: e.type, occurredAt: new Date(e.at), data: e.data })))
          .orIgnore()
          .execute();
        const lastSeq = events[events.length - 1].seq;
        const stored = await m
          .getRepository(JourneyEventRecord)
          .createQueryBuilder('e')
          .where('e.journey_id = :journeyId AND e.seq <= :lastSeq', { journeyId, lastSeq })
          .orderBy('e.seq')
          .getMany();
        // The fold needs every event from the first: a gap would make a wrong state, so nothing is written.
        if (stored.length !== lastSeq || stored[0]?.seq !== 1) {
          throw new ProjectionGapError(`journey_events holds ${stored.length} of the ${lastSeq} events before this batch's last`);
        }
        state = replay(stored.map(toDomainEvent));
        const current = await m.findOne(JourneyRecord, { where: { journeyId }, select: { lastSeq: true } });
        if (!current || current.lastSeq < state.lastSeq) {
          await writeRows(m, state);
          await syncOpenJourneyLock(m, state);
        }
      }
      await within(m, state);
      return state;
    });
  }

  /**
   * Rebuilds `journeys`, `pact_actions`, `appointments`, `journey_services` and `conditionality_steps` from
   * `journey_events`. Runs in one transaction that locks the read model, so live projections wait and then apply on
   * top of the rebuilt rows.
   */
  async rebuild(onProgress: (done: number, total: number) => void = () => undefined, batchSize = 500): Promise<{ journeys: number; events: number }> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`LOCK TABLE ${READ_MODEL_TABLES} IN EXCLUSIVE MODE`);
      // Journeys whose personal data was erased (issue 15) keep their minimised rows: their events no longer say more.
      const [{ erased }] = await m.query('SELECT count(*)::int AS erased FROM personal_data_erasures');
      if (erased === 0) await m.query(`TRUNCATE ${READ_MODEL_TABLES}`);
      else for (const table of READ_MODEL_TABLES.split(', ')) await m.query(`DELETE FROM ${table} WHERE journey_id NOT IN (SELECT journey_id FROM personal_data_erasures)`);
      const [{ count }] = await m.query(
        'SELECT count(DISTINCT journey_id)::int AS count FROM journey_events WHERE journey_id NOT IN (SELECT journey_id FROM personal_data_erasures)',
      );
      let done = 0;
      let events = 0;
      let after = '';
      for (;;) {
        const ids: { journey_id: string }[] = await m.query(
          'SELECT DISTINCT journey_id FROM journey_events WHERE journey_id > $1 AND journey_id NOT IN (SELECT journey_id FROM personal_data_erasures) ORDER BY journey_id LIMIT $2',
          [after, batchSize],
        );
        if (ids.length === 0) break;
        const records = await m
          .getRepository(JourneyEventRecord)
          .createQueryBuilder('e')
          .where('e.journey_id IN (:...ids)', { ids: ids.map((r) => r.journey_id) })
          .orderBy('e.journey_id')
          .addOrderBy('e.seq')
          .getMany();
        for (const history of groupByJourney(records)) {
          await writeRows(m, replay(history.map(toDomainEvent)), true);
          events += history.length;
        }
        done += ids.length;
        after = ids[ids.length - 1].journey_id;
        onProgress(done, count);
      }
      return { journeys: done, events };
    });
  }
}

/** A batch whose earlier events are not stored: the fold cannot be made (a data error: retried after a fix). */
export class ProjectionGapError extends Error {
  override readonly name = 'ProjectionGapError';
}

/** The tables the rebuild empties and refills: every one derived from the journeys' states (children first). */
const READ_MODEL_TABLES = 'conditionality_steps, journey_services, appointments, pact_actions, journeys';

/** Writes the journey's rows; `fresh`: the tables were just emptied (the rebuild), so nothing needs deleting. */
async function writeRows(m: EntityManager, state: JourneyState, fresh = false): Promise<void> {
  const { journey, actions, appointments, services, steps } = readModelRows(state);
  await m.upsert(JourneyRecord, journey, ['journeyId']);
  // Issue 15: the region of the journey's office, from the directory (null for an office not in it).
  await m.query('UPDATE journeys j SET region = (SELECT o.region FROM offices o WHERE o.office_id = j.office_id) WHERE j.journey_id = $1', [state.journeyId]);
  if (actions.length > 0) await m.upsert(PactActionRecord, actions, ['journeyId', 'actionId']);
  // The journey's rows of the newer tables are replaced as a whole: the state says everything there is.
  await replaceRows(m, AppointmentRecord, state.journeyId, appointments, fresh);
  await replaceRows(m, JourneyServiceRecord, state.journeyId, services, fresh);
  await replaceRows(m, ConditionalityStepRecord, state.journeyId, steps, fresh);
}

async function replaceRows<T extends { journeyId: string }>(
  m: EntityManager,
  entity: new () => T,
  journeyId: string,
  rows: T[],
  fresh: boolean,
): Promise<void> {
  if (!fresh) await m.createQueryBuilder().delete().from(entity).where('journey_id = :journeyId', { journeyId }).execute();
  if (rows.length > 0) await m.createQueryBuilder().insert().into(entity).values(rows as never).execute();
}


/** A stored event back in its domain shape. */
export function toDomainEvent(r: JourneyEventRecord): JourneyEvent {
  return { seq: r.seq, type: r.type, at: r.occurredAt.toISOString(), data: r.data } as JourneyEvent;
}

function groupByJourney(records: JourneyEventRecord[]): JourneyEventRecord[][] {
  const groups: JourneyEventRecord[][] = [];
  for (const r of records) {
    const last = groups[groups.length - 1];
    if (last && last[0].journeyId === r.journeyId) last.push(r);
    else groups.push([r]);
  }
  return groups;
}
