import { useI18n } from '../i18n/i18n';

/** Placeholder until this section is built. */
export function ServicesSettings() {
  const { t } = useI18n();
  return <section className="card" aria-labelledby="settings-section"><h2 id="settings-section">{t.settings.sections['services']}</h2><p>{t.comingSoon.body}</p></section>;
}
