import { canonicalInstant, isIsoDate, isIsoInstant, romeEndOfDay, toMillis } from '../dates';
import type { JourneyEvent } from './model';
import type { Refusal, RefusalCode } from './refusals';

/** An event before the journey gives it its place in history (seq) and its time. */
export type Draft = { [K in JourneyEvent['type']]: { type: K; data: Extract<JourneyEvent, { type: K }>['data'] } }[JourneyEvent['type']];

/** What a command handler returns: the events it produces, or why it is refused. */
export type Outcome = Draft[] | { refusal: Refusal };

export type Refused = { refusal: Refusal };

export function refusal(code: RefusalCode, message: string, field?: string): Refused {
  return { refusal: field === undefined ? { code, message } : { code, message, field } };
}

/** Texts kept in the journey's history are short: summaries and references, never documents. */
export const MAX_TEXT = 2000;

export function requireText(value: unknown, field: string, max = MAX_TEXT): Refused | null {
  if (typeof value !== 'string' || value.trim().length === 0) return refusal('INVALID_VALUE', 'must be a non-empty string', field);
  return value.length > max ? refusal('INVALID_VALUE', `must be at most ${max} characters`, field) : null;
}

export function optionalText(value: unknown, field: string, max = MAX_TEXT): Refused | null {
  return value === undefined ? null : requireText(value, field, max);
}

/** Free text that may be left out or empty (a note), at most `max` characters. */
export function optionalString(value: unknown, field: string, max = MAX_TEXT): Refused | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return refusal('INVALID_VALUE', 'must be a string', field);
  return value.length > max ? refusal('INVALID_VALUE', `must be at most ${max} characters`, field) : null;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): Refused | null {
  return allowed.includes(value as T) ? null : refusal('INVALID_VALUE', `must be one of ${allowed.join(', ')}`, field);
}

export function requireBoolean(value: unknown, field: string): Refused | null {
  return typeof value === 'boolean' ? null : refusal('INVALID_VALUE', 'must be true or false', field);
}

/**
 * An instant given by the operator for something that already happened (defaults to now): ISO-8601 with offset, not
 * in the future, not before `notBefore` (described by `notBeforeWhat`). Returns the canonical instant or a refusal.
 */
export function pastInstant(value: string | undefined, now: string, field: string, notBefore: string, notBeforeWhat: string): string | Refused {
  const at = value ?? now;
  if (typeof at !== 'string' || !isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', field);
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', field);
  if (toMillis(at) < toMillis(notBefore)) return refusal('INVALID_DATE', `cannot precede ${notBeforeWhat}`, field);
  return canonicalInstant(at);
}

/** An instant in the future (an appointment): ISO-8601 with offset, after now. */
export function futureInstant(value: unknown, now: string, field: string): string | Refused {
  if (typeof value !== 'string' || !isIsoInstant(value)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', field);
  if (toMillis(value) <= toMillis(now)) return refusal('INVALID_DATE', 'must be in the future', field);
  return canonicalInstant(value);
}

/** The next id of a series (`A`, `AP`, `L`…) after those already used: A1, A2, … */
export function nextId(prefix: string, used: readonly string[]): string {
  let max = 0;
  for (const id of used) {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return `${prefix}${max + 1}`;
}

/** A due date as an instant: a bare date falls due at the end of that day in Rome. Null when unreadable. */
export function resolveDueAt(dueDate: string): string | null {
  if (isIsoDate(dueDate)) return romeEndOfDay(dueDate);
  if (isIsoInstant(dueDate)) return canonicalInstant(dueDate);
  return null;
}
