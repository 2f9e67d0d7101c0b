import type { settingsAccessEn } from './settings-access-en';

export const settingsAccessPtBR: typeof settingsAccessEn = {
};
