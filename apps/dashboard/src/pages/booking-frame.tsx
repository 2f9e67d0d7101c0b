import { useEffect, useId, type ReactNode } from 'react';
import { languages, type Language } from '../i18n/format';
import { ApiError } from '../api/client';
import { languageNames, useBookingI18n, type Clocks } from '../booking/i18n';

/** The booking page around every step: the business's name, the language, the content. */
export function Frame({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useBookingI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t.pageTitle}` : t.pageTitle;
  }, [title, t]);
  return (
    <div className="book">
      <a className="skip" href="#main">{t.skip}</a>
      <header className="book-top">
        <h1 className="book-business">{title ?? '\u00a0'}</h1>
        <LanguageSwitch />
      </header>
      <main id="main" className="book-main" tabIndex={-1}>{children}</main>
    </div>
  );
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useBookingI18n();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{t.language}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => <option key={l} value={l} lang={l}>{languageNames[l]}</option>)}
      </select>
    </div>
  );
}

export function Loading() {
  const { t } = useBookingI18n();
  return <p className="loading" role="status">{t.loading}</p>;
}

/** A failure in the visitor's words, with a way to try again when that can help. */
export function Problem({ error, text, retry }: { error?: unknown; text?: string; retry?: (() => void) | undefined }) {
  const { t, describe } = useBookingI18n();
  if (!error && !text) return null;
  return (
    <div className="book-problem" role="alert">
      <p>{text ?? describe(error)}</p>
      {retry && <button type="button" className="secondary" onClick={retry}>{t.retry}</button>}
    </div>
  );
}

/** Trying again can help (the server or the network failed), unlike a request the API refused. */
export function retryable(err: unknown): boolean {
  return !(err instanceof ApiError && err.status >= 400 && err.status < 500);
}

/** "Times are in your time zone: Buenos Aires (GMT-3)", and the business's zone when its clock differs. */
export function ZoneNote({ clocks, business, at }: { clocks: Clocks; business: string; at: number }) {
  const { t } = useBookingI18n();
  return (
    <p className="zone-note">
      <span className="zone-visitor">{t.time.yourZone(clocks.visitor.zone(at))}</span>
      {!clocks.sameZone && <> <span className="zone-business">{t.time.businessZone(business, clocks.business.zone(at))}</span></>}
    </p>
  );
}

/** A start as "Wednesday, 9 December 2026, 16:00" on the visitor's clock. */
export function whenText(clocks: Clocks, t: { when(day: string, time: string): string }, at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return t.when(clocks.visitor.longDay(ms), clocks.visitor.time(ms));
}
