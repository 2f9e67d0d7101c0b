import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { Profile } from '../booking/api';
import { checkDetails, firstProblem, type Details, type DetailsField, type DetailsProblems } from '../booking/details';
import { useBookingI18n } from '../booking/i18n';

interface DetailsFormProps {
  details: Details;
  onChange(details: Details): void;
  problems: DetailsProblems;
  onProblems(problems: DetailsProblems): void;
  consent: Profile['consent'];
  onDone(): void;
}

/** Name, phone and/or e-mail, a note, and the business's consent question where it asks one. */
export function DetailsForm({ details, onChange, problems, onProblems, consent, onDone }: DetailsFormProps) {
  const { t, lang } = useBookingI18n();
  const form = useRef<HTMLFormElement>(null);
  const set = (field: keyof Details) => (value: string | boolean) => onChange({ ...details, [field]: value });
  const focusFirst = (found: DetailsProblems) => {
    const field = firstProblem(found);
    if (field) form.current?.querySelector<HTMLElement>(`#book-${field}`)?.focus();
  };
  // Problems the API found (the form had sent them) take the focus to their first field.
  useEffect(() => focusFirst(problems), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkDetails(details, consent.required);
    onProblems(found);
    if (firstProblem(found)) focusFirst(found);
    else onDone();
  };
  const message = (field: DetailsField) => (problems[field] ? t.details.errors[problems[field]] : undefined);

  return (
    <form ref={form} onSubmit={submit} noValidate className="details">
      {firstProblem(problems) && <p className="error" role="alert">{t.details.problems}</p>}
      <Field id="name" label={t.details.name} error={message('name')}>
        <input id="book-name" name="name" autoComplete="name" required value={details.name} onChange={(e) => set('name')(e.target.value)}
          aria-invalid={!!problems.name} aria-describedby={problems.name ? 'book-name-error' : undefined} />
      </Field>
      <p className="hint" id="book-contact-help">{t.details.contactHelp}</p>
      <Field id="phone" label={t.details.phone} error={message('phone')} help={t.details.phoneHelp}>
        <input id="book-phone" name="phone" type="tel" inputMode="tel" autoComplete="tel" value={details.phone}
          onChange={(e) => set('phone')(e.target.value)} aria-invalid={!!problems.phone}
          aria-describedby={`book-contact-help book-phone-help${problems.phone ? ' book-phone-error' : ''}`} />
      </Field>
      <Field id="email" label={t.details.email} error={message('email')}>
        <input id="book-email" name="email" type="email" autoComplete="email" value={details.email}
          onChange={(e) => set('email')(e.target.value)} aria-invalid={!!problems.email}
          aria-describedby={`book-contact-help${problems.email ? ' book-email-error' : ''}`} />
      </Field>
      <Field id="notes" label={t.details.notes} error={message('notes')}>
        <textarea id="book-notes" name="notes" rows={2} value={details.notes} onChange={(e) => set('notes')(e.target.value)}
          aria-invalid={!!problems.notes} aria-describedby={problems.notes ? 'book-notes-error' : undefined} />
      </Field>
      {consent.required && (
        <fieldset className="consent">
          <legend>{t.details.consentLegend}</legend>
          {consent.text && <p id="book-consent-text" className="consent-text" lang={consent.lang}>{consent.text}</p>}
          {consent.text && consent.lang !== lang && <p className="hint">{t.details.consentOriginal}</p>}
          <div className="check">
            <input id="book-consent" type="checkbox" checked={details.consent} onChange={(e) => set('consent')(e.target.checked)}
              aria-invalid={!!problems.consent} aria-describedby={[consent.text ? 'book-consent-text' : '', problems.consent ? 'book-consent-error' : ''].join(' ').trim() || undefined} />
            <label htmlFor="book-consent">{t.details.consentAgree}</label>
          </div>
          {problems.consent && <p className="error" id="book-consent-error">{message('consent')}</p>}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit">{t.next}</button>
      </div>
    </form>
  );
}

function Field({ id, label, error, help, children }: { id: string; label: string; error?: string | undefined; help?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={`book-${id}`}>{label}</label>
      {children}
      {help && <p className="hint" id={`book-${id}-help`}>{help}</p>}
      {error && <p className="error" id={`book-${id}-error`}>{error}</p>}
    </div>
  );
}
