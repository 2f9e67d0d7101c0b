import { useId, useState, type FormEvent } from 'react';
import { saveHolidays, saveSchedule, useCatalogueWrite, useHolidays, type Resource } from '../api/catalogue';
import { useTenant } from '../api/tenant';
import { formatLocale } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { daysOffOf, withDayOff, withoutDayOff } from '../settings/days-off';
import { localDateOf } from '../time/zoned';
import { ErrorText, Loading } from './notice';

/** "martes, 8 de diciembre de 2026": a local date (no clock involved) in the staff member's words. */
function useDayName(): (date: string) => string {
  const { language } = useI18n();
  const locale = formatLocale(language, useTenant().data?.locale);
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return (date) => f.format(Date.parse(`${date}T12:00:00Z`));
}

/** A date picker and its list, shared by a resource's days off and the business's closures. */
function DateList({ title, empty, items, canEdit, busy, withName, addLabel, removeLabel, onAdd, onRemove, error }: {
  title: string; empty: string; items: { date: string; name?: string }[]; canEdit: boolean; busy: boolean; withName: boolean;
  addLabel: string; removeLabel(day: string): string; onAdd(date: string, name: string): void; onRemove(date: string): void; error: unknown;
}) {
  const { t } = useI18n();
  const w = t.settings.catalogue.resources;
  const dayName = useDayName();
  const id = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date) return;
    onAdd(date, name.trim());
    setDate('');
    setName('');
  };
  return (
    <section className="days-off" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {items.length === 0 ? <p>{empty}</p> : (
        <ul className="catalogue-list">
          {items.map((d) => (
            <li key={d.date} className="catalogue-row day-off">
              <span><span className="row-name">{dayName(d.date)}</span>{d.name && <span className="row-facts"> · {d.name}</span>}</span>
              {canEdit && <button type="button" className="secondary small" disabled={busy} onClick={() => onRemove(d.date)} aria-label={removeLabel(dayName(d.date))}>{t.settings.catalogue.remove}</button>}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={submit} className="catalogue-form inline">
          <label htmlFor={`${id}-date`}>{w.dayOffDate}</label>
          <input id={`${id}-date`} type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
          {withName && <>
            <label htmlFor={`${id}-name`}>{w.holidayName}</label>
            <input id={`${id}-name`} value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
          </>}
          <button type="submit" disabled={busy}>{addLabel}</button>
        </form>
      )}
      <ErrorText error={error} />
    </section>
  );
}

/** One resource's days off: dates with no hours at all (special hours on a date are kept as they are). */
export function ResourceDaysOff({ resource, canEdit }: { resource: Resource; canEdit: boolean }) {
  const { t } = useI18n();
  const w = t.settings.catalogue.resources;
  const save = useCatalogueWrite(saveSchedule);
  const write = (overrides: Resource['schedule']['overrides']) => save.mutate({ id: resource.id, ...resource.schedule, overrides });
  return (
    <DateList title={w.daysOffTitle(resource.name)} empty={w.daysOffEmpty} items={daysOffOf(resource.schedule.overrides).map((date) => ({ date }))}
      canEdit={canEdit} busy={save.isPending} withName={false} addLabel={w.addDayOff} removeLabel={w.removeDayOff} error={save.error}
      onAdd={(date) => write(withDayOff(resource.schedule.overrides, date))} onRemove={(date) => write(withoutDayOff(resource.schedule.overrides, date))} />
  );
}

/** Dates the whole business is closed (public holidays): no one can be booked then. Past ones are kept but not listed. */
export function BusinessClosures({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const w = t.settings.catalogue.resources;
  const holidays = useHolidays();
  const tenant = useTenant();
  const save = useCatalogueWrite(saveHolidays);
  if (!holidays.data || !tenant.data) return <><ErrorText error={holidays.error ?? tenant.error} /><Loading /></>;
  const list = holidays.data;
  const today = localDateOf(Date.now(), tenant.data.timeZone);
  return (
    <DateList title={w.businessClosedTitle} empty={w.businessClosedEmpty} items={list.filter((h) => h.date >= today)} canEdit={canEdit} busy={save.isPending} withName
      addLabel={w.addClosure} removeLabel={w.removeClosure} error={save.error}
      onAdd={(date, name) => save.mutate([...list.filter((h) => h.date !== date), { date, name }].sort((a, b) => a.date.localeCompare(b.date)))}
      onRemove={(date) => save.mutate(list.filter((h) => h.date !== date))} />
  );
}
