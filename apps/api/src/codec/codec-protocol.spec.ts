import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec } from '@sal/temporal';
import { ValidationFailedError } from '../common/api-errors';
import { codecCors } from './codec-cors';
import { decodePayloads, encodePayloads, type CodecTarget } from './codec-protocol';
import { loadCodecSettings } from './codec-settings';

const codec = new AesGcmPayloadCodec({ keys: new Map([['k1', randomBytes(32)]]), currentKeyId: 'k1' });
const target: CodecTarget = { codec, namespace: 'default' };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const person = '{"fiscalCode":"RSSMRA85T10A562S","givenName":"Mario"}';
const plain = { metadata: { encoding: b64('json/plain') }, data: b64(person) };

async function refusal(promise: Promise<unknown>): Promise<ValidationFailedError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationFailedError);
  return error as ValidationFailedError;
}

describe('the codec endpoint (Temporal remote codec protocol)', () => {
  it('encrypts payloads and decrypts them back, in protobuf JSON', async () => {
    const { payloads: [sealed] } = await encodePayloads(target, { payloads: [plain] }, 'default');
    expect(Buffer.from(sealed.metadata!.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed.metadata!['encryption-key-id'], 'base64').toString()).toBe('k1');
    expect(Buffer.from(sealed.data!, 'base64').toString('latin1')).not.toContain('RSSMRA85T10A562S');
    expect(await decodePayloads(target, { payloads: [sealed] }, 'default')).toEqual({ payloads: [plain] });
  });

  it('opens what the worker sealed, and returns payloads it did not seal unchanged', async () => {
    const [sealed] = await codec.encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(person) }]);
    const wire = { metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64('k1') }, data: Buffer.from(sealed.data!).toString('base64') };
    const nothing = { metadata: { encoding: b64('binary/null') } };
    expect(await decodePayloads(target, { payloads: [wire, plain, nothing] }, undefined)).toEqual({ payloads: [plain, plain, nothing] });
  });

  it('names each payload that cannot be opened: altered, or sealed with a key the API lacks', async () => {
    const { payloads: [sealed] } = await encodePayloads(target, { payloads: [plain] }, undefined);
    const altered = Buffer.from(sealed.data!, 'base64');
    altered[20] ^= 1;
    const foreign = { ...sealed, metadata: { ...sealed.metadata, 'encryption-key-id': b64('k0') } };
    const error = await refusal(decodePayloads(target, { payloads: [plain, { ...sealed, data: altered.toString('base64') }, foreign] }, undefined));
    expect(error.fields?.map((f) => f.field)).toEqual(['payloads[1]', 'payloads[2]']);
    expect(error.fields?.[1].message).toMatch(/key "k0"/);
  });

  it('refuses bytes that are not base64 and payloads of another namespace', async () => {
    const bad = await refusal(decodePayloads(target, { payloads: [{ metadata: { encoding: 'not base64!' }, data: '***' }] }, undefined));
    expect(bad.fields?.map((f) => f.field)).toEqual(['payloads[0].metadata.encoding', 'payloads[0].data']);
    const elsewhere = await refusal(decodePayloads(target, { payloads: [plain] }, 'another'));
    expect(elsewhere.fields).toEqual([{ field: 'X-Namespace', message: "this codec serves namespace 'default' only", code: 'wrong_namespace', params: { namespace: 'default' } }]);
  });
});

describe('CORS of the codec endpoint', () => {
  const settings = loadCodecSettings({});

  it('lets the Web UI call it from the browser, with credentials and the Authorization header', () => {
    const preflight = codecCors(settings, 'OPTIONS', 'http://127.0.0.1:8233');
    expect(preflight.preflight).toBe(true);
    expect(preflight.headers).toMatchObject({
      'Access-Control-Allow-Origin': 'http://127.0.0.1:8233',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Namespace',
      Vary: 'Origin',
    });
    const call = codecCors(settings, 'POST', 'http://localhost:8233');
    expect(call).toEqual({ preflight: false, headers: { Vary: 'Origin', 'Access-Control-Allow-Origin': 'http://localhost:8233', 'Access-Control-Allow-Credentials': 'true' } });
  });

  it('gives any other origin no CORS headers, so its browser refuses', () => {
    expect(codecCors(settings, 'OPTIONS', 'https://evil.example').headers).toEqual({ Vary: 'Origin' });
    expect(codecCors(settings, 'POST', undefined).headers).toEqual({ Vary: 'Origin' });
  });
});

describe('TEMPORAL_UI_ORIGINS', () => {
  it('defaults to the dev server UI under both its names', () => {
    expect([...loadCodecSettings({}).uiOrigins]).toEqual(['http://127.0.0.1:8233', 'http://localhost:8233']);
  });

  it('reads a list of origins and refuses anything with a path', () => {
    expect([...loadCodecSettings({ TEMPORAL_UI_ORIGINS: 'https://temporal.example.org, http://127.0.0.1:9233/' }).uiOrigins]).toEqual([
      'https://temporal.example.org',
      'http://127.0.0.1:9233',
    ]);
    expect(() => loadCodecSettings({ TEMPORAL_UI_ORIGINS: 'https://temporal.example.org/ui' })).toThrow(/TEMPORAL_UI_ORIGINS/);
  });
});
