import { isIsoDate, isIsoInstant, romeEndOfDay, romeStartOfDay, toMillis } from '@sal/domain';

/** A period bound of the supervisors' views: a Rome calendar day (YYYY-MM-DD) or an instant with offset. */
export function isBound(value: unknown): value is string {
  return typeof value === 'string' && (isIsoDate(value) || isIsoInstant(value));
}

/**
 * The instant a period's bound stands for: a day's first instant for `from`, the first instant after the day for `to`
 * (so `to` includes the whole day and the read model's exclusive upper bound works); an instant stands for itself.
 */
export function periodBound(value: string, end: 'from' | 'to'): string {
  if (!isIsoDate(value)) return new Date(toMillis(value)).toISOString();
  return end === 'from' ? romeStartOfDay(value) : new Date(toMillis(romeEndOfDay(value)) + 1).toISOString();
}
