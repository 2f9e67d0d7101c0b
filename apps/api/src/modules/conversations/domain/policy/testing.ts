import type { Intent, Lang, Understanding } from '../nlu/types';
import { newConversationState, type ConversationState, type Offer, type PolicyContext } from './types';

export const NOW = Date.parse('2026-11-25T13:00:00Z'); // Wed 10:00 in São Paulo

export const kumon: PolicyContext = {
  now: NOW, tenantName: 'Kumon Vila A', locale: 'pt-BR', timeZone: 'America/Sao_Paulo',
  services: [{ id: 'svc-visit', name: 'Avaliação diagnóstica', durationMinutes: 60, price: { amount: 0, currency: 'BRL' } }],
  staff: [{ id: 'ana', name: 'Ana' }],
  location: { name: 'Kumon Vila A', address: 'Rua Joaquim Távora, 812' },
  hours: { mon: [['08:00', '12:00'], ['14:00', '17:00']], fri: [['08:00', '12:00'], ['14:00', '17:00']] },
};

export const barber: PolicyContext = {
  ...kumon, tenantName: 'BarberPro Palermo', locale: 'es-AR', timeZone: 'America/Argentina/Buenos_Aires',
  services: [
    { id: 'corte', name: 'Corte', durationMinutes: 30, price: { amount: 1500000, currency: 'ARS' } },
    { id: 'barba', name: 'Barba', durationMinutes: 20, price: { amount: 1000000, currency: 'ARS' } },
  ],
};

/** An Understanding as the NLU would return it, with only what a test cares about. */
export function heard(
  intent: Intent, lang: Lang = 'pt', extra: Partial<Omit<Understanding, 'entities'>> & { entities?: Partial<Understanding['entities']> } = {},
): Understanding {
  return {
    lang, intent, confidence: 0.9, ranked: [{ intent, score: 0.9 }], dateTimes: [], ...extra,
    entities: { services: [], staff: [], subjects: [], ...extra.entities },
  };
}

export const fresh = (lang: Lang = 'pt'): ConversationState => newConversationState(lang, NOW);

export const offers: Offer[] = [
  { id: 'o1', start: '2026-11-27T11:00:00Z', end: '2026-11-27T12:00:00Z', resourceIds: ['ana'], label: 'sex., 27 de nov., 08:00' },
  { id: 'o2', start: '2026-11-27T12:00:00Z', end: '2026-11-27T13:00:00Z', resourceIds: ['ana'], label: 'sex., 27 de nov., 09:00' },
  { id: 'o3', start: '2026-11-27T13:00:00Z', end: '2026-11-27T14:00:00Z', resourceIds: ['ana'], label: 'sex., 27 de nov., 10:00' },
];
