import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogues say which legal clocks move off the office's closed days (`roll_forward_clocks`, issue 13: art. 2963
 * c.c., art. 155 c.4-5 c.p.c.; NULL on versions published before: none moves), and each GOL path gets a new version
 * with the setting of that day written out here: its latest version's clocks and services, the appeal moved with
 * Saturdays closed, the excuse windows and the first-contact clocks moved with Saturdays open, and the pact's
 * acceptance window (`pactAcceptanceWindow`, P7D, also issue 13). Running journeys keep the version they pinned.
 */
const GOL_ROLL_FORWARD = {
  firstContactAfterDid: { saturdaysClosed: false },
  firstContactAfterBenefitClaim: { saturdaysClosed: false },
  justificationWindow: { saturdaysClosed: false },
  offerExcuseWindow: { saturdaysClosed: false },
  appealWindow: { saturdaysClosed: true },
};
const GOL_CODES = ['GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5'];

export class CatalogueRollForward1764270300001 implements MigrationInterface {
  name = 'CatalogueRollForward1764270300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN roll_forward_clocks jsonb NULL`);
    for (const code of GOL_CODES) {
      await q.query(
        `INSERT INTO programme_catalogues (code, version, title, clocks, services, working_day_clocks, roll_forward_clocks)
         SELECT code, version + 1, title, clocks || '{"pactAcceptanceWindow": "P7D"}'::jsonb, services, working_day_clocks, $2
           FROM (SELECT * FROM programme_catalogues WHERE code = $1 ORDER BY version DESC LIMIT 1) latest`,
        [code, JSON.stringify(GOL_ROLL_FORWARD)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The versions this migration added (the only ones that can carry the column it drops), then the column.
    await q.query(`DELETE FROM programme_catalogues WHERE roll_forward_clocks IS NOT NULL AND code = ANY($1)
                     AND version = (SELECT max(version) FROM programme_catalogues p WHERE p.code = programme_catalogues.code)`, [GOL_CODES]);
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN roll_forward_clocks`);
  }
}
