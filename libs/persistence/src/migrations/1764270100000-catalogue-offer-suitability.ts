import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalogues may state the thresholds of a congrua offer (art. 25 D.lgs. 150/2015); NULL: the D.M. 10 aprile 2018's. */
export class CatalogueOfferSuitability1764270100000 implements MigrationInterface {
  name = 'CatalogueOfferSuitability1764270100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN offer_suitability jsonb NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN offer_suitability`);
  }
}
