import { addDuration, isPositiveDuration, toMillis } from '../dates';
import type { CatalogueProblem } from '../programme/problem';

/**
 * How long a closed episode's personal data is kept when its catalogue does not say (`personalDataRetention` absent or
 * null): ten years from the closure. A default for the region to set, not a figure of law for every record: ten years
 * is the ordinary prescription (art. 2946 c.c.) of the claims an episode can ground — recovery of a benefit paid
 * unduly after a conditionality step, an appeal's follow-up — and the usual retention of administrative case files in
 * the regions' record schedules (massimari di scarto); the EU funds behind GOL (PNRR, FSE+) ask for their audit trail
 * for five years after the last payment, which ten years covers. A region with a shorter schedule publishes it in its
 * catalogues.
 */
export const DEFAULT_PERSONAL_DATA_RETENTION = 'P10Y';

/**
 * How long the rows of an intake list (issue 19) keep the personal data the file gave (fiscal code, names, contacts):
 * 90 days after its import finished, or after its upload when it was never run. Long enough for an office to read the
 * report of refused rows, correct them at the source and import them again; the journeys the import started hold
 * their own copy of the data, kept for their own retention. Past it a finished import keeps its lines' verdicts,
 * reasons, outcomes and journey ids (its counts and report, without names or codes); an import never run is deleted.
 */
export const IMPORT_STAGING_RETENTION = 'P90D';

/** Field of a catalogue problem about the retention. */
export const PERSONAL_DATA_RETENTION_FIELD = 'personalDataRetention';

/**
 * A catalogue's `personalDataRetention`: absent or null (the default), or a positive ISO-8601 duration (`P10Y`, `P5Y6M`;
 * `PT30S` in tests). An empty list means it is valid.
 */
export function validatePersonalDataRetention(value: unknown): CatalogueProblem[] {
  if (value === undefined || value === null) return [];
  if (isPositiveDuration(value)) return [];
  return [{ field: PERSONAL_DATA_RETENTION_FIELD, message: `must be a positive ISO-8601 duration such as P10Y (how long a closed episode's personal data is kept), or null for ${DEFAULT_PERSONAL_DATA_RETENTION}`, code: 'invalid_duration' }];
}

/** The retention a catalogue states, or the default. */
export function personalDataRetentionOf(catalogue: { personalDataRetention?: string | null }): string {
  return catalogue.personalDataRetention ?? DEFAULT_PERSONAL_DATA_RETENTION;
}

/**
 * When a closed episode's personal data is to be erased: its closure plus the retention (calendar parts on the UTC
 * calendar, as every catalogue duration, see `addDuration`).
 */
export function retentionEndsAt(closedAt: string, retention: string): string {
  return addDuration(closedAt, retention);
}

/** Whether a closed episode is past its retention at `now`: its personal data must be erased. */
export function pastRetention(closedAt: string, retention: string, now: string): boolean {
  return toMillis(retentionEndsAt(closedAt, retention)) <= toMillis(now);
}
