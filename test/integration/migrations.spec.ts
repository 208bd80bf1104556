import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '@sal/persistence';
import { BENEFIT_DEFAULT_CATALOGUES } from '@sal/domain';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';

/**
 * The schema comes from migrations only (`synchronize` is off), so the entities must describe exactly what the
 * migrations build: TypeORM's schema builder, asked what it would change (what `migration:generate --check` asks),
 * must find nothing. Every migration's `down` must undo its `up`, so that all of them revert to an empty schema and
 * apply again to the same one. And a migration, once committed, writes the same data on every database whenever it
 * runs: it imports nothing of ours that may change later.
 */

let db: ThrowawayDatabase;

beforeAll(async () => {
  db = await createThrowawayDatabase();
});

afterAll(async () => {
  await db?.drop();
});

const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'libs', 'persistence', 'src', 'migrations');

/** Everything a migration may create in the schema, as text that two equal schemas share exactly. */
async function describeSchema(ds: DataSource): Promise<Record<string, string[]>> {
  const list = async (sql: string): Promise<string[]> => ((await ds.query(sql)) as { d: string }[]).map((r) => r.d);
  return {
    columns: await list(`
      SELECT concat_ws(' ', table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default) AS d
        FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name`),
    constraints: await list(`
      SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
        FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND contype <> 'n' ORDER BY 1`),
    indexes: await list(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`),
    triggers: await list(`SELECT pg_get_triggerdef(oid) AS d FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`),
    functions: await list(`SELECT pg_get_functiondef(oid) AS d FROM pg_proc WHERE pronamespace = current_schema()::regnamespace ORDER BY proname`),
    grants: await list(`
      SELECT concat_ws(' ', table_name, grantee, privilege_type) AS d
        FROM information_schema.role_table_grants WHERE table_schema = current_schema() ORDER BY 1`),
    catalogues: await list(`
      SELECT concat_ws(' ', code, version, title, clocks, services, working_day_clocks, roll_forward_clocks) AS d FROM programme_catalogues ORDER BY code, version`),
    offices: await list(`SELECT concat_ws(' ', office_id, name, kind, competent_cpi_id, region, comune, calendar) AS d FROM offices ORDER BY office_id`),
  };
}

describe('the migrations', () => {
  it('leave nothing for the entities to change (migration:generate --check)', async () => {
    const { upQueries } = await db.dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  it('import nothing but TypeORM, so that they write the same data whenever they run', () => {
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+-.*\.ts$/.test(f));
    expect(files).toHaveLength(MIGRATIONS.length);
    for (const file of files) {
      const source = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      const imports = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
      expect({ file, imports: imports.filter((i) => i !== 'typeorm') }).toEqual({ file, imports: [] });
    }
  });

  it('seed the GOL catalogues of their day: version 1 with the first clocks, version 2 with the six services, version 3 moving legal deadlines off closed days, version 4 reviewing the profiling; GOL the assessment', async () => {
    const rows: { code: string; version: number; clocks: Record<string, string>; services: unknown[] | null; roll_forward_clocks: Record<string, unknown> | null }[] = await db.dataSource.query(
      `SELECT code, version, clocks, services, roll_forward_clocks FROM programme_catalogues ORDER BY code, version`,
    );
    expect(rows.map((r) => `${r.code} v${r.version}`)).toEqual([
      'ADI v1',
      'GOL v1',
      ...['GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5'].flatMap((c) => [`${c} v1`, `${c} v2`, `${c} v3`, `${c} v4`]),
      'SFL v1',
    ]);
    for (const r of rows.filter((r) => r.version === 1 && r.code.startsWith('GOL-'))) {
      expect(r.clocks).toEqual({ reminderBeforeDue: 'P2D', escalationAfter: 'P7D', pactDeadline: 'P30D', stallAfter: r.code === 'GOL-4' ? 'P90D' : 'P60D' });
      expect(r.services).toBeNull();
    }
    for (const r of rows.filter((r) => r.version === 2)) {
      expect(Object.keys(r.clocks)).toHaveLength(11);
      expect(r.services?.[0]).toEqual({ service: 'reception', after: [] });
      expect(r.roll_forward_clocks).toBeNull();
    }
    // Version 3 (issue 13): version 2's clocks and services, the pact's acceptance window, the appeal with Saturdays closed (art. 155 c.5 c.p.c.).
    for (const r of rows.filter((r) => r.version === 3)) {
      const v2 = rows.find((x) => x.code === r.code && x.version === 2)!;
      expect([r.clocks, r.services]).toEqual([{ ...v2.clocks, pactAcceptanceWindow: 'P7D' }, v2.services]);
      expect(r.roll_forward_clocks).toMatchObject({ appealWindow: { saturdaysClosed: true }, justificationWindow: { saturdaysClosed: false } });
    }
    // Version 4 (issue 14): version 3 with the profiling review; and the programme GOL, the assessment before any path.
    for (const r of rows.filter((r) => r.version === 4)) {
      const v3 = rows.find((x) => x.code === r.code && x.version === 3)!;
      expect([r.clocks, r.services, r.roll_forward_clocks]).toEqual([{ ...v3.clocks, profilingReview: 'P90D' }, v3.services, v3.roll_forward_clocks]);
    }
    const gol = rows.find((r) => r.code === 'GOL')!;
    expect([gol.clocks, gol.services, gol.roll_forward_clocks]).toEqual([
      { ...rows.find((x) => x.code === 'GOL-1' && x.version === 4)!.clocks },
      [{ service: 'reception', after: [] }, { service: 'second_level_interview', after: ['reception'] }],
      rows.find((x) => x.code === 'GOL-1' && x.version === 4)!.roll_forward_clocks,
    ]);
    const [{ assessment_areas: areas }] = await db.dataSource.query(`SELECT assessment_areas FROM programme_catalogues WHERE code = 'GOL'`);
    expect(areas).toEqual(['education_and_training', 'work_experience_and_skills', 'job_search_autonomy', 'availability_and_expectations', 'personal_constraints', 'complex_needs']);
  });

  it('seed ADI and SFL (issue 15) as the domain defines them, with their presentation obligation', async () => {
    const rows: { code: string; title: string; clocks: unknown; services: unknown; working_day_clocks: unknown; roll_forward_clocks: unknown; presentation: unknown }[] = await db.dataSource.query(
      `SELECT code, title, clocks, services, working_day_clocks, roll_forward_clocks, presentation FROM programme_catalogues WHERE code IN ('ADI', 'SFL') ORDER BY code`,
    );
    expect(rows.map((r) => ({ code: r.code, title: r.title, clocks: r.clocks, services: r.services, workingDayClocks: r.working_day_clocks, rollForwardClocks: r.roll_forward_clocks, presentation: r.presentation }))).toEqual(
      BENEFIT_DEFAULT_CATALOGUES,
    );
    const [gol] = await db.dataSource.query(`SELECT presentation FROM programme_catalogues WHERE code = 'GOL-1' AND version = 4`);
    expect(gol.presentation).toBeNull();
  });

  it('seed the directory of offices the demo and the tests name, with their comuni closures and one accredited operator', async () => {
    const rows: { office_id: string; kind: string; competent_cpi_id: string; calendar: { annual: unknown[]; afterEaster: unknown[] } }[] = await db.dataSource.query(
      `SELECT office_id, kind, competent_cpi_id, calendar FROM offices ORDER BY office_id`,
    );
    expect(rows.map((r) => r.office_id)).toEqual(expect.arrayContaining(['CPI-TO-01', 'CPI-MI-01', 'CPI-RM-01', 'CPI-NA-01', 'CPI-BZ-01', 'CPI-BO-01', 'ACC-TO-01']));
    const byId = Object.fromEntries(rows.map((r) => [r.office_id, r]));
    expect(byId['CPI-MI-01'].calendar.annual).toEqual([{ monthDay: '12-07', name: "Sant'Ambrogio" }]);
    expect(byId['CPI-BZ-01'].calendar.afterEaster).toEqual([{ days: 50, name: 'Lunedì di Pentecoste' }]);
    expect(byId['ACC-TO-01']).toMatchObject({ kind: 'accredited', competent_cpi_id: 'CPI-TO-01' });
    for (const r of rows.filter((r) => r.kind === 'cpi')) expect(r.competent_cpi_id).toBe(r.office_id);
  });

  it("issue 15: name the offices' regions by key (old free texts mapped, Trentino-Alto Adige by province, the unknown kept) and make every catalogue national", async () => {
    const ds = db.dataSource;
    const regionOf = async (id: string) => ((await ds.query(`SELECT region FROM offices WHERE office_id = $1`, [id])) as { region: string }[])[0]?.region;
    expect([await regionOf('CPI-TO-01'), await regionOf('CPI-BO-01'), await regionOf('CPI-BZ-01')]).toEqual(['piemonte', 'emilia-romagna', 'bolzano']);
    expect(await ds.query(`SELECT DISTINCT scope FROM programme_catalogues`)).toEqual([{ scope: 'national' }]);

    // Texts written before the migration, as administrators could: mapped when they name a region, else kept.
    const applied = async () => ((await ds.query(`SELECT 1 FROM migrations WHERE name = 'RegionalCatalogues1764300200000'`)) as unknown[]).length > 0;
    // Back to before it (and any migration after it), then forward again.
    while (await applied()) await ds.undoLastMigration({ transaction: 'each' });
    const old = [
      ['MIG-1', 'emilia romagna', 'Modena'],
      ['MIG-2', "VALLE D'AOSTA", 'Aosta'],
      ['MIG-3', 'Trentino-Alto Adige', 'Trento'],
      ['MIG-4', 'Atlantide', 'Nowhere'],
    ];
    for (const [id, region, comune] of old) {
      await ds.query(`INSERT INTO offices (office_id, name, kind, competent_cpi_id, region, comune, calendar) VALUES ($1, 'x', 'cpi', $1, $2, $3, $4)`, [id, region, comune, { annual: [], afterEaster: [], dates: [], saturdaysClosed: false }]);
    }
    await ds.runMigrations({ transaction: 'each' });
    expect(await Promise.all(old.map(([id]) => regionOf(id)))).toEqual(['emilia-romagna', 'valle-d-aosta', 'trento', 'Atlantide']);
    await ds.query(`DELETE FROM offices WHERE office_id LIKE 'MIG-%'`);
  });

  it('all revert to an empty schema and apply again to the same one', async () => {
    const ds = db.dataSource;
    const before = await describeSchema(ds);
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });

    expect(await ds.query(`SELECT name FROM migrations`)).toEqual([]);
    // Nothing left but TypeORM's own table of applied migrations (its sequence and primary key).
    const left = await ds.query(`
      SELECT relkind::text || ' ' || relname AS d FROM pg_class c
       WHERE relnamespace = current_schema()::regnamespace
         AND c.oid NOT IN ('migrations'::regclass, pg_get_serial_sequence('migrations', 'id')::regclass)
         AND c.oid NOT IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'migrations'::regclass)
       ORDER BY 1`);
    expect(left).toEqual([]);
    // Functions too, but an extension's (TypeORM installs uuid-ossp when it connects, for uuid primary keys).
    const functions = await ds.query(`
      SELECT proname FROM pg_proc p WHERE pronamespace = current_schema()::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
    expect(functions).toEqual([]);

    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await describeSchema(ds)).toEqual(before);
  });
});
