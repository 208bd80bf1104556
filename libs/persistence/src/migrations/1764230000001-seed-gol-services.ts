import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GOL_DEFAULT_CATALOGUES } from '@sal/domain';

/**
 * Data: the GOL defaults with their services, legal clocks and working-day clocks, published as the next version of
 * each GOL path whose latest version has no services yet. Running journeys keep the version they pinned.
 */
export class SeedGolServices1764230000001 implements MigrationInterface {
  name = 'SeedGolServices1764230000001';

  async up(q: QueryRunner): Promise<void> {
    for (const c of GOL_DEFAULT_CATALOGUES) {
      await q.query(
        `INSERT INTO programme_catalogues (code, version, title, clocks, services, working_day_clocks)
         SELECT $1, latest.version + 1, $2, $3, $4, $5
           FROM (SELECT version, services FROM programme_catalogues WHERE code = $1 ORDER BY version DESC LIMIT 1) latest
          WHERE latest.services IS NULL`,
        [c.code, c.title, JSON.stringify(c.clocks), JSON.stringify(c.services), JSON.stringify(c.workingDayClocks)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The versions this migration added: the latest of each GOL path, when it carries exactly the shipped services.
    for (const c of GOL_DEFAULT_CATALOGUES) {
      await q.query(
        `DELETE FROM programme_catalogues WHERE code = $1 AND services = $2::jsonb
           AND version = (SELECT max(version) FROM programme_catalogues WHERE code = $1)`,
        [c.code, JSON.stringify(c.services)],
      );
    }
  }
}
