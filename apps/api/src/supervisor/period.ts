import { isIsoDate, isIsoInstant } from '@sal/domain';

/** How the read model reads a bound (a Rome day's first instant, the first instant after it, or an instant as it is). */
export { periodBound } from '@sal/persistence';

/** A period bound of the supervisors' views: a Rome calendar day (YYYY-MM-DD) or an instant with offset. */
export function isBound(value: unknown): value is string {
  return typeof value === 'string' && (isIsoDate(value) || isIsoInstant(value));
}
