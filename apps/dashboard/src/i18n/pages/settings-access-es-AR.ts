import type { settingsAccessEn } from './settings-access-en';

export const settingsAccessEsAR: typeof settingsAccessEn = {
};
