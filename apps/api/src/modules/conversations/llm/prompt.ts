import { instantToLocal } from '../../../shared/time/zone';
import type { Lang } from '../domain/nlu/types';
import type { ConversationState, PolicyContext } from '../domain/policy/types';
import type { ChatMessage } from './client';

export interface PastMessage { author: 'customer' | 'assistant' | 'staff'; text: string }

const LANGUAGE: Record<Lang, string> = { pt: 'Portuguese', es: 'Spanish', en: 'English' };
const WEEKDAY = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const RULES = [
  "Reply in the customer's language: the language of their last message.",
  'Never state a time, date or price that a tool did not return. Free times come only from find_slots, prices only from quote.',
  'Show offered times with the labels find_slots returned. To book, the customer picks an offer; ask for their name (and phone if they '
    + 'want reminders), confirm, then call book with the offerId.',
  "For questions about the business's policies call search_knowledge; if it finds nothing, say you will ask the team and call hand_off.",
  'If the customer asks for a person, or you cannot help, call hand_off.',
  'Write durations in minutes. Keep replies short, plain text, no markdown.',
];

/** The system message: who we are, now, the catalogue without prices, the rules, the conversation so far. */
export function systemPrompt(ctx: PolicyContext, state: ConversationState): string {
  const now = instantToLocal(ctx.now, ctx.timeZone);
  const services = ctx.services.map((s) => `- ${s.id}: ${s.name} (${s.durationMinutes} min)`);
  const staff = ctx.staff.map((s) => `- ${s.id}: ${s.name}`);
  return [
    `You are the virtual assistant of ${ctx.tenantName}, answering a customer in a chat.`,
    `Now it is ${WEEKDAY[now.weekday]} ${now.date} ${now.time} in ${ctx.timeZone}; every date and time is in that zone.`,
    `The customer seems to write in ${LANGUAGE[state.lang]}.`,
    '',
    'Services (id: name, duration):', ...services,
    ...(staff.length ? ['', 'Staff (id: name):', ...staff] : []),
    '',
    'Rules:', ...RULES.map((r) => `- ${r}`),
    ...conversationFacts(state),
  ].join('\n');
}

function conversationFacts(state: ConversationState): string[] {
  const facts = [
    ...state.offers.map((o) => `- offer ${o.id}: ${o.label}${o.id === state.chosen?.id && state.holdId ? ' (held for the customer)' : ''}`),
    ...(state.bookingIds.length ? [`- bookings made in this chat: ${state.bookingIds.join(', ')}`] : []),
    ...state.cancelCandidates.map((b) => `- customer's booking ${b.id}: ${b.label}`),
    ...(['name', 'phone', 'email'] as const).filter((k) => state.customer[k]).map((k) => `- customer's ${k}: ${state.customer[k]}`),
  ];
  return facts.length ? ['', 'In this conversation so far:', ...facts] : [];
}

/** System message, recent history, then the customer's message. */
export function promptMessages(ctx: PolicyContext, state: ConversationState, history: PastMessage[], text: string): ChatMessage[] {
  return [
    { role: 'system', content: systemPrompt(ctx, state) },
    ...history.map((m): ChatMessage => (m.author === 'customer'
      ? { role: 'user', content: m.text }
      : { role: 'assistant', content: m.author === 'staff' ? `[a person from the team wrote] ${m.text}` : m.text })),
    { role: 'user', content: text },
  ];
}
