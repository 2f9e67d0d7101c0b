/**
 * The booking page's language (from the browser, then the visitor's choice) and its words, with
 * API errors in the visitor's words: the page's own where the staff dashboard's would not fit a
 * customer, the shared error words otherwise. Only the booking page's words load here.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { errorMessage, type ErrorMessages } from '../i18n/errors';
import { errorsEn } from '../i18n/errors-en';
import { errorsPtBR } from '../i18n/errors-pt-BR';
import { errorsEsAR } from '../i18n/errors-es-AR';
import { formatters, languages, pickLanguage, type Formatters, type Language } from '../i18n/format';
import { bookingEn, type BookingWords } from '../i18n/pages/booking-en';
import { bookingPtBR } from '../i18n/pages/booking-pt-BR';
import { bookingEsAR } from '../i18n/pages/booking-es-AR';
import type { Lang } from './api';
import { sameClock } from './days';
import { visitorLocale } from './locale';

const words: Record<Language, BookingWords> = { en: bookingEn, 'pt-BR': bookingPtBR, 'es-AR': bookingEsAR };
const errorWords: Record<Language, ErrorMessages> = { en: errorsEn, 'pt-BR': errorsPtBR, 'es-AR': errorsEsAR };
const apiLang: Record<Language, Lang> = { en: 'en', 'pt-BR': 'pt', 'es-AR': 'es' };
const STORAGE_KEY = 'frontdesk.booking.language';

interface BookingI18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The language as the booking API names it (consent text, the customer's messages). */
  lang: Lang;
  t: BookingWords;
  describe(err: unknown): string;
}

const Context = createContext<BookingI18n | null>(null);

function saved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be off (private browsing): the browser's languages decide
  }
}

export function BookingI18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const stored = saved();
    return languages.includes(stored as Language) ? (stored as Language) : pickLanguage(navigator.languages);
  });
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<BookingI18n>(() => {
    const t = words[language];
    return {
      language, t, lang: apiLang[language],
      setLanguage(next) {
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch { /* kept for this page only */ }
        setLanguageState(next);
      },
      describe(err) {
        const own = err instanceof ApiError ? (t.errors as Record<string, string | undefined>)[err.code] : undefined;
        return own ?? errorMessage(errorWords[language], err);
      },
    };
  }, [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useBookingI18n(): BookingI18n {
  const value = useContext(Context);
  if (!value) throw new Error('useBookingI18n outside BookingI18nProvider');
  return value;
}

export const languageNames: Record<Language, string> = {
  en: bookingEn.languageName, 'pt-BR': bookingPtBR.languageName, 'es-AR': bookingEsAR.languageName,
};

/** The visitor's IANA zone as the browser knows it (undefined: the API and the page use the business's). */
export function browserZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

export interface Clocks { visitor: Formatters; business: Formatters; locale: string; visitorZone: string; sameZone: boolean }

/** Formatters in the visitor's language on the visitor's clock and on the business's. */
export function useClocks(business: { locale: string; timeZone: string } | undefined): Clocks | undefined {
  const { language } = useBookingI18n();
  return useMemo(() => {
    if (!business) return undefined;
    const locale = visitorLocale(language, navigator.languages, business.locale);
    const zone = browserZone() ?? business.timeZone;
    return { locale, visitorZone: zone, sameZone: sameClock(zone, business.timeZone, Date.now()),
      visitor: formatters(locale, zone), business: formatters(locale, business.timeZone) };
  }, [language, business]);
}
