import { useId } from 'react';
import { languageNames, useI18n } from '../i18n/i18n';
import { languages, type Language } from '../i18n/format';

export function LanguagePicker() {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{t.common.language}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => <option key={l} value={l} lang={l}>{languageNames[l]}</option>)}
      </select>
    </div>
  );
}
