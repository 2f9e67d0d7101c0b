import { useState, type FormEvent } from 'react';
import { useCustomerActions, type ContactWithIdentities } from '../api/customers';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { detailsPatch, formOf, type DetailsForm } from '../customers/profile';
import { ErrorText } from './notice';

/** "es" → "español" in the staff member's language (the code itself if the browser does not know it). */
function languageName(language: string, code: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Name, phone and e-mail: read, and corrected by those whose role may (the API checks the phone belongs to nobody else). */
export function CustomerDetails({ contact, fmt, canEdit }: { contact: ContactWithIdentities; fmt: Formatters; canEdit: boolean }) {
  const { t, language } = useI18n();
  const { update } = useCustomerActions(contact.id);
  const [form, setForm] = useState<DetailsForm>();
  const [saved, setSaved] = useState(false);
  const w = t.customers.details;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch = detailsPatch(contact, form!);
    if (!Object.keys(patch).length) return setForm(undefined);
    update.mutate(patch, { onSuccess: () => { setForm(undefined); setSaved(true); } });
  };
  const field = (key: keyof DetailsForm, type: string) => (
    <>
      <label htmlFor={`contact-${key}`}>{w[key]}</label>
      <input id={`contact-${key}`} type={type} value={form![key]} onChange={(e) => setForm({ ...form!, [key]: e.target.value })}
        autoComplete="off" maxLength={key === 'name' ? 200 : 254} />
    </>
  );

  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{w.title}</h2>
      {form ? (
        <form onSubmit={submit}>
          {field('name', 'text')}
          {field('phone', 'tel')}
          {field('email', 'email')}
          <ErrorText error={update.error} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => { setForm(undefined); update.reset(); }}>{w.cancel}</button>
            <button type="submit" disabled={update.isPending}>{update.isPending ? w.saving : w.save}</button>
          </div>
        </form>
      ) : (
        <>
          <dl className="details">
            <div><dt>{w.name}</dt><dd className="contact-name">{contact.name ?? w.nothing}</dd></div>
            <div><dt>{w.phone}</dt><dd className="contact-phone">{contact.phone ?? w.nothing}</dd></div>
            <div><dt>{w.email}</dt><dd className="contact-email">{contact.email ?? w.nothing}</dd></div>
            <div><dt>{w.language}</dt><dd>{contact.lang ? languageName(language, contact.lang) : w.nothing}</dd></div>
            <div><dt>{w.since}</dt><dd>{fmt.dateTime(contact.createdAt)}</dd></div>
          </dl>
          {saved && <p role="status" className="saved">{w.saved}</p>}
          {canEdit && (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => { setForm(formOf(contact)); setSaved(false); }}>{w.edit}</button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
