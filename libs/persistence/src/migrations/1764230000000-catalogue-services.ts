import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalogues say which services a path requires, in which order, and which legal clocks count working days. */
export class CatalogueServices1764230000000 implements MigrationInterface {
  name = 'CatalogueServices1764230000000';

  async up(q: QueryRunner): Promise<void> {
    // NULL services: a catalogue published before services existed (any service, any order).
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN services jsonb NULL`);
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN working_day_clocks jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN working_day_clocks`);
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN services`);
  }
}
