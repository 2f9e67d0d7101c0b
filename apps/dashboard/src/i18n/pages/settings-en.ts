import { settingsCatalogueEn } from './settings-catalogue-en';
import { settingsAssistantEn } from './settings-assistant-en';
import { settingsAccessEn } from './settings-access-en';

/** Settings: the section names and each area's words. */
export const settingsEn = {
  sectionsLabel: 'Settings sections',
  sections: { business: 'Business', locations: 'Locations', resources: 'Staff and resources', services: 'Services and prices', assistant: 'Assistant', channels: 'Channels', templates: 'Message templates', team: 'Team and roles', 'api-keys': 'API keys' },
  catalogue: settingsCatalogueEn,
  assistant: settingsAssistantEn,
  access: settingsAccessEn,
};
