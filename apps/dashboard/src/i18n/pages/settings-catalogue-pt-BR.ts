import type { settingsCatalogueEn } from './settings-catalogue-en';

export const settingsCataloguePtBR: typeof settingsCatalogueEn = {
};
