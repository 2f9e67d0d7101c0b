/** The settings sections, in the order the settings menu lists them. */
export const settingsSections = ['business', 'locations', 'resources', 'services', 'assistant', 'channels', 'templates', 'team', 'api-keys'] as const;
export type SettingsSection = (typeof settingsSections)[number];
