/** The words of the settings for business details, locations, resources (hours, days off) and services, in English; the pt-BR and es-AR files have the same shape. */
export const settingsCatalogueEn = {
};
