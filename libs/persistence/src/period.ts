import { isIsoDate, romeEndOfDay, romeStartOfDay, toMillis } from '@sal/domain';

/**
 * The instant a period's bound stands for: a Rome calendar day (YYYY-MM-DD) is its first instant as `from`, the first
 * instant after it as `to` (so `to` includes the whole day and the read model's exclusive upper bound works); an
 * instant with offset stands for itself, in UTC.
 */
export function periodBound(value: string, end: 'from' | 'to'): string {
  if (!isIsoDate(value)) return new Date(toMillis(value)).toISOString();
  return end === 'from' ? romeStartOfDay(value) : new Date(toMillis(romeEndOfDay(value)) + 1).toISOString();
}
