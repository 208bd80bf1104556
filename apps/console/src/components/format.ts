import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../i18n/numbers';

/** Dates, instants and numbers in the user's language (Rome's calendar: the offices' own). */
export function useFormat() {
  const { locale } = useI18n();
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Rome' });
  return {
    /** An instant (ISO-8601 date-time), or a dash. */
    instant: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '–'),
    /** A number as the language writes it (it-IT "10.000"), or a dash. */
    number: (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatNumber(locale, value)),
    /** A calendar day (YYYY-MM-DD or an instant), or a dash. */
    day: (iso: string | null | undefined) => (iso ? date.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : '–'),
  };
}

/** A day typed as Italians write it (31/3/2026, 31-03-2026, 31.03.2026) as the API's YYYY-MM-DD; other text as typed. */
export function isoDayOf(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text;
}

/** The API's YYYY-MM-DD as a person types it back (31/03/2026), so a form shows what it holds as it asks for it; other text as it is. */
export function typedDayOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The units a duration is typed in: days, weeks, months (ISO-8601 designators). */
export const DURATION_UNITS = ['D', 'W', 'M'] as const;

/** Whether a typed duration amount is a whole number of at least 1, the one rule the form checks as it is typed and sends by. */
export function isDurationAmount(amount: string): boolean {
  const n = amount.trim();
  return /^\d+$/.test(n) && Number(n) > 0;
}

/**
 * A duration as a form holds it while it is typed, `30|D` (an amount and its unit), as the API's ISO-8601 `P30D`;
 * blank as blank; an amount that is not a whole number of at least 1 as typed, so the API's message shows beside it.
 */
export function isoDurationOf(typed: string): string {
  const [amount = '', unit = 'D'] = typed.split('|');
  const n = amount.trim();
  if (n === '') return '';
  return isDurationAmount(n) && (DURATION_UNITS as readonly string[]).includes(unit) ? `P${Number(n)}${unit}` : n;
}

/** Rome's offset from UTC, in milliseconds, at the instant `utc`. */
function romeOffset(utc: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(utc))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - utc;
}

/**
 * A date and time typed as Italians write it (31/03/2026 09:30, Rome's clock) as the API's ISO-8601 instant; other text
 * (an instant already written ISO-8601) as typed, so the API's message shows beside the field.
 */
export function isoInstantOf(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ ,T]+(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return text;
  const wall = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(wall)) return text;
  const first = wall - romeOffset(wall);
  return new Date(wall - romeOffset(first)).toISOString();
}

/** A number typed the Italian way (0,5 or 1.234,5) as a number, or null. */
export function numberOf(text: string): number | null {
  const t = text.trim();
  const italian = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(italian) ? Number(italian) : null;
}
