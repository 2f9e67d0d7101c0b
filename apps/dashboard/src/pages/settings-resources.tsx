import { useState, type FormEvent } from 'react';
import type { Tenant } from '@frontdesk/contracts';
import { deleteResource, saveResource, useCatalogueWrite, useLocations, useResources, type Location, type Resource } from '../api/catalogue';
import { useCan } from '../api/permissions';
import { useTenant } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { ErrorText, Loading } from './notice';
import { ReadOnlyNote, SavedNote } from './settings-catalogue-parts';
import { BusinessClosures, ResourceDaysOff } from './settings-days-off';
import { WeeklyHoursEditor } from './settings-resource-hours';
import './settings-catalogue.css';

const KINDS = ['staff', 'chair', 'room', 'vehicle', 'equipment', 'other'] as const;
interface DetailsForm { name: string; kind: Resource['kind']; locationId: string; active: boolean }

/** Who and what can be booked (barbers, chairs, vans, rooms), per location, with their hours and days off. */
export function ResourcesSettings() {
  const { t } = useI18n();
  const w = t.settings.catalogue.resources;
  const resources = useResources();
  const locations = useLocations();
  const tenant = useTenant();
  const canEdit = useCan()('catalogue.write');
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);

  if (!resources.data || !locations.data || !tenant.data) {
    return <section className="card"><ErrorText error={resources.error ?? locations.error ?? tenant.error} /><Loading /></section>;
  }
  const groups: { location?: Location; items: Resource[] }[] = [
    ...locations.data.map((location) => ({ location, items: resources.data.filter((r) => r.locationId === location.id) })),
    { items: resources.data.filter((r) => !r.locationId || !locations.data.some((l) => l.id === r.locationId)) },
  ].filter((g) => g.items.length > 0);
  const selected = resources.data.find((r) => r.id === open);

  return (
    <>
      <section className="card catalogue-card" aria-labelledby="resources-heading">
        <h2 id="resources-heading">{w.title}</h2>
        {!canEdit && <ReadOnlyNote />}
        {groups.length === 0 && <p>{w.empty}</p>}
        {groups.map((g) => (
          <div key={g.location?.id ?? 'none'} className="resource-group">
            <h3>{g.location?.name ?? w.noLocation}</h3>
            <ul className="catalogue-list">
              {g.items.map((r) => (
                <li key={r.id} className="catalogue-row resource-row" data-id={r.id}>
                  <div>
                    <strong className="row-name">{r.name}</strong>
                    <span className="row-facts">
                      {[w.kinds[r.kind], w.hoursSummary(Object.values(r.schedule.weekly).filter((d) => d?.length).length), r.active ? '' : w.inactive].filter(Boolean).join(' · ')}
                    </span>
                  </div>
                  <button type="button" className="secondary" aria-expanded={open === r.id} aria-label={`${w.editHours}: ${r.name}`}
                    onClick={() => setOpen(open === r.id ? undefined : r.id)}>{w.editHours}</button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {canEdit && (adding
          ? <ResourceDetails locations={locations.data} tenant={tenant.data} onDone={(id) => { setAdding(false); if (id) setOpen(id); }} />
          : <div className="actions"><button type="button" onClick={() => setAdding(true)}>{w.addTitle}</button></div>)}
      </section>
      {selected && (
        <section className="card catalogue-card" aria-labelledby="resource-heading" key={selected.id}>
          <h2 id="resource-heading">{selected.name}</h2>
          {canEdit && <ResourceDetails resource={selected} locations={locations.data} tenant={tenant.data} onDone={() => undefined} />}
          {canEdit && <RemoveResource resource={selected} onRemoved={() => setOpen(undefined)} />}
          <WeeklyHoursEditor resource={selected} canEdit={canEdit} />
          <ResourceDaysOff resource={selected} canEdit={canEdit} />
        </section>
      )}
      <section className="card catalogue-card" aria-label={w.businessClosedTitle}>
        <BusinessClosures canEdit={canEdit} />
      </section>
    </>
  );
}

/** Adds a resource (then `onDone` gets its id) or changes one's name, kind, location and whether it can be booked. */
function ResourceDetails({ resource, locations, tenant, onDone }: { resource?: Resource; locations: Location[]; tenant: Tenant; onDone(id?: string): void }) {
  const { t } = useI18n();
  const w = t.settings.catalogue;
  const [form, setForm] = useState<DetailsForm>(resource
    ? { name: resource.name, kind: resource.kind, locationId: resource.locationId ?? '', active: resource.active }
    : { name: '', kind: 'staff', locationId: locations[0]?.id ?? '', active: true });
  const save = useCatalogueWrite(saveResource);
  const key = resource?.id ?? 'new';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Hours are read on the clock of the resource's location (the business's when it has none).
    const location = locations.find((l) => l.id === form.locationId);
    const timeZone = location?.timeZone ?? (resource && !form.locationId ? resource.timeZone : tenant.timeZone);
    save.mutate({ id: resource?.id, name: form.name, kind: form.kind, active: form.active, timeZone, ...(form.locationId ? { locationId: form.locationId } : {}) },
      { onSuccess: (r) => onDone(r.id) });
  };
  return (
    <form onSubmit={submit} className="catalogue-form nested" aria-labelledby={`resource-form-${key}`}>
      <h3 id={`resource-form-${key}`}>{resource ? w.resources.details : w.resources.addTitle}</h3>
      <label htmlFor={`resource-name-${key}`}>{w.name}</label>
      <input id={`resource-name-${key}`} value={form.name} required maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <label htmlFor={`resource-kind-${key}`}>{w.resources.kind}</label>
      <select id={`resource-kind-${key}`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Resource['kind'] })}>
        {KINDS.map((k) => <option key={k} value={k}>{w.resources.kinds[k]}</option>)}
      </select>
      <label htmlFor={`resource-location-${key}`}>{w.resources.location}</label>
      <select id={`resource-location-${key}`} value={form.locationId} onChange={(e) => setForm({ ...form, locationId: e.target.value })}>
        {(!resource?.locationId || locations.length === 0) && <option value="">{w.resources.noLocation}</option>}
        {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
        {w.resources.active}
      </label>
      <ErrorText error={save.error} />
      {resource && <SavedNote show={save.isSuccess} />}
      <div className="actions">
        {!resource && <button type="button" className="secondary" onClick={() => onDone()}>{w.cancel}</button>}
        <button type="submit" disabled={save.isPending}>{save.isPending ? w.saving : w.save}</button>
      </div>
    </form>
  );
}

/** Removes a resource no service uses and that has no bookings (the API says which, in words); otherwise deactivate it. */
function RemoveResource({ resource, onRemoved }: { resource: Resource; onRemoved(): void }) {
  const { t } = useI18n();
  const w = t.settings.catalogue.resources;
  const [asking, setAsking] = useState(false);
  const remove = useCatalogueWrite(deleteResource);
  return (
    <div className="remove-resource">
      <ErrorText error={remove.error} />
      <div className="actions">
        {asking && <button type="button" className="secondary" onClick={() => setAsking(false)}>{t.settings.catalogue.cancel}</button>}
        <button type="button" className={asking ? 'danger' : 'secondary'} disabled={remove.isPending}
          onClick={() => (asking ? remove.mutate(resource.id, { onSuccess: onRemoved }) : setAsking(true))}>
          {asking ? w.removeConfirm(resource.name) : w.removeResource}
        </button>
      </div>
    </div>
  );
}
