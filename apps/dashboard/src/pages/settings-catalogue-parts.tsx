import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorText } from './notice';

/** Every IANA zone the browser knows, plus `current` when it is not among them. */
function zoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...zones].filter(Boolean))].sort();
}

/** A time zone picked from the list (typing its first letters jumps there), labelled. */
export function ZoneSelect({ id, value, onChange, describedBy }: { id: string; value: string; onChange(zone: string): void; describedBy?: string }) {
  const { t } = useI18n();
  const zones = useMemo(() => zoneList(value), [value]);
  return (
    <>
      <label htmlFor={id}>{t.settings.catalogue.timeZone}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
        {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
      </select>
    </>
  );
}

/** Shown to roles that may read settings but not change them. */
export function ReadOnlyNote() {
  const { t } = useI18n();
  return <p className="hint read-only-note">{t.settings.catalogue.readOnly}</p>;
}

export function SavedNote({ show }: { show: boolean }) {
  const { t } = useI18n();
  return show ? <p role="status" className="saved">{t.settings.catalogue.saved}</p> : null;
}

/** A field's problem, tied to it with aria-describedby by the caller. */
export function FieldProblem({ id, text }: { id: string; text: string | undefined }) {
  return text ? <p id={id} className="field-error" role="alert">{text}</p> : null;
}

/** The end of an add/edit form: what went wrong, cancel, and save (busy while saving). */
export function FormEnd({ error, saving, onCancel }: { error: unknown; saving: boolean; onCancel(): void }) {
  const w = useI18n().t.settings.catalogue;
  return (
    <>
      <ErrorText error={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>{w.cancel}</button>
        <button type="submit" disabled={saving}>{saving ? w.saving : w.save}</button>
      </div>
    </>
  );
}
