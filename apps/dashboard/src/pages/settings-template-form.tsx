import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useTemplateActions, type Template, type TemplateInput } from '../api/assistant';
import { useI18n } from '../i18n/i18n';
import { errorsByPath } from '../assistant/profile';
import { fillTemplate, templateVariables } from '../assistant/templates';
import { ErrorText } from './notice';
import { FieldProblem } from './settings-catalogue-parts';

const KINDS = ['booking_confirmation', 'booking_reminder', 'booking_rescheduled', 'booking_cancelled', 'booking_thank_you', 'booking_no_show',
  'ticket_satisfaction', 'follow_up'] as const;

/** A new template, or a change to one (its name and language stay), with a preview whose variables staff can fill in. */
export function TemplateForm({ template, onDone, onCancel }: { template?: Template; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const w = t.settings.assistant.templates;
  const { create, update } = useTemplateActions();
  const [form, setForm] = useState<TemplateInput>(template
    ? { name: template.name, language: template.language, body: template.body, status: template.status, kind: template.kind }
    : { name: '', language: '', body: '', status: 'pending', kind: null });
  const [values, setValues] = useState<Record<string, string>>({});
  const saving = template ? update : create;
  const errors = saving.error instanceof ApiError ? errorsByPath(saving.error.fields, t.settings.assistant.fieldErrors) : {};
  const variables = templateVariables(form.body);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (template) update.mutate({ id: template.id, body: form.body, status: form.status, kind: form.kind }, { onSuccess: onDone });
    else create.mutate(form, { onSuccess: onDone });
  };
  const title = template ? w.editing(template.name, template.language) : w.add;
  return (
    <section className="card template-form" aria-labelledby="template-form-heading">
      <h2 id="template-form-heading">{title}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <div>
            <label htmlFor="template-name">{w.name}</label>
            <input id="template-name" value={form.name} readOnly={!!template} maxLength={512} aria-describedby="template-name-hint template-name-error"
              onChange={(e) => setForm({ ...form, name: e.target.value })} />
            <p id="template-name-hint" className="hint">{w.nameHint}</p>
            <FieldProblem id="template-name-error" text={errors.name} />
          </div>
          <div>
            <label htmlFor="template-language">{w.language}</label>
            <input id="template-language" value={form.language} readOnly={!!template} maxLength={5} aria-describedby="template-language-hint template-language-error"
              onChange={(e) => setForm({ ...form, language: e.target.value })} />
            <p id="template-language-hint" className="hint">{w.languageHint}</p>
            <FieldProblem id="template-language-error" text={errors.language} />
          </div>
        </div>
        <label htmlFor="template-body">{w.body}</label>
        <textarea id="template-body" rows={4} maxLength={1024} value={form.body} aria-describedby="template-body-error"
          onChange={(e) => setForm({ ...form, body: e.target.value })} />
        <FieldProblem id="template-body-error" text={errors.body} />
        <div className="field-row">
          <div>
            <label htmlFor="template-kind">{w.kind}</label>
            <select id="template-kind" value={form.kind ?? ''} onChange={(e) => setForm({ ...form, kind: (e.target.value || null) as TemplateInput['kind'] })}>
              <option value="">{w.kinds.none}</option>
              {KINDS.map((k) => <option key={k} value={k}>{w.kinds[k]}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="template-status">{w.status}</label>
            <select id="template-status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as TemplateInput['status'] })}>
              {(['pending', 'approved', 'rejected'] as const).map((s) => <option key={s} value={s}>{w.statuses[s]}</option>)}
            </select>
          </div>
        </div>
        <fieldset className="template-preview">
          <legend>{w.preview}</legend>
          {variables.length === 0 && <p className="hint">{w.noVariables}</p>}
          {variables.map((v) => (
            <div key={v}>
              <label htmlFor={`template-var-${v}`}>{w.variable(v)}</label>
              <input id={`template-var-${v}`} value={values[v] ?? ''} onChange={(e) => setValues({ ...values, [v]: e.target.value })} />
            </div>
          ))}
          <p className="template-preview-text" aria-live="polite">{fillTemplate(form.body, values)}</p>
        </fieldset>
        <ErrorText error={saving.error instanceof ApiError && saving.error.fields.length ? undefined : saving.error} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>{w.cancel}</button>
          <button type="submit" disabled={saving.isPending}>{template ? w.save : w.create}</button>
        </div>
      </form>
    </section>
  );
}
