import { createHmac } from 'node:crypto';

/** A journey id is `jrn_` and 32 hex characters: a keyed hash, so it reveals nothing about the person. */
export const JOURNEY_ID_PATTERN = /^jrn_[0-9a-f]{32}$/;

const DEV_KEY = 'sal-dev-only-journey-id-key-change-me';

/**
 * Derives the journey id from the person's fiscal code and the programme with HMAC-SHA256 under `JOURNEY_ID_KEY`:
 * the same person and programme always give the same id (so a second start is recognised), and without the key
 * nobody can test a guessed fiscal code against an id.
 */
export function journeyIdFor(fiscalCode: string, programmeCode: string, key: string = journeyIdKey()): string {
  const digest = createHmac('sha256', key).update(`${fiscalCode.trim().toUpperCase()}|${programmeCode}`).digest('hex');
  return `jrn_${digest.slice(0, 32)}`;
}

/** The key from `JOURNEY_ID_KEY`; a fixed development key when unset, refused in production. */
export function journeyIdKey(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JOURNEY_ID_KEY) return env.JOURNEY_ID_KEY;
  if (env.NODE_ENV === 'production') throw new Error('JOURNEY_ID_KEY must be set in production');
  return DEV_KEY;
}
