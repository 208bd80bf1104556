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
