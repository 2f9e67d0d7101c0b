import type { settingsEn } from './settings-en';
import { settingsCataloguePtBR } from './settings-catalogue-pt-BR';
import { settingsAssistantPtBR } from './settings-assistant-pt-BR';
import { settingsAccessPtBR } from './settings-access-pt-BR';

/** Settings: the section names and each area's words. */
export const settingsPtBR: typeof settingsEn = {
  sectionsLabel: 'Seções das configurações',
  sections: { business: 'Empresa', locations: 'Unidades', resources: 'Equipe e recursos', services: 'Serviços e preços', assistant: 'Assistente', channels: 'Canais', templates: 'Modelos de mensagem', team: 'Equipe e funções', 'api-keys': 'Chaves de API' },
  catalogue: settingsCataloguePtBR,
  assistant: settingsAssistantPtBR,
  access: settingsAccessPtBR,
};
