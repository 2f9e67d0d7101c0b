import { useI18n } from '../i18n/i18n';
import { LANGS, move, slugId, type QualificationField } from '../assistant/profile';
import { FieldProblem } from './settings-catalogue-parts';
import { FoldedItem } from './settings-assistant-item';
import type { ProfileSectionProps } from './settings-assistant';

const KINDS = ['name', 'phone', 'email', 'age', 'school_year', 'subjects', 'text'] as const;

/** The questions the assistant asks each customer, in order, with their wording per language. */
export function QualificationEditor({ profile, change, errors, canEdit }: ProfileSectionProps & { canEdit: boolean }) {
  const { t, language } = useI18n();
  const w = t.settings.assistant;
  const lang = language.startsWith('pt') ? 'pt' : language.startsWith('es') ? 'es' : 'en';
  const fields = profile.qualification;
  const setFields = (next: QualificationField[]) => change({ ...profile, qualification: next });
  const edit = (index: number, patch: Partial<QualificationField>) => setFields(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const add = () => setFields([...fields, { key: slugId(`field ${fields.length + 1}`, fields.map((f) => f.key)).replace(/-/g, '_'), kind: 'text', ask: {}, bookingName: false }]);
  const problem = (index: number, field: string) => Object.entries(errors).find(([p]) => p === `qualification[${index}].${field}` || p.startsWith(`qualification[${index}].${field}.`))?.[1];
  return (
    <section className="card" aria-labelledby="qualification-heading">
      <h2 id="qualification-heading">{w.qualification.title}</h2>
      <p className="hint">{w.qualification.hint}</p>
      <fieldset disabled={!canEdit}>
        <label className="check">
          <input type="checkbox" checked={profile.qualifyBeforeOffering} onChange={(e) => change({ ...profile, qualifyBeforeOffering: e.target.checked })} />
          {w.qualification.beforeOffering}
        </label>
        {fields.length === 0 && <p className="hint">{w.qualification.empty}</p>}
        <ol className="assistant-list">
          {fields.map((f, index) => {
            const id = (part: string) => `qualification-${index}-${part}`;
            return (
              <FoldedItem key={index} className="qualification-field" startOpen={!f.ask.pt && !f.ask.es && !f.ask.en}
                summary={`${w.qualification.field(index + 1)}: ${f.ask[lang] ?? f.ask.pt ?? f.ask.es ?? f.ask.en ?? f.key} (${w.qualification.kinds[f.kind]})`}
                hasProblem={Object.keys(errors).some((p) => p.startsWith(`qualification[${index}]`))}>
                  <div className="field-row">
                    <div>
                      <label htmlFor={id('key')}>{w.qualification.key}</label>
                      <input id={id('key')} value={f.key} maxLength={50} aria-describedby={id('key-error')} onChange={(e) => edit(index, { key: e.target.value })} />
                    </div>
                    <div>
                      <label htmlFor={id('kind')}>{w.qualification.kind}</label>
                      <select id={id('kind')} value={f.kind} onChange={(e) => edit(index, { kind: e.target.value as QualificationField['kind'] })}>
                        {KINDS.map((k) => <option key={k} value={k}>{w.qualification.kinds[k]}</option>)}
                      </select>
                    </div>
                  </div>
                  <FieldProblem id={id('key-error')} text={problem(index, 'key')} />
                  {LANGS.map((l) => (
                    <div key={l}>
                      <label htmlFor={id(`ask-${l}`)}>{w.qualification.ask(w.langs[l])}</label>
                      <input id={id(`ask-${l}`)} value={f.ask[l] ?? ''} maxLength={500} aria-describedby={id('ask-error')}
                        onChange={(e) => edit(index, { ask: { ...f.ask, [l]: e.target.value || undefined } })} />
                    </div>
                  ))}
                  <FieldProblem id={id('ask-error')} text={problem(index, 'ask')} />
                  <label className="check">
                    <input type="checkbox" checked={f.bookingName} onChange={(e) => edit(index, { bookingName: e.target.checked })} />
                    {w.qualification.bookingName}
                  </label>
                  {canEdit && (
                    <div className="item-actions">
                      <button type="button" className="secondary" onClick={() => setFields(move(fields, index, -1))} disabled={index === 0}>{w.moveUp}</button>
                      <button type="button" className="secondary" onClick={() => setFields(move(fields, index, 1))} disabled={index === fields.length - 1}>{w.moveDown}</button>
                      <button type="button" className="secondary" onClick={() => setFields(fields.filter((_, i) => i !== index))}>{w.remove}</button>
                    </div>
                  )}
              </FoldedItem>
            );
          })}
        </ol>
        {canEdit && <button type="button" className="secondary" onClick={add}>{w.qualification.add}</button>}
      </fieldset>
    </section>
  );
}
