import { Link, Redirect, useParams } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { settingsSections, type SettingsSection } from '../settings/sections';
import { BusinessSettings } from './settings-business';
import { LocationsSettings } from './settings-locations';
import { ResourcesSettings } from './settings-resources';
import { ServicesSettings } from './settings-services';
import { AssistantSettings } from './settings-assistant';
import { ChannelsSettings } from './settings-channels';
import { TemplatesSettings } from './settings-templates';
import { TeamSettings } from './settings-team';
import { ApiKeysSettings } from './settings-api-keys';

const pages: Record<SettingsSection, () => React.JSX.Element> = {
  business: BusinessSettings, locations: LocationsSettings, resources: ResourcesSettings, services: ServicesSettings,
  assistant: AssistantSettings, channels: ChannelsSettings, templates: TemplatesSettings, team: TeamSettings, 'api-keys': ApiKeysSettings,
};

/** Settings: one section at a time, picked from the list beside it (/settings/<section>). */
export function SettingsPage() {
  const { t } = useI18n();
  const { section } = useParams<{ section?: string }>();
  if (!section || !settingsSections.includes(section as SettingsSection)) return <Redirect to="/settings/business" replace />;
  const Section = pages[section as SettingsSection];
  return (
    <>
      <h1 className="page-title">{t.nav.settings}</h1>
      <div className="settings">
        <nav className="settings-nav" aria-label={t.settings.sectionsLabel}>
          <ul>
            {settingsSections.map((s) => (
              <li key={s}><Link href={`/settings/${s}`} aria-current={s === section ? 'page' : undefined}>{t.settings.sections[s]}</Link></li>
            ))}
          </ul>
        </nav>
        <div className="settings-body"><Section /></div>
      </div>
    </>
  );
}
