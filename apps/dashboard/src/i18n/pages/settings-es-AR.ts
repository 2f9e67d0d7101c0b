import type { settingsEn } from './settings-en';
import { settingsCatalogueEsAR } from './settings-catalogue-es-AR';
import { settingsAssistantEsAR } from './settings-assistant-es-AR';
import { settingsAccessEsAR } from './settings-access-es-AR';

/** Settings: the section names and each area's words. */
export const settingsEsAR: typeof settingsEn = {
  sectionsLabel: 'Secciones de la configuración',
  sections: { business: 'Negocio', locations: 'Sucursales', resources: 'Equipo y recursos', services: 'Servicios y precios', assistant: 'Asistente', channels: 'Canales', templates: 'Plantillas de mensajes', team: 'Equipo y roles', 'api-keys': 'Claves de API' },
  catalogue: settingsCatalogueEsAR,
  assistant: settingsAssistantEsAR,
  access: settingsAccessEsAR,
};
