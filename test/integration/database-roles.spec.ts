import { Client } from 'pg';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';

/**
 * The product connects as an application role, not as the superuser or the schema's owner: the audit log and the
 * journey events are append-only for it whatever it runs (no UPDATE, DELETE, TRUNCATE, no triggers switched off, no
 * `session_replication_role`), while it reads and writes the read model as the code needs, on tables created by
 * later migrations too.
 */

let db: ThrowawayDatabase;
let app: Client;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  app = new Client({ connectionString: db.url });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
  await db?.drop();
});

const AUDIT_ROW = `INSERT INTO audit_log (subject, role, offices, method, route, status, outcome) VALUES ('op-roles', 'operator', '{CPI-RL-01}', 'GET', '/journeys', 200, 'ok')`;

async function refusal(sql: string): Promise<string> {
  try {
    await app.query(sql);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

describe('the application role', () => {
  it('is neither superuser nor owner of anything', async () => {
    const { rows } = await app.query(`SELECT current_user AS me, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toMatchObject({ me: 'sal_app', rolsuper: false, rolbypassrls: false });
    const owned = await app.query(`SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.rows).toEqual([]);
  });

  it('may INSERT and SELECT on audit_log, and cannot UPDATE, DELETE, TRUNCATE it nor bypass its trigger', async () => {
    await app.query(AUDIT_ROW);
    expect((await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject = 'op-roles'`)).rows[0].n).toBe(1);
    expect(await refusal(`UPDATE audit_log SET status = 500 WHERE subject = 'op-roles'`)).toMatch(/permission denied for table audit_log/);
    expect(await refusal(`DELETE FROM audit_log WHERE subject = 'op-roles'`)).toMatch(/permission denied for table audit_log/);
    expect(await refusal(`TRUNCATE audit_log`)).toMatch(/permission denied for table audit_log/);
    expect(await refusal(`SET session_replication_role = replica`)).toMatch(/permission denied to set parameter "session_replication_role"/);
    expect(await refusal(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`)).toMatch(/must be owner of table audit_log/);
    expect(await refusal(`DROP TRIGGER audit_log_no_update_delete ON audit_log`)).toMatch(/must be owner of (table|relation) audit_log/);
    // A GRANT to itself grants nothing (PostgreSQL only warns): still no UPDATE.
    await app.query(`GRANT UPDATE ON audit_log TO sal_app`);
    const privileges = await app.query(`SELECT has_table_privilege('audit_log', 'UPDATE') AS u, has_table_privilege('audit_log', 'DELETE') AS d, has_table_privilege('audit_log', 'TRUNCATE') AS t`);
    expect(privileges.rows[0]).toEqual({ u: false, d: false, t: false });
    expect((await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject = 'op-roles'`)).rows[0].n).toBe(1);
  });

  it('may INSERT and SELECT on journey_events, and cannot UPDATE, DELETE or TRUNCATE them', async () => {
    const journeyId = `jrn_${uniqueSuffix().padEnd(32, '0').slice(0, 32)}`;
    await app.query(`INSERT INTO journey_events (journey_id, seq, type, occurred_at, data) VALUES ($1, 1, 'JourneyStarted', now(), '{}')`, [journeyId]);
    expect((await app.query(`SELECT count(*)::int AS n FROM journey_events WHERE journey_id = $1`, [journeyId])).rows[0].n).toBe(1);
    expect(await refusal(`UPDATE journey_events SET type = 'X'`)).toMatch(/permission denied for table journey_events/);
    expect(await refusal(`DELETE FROM journey_events`)).toMatch(/permission denied for table journey_events/);
    expect(await refusal(`TRUNCATE journey_events`)).toMatch(/permission denied for table journey_events/);
  });

  it('reads and writes the read model, but cannot truncate it or change the schema', async () => {
    await app.query(`INSERT INTO staff_members (staff_id, office_id, role, email, display_name, active) VALUES ('op-roles', 'CPI-RL-01', 'operator', 'r@example.org', 'R', true)`);
    await app.query(`UPDATE staff_members SET display_name = 'R2' WHERE staff_id = 'op-roles'`);
    await app.query(`DELETE FROM staff_members WHERE staff_id = 'op-roles'`);
    expect(await refusal(`TRUNCATE staff_members`)).toMatch(/permission denied/);
    expect(await refusal(`CREATE TABLE sneaky (id int)`)).toMatch(/permission denied for schema public/);
    expect(await refusal(`ALTER TABLE journeys ADD COLUMN sneaky int`)).toMatch(/must be owner/);
  });

  it('gets the same rights on tables a later migration creates (default privileges of the owner)', async () => {
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      await owner.query(`CREATE TABLE later_table (id serial PRIMARY KEY, v text)`);
    } finally {
      await owner.end();
    }
    await app.query(`INSERT INTO later_table (v) VALUES ('x')`);
    await app.query(`UPDATE later_table SET v = 'y'`);
    expect((await app.query(`SELECT v FROM later_table`)).rows).toEqual([{ v: 'y' }]);
  });
});

describe('the owner role', () => {
  it('runs the migrations, and even it cannot truncate the audit log (trigger)', async () => {
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      expect((await owner.query(`SELECT current_user AS me`)).rows[0].me).toBe('sal_owner');
      await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`UPDATE audit_log SET status = 1`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    } finally {
      await owner.end();
    }
  });
});
