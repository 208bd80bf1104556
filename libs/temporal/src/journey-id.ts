import { createHmac } from 'node:crypto';

/** A journey id is `jrn_` and 32 hex characters: a keyed hash, so it reveals nothing about the person. */
export const JOURNEY_ID_PATTERN = /^jrn_[0-9a-f]{32}$/;

const DEV_KEY = 'sal-dev-only-journey-id-key-change-me';

/**
 * The journey id of releases before episodes: HMAC-SHA256 under `JOURNEY_ID_KEY` of the fiscal code and the programme
 * (without the key nobody can test a guessed fiscal code against an id). Journeys started so keep their ids; the API
 * now starts episodes ({@link episodeJourneyIdFor}); tests and the benchmarks' seed that write journeys straight to
 * Temporal or the read model still use it.
 */
export function journeyIdFor(fiscalCode: string, programmeCode: string, key: string = journeyIdKey()): string {
  const digest = createHmac('sha256', key).update(`${fiscalCode.trim().toUpperCase()}|${programmeCode}`).digest('hex');
  return `jrn_${digest.slice(0, 32)}`;
}

/**
 * The id of an episode started from a DID (issue 14): HMAC-SHA256 under `JOURNEY_ID_KEY` of the fiscal code and the DID
 * date, in its own domain (`episode|`). The same person and DID give the same id, so a repeated start is recognised;
 * a new DID after a closure gives a new journey. Journeys started before episodes keep their `journeyIdFor` ids.
 */
export function episodeJourneyIdFor(fiscalCode: string, didDate: string, key: string = journeyIdKey()): string {
  const digest = createHmac('sha256', key).update(`episode|${fiscalCode.trim().toUpperCase()}|${didDate}`).digest('hex');
  return `jrn_${digest.slice(0, 32)}`;
}

/**
 * The id of the episode a transfer opens: derived from the journey transferred and the target programme
 * (`transfer|`), so the workflow's start of it is idempotent however often it is retried.
 */
export function transferJourneyIdFor(fromJourneyId: string, toProgrammeCode: string, key: string = journeyIdKey()): string {
  const digest = createHmac('sha256', key).update(`transfer|${fromJourneyId}|${toProgrammeCode}`).digest('hex');
  return `jrn_${digest.slice(0, 32)}`;
}

/** A person reference is `prs_` and 32 hex characters: the keyed hash of the fiscal code, the same for all their episodes. */
export const PERSON_REF_PATTERN = /^prs_[0-9a-f]{32}$/;

/**
 * The person's reference, under the same key as journey ids but in its own domain (`person|`), so it matches no
 * journey id: what links a person's episodes, and what a URL may carry instead of a fiscal code.
 */
export function personRefFor(fiscalCode: string, key: string = journeyIdKey()): string {
  const digest = createHmac('sha256', key).update(`person|${fiscalCode.trim().toUpperCase()}`).digest('hex');
  return `prs_${digest.slice(0, 32)}`;
}

/** The key from `JOURNEY_ID_KEY`; a fixed development key when unset, refused in production. */
export function journeyIdKey(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JOURNEY_ID_KEY) return env.JOURNEY_ID_KEY;
  if (env.NODE_ENV === 'production') throw new Error('JOURNEY_ID_KEY must be set in production');
  return DEV_KEY;
}
