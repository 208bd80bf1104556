import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec, type SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { UNENCRYPTED_PAYLOAD_MARKER } from '@sal/contracts';
import { JOURNEY_ID_PATTERN } from './journey-id';
import { JourneyDataKeys, type DataKeyStore } from './data-keys';

/** Encoding of a payload this codec encrypted: its data is the whole original payload, sealed. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata naming the key a payload was encrypted with, so a rotated-out key can still decrypt it. */
export const METADATA_ENCRYPTION_KEY_ID = 'encryption-key-id';
/**
 * Metadata naming the journey (workflow id) a payload belongs to, in clear (a keyed hash, no personal data) and bound to
 * the ciphertext as GCM additional data: changing or removing it makes the payload fail to open. The codec endpoint
 * reads it to keep a supervisor to the payloads of their offices' journeys.
 */
export const METADATA_JOURNEY_ID = 'journey-id';
/**
 * `encryption-key-id` of a payload sealed with its journey's own data key (envelope encryption, issue 15) rather than
 * with a master key: the key is the journey's, found by its `journey-id`. Never a master key's id.
 */
export const JOURNEY_KEY_SCHEME = 'journey';
/**
 * Metadata of a payload sealed with its journey's data key: the master key that wrapped the data key when the payload
 * was sealed (for information: after a rotation the key store says which master key wraps it now).
 */
export const METADATA_MASTER_KEY_ID = 'encryption-master-key-id';
/** Encoding of what a refused unencrypted payload decodes to (see {@link UNENCRYPTED_PAYLOAD_MARKER}). */
const JSON_ENCODING = 'json/plain';
/** Payloads the SDK writes for `undefined`: nothing in them to refuse. */
const NULL_ENCODING = 'binary/null';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

/**
 * Id and key of the embedded defaults. Never change them: histories recorded in development (test/histories) and the
 * dev server's SQLite file hold payloads sealed with this key.
 */
export const DEVELOPMENT_KEY_ID = 'dev-1';
const DEVELOPMENT_KEY = createHash('sha256').update('sal-dev-only-payload-encryption-key-change-me').digest();

/** The keys a process holds and the one it encrypts with. */
export interface PayloadEncryptionSettings {
  /** Every key that may still decrypt something: the current one and the ones rotated out. */
  keys: ReadonlyMap<string, Uint8Array>;
  /** The key new payloads are encrypted with. */
  currentKeyId: string;
  /** True on the embedded defaults: the fixed development key, which protects nothing. */
  developmentKey: boolean;
  /**
   * Whether a payload that arrives unencrypted is refused (`PAYLOAD_REFUSE_UNENCRYPTED`; on by default with
   * `NODE_ENV=production`): it decodes to `{ "unencryptedPayloadRefused": true }` instead of its content.
   */
  refuseUnencrypted: boolean;
}

/** `PAYLOAD_ENCRYPTION_KEYS` / `PAYLOAD_ENCRYPTION_KEY_ID` are missing or malformed. The message never holds key material. */
export class PayloadEncryptionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadEncryptionConfigError';
  }
}

/** A payload was sealed with a key this process does not hold (not in `PAYLOAD_ENCRYPTION_KEYS`). */
export class UnknownEncryptionKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`payload is encrypted with key "${keyId}", which is not among PAYLOAD_ENCRYPTION_KEYS (keep rotated-out keys there)`);
    this.name = 'UnknownEncryptionKeyError';
  }
}

/** A sealed payload does not open: truncated, altered, or sealed under another key with the same id. */
export class PayloadDecryptionError extends Error {
  constructor(reason: string) {
    super(`encrypted payload cannot be decrypted: ${reason}`);
    this.name = 'PayloadDecryptionError';
  }
}

/**
 * Encrypts every Temporal payload with AES-256-GCM, so Temporal's history holds no personal data in clear. The whole
 * serialized payload (metadata included) is sealed under a fresh 12-byte IV: `data` = IV ‖ ciphertext ‖ 16-byte tag,
 * as in Temporal's encryption samples. Decoding opens payloads with the key named in their metadata and lets any
 * other payload through untouched, so histories written before encryption still replay.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly currentKeyId: string;
  private readonly encodedMetadata: Record<string, Uint8Array>;
  /** See {@link PayloadEncryptionSettings.refuseUnencrypted}. */
  readonly refuseUnencrypted: boolean;
  /** The journeys' data keys; absent, every payload is sealed with the current master key (the scheme before issue 15). */
  readonly dataKeys: JourneyDataKeys | null;

  /**
   * @param options.dataKeys the store of the journeys' data keys (`payload_data_keys`): with it, a payload sealed for a
   *   journey is sealed with that journey's data key; without it (tools, tests, replay of recorded histories) with the
   *   current master key, and a payload sealed with a data key cannot be opened.
   */
  constructor(
    settings: Pick<PayloadEncryptionSettings, 'keys' | 'currentKeyId'> & Partial<Pick<PayloadEncryptionSettings, 'refuseUnencrypted'>>,
    options: { dataKeys?: DataKeyStore | JourneyDataKeys; dataKeyCache?: { maxEntries?: number; ttlMs?: number } } = {},
  ) {
    const keys = new Map<string, Buffer>();
    for (const [id, key] of settings.keys) {
      if (key.length !== KEY_BYTES) throw new PayloadEncryptionConfigError(`key "${id}" must be ${KEY_BYTES} bytes, got ${key.length}`);
      if (id === JOURNEY_KEY_SCHEME) throw new PayloadEncryptionConfigError(`"${JOURNEY_KEY_SCHEME}" names the journeys' data keys: it cannot be a master key's id`);
      keys.set(id, Buffer.from(key));
    }
    if (!keys.has(settings.currentKeyId)) throw new PayloadEncryptionConfigError(`the current key "${settings.currentKeyId}" is not among the keys`);
    this.keys = keys;
    this.currentKeyId = settings.currentKeyId;
    this.refuseUnencrypted = settings.refuseUnencrypted ?? false;
    this.encodedMetadata = {
      [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
      [METADATA_ENCRYPTION_KEY_ID]: Buffer.from(settings.currentKeyId),
    };
    const dataKeys = options.dataKeys;
    this.dataKeys =
      dataKeys === undefined
        ? null
        : dataKeys instanceof JourneyDataKeys
          ? dataKeys
          : new JourneyDataKeys({ store: dataKeys, masterKeys: keys, currentMasterKeyId: settings.currentKeyId, cache: options.dataKeyCache });
  }

  /**
   * Seals each payload. When the SDK says which journey the payloads belong to (its serialization context: the
   * workflow, or the workflow that scheduled the activity), that journey id is written in the metadata and bound to the
   * ciphertext, and — with a key store — the payload is sealed with the journey's own data key (created on first use);
   * otherwise with the current master key.
   * @throws PersonalDataErasedError for a journey whose data key was shredded.
   */
  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const journeyId = journeyOf(context);
    let key = this.keys.get(this.currentKeyId)!;
    let metadata: Record<string, Uint8Array> = this.encodedMetadata;
    if (journeyId && this.dataKeys) {
      key = await this.dataKeys.forSealing(journeyId);
      metadata = {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
        [METADATA_ENCRYPTION_KEY_ID]: Buffer.from(JOURNEY_KEY_SCHEME),
        [METADATA_MASTER_KEY_ID]: Buffer.from(this.dataKeys.currentMasterKeyId),
        [METADATA_JOURNEY_ID]: Buffer.from(journeyId),
      };
    } else if (journeyId) {
      metadata = { ...this.encodedMetadata, [METADATA_JOURNEY_ID]: Buffer.from(journeyId) };
    }
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      if (journeyId) cipher.setAAD(Buffer.from(journeyId));
      const sealed = Buffer.concat([cipher.update(temporal.api.common.v1.Payload.encode(payload).finish()), cipher.final()]);
      return { metadata: { ...metadata }, data: Buffer.concat([iv, sealed, cipher.getAuthTag()]) };
    });
  }

  /**
   * Opens sealed payloads. Any other payload is let through as it is (histories written before encryption), unless
   * unencrypted payloads are refused: then it becomes `{ "unencryptedPayloadRefused": true }`. Refusing by throwing
   * would fail the workflow task over and over (the journey would stop); the marker lets the update's validator refuse
   * the command and the journey go on. `binary/null` (the SDK's `undefined`) carries nothing and passes.
   * @throws PersonalDataErasedError for a payload of a journey whose data key was shredded (past retention).
   */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    const opened: Payload[] = [];
    for (const payload of payloads) {
      if (isEncrypted(payload)) opened.push(await this.open(payload));
      else opened.push(this.refuseUnencrypted && encodingOf(payload) !== NULL_ENCODING ? refusedPayload() : payload);
    }
    return opened;
  }

  /** The journey a sealed payload is bound to (metadata `journey-id`), or null when it names none. */
  static journeyIdOf(payload: Payload): string | null {
    const bytes = payload.metadata?.[METADATA_JOURNEY_ID];
    if (!bytes) return null;
    const id = Buffer.from(bytes).toString('utf8');
    return JOURNEY_ID_PATTERN.test(id) ? id : null;
  }

  private async open(payload: Payload): Promise<Payload> {
    const keyIdBytes = payload.metadata?.[METADATA_ENCRYPTION_KEY_ID];
    if (!keyIdBytes) throw new PayloadDecryptionError(`no ${METADATA_ENCRYPTION_KEY_ID} in its metadata`);
    const keyId = Buffer.from(keyIdBytes).toString('utf8');
    const key = keyId === JOURNEY_KEY_SCHEME ? await this.journeyKeyOf(payload) : this.keys.get(keyId);
    if (!key) throw new UnknownEncryptionKeyError(keyId);
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError('too short to hold an IV and a tag');
    const decipher = createDecipheriv(ALGORITHM, key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const journeyBytes = payload.metadata?.[METADATA_JOURNEY_ID];
    if (journeyBytes) decipher.setAAD(Buffer.from(journeyBytes));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(`authentication failed under key "${keyId}" (altered or truncated)`);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }

  /** The data key of the journey a payload sealed with one names. */
  private async journeyKeyOf(payload: Payload): Promise<Buffer> {
    const journeyId = AesGcmPayloadCodec.journeyIdOf(payload);
    if (!journeyId) throw new PayloadDecryptionError(`sealed with a journey's data key but names no valid ${METADATA_JOURNEY_ID}`);
    if (!this.dataKeys) throw new PayloadDecryptionError(`sealed with the data key of journey ${journeyId}, and this process has no key store (payload_data_keys)`);
    return this.dataKeys.forOpening(journeyId);
  }
}

function encodingOf(payload: Payload): string | null {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding === undefined || encoding === null ? null : Buffer.from(encoding).toString('utf8');
}

function isEncrypted(payload: Payload): boolean {
  return encodingOf(payload) === ENCRYPTED_ENCODING;
}

function refusedPayload(): Payload {
  return { metadata: { [METADATA_ENCODING_KEY]: Buffer.from(JSON_ENCODING) }, data: Buffer.from(JSON.stringify({ [UNENCRYPTED_PAYLOAD_MARKER]: true })) };
}

/** The journey id of the SDK's serialization context, when it is one (a workflow, or an activity of a workflow). */
function journeyOf(context: SerializationContext | undefined): string | null {
  const id = context?.workflowId;
  return typeof id === 'string' && JOURNEY_ID_PATTERN.test(id) ? id : null;
}

/**
 * `PAYLOAD_REFUSE_UNENCRYPTED`: `true` or `false`; unset, on with `NODE_ENV=production` and off elsewhere (histories
 * recorded before encryption, and the development tools, still use plain payloads).
 */
export function refuseUnencryptedPayloads(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.PAYLOAD_REFUSE_UNENCRYPTED?.trim().toLowerCase();
  if (!raw) return env.NODE_ENV === 'production';
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new PayloadEncryptionConfigError(`PAYLOAD_REFUSE_UNENCRYPTED must be true or false, got '${raw}'`);
}

/** Whether the payload keys are the built-in development key (neither `PAYLOAD_ENCRYPTION_KEYS` nor production). */
export function usesDevelopmentPayloadKey(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.PAYLOAD_ENCRYPTION_KEYS?.trim() && env.NODE_ENV !== 'production';
}

let developmentKeyAnnounced = false;

/**
 * Reads the payload keys: `PAYLOAD_ENCRYPTION_KEYS` = comma-separated `keyId:base64key` (32-byte keys, e.g.
 * `openssl rand -base64 32`), the current one and every one rotated out; `PAYLOAD_ENCRYPTION_KEY_ID` = the key new
 * payloads are sealed with (may be omitted when there is one key). With neither set and `NODE_ENV` not `production`,
 * the fixed development key `dev-1`, announced once on `warn`; in production that is refused.
 * @throws PayloadEncryptionConfigError naming what is wrong.
 */
export function payloadEncryptionSettings(
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (message) => console.warn(message),
): PayloadEncryptionSettings {
  const rawKeys = env.PAYLOAD_ENCRYPTION_KEYS?.trim() ?? '';
  const rawKeyId = env.PAYLOAD_ENCRYPTION_KEY_ID?.trim() ?? '';
  if (!rawKeys) {
    if (env.NODE_ENV === 'production') throw new PayloadEncryptionConfigError('PAYLOAD_ENCRYPTION_KEYS must be set in production');
    if (rawKeyId && rawKeyId !== DEVELOPMENT_KEY_ID) {
      throw new PayloadEncryptionConfigError(`PAYLOAD_ENCRYPTION_KEY_ID is "${rawKeyId}" but PAYLOAD_ENCRYPTION_KEYS is not set`);
    }
    if (!developmentKeyAnnounced) {
      developmentKeyAnnounced = true;
      warn(
        '*** WARNING: Temporal payloads are encrypted with the fixed DEVELOPMENT key "dev-1", which protects nothing. ' +
          'Set PAYLOAD_ENCRYPTION_KEYS and PAYLOAD_ENCRYPTION_KEY_ID anywhere real personal data is processed. ***',
      );
    }
    return { keys: new Map([[DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY]]), currentKeyId: DEVELOPMENT_KEY_ID, developmentKey: true, refuseUnencrypted: refuseUnencryptedPayloads(env) };
  }
  const keys = new Map<string, Uint8Array>();
  for (const entry of rawKeys.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const encoded = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id) || !encoded) {
      throw new PayloadEncryptionConfigError('PAYLOAD_ENCRYPTION_KEYS entries are keyId:base64key (id of 1-64 letters, digits, . _ -), separated by commas');
    }
    if (keys.has(id)) throw new PayloadEncryptionConfigError(`PAYLOAD_ENCRYPTION_KEYS names key "${id}" twice`);
    if (id === JOURNEY_KEY_SCHEME) throw new PayloadEncryptionConfigError(`PAYLOAD_ENCRYPTION_KEYS: "${JOURNEY_KEY_SCHEME}" is reserved (it marks payloads sealed with a journey's data key)`);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new PayloadEncryptionConfigError(`PAYLOAD_ENCRYPTION_KEYS: key "${id}" must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
    }
    keys.set(id, key);
  }
  if (keys.size === 0) throw new PayloadEncryptionConfigError('PAYLOAD_ENCRYPTION_KEYS holds no key');
  const currentKeyId = rawKeyId || (keys.size === 1 ? [...keys.keys()][0] : '');
  if (!currentKeyId) throw new PayloadEncryptionConfigError('PAYLOAD_ENCRYPTION_KEY_ID must name the key to encrypt with when PAYLOAD_ENCRYPTION_KEYS holds several');
  if (!keys.has(currentKeyId)) {
    throw new PayloadEncryptionConfigError(`PAYLOAD_ENCRYPTION_KEY_ID "${currentKeyId}" is not among PAYLOAD_ENCRYPTION_KEYS (${[...keys.keys()].join(', ')})`);
  }
  return { keys, currentKeyId, developmentKey: false, refuseUnencrypted: refuseUnencryptedPayloads(env) };
}

/**
 * The payload codec of every Temporal client and worker of the product, keyed from the environment; with `dataKeys`
 * (the `payload_data_keys` store) journeys' payloads are sealed with their own data keys.
 */
export function journeyPayloadCodec(env: NodeJS.ProcessEnv = process.env, dataKeys?: DataKeyStore): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(payloadEncryptionSettings(env), { dataKeys });
}

/**
 * The data converter of every Temporal client and worker: JSON payloads, encrypted by {@link AesGcmPayloadCodec}.
 * The codec runs outside the workflow sandbox, so workflow code and its bundle are unchanged.
 * @example new Client({ connection, namespace, dataConverter: journeyDataConverter() })
 */
export function journeyDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter {
  return { payloadCodecs: [journeyPayloadCodec(env)] };
}
