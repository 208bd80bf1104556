import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, regions. A catalogue belongs to a scope and a code: `national` (every version published so far, the GOL
 * defaults included) or a region's key; versions are numbered per scope and code. Offices name their region by its
 * key (`REGION_KEYS` of @sal/domain): the free texts written before are mapped, accents, case and separators aside
 * (`Emilia Romagna` → `emilia-romagna`); `Trentino-Alto Adige` goes to the autonomous province of the office's comune
 * (Trento or Bolzano); a text that names no region is kept as it is (its offices' journeys pin national catalogues
 * until an administrator names the region). The journeys' rows take their office's region again (the KPIs per
 * region). Journeys record the catalogue's scope they pinned (`catalogue_scope`; `national` for those before).
 *
 * `down` names the regions as the directory's seed did (the autonomous provinces `Trentino-Alto Adige`) and drops
 * the regional versions.
 */
const REGIONS: [key: string, name: string, ...variants: string[]][] = [
  ['piemonte', 'Piemonte'],
  ['valle-d-aosta', "Valle d'Aosta", 'valle-d-aosta-vallee-d-aoste', 'vallee-d-aoste'],
  ['lombardia', 'Lombardia'],
  ['bolzano', 'Trentino-Alto Adige', 'provincia-autonoma-di-bolzano', 'provincia-autonoma-di-bolzano-bozen', 'bozen', 'alto-adige', 'sudtirol'],
  ['trento', 'Trentino-Alto Adige', 'provincia-autonoma-di-trento', 'trentino'],
  ['veneto', 'Veneto'],
  ['friuli-venezia-giulia', 'Friuli-Venezia Giulia'],
  ['liguria', 'Liguria'],
  ['emilia-romagna', 'Emilia-Romagna'],
  ['toscana', 'Toscana'],
  ['umbria', 'Umbria'],
  ['marche', 'Marche'],
  ['lazio', 'Lazio'],
  ['abruzzo', 'Abruzzo'],
  ['molise', 'Molise'],
  ['campania', 'Campania'],
  ['puglia', 'Puglia'],
  ['basilicata', 'Basilicata'],
  ['calabria', 'Calabria'],
  ['sicilia', 'Sicilia'],
  ['sardegna', 'Sardegna'],
];

/** SQL: a text as a region key would spell it (lower case, no accents, every run of other characters one `-`). */
const slug = (column: string) =>
  `trim(both '-' from regexp_replace(lower(translate(${column}, 'àáâäèéêëìíîïòóôöùúûüÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ', 'aaaaeeeeiiiioooouuuuaaaaeeeeiiiioooouuuu')), '[^a-z0-9]+', '-', 'g'))`;

export class RegionalCatalogues1764300200000 implements MigrationInterface {
  name = 'RegionalCatalogues1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN scope varchar(32) NOT NULL DEFAULT 'national'`);
    await q.query(`ALTER TABLE programme_catalogues DROP CONSTRAINT programme_catalogues_pkey, ADD CONSTRAINT programme_catalogues_pkey PRIMARY KEY (scope, code, version)`);
    await q.query(`ALTER TABLE journeys ADD COLUMN catalogue_scope varchar(32) NOT NULL DEFAULT 'national'`);

    const pairs = REGIONS.flatMap(([key, , ...variants]) => [key, ...variants].map((text) => [text, key]));
    const values = pairs.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
    await q.query(`UPDATE offices o SET region = m.key FROM (VALUES ${values}) AS m(slug, key) WHERE ${slug('o.region')} = m.slug`, pairs.flat());
    await q.query(`
      UPDATE offices SET region = CASE WHEN ${slug('comune')} IN ('bolzano', 'bozen', 'bolzano-bozen') THEN 'bolzano' ELSE 'trento' END
       WHERE ${slug('region')} IN ('trentino-alto-adige', 'trentino-alto-adige-sudtirol', 'trentino-sudtirol')
         AND ${slug('comune')} IN ('bolzano', 'bozen', 'bolzano-bozen', 'trento')`);
    await q.query(`UPDATE journeys j SET region = o.region FROM offices o WHERE o.office_id = j.office_id AND j.region IS DISTINCT FROM o.region`);
  }

  async down(q: QueryRunner): Promise<void> {
    const pairs = REGIONS.map(([key, name]) => [key, name]);
    const values = pairs.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
    await q.query(`UPDATE offices o SET region = m.name FROM (VALUES ${values}) AS m(key, name) WHERE o.region = m.key`, pairs.flat());
    await q.query(`UPDATE journeys j SET region = o.region FROM offices o WHERE o.office_id = j.office_id AND j.region IS DISTINCT FROM o.region`);
    await q.query(`ALTER TABLE journeys DROP COLUMN catalogue_scope`);
    await q.query(`DELETE FROM programme_catalogues WHERE scope <> 'national'`);
    await q.query(`ALTER TABLE programme_catalogues DROP CONSTRAINT programme_catalogues_pkey, ADD CONSTRAINT programme_catalogues_pkey PRIMARY KEY (code, version)`);
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN scope`);
  }
}
