import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GOL_DEFAULT_CATALOGUES } from '@sal/domain';

/** Data, kept apart from the schema: version 1 of the five GOL paths, unless a version 1 exists already. */
export class SeedGolCatalogues1764210000002 implements MigrationInterface {
  name = 'SeedGolCatalogues1764210000002';

  async up(q: QueryRunner): Promise<void> {
    for (const c of GOL_DEFAULT_CATALOGUES) {
      await q.query(`INSERT INTO programme_catalogues (code, version, title, clocks) VALUES ($1, 1, $2, $3) ON CONFLICT DO NOTHING`, [
        c.code,
        c.title,
        JSON.stringify(c.clocks),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Only the shipped version 1 goes; versions an administrator published stay.
    await q.query(`DELETE FROM programme_catalogues WHERE version = 1 AND code = ANY($1)`, [GOL_DEFAULT_CATALOGUES.map((c) => c.code)]);
  }
}
