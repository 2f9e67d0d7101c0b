import { useState, type FormEvent } from 'react';
import { saveLocation, useCatalogueWrite, useLocations, type Location } from '../api/catalogue';
import { useCan } from '../api/permissions';
import { useTenant } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { ErrorText, Loading } from './notice';
import { FormEnd, ReadOnlyNote, ZoneSelect } from './settings-catalogue-parts';
import './settings-catalogue.css';

interface LocationForm { id?: string; name: string; address: string; timeZone: string }

/** Where the business works: each location's name, address and clock. */
export function LocationsSettings() {
  const { t } = useI18n();
  const w = t.settings.catalogue;
  const locations = useLocations();
  const tenant = useTenant();
  const canEdit = useCan()('catalogue.write');
  const [editing, setEditing] = useState<LocationForm>();
  const blank = (): LocationForm => ({ name: '', address: '', timeZone: tenant.data?.timeZone ?? 'UTC' });

  return (
    <section className="card catalogue-card" aria-labelledby="locations-heading">
      <h2 id="locations-heading">{w.locations.title}</h2>
      {!canEdit && <ReadOnlyNote />}
      <ErrorText error={locations.error} />
      {!locations.data ? <Loading /> : locations.data.length === 0 ? <p>{w.locations.empty}</p> : (
        <ul className="catalogue-list">
          {locations.data.map((l) => editing?.id === l.id
            ? <li key={l.id}><LocationEditor form={editing} onDone={() => setEditing(undefined)} /></li>
            : <LocationRow key={l.id} location={l} canEdit={canEdit} onEdit={() => setEditing({ id: l.id, name: l.name, address: l.address ?? '', timeZone: l.timeZone })} />)}
        </ul>
      )}
      {canEdit && (editing && !editing.id
        ? <LocationEditor form={editing} onDone={() => setEditing(undefined)} />
        : <div className="actions"><button type="button" onClick={() => setEditing(blank())}>{w.locations.addTitle}</button></div>)}
    </section>
  );
}

function LocationRow({ location, canEdit, onEdit }: { location: Location; canEdit: boolean; onEdit(): void }) {
  const { t } = useI18n();
  return (
    <li className="catalogue-row location-row">
      <div>
        <strong className="row-name">{location.name}</strong>
        <span className="row-facts">{[location.address, location.timeZone.replace(/_/g, ' ')].filter(Boolean).join(' · ')}</span>
      </div>
      {canEdit && <button type="button" className="secondary" onClick={onEdit} aria-label={`${t.settings.catalogue.edit}: ${location.name}`}>{t.settings.catalogue.edit}</button>}
    </li>
  );
}

function LocationEditor({ form: initial, onDone }: { form: LocationForm; onDone(): void }) {
  const { t } = useI18n();
  const w = t.settings.catalogue;
  const [form, setForm] = useState(initial);
  const save = useCatalogueWrite(saveLocation);
  const key = initial.id ?? 'new';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: form.id, name: form.name, address: form.address.trim() || null, timeZone: form.timeZone }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="catalogue-form nested" aria-labelledby={`location-form-${key}`}>
      <h3 id={`location-form-${key}`}>{initial.id ? w.locations.editTitle(initial.name) : w.locations.addTitle}</h3>
      <label htmlFor={`location-name-${key}`}>{w.name}</label>
      <input id={`location-name-${key}`} value={form.name} required maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <label htmlFor={`location-address-${key}`}>{w.locations.address}</label>
      <input id={`location-address-${key}`} value={form.address} maxLength={500} onChange={(e) => setForm({ ...form, address: e.target.value })} />
      <ZoneSelect id={`location-zone-${key}`} value={form.timeZone} onChange={(timeZone) => setForm({ ...form, timeZone })} describedBy={initial.id ? `location-zone-hint-${key}` : undefined} />
      {initial.id && <p id={`location-zone-hint-${key}`} className="hint">{w.locations.zoneHint}</p>}
      <FormEnd error={save.error} saving={save.isPending} onCancel={onDone} />
    </form>
  );
}
