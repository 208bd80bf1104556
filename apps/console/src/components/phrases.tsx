import type { components } from '../api/schema';
import type { JourneyEventType } from '../i18n/events';
import { useI18n } from '../i18n/i18n';

type DurationParts = Partial<Record<'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds', number>>;

/** The platform's duration formatter (Intl.DurationFormat, ES2025: not yet in TypeScript's ES2022 library). */
interface DurationFormat {
  format(duration: DurationParts): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'long' }) => DurationFormat;

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** An ISO-8601 duration (`P30D`, `P1M`, `PT2H`) as its parts, or null when it is not one. */
export function durationParts(iso: string): DurationParts | null {
  const m = ISO_DURATION.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const names = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
  const parts: DurationParts = {};
  names.forEach((name, i) => {
    if (m[i + 1] !== undefined) parts[name] = Number(m[i + 1]);
  });
  return parts;
}

/** Durations in words in the user's language ("30 giorni"), by the platform's Intl.DurationFormat; the ISO text when it cannot. */
export function useDurationWords(): (iso: string | null | undefined) => string {
  const { locale } = useI18n();
  const Ctor = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  const formatter = Ctor ? new Ctor(locale, { style: 'long' }) : null;
  return (iso) => {
    if (!iso) return '–';
    const parts = durationParts(iso);
    return parts && formatter ? formatter.format(parts) : iso;
  };
}

/** A recurring period in words: "ogni 30 giorni" (the catalogue's `duration.every`). */
export function EveryDuration({ iso }: { iso: string | null | undefined }) {
  const { t } = useI18n();
  const words = useDurationWords();
  return <>{iso ? t('duration.every', { duration: words(iso) }) : '–'}</>;
}

/** A timeline event's type as the catalogue phrases it ("Patto di servizio firmato"), its code kept for machines. */
export function EventPhrase({ type }: { type: components['schemas']['JourneyEventDto']['type'] }) {
  const { t } = useI18n();
  const key: `event.${JourneyEventType}` = `event.${type}`;
  return <span data-event-type={type}>{t(key)}</span>;
}
