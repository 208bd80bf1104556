import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { DataKeyUnwrapError, JourneyDataKeys, PersonalDataErasedError, rewrapDataKey, type DataKeyStore, type StoredDataKey } from './data-keys';
import { AesGcmPayloadCodec, JOURNEY_KEY_SCHEME, METADATA_ENCRYPTION_KEY_ID, METADATA_JOURNEY_ID, METADATA_MASTER_KEY_ID, PayloadDecryptionError } from './payload-codec';

const JOURNEY = `jrn_${'a'.repeat(32)}`;
const OTHER_JOURNEY = `jrn_${'b'.repeat(32)}`;
const beneficiary = { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' };
const m1 = randomBytes(32);
const m2 = randomBytes(32);

/** An in-memory key store with the semantics of `payload_data_keys` (the PostgreSQL one is tested end to end). */
class MemoryStore implements DataKeyStore {
  readonly rows = new Map<string, StoredDataKey>();
  finds = 0;
  async find(journeyId: string): Promise<StoredDataKey | null> {
    this.finds += 1;
    const row = this.rows.get(journeyId);
    return row ? { ...row } : null;
  }
  async insertIfAbsent(journeyId: string, masterKeyId: string, wrappedKey: Uint8Array): Promise<StoredDataKey> {
    if (!this.rows.has(journeyId)) this.rows.set(journeyId, { masterKeyId, wrappedKey: Buffer.from(wrappedKey) });
    return { ...this.rows.get(journeyId)! };
  }
  shred(journeyId: string): void {
    const row = this.rows.get(journeyId)!;
    this.rows.set(journeyId, { ...row, wrappedKey: null });
  }
}

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const payloadOf = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const valueOf = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);
const forJourney = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });

function codecWith(store: DataKeyStore | undefined, keys: [string, Buffer][] = [['m1', m1]], current = 'm1', ttlMs?: number): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec({ keys: new Map(keys), currentKeyId: current }, { dataKeys: store, dataKeyCache: ttlMs === undefined ? undefined : { ttlMs } });
}

describe('payloads sealed with their journey’s data key (envelope encryption)', () => {
  it('round-trip, marked as the journey scheme with the wrapping master key, nothing in clear', async () => {
    const store = new MemoryStore();
    const codec = codecWith(store);
    const [sealed] = await codec.encode([payloadOf(beneficiary)], forJourney(JOURNEY));
    expect(text(sealed.metadata?.[METADATA_ENCRYPTION_KEY_ID])).toBe(JOURNEY_KEY_SCHEME);
    expect(text(sealed.metadata?.[METADATA_MASTER_KEY_ID])).toBe('m1');
    expect(text(sealed.metadata?.[METADATA_JOURNEY_ID])).toBe(JOURNEY);
    expect(Buffer.from(sealed.data!).toString('latin1')).not.toContain('RSSMRA85T10A562S');
    expect(store.rows.get(JOURNEY)?.masterKeyId).toBe('m1');
    expect(store.rows.get(JOURNEY)?.wrappedKey).toHaveLength(12 + 32 + 16);
    // Another process with the same master keys and store opens it.
    const [opened] = await codecWith(store).decode([sealed]);
    expect(valueOf(opened)).toEqual(beneficiary);
  });

  it('use one key per journey, created once even when two processes race for it', async () => {
    const store = new MemoryStore();
    const [a, b] = [codecWith(store), codecWith(store)];
    const [[x], [y], [z]] = await Promise.all([a.encode([payloadOf(1)], forJourney(JOURNEY)), b.encode([payloadOf(2)], forJourney(JOURNEY)), a.encode([payloadOf(3)], forJourney(OTHER_JOURNEY))]);
    expect(store.rows.size).toBe(2);
    expect((await b.decode([x, y, z])).map(valueOf)).toEqual([1, 2, 3]);
    // A payload's journey binding cannot be moved: under the other journey's key it does not open.
    const moved = { ...x, metadata: { ...x.metadata, [METADATA_JOURNEY_ID]: Buffer.from(OTHER_JOURNEY) } };
    await expect(a.decode([moved])).rejects.toBeInstanceOf(PayloadDecryptionError);
  });

  it('leave payloads of no journey, and those sealed before with a master key, as they were: both still decode', async () => {
    const store = new MemoryStore();
    const before = codecWith(undefined);
    const [old] = await before.encode([payloadOf(beneficiary)], forJourney(JOURNEY));
    expect(text(old.metadata?.[METADATA_ENCRYPTION_KEY_ID])).toBe('m1');
    const codec = codecWith(store);
    const [noJourney] = await codec.encode([payloadOf('cli')]);
    expect(text(noJourney.metadata?.[METADATA_ENCRYPTION_KEY_ID])).toBe('m1');
    expect((await codec.decode([old, noJourney])).map(valueOf)).toEqual([beneficiary, 'cli']);
    expect(store.rows.size).toBe(0);
  });

  it('fail clearly without a key store: a tool without the database cannot open them', async () => {
    const [sealed] = await codecWith(new MemoryStore()).encode([payloadOf(beneficiary)], forJourney(JOURNEY));
    await expect(codecWith(undefined).decode([sealed])).rejects.toThrow(/has no key store/);
  });

  it('no longer decode once the journey’s key is shredded: PersonalDataErasedError naming the journey, while other journeys still decode', async () => {
    const store = new MemoryStore();
    const codec = codecWith(store, undefined, undefined, 0);
    const [shredded] = await codec.encode([payloadOf(beneficiary)], forJourney(JOURNEY));
    const [kept] = await codec.encode([payloadOf('kept')], forJourney(OTHER_JOURNEY));
    store.shred(JOURNEY);
    const error = await codec.decode([shredded]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PersonalDataErasedError);
    expect((error as PersonalDataErasedError).journeyId).toBe(JOURNEY);
    expect((await codec.decode([kept])).map(valueOf)).toEqual(['kept']);
    // Nothing more can be sealed for it either.
    await expect(codec.encode([payloadOf('more')], forJourney(JOURNEY))).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('unwrap keys wrapped under a rotated-out master key, wrap new ones under the current one, and rewrap on demand', async () => {
    const store = new MemoryStore();
    const [sealed] = await codecWith(store, [['m1', m1]], 'm1').encode([payloadOf('old')], forJourney(JOURNEY));
    const rotated = codecWith(store, [['m1', m1], ['m2', m2]], 'm2');
    expect((await rotated.decode([sealed])).map(valueOf)).toEqual(['old']);
    await rotated.encode([payloadOf('new')], forJourney(OTHER_JOURNEY));
    expect(store.rows.get(OTHER_JOURNEY)?.masterKeyId).toBe('m2');
    // Rewrapping moves the old journey's key under m2; then m1 can be dropped and the old payload still opens.
    const keys = new Map([['m1', m1], ['m2', m2]]);
    store.rows.set(JOURNEY, rewrapDataKey(keys, JOURNEY, store.rows.get(JOURNEY)!, 'm2'));
    expect(store.rows.get(JOURNEY)?.masterKeyId).toBe('m2');
    expect((await codecWith(store, [['m2', m2]], 'm2').decode([sealed])).map(valueOf)).toEqual(['old']);
    // A key wrapped under a master key the process lacks is an error naming it, never a wrong reading.
    store.rows.set(JOURNEY, rewrapDataKey(keys, JOURNEY, store.rows.get(JOURNEY)!, 'm1'));
    await expect(codecWith(store, [['m2', m2]], 'm2').decode([sealed])).rejects.toThrow(/master key "m1"/);
  });

  it('refuse a wrapped key moved to another journey’s row', async () => {
    const store = new MemoryStore();
    await codecWith(store).encode([payloadOf(1)], forJourney(JOURNEY));
    store.rows.set(OTHER_JOURNEY, store.rows.get(JOURNEY)!);
    const keys = new JourneyDataKeys({ store, masterKeys: new Map([['m1', m1]]), currentMasterKeyId: 'm1' });
    await expect(keys.forOpening(OTHER_JOURNEY)).rejects.toBeInstanceOf(DataKeyUnwrapError);
  });

  it('are cached in memory, bounded and expiring', async () => {
    const store = new MemoryStore();
    let now = 0;
    const keys = new JourneyDataKeys({ store, masterKeys: new Map([['m1', m1]]), currentMasterKeyId: 'm1', cache: { maxEntries: 1, ttlMs: 1000 }, now: () => now });
    await keys.forSealing(JOURNEY);
    const finds = store.finds;
    await keys.forOpening(JOURNEY);
    expect(store.finds).toBe(finds); // cached
    await keys.forSealing(OTHER_JOURNEY); // evicts JOURNEY (one entry at most)
    await keys.forOpening(JOURNEY);
    expect(store.finds).toBe(finds + 2);
    now += 1001; // expired: read again, so a key shredded elsewhere stops opening here
    store.shred(JOURNEY);
    await expect(keys.forOpening(JOURNEY)).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('keep serving a key held in memory while the store cannot be reached, past its expiry, so running journeys go on', async () => {
    const store = new MemoryStore();
    let now = 0;
    const keys = new JourneyDataKeys({ store, masterKeys: new Map([['m1', m1]]), currentMasterKeyId: 'm1', cache: { ttlMs: 1000 }, now: () => now });
    const key = await keys.forSealing(JOURNEY);
    now += 5000;
    store.find = async () => Promise.reject(new Error('database down'));
    expect(await keys.forOpening(JOURNEY)).toEqual(key);
    expect(await keys.forSealing(JOURNEY)).toEqual(key);
    // A key it never held cannot be had while the store is down.
    await expect(keys.forOpening(OTHER_JOURNEY)).rejects.toThrow(/database down/);
  });

  it('refuse "journey" as a master key id', () => {
    expect(() => codecWith(undefined, [[JOURNEY_KEY_SCHEME, m1]], JOURNEY_KEY_SCHEME)).toThrow(/journey/);
  });
});
