import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, LANGUAGES, type Language, type MessageKey } from './catalogue';
import { formatNumber } from './numbers';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** it-IT or en-GB, for dates and numbers. */
  locale: string;
}

const LANGUAGE_KEY = 'sal.console.language';
const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };
const I18nContext = createContext<I18n | null>(null);

/** The chosen language's locale, for code outside components (the API client's field messages). */
let currentLocale = LOCALES.it;
export function numberLocale(): string {
  return currentLocale;
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : 'it';
}

/** The chosen language (Italian unless the user switched), remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[language];
    const locale = LOCALES[language];
    currentLocale = locale;
    // A number in a phrase (a total, a count, days) is written as the language writes it: "10.000 percorsi".
    const param = (value: string | number) => (typeof value === 'number' ? formatNumber(locale, value) : value);
    // `{count:azione|azioni}`: the word that agrees with the number `count`, by the language's plural rules (one or other).
    const plurals = new Intl.PluralRules(locale);
    const agree = (value: string | number | undefined, one: string, other: string) => (typeof value === 'number' && plurals.select(value) === 'one' ? one : other);
    const t: Translate = (key, params) =>
      messages[key].replace(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g, (whole, name: string, one: string | undefined, other: string | undefined) => {
        if (!params || !(name in params)) return whole;
        return one === undefined ? param(params[name]) : agree(params[name], one, other ?? '');
      });
    return { language, setLanguage, t, locale };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}
