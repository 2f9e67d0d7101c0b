import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAssistantProfile, useLlmSettings, useSaveAssistantProfile, type AssistantProfile } from '../api/assistant';
import { useCan } from '../api/permissions';
import { useI18n } from '../i18n/i18n';
import { errorsByPath, forSaving, formatKeywords, LANGS, parseKeywords } from '../assistant/profile';
import { ErrorText, Loading } from './notice';
import { FaqEditor } from './settings-assistant-faq';
import { QualificationEditor } from './settings-assistant-qualification';
import { TestChat } from './settings-assistant-test-chat';
import { FieldProblem } from './settings-catalogue-parts';
import './settings-assistant.css';

export interface ProfileSectionProps {
  profile: AssistantProfile;
  change(profile: AssistantProfile): void;
  errors: Record<string, string>;
}

/** The assistant: what it says first, its FAQ, what it asks, when it calls a person, its model, and a chat to try it. */
export function AssistantSettings() {
  const { t } = useI18n();
  const can = useCan();
  const profile = useAssistantProfile();
  return (
    <>
      {profile.data ? <ProfileForm saved={profile.data} canEdit={can('settings.write')} />
        : <section className="card" aria-labelledby="settings-section"><h2 id="settings-section">{t.settings.sections.assistant}</h2><ErrorText error={profile.error} /><Loading /></section>}
      <LlmStatus />
      {can('conversations.reply') && <TestChat />}
    </>
  );
}

function ProfileForm({ saved, canEdit }: { saved: AssistantProfile; canEdit: boolean }) {
  const { t } = useI18n();
  const w = t.settings.assistant;
  const [draft, setDraft] = useState<AssistantProfile>(saved);
  const save = useSaveAssistantProfile();
  const errors = save.error instanceof ApiError ? errorsByPath(save.error.fields, t.settings.assistant.fieldErrors) : {};
  const change = (next: AssistantProfile) => {
    setDraft(next);
    if (save.isSuccess) save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(forSaving(draft), { onSuccess: (s) => setDraft(s) });
  };
  const props = { profile: draft, change, errors };
  return (
    <form onSubmit={submit} className="assistant-form" noValidate>
      <section className="card" aria-labelledby="settings-section">
        <h2 id="settings-section">{t.settings.sections.assistant}</h2>
        {!canEdit && <p className="hint read-only-note">{w.readOnly}</p>}
        <fieldset disabled={!canEdit}>
          <legend>{w.greeting.title}</legend>
          <p className="hint">{w.greeting.hint}</p>
          {LANGS.map((l) => (
            <div key={l} className="field">
              <label htmlFor={`greeting-${l}`}>{w.greeting.label(w.langs[l])}</label>
              <textarea id={`greeting-${l}`} rows={2} maxLength={500} value={draft.greeting?.[l] ?? ''}
                aria-describedby={errors.greeting ? 'greeting-error' : undefined}
                onChange={(e) => change({ ...draft, greeting: { ...draft.greeting, [l]: e.target.value } })} />
            </div>
          ))}
          <FieldProblem id="greeting-error" text={errors.greeting} />
        </fieldset>
      </section>
      <FaqEditor {...props} canEdit={canEdit} />
      <QualificationEditor {...props} canEdit={canEdit} />
      <HandoffRules {...props} canEdit={canEdit} />
      {canEdit && (
        <div className="card assistant-save">
          {save.error instanceof ApiError && save.error.fields.length > 0 ? <p className="error" role="alert">{w.invalid}</p> : <ErrorText error={save.error} />}
          {save.isSuccess && <p className="saved" role="status">{w.saved}</p>}
          <button type="submit" disabled={save.isPending}>{save.isPending ? w.saving : w.save}</button>
        </div>
      )}
    </form>
  );
}

function HandoffRules({ profile, change, errors, canEdit }: ProfileSectionProps & { canEdit: boolean }) {
  const { t } = useI18n();
  const w = t.settings.assistant.handoff;
  const rules = profile.handoff;
  const set = (patch: Partial<AssistantProfile['handoff']>) => change({ ...profile, handoff: { ...rules, ...patch } });
  const [keywords, setKeywords] = useState(formatKeywords(rules.keywords));
  const intents = ['book', 'cancel', 'reschedule', 'ask_price'] as const;
  return (
    <section className="card" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">{w.title}</h2>
      <fieldset disabled={!canEdit}>
        <label htmlFor="handoff-misses">{w.misunderstandings}</label>
        <input id="handoff-misses" type="number" min={1} max={10} value={rules.afterMisunderstandings}
          onChange={(e) => set({ afterMisunderstandings: Number(e.target.value) })} aria-describedby="handoff-misses-error" />
        <FieldProblem id="handoff-misses-error" text={errors['handoff.afterMisunderstandings']} />
        <label htmlFor="handoff-unanswered">{w.unanswered}</label>
        <select id="handoff-unanswered" value={rules.unansweredQuestions}
          onChange={(e) => set({ unansweredQuestions: e.target.value as 'handoff' | 'say_unknown' })}>
          <option value="handoff">{w.unansweredChoices.handoff}</option>
          <option value="say_unknown">{w.unansweredChoices.say_unknown}</option>
        </select>
        <label htmlFor="handoff-keywords">{w.keywords}</label>
        <input id="handoff-keywords" value={keywords} aria-describedby="handoff-keywords-error"
          onChange={(e) => { setKeywords(e.target.value); set({ keywords: parseKeywords(e.target.value) }); }} />
        <FieldProblem id="handoff-keywords-error" text={Object.entries(errors).find(([p]) => p.startsWith('handoff.keywords'))?.[1]} />
        <fieldset className="checks">
          <legend>{w.intents}</legend>
          {intents.map((i) => (
            <label key={i} className="check">
              <input type="checkbox" checked={rules.intents.includes(i)}
                onChange={(e) => set({ intents: e.target.checked ? [...rules.intents, i] : rules.intents.filter((x) => x !== i) })} />
              {w.intentNames[i]}
            </label>
          ))}
        </fieldset>
      </fieldset>
    </section>
  );
}

function LlmStatus() {
  const { t } = useI18n();
  const w = t.settings.assistant.llm;
  const llm = useLlmSettings();
  return (
    <section className="card" aria-labelledby="llm-heading">
      <h2 id="llm-heading">{w.title}</h2>
      <ErrorText error={llm.error} />
      {llm.isPending ? <Loading /> : llm.data && (
        llm.data.configured ? (
          <>
            <p>{w.configured(llm.data.model ?? '')}</p>
            {!llm.data.enabled && <p>{w.disabled}</p>}
            <p className="hint">{w.key(llm.data.hasApiKey)}</p>
          </>
        ) : <p>{w.none}</p>
      )}
      <p className="hint">{w.ownerOnly}</p>
    </section>
  );
}
