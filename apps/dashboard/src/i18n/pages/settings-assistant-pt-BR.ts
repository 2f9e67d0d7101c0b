import type { settingsAssistantEn } from './settings-assistant-en';

export const settingsAssistantPtBR: typeof settingsAssistantEn = {
};
