import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { ptBR } from './pt-BR';
import { esAR } from './es-AR';
import { errorsEn } from './errors-en';
import { errorsPtBR } from './errors-pt-BR';
import { errorsEsAR } from './errors-es-AR';
import { errorMessage, type ErrorMessages } from './errors';
import { languages, pickLanguage, type Language } from './format';

const words: Record<Language, Messages> = { en, 'pt-BR': ptBR, 'es-AR': esAR };
export const errorWords: Record<Language, ErrorMessages> = { en: errorsEn, 'pt-BR': errorsPtBR, 'es-AR': errorsEsAR };
const STORAGE_KEY = 'frontdesk.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Messages;
  /** Any failure (an ApiError or not) in the staff member's words. */
  describe(err: unknown): string;
}

const Context = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return languages.includes(saved as Language) ? (saved as Language) : pickLanguage(navigator.languages);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => ({
    language,
    setLanguage(next) {
      localStorage.setItem(STORAGE_KEY, next);
      setLanguageState(next);
    },
    t: words[language],
    describe: (err) => errorMessage(errorWords[language], err),
  }), [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export const languageNames: Record<Language, string> = { en: en.languageName, 'pt-BR': ptBR.languageName, 'es-AR': esAR.languageName };
