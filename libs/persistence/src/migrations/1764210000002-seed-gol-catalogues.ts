import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data this migration wrote when it was committed (93839e6): the GOL defaults of that day, written out here rather
 * than imported from the domain, so that every database gets the same version 1 whenever it is migrated. Later
 * defaults arrive as later versions (SeedGolServices1764230000001), never by changing this list.
 */
const CLOCKS = { reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: 'P60D' };

const GOL_CATALOGUES_V1: readonly { code: string; title: string; clocks: Record<string, string> }[] = [
  { code: 'GOL-1', title: 'GOL percorso 1 – Reinserimento lavorativo', clocks: CLOCKS },
  { code: 'GOL-2', title: 'GOL percorso 2 – Aggiornamento (upskilling)', clocks: CLOCKS },
  { code: 'GOL-3', title: 'GOL percorso 3 – Riqualificazione (reskilling)', clocks: CLOCKS },
  { code: 'GOL-4', title: 'GOL percorso 4 – Lavoro e inclusione', clocks: { ...CLOCKS, stallAfter: 'P90D' } },
  { code: 'GOL-5', title: 'GOL percorso 5 – Ricollocazione collettiva', clocks: CLOCKS },
];

/** Data, kept apart from the schema: version 1 of the five GOL paths, unless a version 1 exists already. */
export class SeedGolCatalogues1764210000002 implements MigrationInterface {
  name = 'SeedGolCatalogues1764210000002';

  async up(q: QueryRunner): Promise<void> {
    for (const c of GOL_CATALOGUES_V1) {
      await q.query(`INSERT INTO programme_catalogues (code, version, title, clocks) VALUES ($1, 1, $2, $3) ON CONFLICT DO NOTHING`, [
        c.code,
        c.title,
        JSON.stringify(c.clocks),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Only the shipped version 1 goes; versions an administrator published stay.
    await q.query(`DELETE FROM programme_catalogues WHERE version = 1 AND code = ANY($1)`, [GOL_CATALOGUES_V1.map((c) => c.code)]);
  }
}
