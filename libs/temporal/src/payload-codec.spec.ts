import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  DEVELOPMENT_KEY_ID,
  ENCRYPTED_ENCODING,
  journeyDataConverter,
  METADATA_ENCRYPTION_KEY_ID,
  METADATA_JOURNEY_ID,
  PayloadDecryptionError,
  PayloadEncryptionConfigError,
  payloadEncryptionSettings,
  refuseUnencryptedPayloads,
  UnknownEncryptionKeyError,
  usesDevelopmentPayloadKey,
} from './payload-codec';
import { UNENCRYPTED_PAYLOAD_MARKER } from '@sal/contracts';

const beneficiary = { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.org' };
const k1 = randomBytes(32);
const k2 = randomBytes(32);

function codec(keys: [string, Buffer][], currentKeyId: string): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec({ keys: new Map(keys), currentKeyId });
}

function payloadOf(value: unknown): Payload {
  return defaultPayloadConverter.toPayload(value);
}

function text(bytes: Uint8Array | null | undefined): string {
  return Buffer.from(bytes ?? []).toString('utf8');
}

function keyIdOf(payload: Payload): string {
  return text(payload.metadata?.[METADATA_ENCRYPTION_KEY_ID]);
}

describe('AES-256-GCM payload codec', () => {
  const c = codec([['k1', k1]], 'k1');

  it('seals a payload so nothing of it reads in clear, and opens it back to the same value and metadata', async () => {
    const plain = payloadOf(beneficiary);
    const [sealed] = await c.encode([plain]);
    expect(text(sealed.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(keyIdOf(sealed)).toBe('k1');
    expect(Buffer.from(sealed.data!).toString('latin1')).not.toContain('RSSMRA85T10A562S');
    expect(Buffer.from(sealed.data!).toString('latin1')).not.toContain('json/plain');
    const [opened] = await c.decode([sealed]);
    expect(text(opened.metadata?.[METADATA_ENCODING_KEY])).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(beneficiary);
  });

  it('round-trips every kind of payload the SDK writes, including undefined (binary/null) and several at once', async () => {
    const values = [undefined, null, 'x', 42, [1, 'two'], { nested: { deep: true } }];
    const opened = await c.decode(await c.encode(values.map(payloadOf)));
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(values);
  });

  it('uses a fresh IV for every payload: the same value never seals to the same bytes', async () => {
    const sealed = await c.encode([payloadOf(beneficiary), payloadOf(beneficiary)]);
    const again = await c.encode([payloadOf(beneficiary)]);
    const ivs = [...sealed, ...again].map((p) => Buffer.from(p.data!).subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(3);
    expect(Buffer.from(sealed[0].data!).equals(Buffer.from(sealed[1].data!))).toBe(false);
  });

  it('after a rotation, opens what the old key sealed and seals new payloads with the new key', async () => {
    const [old] = await codec([['k1', k1]], 'k1').encode([payloadOf(beneficiary)]);
    const rotated = codec([['k2', k2], ['k1', k1]], 'k2');
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toEqual(beneficiary);
    const [fresh] = await rotated.encode([payloadOf(beneficiary)]);
    expect(keyIdOf(fresh)).toBe('k2');
    await expect(codec([['k1', k1]], 'k1').decode([fresh])).rejects.toThrow(UnknownEncryptionKeyError);
  });

  it('refuses a payload sealed with a key it does not hold, naming the key', async () => {
    const [sealed] = await codec([['k-retired', k1]], 'k-retired').encode([payloadOf(beneficiary)]);
    await expect(c.decode([sealed])).rejects.toThrow(/key "k-retired".*PAYLOAD_ENCRYPTION_KEYS/);
  });

  it('refuses an altered or truncated payload (GCM authentication), and a key id under which it was not sealed', async () => {
    const [sealed] = await c.encode([payloadOf(beneficiary)]);
    const data = Buffer.from(sealed.data!);
    for (const at of [0, 12, data.length - 20, data.length - 1]) {
      const altered = Buffer.from(data);
      altered[at] ^= 0x01;
      await expect(c.decode([{ metadata: sealed.metadata, data: altered }])).rejects.toThrow(PayloadDecryptionError);
    }
    await expect(c.decode([{ metadata: sealed.metadata, data: data.subarray(0, 20) }])).rejects.toThrow(PayloadDecryptionError);
    const sameIdOtherKey = codec([['k1', k2]], 'k1');
    await expect(sameIdOtherKey.decode([sealed])).rejects.toThrow(PayloadDecryptionError);
  });

  it('lets payloads it did not seal through untouched: histories written before encryption still replay', async () => {
    const plain = [payloadOf(beneficiary), payloadOf(undefined), { metadata: {}, data: Buffer.from('raw') }, {}];
    const decoded = await c.decode(plain);
    decoded.forEach((p, i) => expect(p).toBe(plain[i]));
  });
});

describe('the journey a payload belongs to', () => {
  const c = codec([['k1', k1]], 'k1');
  const journeyId = 'jrn_0123456789abcdef0123456789abcdef';
  const other = 'jrn_fedcba9876543210fedcba9876543210';

  it('is named in the metadata of what is sealed for a workflow or for an activity of one, and bound to the ciphertext', async () => {
    const [forWorkflow] = await c.encode([payloadOf(beneficiary)], { type: 'workflow', namespace: 'default', workflowId: journeyId });
    const [forActivity] = await c.encode([payloadOf(beneficiary)], { type: 'activity', namespace: 'default', workflowId: journeyId, isLocal: false });
    for (const sealed of [forWorkflow, forActivity]) {
      expect(text(sealed.metadata?.[METADATA_JOURNEY_ID])).toBe(journeyId);
      expect(AesGcmPayloadCodec.journeyIdOf(sealed)).toBe(journeyId);
      expect(defaultPayloadConverter.fromPayload((await c.decode([sealed]))[0])).toEqual(beneficiary);
    }
    // Naming another journey, or none, breaks the seal: the journey a payload names can be trusted.
    const renamed = { ...forWorkflow, metadata: { ...forWorkflow.metadata, [METADATA_JOURNEY_ID]: Buffer.from(other) } };
    await expect(c.decode([renamed])).rejects.toThrow(PayloadDecryptionError);
    const withoutJourney = { ...forWorkflow.metadata };
    delete withoutJourney[METADATA_JOURNEY_ID];
    await expect(c.decode([{ ...forWorkflow, metadata: withoutJourney }])).rejects.toThrow(PayloadDecryptionError);
  });

  it('is left out when the context names no journey (the CLI, the codec endpoint, other workflows)', async () => {
    const [none] = await c.encode([payloadOf(1)]);
    const [foreign] = await c.encode([payloadOf(1)], { type: 'workflow', namespace: 'default', workflowId: 'something-else' });
    for (const sealed of [none, foreign]) {
      expect(sealed.metadata?.[METADATA_JOURNEY_ID]).toBeUndefined();
      expect(AesGcmPayloadCodec.journeyIdOf(sealed)).toBeNull();
      expect(defaultPayloadConverter.fromPayload((await c.decode([sealed]))[0])).toBe(1);
    }
  });
});

describe('unencrypted payloads, when refused', () => {
  const refusing = new AesGcmPayloadCodec({ keys: new Map([['k1', k1]]), currentKeyId: 'k1', refuseUnencrypted: true });

  it('decode to the refusal marker instead of their content, without throwing (a throw would fail the workflow task forever)', async () => {
    const plain = [payloadOf({ operatorId: 'op-x', channel: 'phone' }), payloadOf('text'), { metadata: {}, data: Buffer.from('raw') }, {}];
    const decoded = await refusing.decode(plain);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(plain.map(() => ({ [UNENCRYPTED_PAYLOAD_MARKER]: true })));
    expect(UNENCRYPTED_PAYLOAD_MARKER).toBe('unencryptedPayloadRefused');
  });

  it('still open what is sealed, and let the empty payload of `undefined` through', async () => {
    const [sealed] = await refusing.encode([payloadOf(beneficiary)]);
    const [opened, nothing] = await refusing.decode([sealed, payloadOf(undefined)]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(beneficiary);
    expect(defaultPayloadConverter.fromPayload(nothing)).toBeUndefined();
  });

  it('are refused by default with NODE_ENV=production only, and as PAYLOAD_REFUSE_UNENCRYPTED says otherwise', () => {
    expect(refuseUnencryptedPayloads({ NODE_ENV: 'production' })).toBe(true);
    expect(refuseUnencryptedPayloads({ NODE_ENV: 'production', PAYLOAD_REFUSE_UNENCRYPTED: 'false' })).toBe(false);
    expect(refuseUnencryptedPayloads({})).toBe(false);
    expect(refuseUnencryptedPayloads({ PAYLOAD_REFUSE_UNENCRYPTED: 'true' })).toBe(true);
    expect(() => refuseUnencryptedPayloads({ PAYLOAD_REFUSE_UNENCRYPTED: 'yes' })).toThrow(/true or false/);
    const b64 = k1.toString('base64');
    expect(payloadEncryptionSettings({ NODE_ENV: 'production', PAYLOAD_ENCRYPTION_KEYS: `k1:${b64}` }).refuseUnencrypted).toBe(true);
    expect(journeyDataConverter({ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64}`, PAYLOAD_REFUSE_UNENCRYPTED: 'true' }).payloadCodecs![0]).toMatchObject({ refuseUnencrypted: true });
  });

  it('tell whether the development key is in use', () => {
    expect(usesDevelopmentPayloadKey({})).toBe(true);
    expect(usesDevelopmentPayloadKey({ PAYLOAD_ENCRYPTION_KEYS: `k1:${k1.toString('base64')}` })).toBe(false);
    expect(usesDevelopmentPayloadKey({ NODE_ENV: 'production' })).toBe(false);
  });
});

describe('payload keys from the environment', () => {
  const b64 = (key: Buffer) => key.toString('base64');

  it('read keyId:base64 pairs and the current key id', () => {
    const s = payloadEncryptionSettings({ PAYLOAD_ENCRYPTION_KEYS: `k2:${b64(k2)}, k1:${b64(k1)}`, PAYLOAD_ENCRYPTION_KEY_ID: 'k2' });
    expect([...s.keys.keys()]).toEqual(['k2', 'k1']);
    expect(Buffer.from(s.keys.get('k1')!).equals(k1)).toBe(true);
    expect(s).toMatchObject({ currentKeyId: 'k2', developmentKey: false });
  });

  it('take the only key as the current one when the id is omitted, but not one of several', () => {
    expect(payloadEncryptionSettings({ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(k1)}` }).currentKeyId).toBe('k1');
    expect(() => payloadEncryptionSettings({ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(k1)},k2:${b64(k2)}` })).toThrow(/PAYLOAD_ENCRYPTION_KEY_ID must name/);
  });

  it('refuse a current key that is not among the keys, a short key, a malformed entry, a duplicate id', () => {
    const bad: [NodeJS.ProcessEnv, RegExp][] = [
      [{ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(k1)}`, PAYLOAD_ENCRYPTION_KEY_ID: 'k9' }, /"k9" is not among/],
      [{ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(randomBytes(16))}` }, /"k1" must be 32 bytes/],
      [{ PAYLOAD_ENCRYPTION_KEYS: 'k1:not base64 at all!' }, /"k1" must be 32 bytes/],
      [{ PAYLOAD_ENCRYPTION_KEYS: b64(k1) }, /keyId:base64key/],
      [{ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(k1)},k1:${b64(k2)}` }, /twice/],
      [{ PAYLOAD_ENCRYPTION_KEY_ID: 'k1' }, /PAYLOAD_ENCRYPTION_KEYS is not set/],
    ];
    for (const [env, message] of bad) expect(() => payloadEncryptionSettings(env)).toThrow(message);
    try {
      payloadEncryptionSettings({ PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(randomBytes(16))}` });
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadEncryptionConfigError);
    }
  });

  it('fall back to the fixed development key, loudly and once, when nothing is set outside production', async () => {
    const warnings: string[] = [];
    const first = payloadEncryptionSettings({ NODE_ENV: 'development' }, (m) => warnings.push(m));
    const second = payloadEncryptionSettings({}, (m) => warnings.push(m));
    expect(first).toMatchObject({ currentKeyId: DEVELOPMENT_KEY_ID, developmentKey: true });
    expect(Buffer.from(second.keys.get(DEVELOPMENT_KEY_ID)!).equals(Buffer.from(first.keys.get(DEVELOPMENT_KEY_ID)!))).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/DEVELOPMENT key "dev-1"/);
    // Every process on the defaults (API, worker, tests) shares the key, so each opens what the others sealed.
    const [sealed] = await journeyDataConverter({}).payloadCodecs![0].encode([payloadOf(beneficiary)]);
    expect(defaultPayloadConverter.fromPayload((await journeyDataConverter({}).payloadCodecs![0].decode([sealed]))[0])).toEqual(beneficiary);
  });

  it('refuse to start in production without keys', () => {
    expect(() => payloadEncryptionSettings({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_ENCRYPTION_KEYS must be set in production/);
    expect(payloadEncryptionSettings({ NODE_ENV: 'production', PAYLOAD_ENCRYPTION_KEYS: `k1:${b64(k1)}` }).currentKeyId).toBe('k1');
  });

  it('never put key material in an error message', () => {
    const secret = b64(randomBytes(16));
    expect(() => payloadEncryptionSettings({ PAYLOAD_ENCRYPTION_KEYS: `k1:${secret}` })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
  });
});
