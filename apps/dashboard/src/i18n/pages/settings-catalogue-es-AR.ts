import type { settingsCatalogueEn } from './settings-catalogue-en';

export const settingsCatalogueEsAR: typeof settingsCatalogueEn = {
};
