import { useState, type FormEvent } from 'react';
import type { Tenant } from '@frontdesk/contracts';
import { saveBookingPage, saveTenant, useBookingPageSettings, useCatalogueWrite } from '../api/catalogue';
import { useCan } from '../api/permissions';
import { useTenant } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { ErrorText, Loading } from './notice';
import { ReadOnlyNote, SavedNote, ZoneSelect } from './settings-catalogue-parts';
import './settings-catalogue.css';

const LOCALES = ['pt-BR', 'es-AR', 'es-ES', 'en-US', 'en-GB'];

/** "español (Argentina)" in the staff member's language. */
function localeName(language: string, code: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The business itself: its name, clock, language and currency, and whether the booking page is open. */
export function BusinessSettings() {
  const tenant = useTenant();
  const canEdit = useCan()('settings.write');
  if (!tenant.data) return <section className="card"><ErrorText error={tenant.error} /><Loading /></section>;
  return (
    <>
      <BusinessDetails tenant={tenant.data} canEdit={canEdit} />
      <BookingPage canEdit={canEdit} />
    </>
  );
}

function BusinessDetails({ tenant, canEdit }: { tenant: Tenant; canEdit: boolean }) {
  const { t, language } = useI18n();
  const w = t.settings.catalogue;
  const [form, setForm] = useState({ name: tenant.name, timeZone: tenant.timeZone, locale: tenant.locale });
  const save = useCatalogueWrite(saveTenant);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  const locales = LOCALES.includes(tenant.locale) ? LOCALES : [tenant.locale, ...LOCALES];
  return (
    <section className="card catalogue-card" aria-labelledby="business-heading">
      <h2 id="business-heading">{w.business.details}</h2>
      {!canEdit && <ReadOnlyNote />}
      <form onSubmit={submit} className="catalogue-form">
        <fieldset disabled={!canEdit}>
          <label htmlFor="business-name">{w.name}</label>
          <input id="business-name" value={form.name} maxLength={200} required onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <ZoneSelect id="business-zone" value={form.timeZone} onChange={(timeZone) => setForm({ ...form, timeZone })} describedBy="business-zone-hint" />
          <p id="business-zone-hint" className="hint">{w.business.zoneHint}</p>
          <label htmlFor="business-locale">{w.business.language}</label>
          <select id="business-locale" value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value })}>
            {locales.map((l) => <option key={l} value={l}>{localeName(language, l)}</option>)}
          </select>
          <label htmlFor="business-currency">{w.business.currency}</label>
          <input id="business-currency" value={tenant.currency} readOnly aria-describedby="business-currency-hint" />
          <p id="business-currency-hint" className="hint">{w.business.currencyHint}</p>
          <label htmlFor="business-slug">{w.business.slug}</label>
          <input id="business-slug" value={`${location.origin}/book/${tenant.slug}`} readOnly />
        </fieldset>
        <ErrorText error={save.error} />
        <SavedNote show={save.isSuccess} />
        {canEdit && <div className="actions"><button type="submit" disabled={save.isPending}>{save.isPending ? w.saving : w.save}</button></div>}
      </form>
    </section>
  );
}

function BookingPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const w = t.settings.catalogue.business;
  const settings = useBookingPageSettings();
  const save = useCatalogueWrite(saveBookingPage);
  const [form, setForm] = useState<{ enabled: boolean; hours: string }>();
  const current = form ?? (settings.data && { enabled: settings.data.enabled, hours: String(settings.data.changeNoticeMinutes / 60) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ enabled: current!.enabled, changeNoticeMinutes: Math.round(Number(current!.hours) * 60) }, { onSuccess: () => setForm(undefined) });
  };
  return (
    <section className="card catalogue-card" aria-labelledby="booking-page-heading">
      <h2 id="booking-page-heading">{w.bookingPage}</h2>
      <ErrorText error={settings.error} />
      {!current ? <Loading /> : (
        <form onSubmit={submit} className="catalogue-form">
          <fieldset disabled={!canEdit}>
            <label className="check">
              <input type="checkbox" checked={current.enabled} onChange={(e) => setForm({ ...current, enabled: e.target.checked })} />
              {w.pageEnabled}
            </label>
            <label htmlFor="change-notice">{w.changeNotice}</label>
            <input id="change-notice" type="number" min={0} max={720} step={0.5} required value={current.hours}
              onChange={(e) => setForm({ ...current, hours: e.target.value })} aria-describedby="change-notice-hint" />
            <p id="change-notice-hint" className="hint">{w.changeNoticeHint}</p>
          </fieldset>
          <ErrorText error={save.error} />
          <SavedNote show={save.isSuccess && !form} />
          {canEdit && <div className="actions"><button type="submit" disabled={save.isPending}>{t.settings.catalogue.save}</button></div>}
        </form>
      )}
    </section>
  );
}
