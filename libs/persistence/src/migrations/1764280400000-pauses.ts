import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pauses of the journeys' clocks (issue 14): on `journeys`, the pause a journey is in — since when, its kind (`job`:
 * the stage is `suspended`, art. 19 c.3 D.lgs. 150/2015; `absence`: a justified long absence) and its expected end —
 * with a partial index for the supervisors' list of paused journeys; on `programme_catalogues`, the closed list of
 * justified absence reasons (`absence_reasons`, NULL: the GOL list, `GOL_ABSENCE_REASONS`). The GOL catalogues get
 * that list written out on every version: it is the list journeys that pinned none already apply, so no journey's
 * rules change. Rows projected before have no pause (no journey could pause before this release).
 */
const GOL_ABSENCE_REASONS = ['illness', 'maternity', 'paternity', 'training_abroad', 'civil_service'];
const GOL_CODES = ['GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5'];

export class Pauses1764280400000 implements MigrationInterface {
  name = 'Pauses1764280400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN paused_since        timestamptz,
        ADD COLUMN pause_kind          varchar(16),
        ADD COLUMN pause_expected_end  timestamptz`);
    await q.query(`CREATE INDEX journeys_paused_idx ON journeys (office_id, paused_since) WHERE paused_since IS NOT NULL`);
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN absence_reasons jsonb NULL`);
    await q.query(`UPDATE programme_catalogues SET absence_reasons = $1 WHERE code = ANY($2) AND absence_reasons IS NULL`, [JSON.stringify(GOL_ABSENCE_REASONS), GOL_CODES]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN absence_reasons`);
    await q.query(`DROP INDEX journeys_paused_idx`);
    await q.query(`ALTER TABLE journeys DROP COLUMN paused_since, DROP COLUMN pause_kind, DROP COLUMN pause_expected_end`);
  }
}
