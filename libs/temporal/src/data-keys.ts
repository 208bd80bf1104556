import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of Temporal payloads (issue 15, crypto-shredding): each journey episode has its own random
 * 32-byte data key; the key is stored wrapped (AES-256-GCM) under a master key of `PAYLOAD_ENCRYPTION_KEYS`, and the
 * payloads of the journey are sealed with it. Deleting the wrapped key makes every payload of that journey's immutable
 * history unreadable, with no change to the history itself. A person's keys are the keys of their episodes: retention
 * is counted per closed episode, so each episode is shredded on its own.
 */

const ALGORITHM = 'aes-256-gcm';
/** Bytes of a data key, and of a master key. */
export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A journey's data key as the store holds it: wrapped under the master key named, or shredded (`wrappedKey` null). */
export interface StoredDataKey {
  masterKeyId: string;
  /** IV ‖ ciphertext ‖ tag; null once the key was shredded. */
  wrappedKey: Uint8Array | null;
}

/**
 * Where wrapped data keys are kept (the worker and the API: `payload_data_keys` in PostgreSQL, see `@sal/persistence`'s
 * `PayloadDataKeyStore`). Only wrapped keys go through it.
 */
export interface DataKeyStore {
  /** The journey's key, or null when it has none yet. */
  find(journeyId: string): Promise<StoredDataKey | null>;
  /**
   * Records `wrappedKey` as the journey's key unless it has one already, and answers the key the journey has now (the
   * one given, or the one another process recorded first): `INSERT … ON CONFLICT DO NOTHING`, then `SELECT`.
   */
  insertIfAbsent(journeyId: string, masterKeyId: string, wrappedKey: Uint8Array): Promise<StoredDataKey>;
}

/**
 * The personal data of a journey was erased: its data key was deleted (crypto-shredding, past its catalogue's
 * retention), so its payloads can no longer be decoded by anyone. Not a fault to retry.
 */
export class PersonalDataErasedError extends Error {
  constructor(readonly journeyId: string) {
    super(`the personal data of journey ${journeyId} was erased (its payload key is shredded): its payloads can no longer be decoded`);
    this.name = 'PersonalDataErasedError';
  }
}

/** A wrapped data key does not unwrap: the master key it names is missing, or the record was altered. */
export class DataKeyUnwrapError extends Error {
  constructor(readonly journeyId: string, reason: string) {
    super(`the data key of journey ${journeyId} cannot be unwrapped: ${reason}`);
    this.name = 'DataKeyUnwrapError';
  }
}

/** The additional data of a wrapped key: the key belongs to this journey only (a record moved to another row fails). */
function wrapAad(journeyId: string): Buffer {
  return Buffer.from(`sal-data-key:${journeyId}`);
}

/** Wraps a data key under a master key (AES-256-GCM, bound to the journey): IV ‖ ciphertext ‖ tag. */
export function wrapDataKey(masterKey: Uint8Array, journeyId: string, dataKey: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, masterKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrapAad(journeyId));
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]);
}

/** Opens a key {@link wrapDataKey} wrapped. @throws DataKeyUnwrapError when it does not open. */
export function unwrapDataKey(masterKey: Uint8Array, journeyId: string, wrapped: Uint8Array): Buffer {
  const data = Buffer.from(wrapped);
  if (data.length !== IV_BYTES + DATA_KEY_BYTES + TAG_BYTES) throw new DataKeyUnwrapError(journeyId, 'wrong length');
  const decipher = createDecipheriv(ALGORITHM, masterKey, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(wrapAad(journeyId));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DataKeyUnwrapError(journeyId, 'authentication failed (altered, or wrapped under another key with the same id)');
  }
}

/** What `read` answers when the store is unreachable and an expired key is still held. */
const STALE = Symbol('stale');

/** How many unwrapped data keys a process keeps in memory, and for how long, unless told otherwise. */
export const DATA_KEY_CACHE_DEFAULTS = { maxEntries: 10_000, ttlMs: 5 * 60_000 } as const;

export interface JourneyDataKeysOptions {
  store: DataKeyStore;
  /** The master keys (`PAYLOAD_ENCRYPTION_KEYS`) and the one new data keys are wrapped with. */
  masterKeys: ReadonlyMap<string, Uint8Array>;
  currentMasterKeyId: string;
  /**
   * Unwrapped keys kept in memory: at most `maxEntries` (least recently used out first), each for `ttlMs` — so a key
   * shredded by another process stops opening payloads here within `ttlMs` at the latest. Past `ttlMs` a key is read
   * again from the store; while the store cannot be reached, the key held is used still.
   */
  cache?: { maxEntries?: number; ttlMs?: number };
  /** The clock of the cache (tests). */
  now?: () => number;
}

/**
 * The journeys' data keys of one process: created on first use (race-safe through the store), unwrapped with the
 * master key their record names, cached in memory (bounded, expiring).
 */
export class JourneyDataKeys {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: JourneyDataKeysOptions) {
    if (!options.masterKeys.has(options.currentMasterKeyId)) throw new Error(`the current master key "${options.currentMasterKeyId}" is not among the keys`);
    this.maxEntries = Math.max(1, options.cache?.maxEntries ?? DATA_KEY_CACHE_DEFAULTS.maxEntries);
    this.ttlMs = Math.max(0, options.cache?.ttlMs ?? DATA_KEY_CACHE_DEFAULTS.ttlMs);
    this.now = options.now ?? Date.now;
  }

  /** The id of the master key new data keys are wrapped with (written in the payloads' metadata, for information). */
  get currentMasterKeyId(): string {
    return this.options.currentMasterKeyId;
  }

  /**
   * The journey's key to seal payloads with, created when it has none.
   * @throws PersonalDataErasedError when it was shredded.
   */
  async forSealing(journeyId: string): Promise<Buffer> {
    const cached = this.cached(journeyId);
    if (cached) return cached;
    let stored = await this.read(journeyId);
    if (stored === STALE) return this.stale(journeyId)!;
    if (!stored) {
      const fresh = randomBytes(DATA_KEY_BYTES);
      const masterKey = this.options.masterKeys.get(this.options.currentMasterKeyId)!;
      stored = await this.options.store.insertIfAbsent(journeyId, this.options.currentMasterKeyId, wrapDataKey(masterKey, journeyId, fresh));
    }
    return this.remember(journeyId, this.unwrap(journeyId, stored));
  }

  /**
   * The journey's key to open its payloads with.
   * @throws PersonalDataErasedError when it was shredded; DataKeyUnwrapError when it is missing or does not unwrap.
   */
  async forOpening(journeyId: string): Promise<Buffer> {
    const cached = this.cached(journeyId);
    if (cached) return cached;
    const stored = await this.read(journeyId);
    if (stored === STALE) return this.stale(journeyId)!;
    if (!stored) throw new DataKeyUnwrapError(journeyId, 'the key store holds no key for it');
    return this.remember(journeyId, this.unwrap(journeyId, stored));
  }

  /** Drops the journey's key from memory (after shredding it). */
  forget(journeyId: string): void {
    this.cache.delete(journeyId);
  }

  private unwrap(journeyId: string, stored: StoredDataKey): Buffer {
    if (stored.wrappedKey === null) {
      this.cache.delete(journeyId);
      throw new PersonalDataErasedError(journeyId);
    }
    const masterKey = this.options.masterKeys.get(stored.masterKeyId);
    if (!masterKey) throw new DataKeyUnwrapError(journeyId, `it is wrapped under master key "${stored.masterKeyId}", which is not among PAYLOAD_ENCRYPTION_KEYS`);
    return unwrapDataKey(masterKey, journeyId, stored.wrappedKey);
  }

  /**
   * The stored key, or STALE when the store cannot be reached but this process still holds the key (expired): while
   * the database is down, running journeys keep going on the keys their workers hold. A key the store says is
   * shredded is never served from memory again.
   */
  private async read(journeyId: string): Promise<StoredDataKey | null | typeof STALE> {
    try {
      return await this.options.store.find(journeyId);
    } catch (error) {
      if (this.stale(journeyId)) return STALE;
      throw error;
    }
  }

  private cached(journeyId: string): Buffer | null {
    const entry = this.cache.get(journeyId);
    if (!entry || entry.until <= this.now()) return null;
    this.cache.delete(journeyId);
    this.cache.set(journeyId, entry); // most recently used last
    return entry.key;
  }

  private stale(journeyId: string): Buffer | null {
    return this.cache.get(journeyId)?.key ?? null;
  }

  private remember(journeyId: string, key: Buffer): Buffer {
    this.cache.delete(journeyId);
    this.cache.set(journeyId, { key, until: this.now() + this.ttlMs });
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return key;
  }
}

/**
 * Rewraps one stored key under another master key (rotation: `npm run rewrap-data-keys`). A shredded key stays
 * shredded (null). @throws DataKeyUnwrapError when the old master key is missing.
 */
export function rewrapDataKey(
  masterKeys: ReadonlyMap<string, Uint8Array>,
  journeyId: string,
  stored: StoredDataKey,
  toMasterKeyId: string,
): StoredDataKey {
  if (stored.wrappedKey === null || stored.masterKeyId === toMasterKeyId) return stored;
  const from = masterKeys.get(stored.masterKeyId);
  if (!from) throw new DataKeyUnwrapError(journeyId, `it is wrapped under master key "${stored.masterKeyId}", which is not among PAYLOAD_ENCRYPTION_KEYS`);
  const to = masterKeys.get(toMasterKeyId);
  if (!to) throw new Error(`master key "${toMasterKeyId}" is not among PAYLOAD_ENCRYPTION_KEYS`);
  return { masterKeyId: toMasterKeyId, wrappedKey: wrapDataKey(to, journeyId, unwrapDataKey(from, journeyId, stored.wrappedKey)) };
}
