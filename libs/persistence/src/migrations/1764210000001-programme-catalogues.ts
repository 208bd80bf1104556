import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned programme catalogues (the schema; the GOL defaults arrive in the next migration). */
export class ProgrammeCatalogues1764210000001 implements MigrationInterface {
  name = 'ProgrammeCatalogues1764210000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_catalogues (
        code       varchar(32) NOT NULL,
        version    integer     NOT NULL CHECK (version > 0),
        title      text        NOT NULL,
        clocks     jsonb       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_catalogues`);
  }
}
