import type { OptOutSource } from '@frontdesk/contracts';

export type MessageKind = 'transactional' | 'marketing';

/**
 * Whether the business may write to this contact. An opted-out contact still gets answers to
 * what they themselves asked (transactional), never follow-ups or marketing.
 */
export function mayMessage(contact: { optedOut: unknown }, kind: MessageKind): boolean {
  return kind === 'transactional' || !contact.optedOut;
}

// The words carriers and WhatsApp users send to subscribe again, in the tenants' languages.
const OPT_IN = /^\s*(start|unstop|subscribe|resume|voltar|retomar|assinar|alta|volver|reanudar|suscribir(me)?)\s*[.!]*\s*$/i;

/** "START", "VOLTAR", "ALTA": the customer wants messages again. */
export const isOptInWord = (text: string): boolean => OPT_IN.test(text);

/** A one-word opt-out is a keyword (recorded as written); anything longer is a request in their own words. */
export function optOutSourceOf(text: string): OptOutSource {
  const word = text.trim().replace(/[.!]+$/, '');
  return /^\p{L}+$/u.test(word) ? { kind: 'keyword', word: word.toUpperCase() } : { kind: 'request' };
}

/** What a turn changes in the contact's consent, given what the assistant understood. */
export function consentChange(input: { intent: string | undefined; text: string; optedOut: boolean }):
  { kind: 'opted_out'; source: OptOutSource } | { kind: 'opted_in'; reason: 'keyword' | 'greeting' } | undefined {
  if (input.intent === 'opt_out') return input.optedOut ? undefined : { kind: 'opted_out', source: optOutSourceOf(input.text) };
  if (!input.optedOut) return undefined;
  if (isOptInWord(input.text)) return { kind: 'opted_in', reason: 'keyword' };
  if (input.intent === 'greet') return { kind: 'opted_in', reason: 'greeting' };
  return undefined;
}
