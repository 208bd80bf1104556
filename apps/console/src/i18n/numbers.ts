/**
 * The console's one number formatter: whole numbers and counts in the user's language (it-IT "10.000", en-GB
 * "10,000"), by the platform's Intl.NumberFormat, one instance per locale. The catalogue's phrases format every
 * number given to them with it (i18n.tsx), and screens that show a bare number call {@link formatNumber}.
 */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: string, value: number): string {
  let formatter = FORMATTERS.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    FORMATTERS.set(locale, formatter);
  }
  return formatter.format(value);
}
