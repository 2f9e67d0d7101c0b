import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatKeywords, LANGS, parseKeywords, slugId, type FaqEntry, type Lang } from '../assistant/profile';
import { FieldProblem } from './settings-catalogue-parts';
import { FoldedItem } from './settings-assistant-item';
import type { ProfileSectionProps } from './settings-assistant';

/** The FAQ of one language at a time: add, edit, remove and reorder entries (ids stay as they were). */
export function FaqEditor({ profile, change, errors, canEdit }: ProfileSectionProps & { canEdit: boolean }) {
  const { t, language } = useI18n();
  const w = t.settings.assistant;
  const [lang, setLang] = useState<Lang>(language.startsWith('pt') ? 'pt' : language.startsWith('es') ? 'es' : 'en');
  const faq = profile.faq;
  const shown = faq.map((entry, index) => ({ entry, index })).filter((x) => x.entry.lang === lang);
  const setFaq = (next: FaqEntry[]) => change({ ...profile, faq: next });
  const edit = (index: number, patch: Partial<FaqEntry>) => setFaq(faq.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  // Moves swap an entry with its neighbour of the same language, keeping the other languages' order.
  const swap = (at: number, by: -1 | 1) => {
    const a = shown[at]?.index;
    const b = shown[at + by]?.index;
    if (a === undefined || b === undefined) return;
    const next = [...faq];
    [next[a], next[b]] = [next[b]!, next[a]!];
    setFaq(next);
  };
  const add = () => setFaq([...faq, { id: slugId(`${lang}-faq-${faq.length + 1}`, faq.map((e) => e.id)), lang, question: '', answer: '', keywords: [] }]);
  return (
    <section className="card" aria-labelledby="faq-heading">
      <h2 id="faq-heading">{w.faq.title}</h2>
      <p className="hint">{w.faq.hint}</p>
      <label htmlFor="faq-language">{w.faq.language}</label>
      <select id="faq-language" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => <option key={l} value={l}>{w.langs[l]} ({w.faq.count(faq.filter((f) => f.lang === l).length)})</option>)}
      </select>
      <fieldset disabled={!canEdit}>
        {shown.length === 0 && <p className="hint">{w.faq.empty}</p>}
        <ol className="assistant-list">
          {shown.map(({ entry, index }, at) => (
            <FoldedItem key={entry.id} className="faq-entry" summary={entry.question.trim() || w.faq.entry(at + 1)} startOpen={!entry.question}
              hasProblem={Object.keys(errors).some((p) => p.startsWith(`faq[${index}]`))}>
              <FaqFields entry={entry} index={index} errors={errors} onChange={(patch) => edit(index, patch)} />
              {canEdit && (
                <div className="item-actions">
                  <button type="button" className="secondary" onClick={() => swap(at, -1)} disabled={at === 0}>{w.moveUp}</button>
                  <button type="button" className="secondary" onClick={() => swap(at, 1)} disabled={at === shown.length - 1}>{w.moveDown}</button>
                  <button type="button" className="secondary" onClick={() => setFaq(faq.filter((_, i) => i !== index))}>{w.remove}</button>
                </div>
              )}
            </FoldedItem>
          ))}
        </ol>
        {canEdit && <button type="button" className="secondary" onClick={add}>{w.faq.add}</button>}
      </fieldset>
    </section>
  );
}

function FaqFields({ entry, index, errors, onChange }: { entry: FaqEntry; index: number; errors: Record<string, string>; onChange(patch: Partial<FaqEntry>): void }) {
  const { t } = useI18n();
  const w = t.settings.assistant.faq;
  const [keywords, setKeywords] = useState(formatKeywords(entry.keywords));
  const id = (field: string) => `faq-${index}-${field}`;
  const problem = (field: string) => errors[`faq[${index}].${field}`] ?? Object.entries(errors).find(([p]) => p.startsWith(`faq[${index}].${field}[`))?.[1];
  return (
    <>
      <label htmlFor={id('question')}>{w.question}</label>
      <input id={id('question')} value={entry.question} maxLength={500} aria-invalid={problem('question') ? true : undefined}
        aria-describedby={id('question-error')} onChange={(e) => onChange({ question: e.target.value })} />
      <FieldProblem id={id('question-error')} text={problem('question')} />
      <label htmlFor={id('answer')}>{w.answer}</label>
      <textarea id={id('answer')} rows={3} maxLength={2000} value={entry.answer} aria-invalid={problem('answer') ? true : undefined}
        aria-describedby={id('answer-error')} onChange={(e) => onChange({ answer: e.target.value })} />
      <FieldProblem id={id('answer-error')} text={problem('answer')} />
      <label htmlFor={id('keywords')}>{w.keywords}</label>
      <input id={id('keywords')} value={keywords} aria-describedby={id('keywords-error')}
        onChange={(e) => { setKeywords(e.target.value); onChange({ keywords: parseKeywords(e.target.value) }); }} />
      <FieldProblem id={id('keywords-error')} text={problem('keywords') ?? problem('id')} />
    </>
  );
}
