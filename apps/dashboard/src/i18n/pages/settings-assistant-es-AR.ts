import type { settingsAssistantEn } from './settings-assistant-en';

export const settingsAssistantEsAR: typeof settingsAssistantEn = {
};
