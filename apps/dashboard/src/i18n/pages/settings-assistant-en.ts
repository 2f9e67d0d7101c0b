/** The words of the settings for the assistant and message templates, in English; the pt-BR and es-AR files have the same shape. */
export const settingsAssistantEn = {
};
