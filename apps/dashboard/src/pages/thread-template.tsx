import { useId, useState, type FormEvent } from 'react';
import { useConversationAction, type ReplyWindow } from '../api/conversations';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { previewTemplate, variableCount } from '../inbox/work';
import { ErrorText } from './notice';

/** The 24-hour window has closed: why, and an approved template (with its variables and a preview) to send instead. */
export function TemplatePicker({ id, window, fmt, canWrite }: { id: string; window: ReplyWindow; fmt: Formatters; canWrite: boolean }) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const actions = useConversationAction(id);
  const pickId = useId();
  const [chosen, setChosen] = useState(window.templates[0]?.id ?? '');
  const [values, setValues] = useState<string[]>([]);
  const template = window.templates.find((x) => x.id === chosen);
  const count = template ? variableCount(template.body) : 0;
  const variables = Array.from({ length: count }, (_, i) => values[i] ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!template) return;
    actions.template.mutate({ name: template.name, language: template.language, variables: variables.map((v) => v.trim()) },
      { onSuccess: () => setValues([]) });
  };

  return (
    <section className="window-closed" aria-labelledby={`${pickId}-why`}>
      <p id={`${pickId}-why`} className="window-why" role="status">{w.windowClosed}</p>
      {window.closesAt && <p className="hint">{w.windowClosedSince(fmt.dateTime(window.closesAt))}</p>}
      {!canWrite ? null : window.templates.length === 0 ? <p>{w.noTemplates}</p> : (
        <form className="template-form" onSubmit={submit}>
          <label htmlFor={pickId}>{w.template}</label>
          <select id={pickId} value={chosen} onChange={(e) => { setChosen(e.target.value); setValues([]); }}>
            {window.templates.map((x) => <option key={x.id} value={x.id}>{`${x.name} (${x.language})`}</option>)}
          </select>
          {variables.map((v, i) => (
            <div key={i} className="variable">
              <label htmlFor={`${pickId}-v${i}`}>{w.variable(i + 1)}</label>
              <input id={`${pickId}-v${i}`} value={v} maxLength={1024} required
                onChange={(e) => setValues(variables.map((x, j) => (j === i ? e.target.value : x)))} />
            </div>
          ))}
          {template && (
            <figure className="template-preview">
              <figcaption>{w.preview}</figcaption>
              <p>{previewTemplate(template.body, variables)}</p>
            </figure>
          )}
          <ErrorText error={actions.template.error} />
          <div className="actions"><button type="submit" disabled={actions.template.isPending}>{w.sendTemplate}</button></div>
        </form>
      )}
    </section>
  );
}
