import type { Lang, Understanding } from '../nlu/types';
import { displayLocale, formatMoney } from './format';
import { clearWinner } from './matches';
import type { ConversationState, PolicyContext } from './types';

const words: Record<Lang, { period: Record<'once' | 'month' | 'session', string>; free: string; subjects: (n: number) => string }> = {
  pt: { period: { month: 'por mês', once: '(uma vez)', session: 'por sessão' }, free: 'sem custo', subjects: (n) => `Para ${n} ${n === 1 ? 'disciplina' : 'disciplinas'}` },
  es: { period: { month: 'por mes', once: '(única vez)', session: 'por sesión' }, free: 'sin costo', subjects: (n) => `Para ${n} ${n === 1 ? 'materia' : 'materias'}` },
  en: { period: { month: 'per month', once: '(once)', session: 'per session' }, free: 'free', subjects: (n) => `For ${n} ${n === 1 ? 'subject' : 'subjects'}` },
};

const numberWords: Record<string, number> = {
  um: 1, uma: 1, dois: 2, duas: 2, tres: 3, três: 3, quatro: 4, un: 1, una: 1, dos: 2, cuatro: 4, one: 1, two: 2, three: 3, four: 4,
};
const COUNT = /\b(\d{1,2}|um|uma|dois|duas|tr[eê]s|quatro|un|una|dos|tres|cuatro|one|two|three|four)\s+(?:mat[eé]rias?|disciplinas?|subjects?|cursos?)\b/i;

const BOOKING_STAGES = new Set<ConversationState['stage']>(['asking_when', 'offering', 'asking_name', 'confirming']);

/** How many subjects the customer is asking about: named ones, or "2 matérias". */
export function subjectCount(u: Understanding, text: string): number {
  const named = new Set(u.entities.subjects.filter((m) => m.score >= 0.6).map((m) => m.id)).size;
  const said = COUNT.exec(text)?.[1]?.toLowerCase();
  const counted = said ? Number(said) || numberWords[said] || 0 : 0;
  return Math.max(named, counted);
}

/**
 * The price answer, only from configured prices: the price list (quoted for the number of
 * subjects when one is known) and the services' prices.
 */
export function priceAnswer(state: ConversationState, u: Understanding, text: string, ctx: PolicyContext): { text: string; sources: string[] } {
  const w = words[state.lang];
  const locale = displayLocale(state.lang, ctx.locale);
  const money = (amount: number, currency: string) => (amount === 0 ? w.free : formatMoney(amount, currency, locale));
  // Every service named clearly, or the one that clearly leads ("a small van" for "Small van + 1 crew (2 h)").
  const strong = u.entities.services.filter((m) => m.score >= 0.6).map((m) => m.id);
  const named = strong.length ? strong : [clearWinner(u.entities.services, 0.6)?.id].filter((id): id is string => !!id);
  const list = ctx.priceList ?? [];
  // "¿Y cuánto sale?" while booking a service asks that service's price, unless a price list says more.
  const booking = !named.length && !list.length && state.serviceId && BOOKING_STAGES.has(state.stage) ? [state.serviceId] : [];
  const asked = new Set([...named, ...booking]);
  const services = ctx.services.filter((s) => asked.size === 0 || asked.has(s.id));
  const serviceLines = services.map((s) => `• ${s.name}: ${money(s.price.amount, s.price.currency)}`);
  if (!list.length || asked.size) return { text: serviceLines.join('\n'), sources: ['catalogue.prices'] };

  const currency = ctx.currency ?? services[0]?.price.currency ?? 'USD';
  const n = subjectCount(u, text);
  const itemLines = list.map((item) => {
    const name = item.name[state.lang] ?? item.name.pt ?? item.name.es ?? item.name.en ?? item.id;
    const times = item.perSubject && n > 1 ? ` × ${n}` : '';
    const amount = item.perSubject && n > 0 ? item.amount * n : item.amount;
    return `• ${name}${times}: ${money(amount, currency)} ${w.period[item.period]}`;
  });
  const header = n > 0 ? `${w.subjects(n)}:\n` : '';
  return { text: `${header}${[...itemLines, ...(n > 0 ? [] : serviceLines)].join('\n')}`, sources: ['assistant.price_list', 'catalogue.prices'] };
}
