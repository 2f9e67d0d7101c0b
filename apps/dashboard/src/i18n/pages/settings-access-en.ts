/** The words of the settings for channels, team and roles, and API keys, in English; the pt-BR and es-AR files have the same shape. */
export const settingsAccessEn = {
};
