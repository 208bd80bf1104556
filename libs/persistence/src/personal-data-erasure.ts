import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { PayloadDataKeyRecord } from './entities/payload-data-key.entity';
import { PersonalDataErasureRecord } from './entities/personal-data-erasure.entity';
import { erasePactDocuments } from './pact-documents';

/** A journey's data key as `payload_data_keys` holds it (the shape `@sal/temporal`'s `DataKeyStore` reads). */
export interface DataKeyRow {
  masterKeyId: string;
  wrappedKey: Uint8Array | null;
}

/**
 * `payload_data_keys`: the journeys' wrapped payload data keys (issue 15). It is the key store of the payload codec of
 * the worker and the API (`DataKeyStore` of `@sal/temporal`); only wrapped keys ever reach it.
 */
export class PayloadDataKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(journeyId: string): Promise<DataKeyRow | null> {
    const row = await this.dataSource.getRepository(PayloadDataKeyRecord).findOne({ where: { journeyId } });
    return row ? { masterKeyId: row.masterKeyId, wrappedKey: row.wrappedKey } : null;
  }

  /** Race-safe creation: the first key recorded for a journey wins, every process then reads that one. */
  async insertIfAbsent(journeyId: string, masterKeyId: string, wrappedKey: Uint8Array): Promise<DataKeyRow> {
    await this.dataSource.query(
      'INSERT INTO payload_data_keys (journey_id, master_key_id, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (journey_id) DO NOTHING',
      [journeyId, masterKeyId, Buffer.from(wrappedKey)],
    );
    const row = await this.find(journeyId);
    if (!row) throw new Error(`payload_data_keys: no row for ${journeyId} right after inserting it`);
    return row;
  }

  /** Unshredded keys not wrapped under `masterKeyId`, a page at a time in journey order (rotation). */
  async wrappedUnderOther(masterKeyId: string, afterJourneyId: string, limit: number): Promise<(DataKeyRow & { journeyId: string })[]> {
    const rows = await this.dataSource
      .getRepository(PayloadDataKeyRecord)
      .createQueryBuilder('k')
      .where('k.wrapped_key IS NOT NULL AND k.master_key_id <> :masterKeyId AND k.journey_id > :after', { masterKeyId, after: afterJourneyId })
      .orderBy('k.journey_id', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((r) => ({ journeyId: r.journeyId, masterKeyId: r.masterKeyId, wrappedKey: r.wrappedKey }));
  }

  /** Replaces a key by the same key wrapped under another master key, unless it was shredded or rewrapped meanwhile. */
  async rewrap(journeyId: string, from: DataKeyRow, to: DataKeyRow): Promise<boolean> {
    const result = await this.dataSource.query(
      'UPDATE payload_data_keys SET master_key_id = $2, wrapped_key = $3 WHERE journey_id = $1 AND master_key_id = $4 AND wrapped_key = $5',
      [journeyId, to.masterKeyId, Buffer.from(to.wrappedKey!), from.masterKeyId, Buffer.from(from.wrappedKey!)],
    );
    return (result as [unknown, number])[1] === 1;
  }
}

/** A closed journey past its retention: what the sweep erases. */
export interface RetentionCandidate {
  journeyId: string;
  officeId: string;
  closedAt: string;
  /** The retention of its pinned catalogue version, or the default. */
  retention: string;
}

/** Where a sweep is in its list: the last candidate it looked at. */
export interface RetentionCursor {
  closedAt: string;
  journeyId: string;
}

/** Who the audit log names as the actor of an erasure. */
export const RETENTION_SWEEP_SUBJECT = 'retention-sweep';

/**
 * Erasing a closed journey's personal data past its retention (issue 15). What stays is what the KPIs count, with no
 * link to the person: the journey's row keeps office, region, programme and path, stage, status, dates, outcome, age at
 * the DID, sex and the monitoring flags; its pact actions, appointments, services and conditionality steps keep their
 * kinds, statuses and dates. What goes: the fiscal code and names, the person reference (so the person's episodes
 * can no longer be linked), the employer, free texts (action descriptions, appointment places, cancellation reasons),
 * the notifications with their addresses and attempts, idempotency keys, failures, the events' data (types and dates
 * stay) and the person reference of the audit entries; and the journey's payload data key, so Temporal's history of
 * it can no longer be decoded.
 */
export class PersonalDataEraser {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Closed journeys past their retention at `now`, not yet erased, in (closure, id) order after `after`. The SQL applies
   * the retention on the UTC calendar, as the domain's `retentionEndsAt` does (the sweep checks each with it again).
   */
  async candidates(now: string, defaultRetention: string, after: RetentionCursor | null, limit: number): Promise<RetentionCandidate[]> {
    const rows: { journey_id: string; office_id: string; closed_at: Date; retention: string }[] = await this.dataSource.query(
      `SELECT j.journey_id, j.office_id, j.closed_at, coalesce(c.personal_data_retention, $2) AS retention
         FROM journeys j
         LEFT JOIN programme_catalogues c ON c.scope = j.catalogue_scope AND c.code = j.programme_code AND c.version = j.catalogue_version
        WHERE j.status = 'closed' AND j.closed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM personal_data_erasures e WHERE e.journey_id = j.journey_id)
          AND ((j.closed_at AT TIME ZONE 'UTC') + coalesce(c.personal_data_retention, $2)::interval) <= ($1::timestamptz AT TIME ZONE 'UTC')
          AND (j.closed_at, j.journey_id) > ($3::timestamptz, $4)
        ORDER BY j.closed_at, j.journey_id
        LIMIT $5`,
      [now, defaultRetention, after?.closedAt ?? '-infinity', after?.journeyId ?? '', limit],
    );
    return rows.map((r) => ({ journeyId: r.journey_id, officeId: r.office_id, closedAt: r.closed_at.toISOString(), retention: r.retention }));
  }

  /**
   * Erases one journey's personal data, in one transaction: its data key shredded (a journey sealed before data keys
   * gets a shredded row, so no key can be created for it any more), the read model minimised, the erasure and an audit
   * entry recorded. Idempotent: a journey already erased is left alone (false).
   */
  async erase(candidate: RetentionCandidate, sweepId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const { journeyId } = candidate;
      const locked: unknown[] = await m.query('SELECT 1 FROM journeys WHERE journey_id = $1 FOR UPDATE', [journeyId]);
      if (locked.length === 0) return false;
      const inserted: unknown[] = await m.query(
        'INSERT INTO personal_data_erasures (journey_id, closed_at, retention, sweep_id) VALUES ($1, $2, $3, $4) ON CONFLICT (journey_id) DO NOTHING RETURNING journey_id',
        [journeyId, candidate.closedAt, candidate.retention, sweepId],
      );
      if (inserted.length === 0) return false;
      await shredDataKey(m, journeyId);
      await minimiseReadModel(m, journeyId);
      await m.query(
        `INSERT INTO audit_log (subject, role, offices, method, route, journey_id, office_id, status, outcome, entry_id)
         VALUES ($1, 'system', '{}', 'ERASE', $2, $3, $4, 200, 'ok', $5)`,
        [RETENTION_SWEEP_SUBJECT, `retention-sweep ${sweepId} (retention ${candidate.retention})`, journeyId, candidate.officeId, randomUUID()],
      );
      return true;
    });
  }

  /**
   * The intake lists past their staging retention at `now` (issue 19; `IMPORT_STAGING_RETENTION` of the domain): a
   * finished import's rows lose the file's data and the person reference (line, verdict, reasons, outcome and journey
   * id stay: its counts and report without names or codes), an import never run (still `previewed`) is deleted with
   * its rows. A running import is left alone (its run reads the rows). One audit entry per batch. Idempotent.
   */
  async eraseStagedImports(now: string, retention: string, sweepId: string): Promise<{ minimised: number; deleted: number }> {
    return this.dataSource.transaction(async (m) => {
      const past = `(($1::timestamptz AT TIME ZONE 'UTC') - $2::interval)`;
      const minimised = returned<{ batch_id: string }>(await m.query(
        `UPDATE import_batches SET erased_at = now()
          WHERE status = 'finished' AND erased_at IS NULL AND (finished_at AT TIME ZONE 'UTC') <= ${past}
        RETURNING batch_id`,
        [now, retention],
      ));
      const ids = minimised.map((b) => b.batch_id);
      if (ids.length > 0) await m.query(`UPDATE import_rows SET data = '{}'::jsonb, person_ref = NULL WHERE batch_id = ANY($1::uuid[])`, [ids]);
      const deleted = returned<{ batch_id: string }>(
        await m.query(`DELETE FROM import_batches WHERE status = 'previewed' AND (created_at AT TIME ZONE 'UTC') <= ${past} RETURNING batch_id`, [now, retention]),
      );
      for (const [batchId, what] of [...ids.map((id) => [id, 'minimised'] as const), ...deleted.map((b) => [b.batch_id, 'deleted'] as const)]) {
        await m.query(
          `INSERT INTO audit_log (subject, role, offices, method, route, journey_id, office_id, status, outcome, entry_id)
           VALUES ($1, 'system', '{}', 'ERASE', $2, NULL, NULL, 200, 'ok', $3)`,
          [RETENTION_SWEEP_SUBJECT, `retention-sweep ${sweepId}: import ${batchId} ${what} (retention ${retention})`, randomUUID()],
        );
      }
      return { minimised: ids.length, deleted: deleted.length };
    });
  }

  /** Whether the journey's personal data was erased. */
  async erased(journeyId: string): Promise<PersonalDataErasureRecord | null> {
    return this.dataSource.getRepository(PersonalDataErasureRecord).findOne({ where: { journeyId } });
  }

  /** What a sweep erased, in its order. */
  bySweep(sweepId: string): Promise<PersonalDataErasureRecord[]> {
    return this.dataSource.getRepository(PersonalDataErasureRecord).find({ where: { sweepId }, order: { closedAt: 'ASC', journeyId: 'ASC' } });
  }
}

/** The rows an UPDATE or DELETE … RETURNING answered (TypeORM's PostgreSQL driver gives them as `[rows, count]`). */
function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

/** The journey's data key becomes null; a journey without one (sealed before data keys) gets a shredded row. */
async function shredDataKey(m: EntityManager, journeyId: string): Promise<void> {
  await m.query(
    `INSERT INTO payload_data_keys (journey_id, master_key_id, wrapped_key, shredded_at) VALUES ($1, 'none', NULL, now())
     ON CONFLICT (journey_id) DO UPDATE SET wrapped_key = NULL, shredded_at = coalesce(payload_data_keys.shredded_at, now())`,
    [journeyId],
  );
}

async function minimiseReadModel(m: EntityManager, journeyId: string): Promise<void> {
  // The intake lists' rows of this person (issue 19): the one that started this journey, and any other that started
  // none (refused rows of the same person, found by the person reference before it is cleared below). A row that
  // started another episode of the person stays until that episode's own erasure or its import's staging retention.
  await m.query(
    `UPDATE import_rows SET data = '{}'::jsonb, person_ref = NULL
      WHERE journey_id = $1
         OR (journey_id IS NULL AND person_ref IS NOT NULL AND person_ref = (SELECT person_ref FROM journeys WHERE journey_id = $1))`,
    [journeyId],
  );
  await m.query(
    `UPDATE journeys SET fiscal_code = '', given_name = '', family_name = '', person_ref = NULL, placement_employer = NULL WHERE journey_id = $1`,
    [journeyId],
  );
  await m.query(`UPDATE pact_actions SET description = '' WHERE journey_id = $1`, [journeyId]);
  await m.query(`UPDATE appointments SET location = NULL, cancellation_reason = NULL WHERE journey_id = $1`, [journeyId]);
  await m.query(`DELETE FROM notification_delivery_attempts WHERE outbox_id IN (SELECT id FROM notification_outbox WHERE journey_id = $1)`, [journeyId]);
  await m.query(`DELETE FROM notification_outbox WHERE journey_id = $1`, [journeyId]);
  await m.query(`DELETE FROM side_effect_failures WHERE journey_id = $1`, [journeyId]);
  await m.query(`DELETE FROM idempotency_keys WHERE journey_id = $1`, [journeyId]);
  await m.query(`DELETE FROM person_open_journeys WHERE journey_id = $1`, [journeyId]);
  // The pact's PDFs, generated and signed, carry the person's name and fiscal code.
  await erasePactDocuments(m, journeyId);
  // The append-only tables, through the one function allowed to blank them (migration 1764300300000).
  await m.query(`SELECT erase_journey_history($1)`, [journeyId]);
}
