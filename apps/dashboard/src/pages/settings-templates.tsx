import { useState } from 'react';
import { useCan } from '../api/permissions';
import { useTemplateActions, useTemplates, type Template } from '../api/assistant';
import { useI18n } from '../i18n/i18n';
import { ErrorText, Loading } from './notice';
import { ConfirmButton } from './settings-access-bits';
import { TemplateForm } from './settings-template-form';
import './settings-assistant.css';

/** Message templates: the list with their approval, and a form (with a filled-in preview) to add or change one. */
export function TemplatesSettings() {
  const { t } = useI18n();
  const w = t.settings.assistant.templates;
  const canEdit = useCan()('settings.write');
  const templates = useTemplates();
  const { remove } = useTemplateActions();
  const [editing, setEditing] = useState<Template | 'new'>();
  const [saved, setSaved] = useState(false);
  const done = () => { setEditing(undefined); setSaved(true); };
  const list = templates.data ?? [];
  return (
    <>
      <section className="card" aria-labelledby="settings-section">
        <h2 id="settings-section">{t.settings.sections.templates}</h2>
        <p className="hint">{w.hint}</p>
        {!canEdit && <p className="hint read-only-note">{t.settings.assistant.readOnly}</p>}
        {templates.isPending ? <Loading /> : <ErrorText error={templates.error} />}
        <ErrorText error={remove.error} />
        {saved && <p className="saved" role="status">{w.saved}</p>}
        {templates.isSuccess && list.length === 0 && <p>{w.empty}</p>}
        {list.length > 0 && (
          <table className="templates-table">
            <thead><tr><th scope="col">{w.name}</th><th scope="col">{w.language}</th><th scope="col">{w.kind}</th><th scope="col">{w.status}</th><th scope="col">{w.body}</th>{canEdit && <th scope="col">{w.actions}</th>}</tr></thead>
            <tbody>
              {list.map((tpl) => (
                <tr key={tpl.id} className="template-row" data-name={tpl.name}>
                  <td><code>{tpl.name}</code></td>
                  <td>{tpl.language}</td>
                  <td>{w.kinds[tpl.kind ?? 'none']}</td>
                  <td><span className={`template-status ${tpl.status}`}>{w.statuses[tpl.status]}</span></td>
                  <td className="template-body">{tpl.body}</td>
                  {canEdit && (
                    <td className="template-actions">
                      <button type="button" className="secondary" onClick={() => { setSaved(false); setEditing(tpl); }}>{w.edit(tpl.name)}</button>
                      <ConfirmButton label={w.remove(tpl.name)} question={w.confirmRemove(tpl.name)} yes={w.yes} busy={remove.isPending}
                        onConfirm={() => remove.mutate(tpl.id)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && !editing && <button type="button" onClick={() => { setSaved(false); setEditing('new'); }}>{w.add}</button>}
      </section>
      {canEdit && editing && <TemplateForm key={editing === 'new' ? 'new' : editing.id} template={editing === 'new' ? undefined : editing} onDone={done} onCancel={() => setEditing(undefined)} />}
    </>
  );
}
