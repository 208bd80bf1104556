import type { Payload } from '@temporalio/client';
import { DataKeyUnwrapError, PayloadDecryptionError, PersonalDataErasedError, UnknownEncryptionKeyError, type AesGcmPayloadCodec } from '@sal/temporal';
import { ValidationFailedError, type GivenFieldProblem } from '../common/api-errors';
import type { CodecPayloadDto, CodecPayloadsDto } from './dto/codec-payloads.dto';

/** Standard or URL-safe base64, padded or not: what protobuf JSON parsers accept for bytes. */
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

/** The codec the endpoint serves, and the namespace whose payloads it is for. */
export interface CodecTarget {
  codec: Pick<AesGcmPayloadCodec, 'encode' | 'decode'>;
  namespace: string;
}

/**
 * What a payload of a journey whose personal data was erased (its data key shredded, issue 15) decodes to through the
 * endpoint: a plain marker, so the Web UI shows the history's shape and that its contents are gone, not an error.
 */
export const PERSONAL_DATA_ERASED_MARKER = 'personalDataErased';

/** `POST /encode` of Temporal's remote codec protocol: seals each payload with the current key. */
export async function encodePayloads(target: CodecTarget, body: CodecPayloadsDto, namespace: string | undefined): Promise<CodecPayloadsDto> {
  const payloads = readRequest(target, body, namespace);
  return { payloads: (await target.codec.encode(payloads)).map(toJson) };
}

/**
 * `POST /decode` of Temporal's remote codec protocol: opens sealed payloads, returns the others as they were. A payload
 * that does not open (unknown key, altered) is a 400 naming it, as the protocol asks for a decoder error; a payload of
 * a journey whose data key was shredded decodes to `{ "personalDataErased": true, "journeyId": … }`.
 */
export async function decodePayloads(target: CodecTarget, body: CodecPayloadsDto, namespace: string | undefined): Promise<CodecPayloadsDto> {
  const payloads = readRequest(target, body, namespace);
  const problems: GivenFieldProblem[] = [];
  const decoded: Payload[] = [];
  // One at a time, so each payload that does not open is named rather than failing the lot anonymously.
  for (const [i, payload] of payloads.entries()) {
    try {
      decoded.push(...(await target.codec.decode([payload])));
    } catch (error) {
      if (error instanceof PersonalDataErasedError) {
        decoded.push(erasedPayload(error.journeyId));
        continue;
      }
      if (!(error instanceof UnknownEncryptionKeyError || error instanceof PayloadDecryptionError || error instanceof DataKeyUnwrapError)) throw error;
      problems.push({ field: `payloads[${i}]`, message: error.message, code: 'undecodable_payload' });
    }
  }
  if (problems.length > 0) throw new ValidationFailedError(problems, 'some payloads cannot be decoded');
  return { payloads: decoded.map(toJson) };
}

function erasedPayload(journeyId: string): Payload {
  return { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify({ [PERSONAL_DATA_ERASED_MARKER]: true, journeyId })) };
}

function readRequest(target: CodecTarget, body: CodecPayloadsDto, namespace: string | undefined): Payload[] {
  if (namespace !== undefined && namespace !== '' && namespace !== target.namespace) {
    throw new ValidationFailedError([{ field: 'X-Namespace', message: `this codec serves namespace '${target.namespace}' only`, code: 'wrong_namespace', params: { namespace: target.namespace } }]);
  }
  const problems: GivenFieldProblem[] = [];
  const payloads = body.payloads.map((p, i) => fromJson(p, `payloads[${i}]`, problems));
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return payloads;
}

function fromJson(p: CodecPayloadDto, path: string, problems: GivenFieldProblem[]): Payload {
  const bytes = (value: unknown, field: string): Buffer => {
    if (typeof value === 'string' && BASE64.test(value)) return Buffer.from(value, 'base64');
    problems.push({ field, message: 'must be base64', code: 'invalid_base64' });
    return Buffer.alloc(0);
  };
  const metadata = p.metadata ? Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, bytes(v, `${path}.metadata.${k}`)])) : {};
  return { metadata, data: p.data ? bytes(p.data, `${path}.data`) : Buffer.alloc(0) };
}

/** Protobuf JSON leaves empty bytes out, as the SDKs' codec servers do. */
function toJson(p: Payload): CodecPayloadDto {
  const metadata = Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return p.data && p.data.length > 0 ? { metadata, data: Buffer.from(p.data).toString('base64') } : { metadata };
}
