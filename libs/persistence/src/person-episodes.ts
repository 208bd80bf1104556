import type { DataSource, EntityManager } from 'typeorm';
import type { JourneyState } from '@sal/domain';
import { JourneyRecord } from './entities/journey.entity';

/**
 * A person's episodes (issue 14) and the lock that keeps at most one of them open: `person_open_journeys`, one row per
 * person with an open journey, reserved by the API before it starts a journey's workflow and kept by the projection
 * (released with the closure, moved by a transfer, taken again by a reopening), in the same transaction as the events.
 */

/** Who holds a person's open journey. */
export interface OpenJourneyHolder {
  journeyId: string;
  officeId: string;
  reservedAt: Date;
}

export type Reservation = { reserved: true } | { reserved: false; holder: OpenJourneyHolder };

/** Reserves the person's open journey for `journeyId`, atomically: refused with the holder when another journey (or this one) holds it. */
export async function reserveOpenJourney(dataSource: DataSource, r: { personRef: string; journeyId: string; officeId: string }): Promise<Reservation> {
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO person_open_journeys (person_ref, journey_id, office_id, reserved_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (person_ref) DO NOTHING RETURNING person_ref`,
    [r.personRef, r.journeyId, r.officeId],
  );
  if (inserted.length > 0) return { reserved: true };
  const rows: { journey_id: string; office_id: string; reserved_at: Date }[] = await dataSource.query(
    'SELECT journey_id, office_id, reserved_at FROM person_open_journeys WHERE person_ref = $1',
    [r.personRef],
  );
  // Released between the two statements: try again.
  if (rows.length === 0) return reserveOpenJourney(dataSource, r);
  return { reserved: false, holder: { journeyId: rows[0].journey_id, officeId: rows[0].office_id, reservedAt: new Date(rows[0].reserved_at) } };
}

/** Replaces a stale reservation (its journey never started) with `journeyId`; false when someone else changed it first. */
export async function replaceStaleReservation(dataSource: DataSource, r: { personRef: string; staleJourneyId: string; journeyId: string; officeId: string }): Promise<boolean> {
  const [, count]: [unknown, number] = await dataSource.query(
    'UPDATE person_open_journeys SET journey_id = $3, office_id = $4, reserved_at = now() WHERE person_ref = $1 AND journey_id = $2',
    [r.personRef, r.staleJourneyId, r.journeyId, r.officeId],
  );
  return count === 1;
}

/** Releases the person's reservation if `journeyId` holds it (a start that turned out to collide with a closed journey). */
export async function releaseReservation(dataSource: DataSource, personRef: string, journeyId: string): Promise<void> {
  await dataSource.query('DELETE FROM person_open_journeys WHERE person_ref = $1 AND journey_id = $2', [personRef, journeyId]);
}

/**
 * Keeps the lock in step with the journey's projected state, inside the projection's transaction: a closed journey
 * releases it, or (a transfer) hands it to the next episode; an open one takes it when the person has none (the
 * next episode of a transfer, a journey reopened by an appeal, a journey started before episodes once its row has a
 * person reference). A person who already holds another open journey keeps it.
 */
export async function syncOpenJourneyLock(m: EntityManager, state: JourneyState): Promise<void> {
  if (state.status === 'closed') {
    const next = state.closure?.nextJourneyId;
    if (next) {
      await m.query('UPDATE person_open_journeys SET journey_id = $2, reserved_at = now() WHERE journey_id = $1', [state.journeyId, next]);
    } else {
      await m.query('DELETE FROM person_open_journeys WHERE journey_id = $1', [state.journeyId]);
    }
    return;
  }
  await m.query(
    `INSERT INTO person_open_journeys (person_ref, journey_id, office_id, reserved_at)
     SELECT person_ref, journey_id, office_id, now() FROM journeys WHERE journey_id = $1 AND person_ref IS NOT NULL
     ON CONFLICT (person_ref) DO NOTHING`,
    [state.journeyId],
  );
}

/** The person's episodes, oldest first. */
export function personEpisodes(dataSource: DataSource | EntityManager, personRef: string): Promise<JourneyRecord[]> {
  return dataSource.getRepository(JourneyRecord).find({ where: { personRef }, order: { startedAt: 'ASC', journeyId: 'ASC' } });
}

/**
 * Fills `person_ref` on rows projected before episodes (from their fiscal code, with the key only the API holds) and
 * takes the lock for their open journeys, the oldest open one per person. Idempotent: it touches only rows without a
 * reference and persons without a lock, so it runs at every start-up of the API.
 */
export async function backfillPersonRefs(dataSource: DataSource, personRefOf: (fiscalCode: string) => string, batchSize = 500): Promise<{ journeys: number; locks: number }> {
  let journeys = 0;
  let after = '';
  for (;;) {
    // In journey id order (the primary key), a batch at a time: each row is read once, whatever the table's size.
    // A journey whose personal data was erased (issue 15: blank fiscal code) is linked to no one again.
    const rows: { journey_id: string; fiscal_code: string }[] = await dataSource.query(
      "SELECT journey_id, fiscal_code FROM journeys WHERE journey_id > $1 AND person_ref IS NULL AND fiscal_code <> '' ORDER BY journey_id LIMIT $2",
      [after, batchSize],
    );
    if (rows.length === 0) break;
    const [, count]: [unknown, number] = await dataSource.query(
      `UPDATE journeys j SET person_ref = v.ref FROM unnest($1::varchar[], $2::varchar[]) AS v(id, ref)
        WHERE j.journey_id = v.id AND j.person_ref IS NULL`,
      [rows.map((r) => r.journey_id), rows.map((r) => personRefOf(r.fiscal_code))],
    );
    journeys += count;
    after = rows[rows.length - 1].journey_id;
  }
  const locks: unknown[] = await dataSource.query(
    `INSERT INTO person_open_journeys (person_ref, journey_id, office_id, reserved_at)
     SELECT DISTINCT ON (person_ref) person_ref, journey_id, office_id, now() FROM journeys
      WHERE status = 'open' AND person_ref IS NOT NULL ORDER BY person_ref, started_at, journey_id
     ON CONFLICT (person_ref) DO NOTHING RETURNING person_ref`,
  );
  return { journeys, locks: locks.length };
}
