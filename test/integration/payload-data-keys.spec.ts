import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { createDataSource, PayloadDataKeyStore } from '@sal/persistence';
import { AesGcmPayloadCodec, PersonalDataErasedError } from '@sal/temporal';
import { rewrapDataKeys } from '@sal/worker';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';

/**
 * The payload data keys in PostgreSQL (issue 15): created once per journey however many processes race for it,
 * rewrapped under a new master key by the rotation command, and the only change the append-only tables allow —
 * `erase_journey_history` — refused to anyone updating them directly.
 */

const JOURNEY = `jrn_${'c'.repeat(32)}`;
const m1 = randomBytes(32);
const m2 = randomBytes(32);
const forJourney = { type: 'workflow' as const, namespace: 'default', workflowId: JOURNEY };

let db: ThrowawayDatabase;
let app: DataSource;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  app = await createDataSource(db.url, { extra: { max: 8 } }).initialize();
}, 120_000);

afterAll(async () => {
  await app?.destroy();
  await db?.drop();
});

const codec = (keys: [string, Buffer][], current: string) => new AesGcmPayloadCodec({ keys: new Map(keys), currentKeyId: current }, { dataKeys: new PayloadDataKeyStore(app) });

describe('payload data keys in PostgreSQL', () => {
  it('are created once per journey, however many codecs race for the first payload', async () => {
    const codecs = Array.from({ length: 6 }, () => codec([['m1', m1]], 'm1'));
    const sealed = await Promise.all(codecs.map((c, i) => c.encode([defaultPayloadConverter.toPayload(i)], forJourney)));
    const rows: { n: number }[] = await db.dataSource.query('SELECT count(*)::int AS n FROM payload_data_keys WHERE journey_id = $1', [JOURNEY]);
    expect(rows[0].n).toBe(1);
    // Each codec opens what every other sealed: they all use the one key recorded.
    const opened = await codecs[5].decode(sealed.flat());
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('are rewrapped under the current master key by the rotation, so the old master key can go', async () => {
    const [sealed] = await codec([['m1', m1]], 'm1').encode([defaultPayloadConverter.toPayload('before rotation')], forJourney);
    const outcome = await rewrapDataKeys(app, { keys: new Map([['m1', m1], ['m2', m2]]), currentKeyId: 'm2' });
    expect(outcome).toEqual({ rewrapped: 1, unopenable: [] });
    const [row] = await db.dataSource.query('SELECT master_key_id FROM payload_data_keys WHERE journey_id = $1', [JOURNEY]);
    expect(row.master_key_id).toBe('m2');
    const [opened] = await codec([['m2', m2]], 'm2').decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toBe('before rotation');
    expect(await rewrapDataKeys(app, { keys: new Map([['m2', m2]]), currentKeyId: 'm2' })).toEqual({ rewrapped: 0, unopenable: [] });
  });

  it('once shredded, open nothing more', async () => {
    const [sealed] = await codec([['m2', m2]], 'm2').encode([defaultPayloadConverter.toPayload('x')], forJourney);
    await app.query('UPDATE payload_data_keys SET wrapped_key = NULL, shredded_at = now() WHERE journey_id = $1', [JOURNEY]);
    await expect(codec([['m2', m2]], 'm2').decode([sealed])).rejects.toBeInstanceOf(PersonalDataErasedError);
  });
});

describe('the append-only tables', () => {
  beforeAll(async () => {
    await db.dataSource.query(`INSERT INTO journey_events (journey_id, seq, type, occurred_at, data) VALUES ($1, 1, 'JourneyStarted', now(), '{"beneficiary":{"fiscalCode":"RSSMRA85T10A562S"}}')`, [JOURNEY]);
  });

  it('refuse a direct update, to the application role and to the owner alike, even one that looks like an erasure', async () => {
    await expect(app.query(`UPDATE journey_events SET data = '{"personalDataErased": true}' WHERE journey_id = $1`, [JOURNEY])).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`UPDATE journey_events SET data = '{"personalDataErased": true}' WHERE journey_id = $1`, [JOURNEY])).rejects.toThrow(/append-only/);
    // The function's setting alone lets through only the erasure of the data, nothing else.
    await expect(
      db.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('sal.erasing_journey', $1, true)`, [JOURNEY]);
        await m.query(`UPDATE journey_events SET type = 'Forged', data = '{"personalDataErased": true}' WHERE journey_id = $1`, [JOURNEY]);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(app.query('DELETE FROM journey_events WHERE journey_id = $1', [JOURNEY])).rejects.toThrow(/permission denied/);
  });

  it("let erase_journey_history blank a journey's event data, keeping type and dates, for the application role", async () => {
    const [{ erase_journey_history: erased }] = await app.query('SELECT erase_journey_history($1)', [JOURNEY]);
    expect(erased).toBe(1);
    const [event] = await db.dataSource.query('SELECT type, data FROM journey_events WHERE journey_id = $1', [JOURNEY]);
    expect(event).toEqual({ type: 'JourneyStarted', data: { personalDataErased: true } });
    // Outside the function, the table is append-only again.
    await expect(db.dataSource.query(`UPDATE journey_events SET data = '{"x": 1}' WHERE journey_id = $1`, [JOURNEY])).rejects.toThrow(/append-only/);
  });
});
