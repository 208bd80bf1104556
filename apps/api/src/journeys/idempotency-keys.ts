import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * What an `Idempotency-Key` names, without Nest: the fingerprint of a command, the Temporal update id of a keyed
 * command, and the record of which command each (journey, caller, key) named (the `idempotency_keys` table).
 */

/**
 * JSON with every object's keys sorted (arrays keep their order; `undefined` members are left out, as JSON does), so
 * two bodies that differ only in key order are the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${members.join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a key names: the command (the update's name; the generic update's input carries its `type` and the ids of the
 * path) and its input, canonical. The same command retried gives the same fingerprint; another command or body another.
 */
export function commandFingerprint(command: string, input: unknown): string {
  return sha256(canonicalJson([command, input]));
}

/**
 * The Temporal update id of a keyed command: a hash of caller and key, each part delimited by JSON, so no two
 * (caller, key) pairs share an id (`a:b` + `c` and `a` + `b:c` do not).
 */
export function idempotencyUpdateId(subject: string, key: string): string {
  return `idem-${sha256(JSON.stringify([subject, key]))}`;
}

export interface KeyUse {
  subject: string;
  journeyId: string;
  key: string;
  fingerprint: string;
}

/**
 * Records that the caller's key names this command on this journey, before the command is sent. `first`: the key is
 * new; `same`: it was used for this very command (a retry, which Temporal applies once under the update id);
 * `reused`: it was used for another command or body, which must be refused.
 */
export async function recordKeyUse(dataSource: DataSource, use: KeyUse): Promise<'first' | 'same' | 'reused'> {
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO idempotency_keys (journey_id, subject, idempotency_key, fingerprint) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING fingerprint`,
    [use.journeyId, use.subject, use.key, use.fingerprint],
  );
  if (inserted.length > 0) return 'first';
  const [row] = (await dataSource.query(`SELECT fingerprint FROM idempotency_keys WHERE journey_id = $1 AND subject = $2 AND idempotency_key = $3`, [
    use.journeyId,
    use.subject,
    use.key,
  ])) as { fingerprint: string }[];
  return row?.fingerprint === use.fingerprint ? 'same' : 'reused';
}
