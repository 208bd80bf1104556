import type { Payload } from '@temporalio/client';
import { AesGcmPayloadCodec, JOURNEY_ID_PATTERN } from '@sal/temporal';
import { OFFICE_ID_PATTERN } from '../common/input-rules';

/** What a payload says about whose it is: the journey it is bound to, the journey and office its content names. */
export interface PayloadOwner {
  journeyId: string | null;
  officeId: string | null;
}

/**
 * The journey of a payload: the one its seal names (metadata `journey-id`, authenticated as GCM additional data, so
 * it cannot be swapped), else a `journeyId` its decoded JSON content carries at the top (start inputs, activity inputs,
 * states); and an `officeId` there (start inputs, states). Payloads sealed before journeys were bound to them, and
 * update arguments, name neither: their journey is not known.
 */
export function ownerOf(sealed: Payload, decoded: Payload): PayloadOwner {
  const content = jsonOf(decoded);
  const named = typeof content?.journeyId === 'string' && JOURNEY_ID_PATTERN.test(content.journeyId) ? content.journeyId : null;
  const office = typeof content?.officeId === 'string' && OFFICE_ID_PATTERN.test(content.officeId) ? content.officeId : null;
  return { journeyId: AesGcmPayloadCodec.journeyIdOf(sealed) ?? named, officeId: office };
}

function jsonOf(payload: Payload): Record<string, unknown> | null {
  const encoding = payload.metadata?.encoding ? Buffer.from(payload.metadata.encoding).toString('utf8') : '';
  if (encoding !== 'json/plain' || !payload.data || payload.data.length > 1_000_000) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload.data).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
