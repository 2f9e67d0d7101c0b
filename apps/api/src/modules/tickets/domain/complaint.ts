import type { TicketSettings } from '@frontdesk/contracts';

/** Lower case, no accents, words separated by single spaces: "¡Me LASTIMÓ!" → "me lastimo". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const hasPhrase = (text: string, phrase: string): boolean => phrase.length > 0 && ` ${text} `.includes(` ${phrase} `);

/** The conversation's hand-off reason names the rule that fired: `the business hands "queja" to a person`. */
const keywordOfReason = (reason: string | null): string | undefined => reason?.match(/hands "([^"]+)" to a person/)?.[1];

/**
 * Whether a hand-off should open a ticket under the tenant's settings, and why: the complaint
 * keyword found (in the rule that fired or in the customer's words), or the hand-off itself.
 */
export function ticketReason(settings: TicketSettings, handOffReason: string | null, customerTexts: string[]): string | undefined {
  if (settings.openOn === 'never') return undefined;
  const keywords = settings.complaintKeywords.map((k) => ({ k, n: normalise(k) }));
  const fromRule = keywordOfReason(handOffReason);
  const said = customerTexts.map(normalise);
  const found = keywords.find(({ n }) => (fromRule !== undefined && normalise(fromRule) === n) || said.some((t) => hasPhrase(t, n)));
  if (found) return `complaint: "${found.k}"`;
  if (settings.openOn === 'every_handoff') return handOffReason ?? 'handed off to a person';
  return undefined;
}

/** The customer's last messages read as one (a burst): the trailing run of their messages, or the last ones before the assistant's replies. */
export function lastBurst(messages: { author: string; text: string }[]): string[] {
  let end = messages.length;
  while (end > 0 && messages[end - 1]!.author !== 'customer') end--;
  let start = end;
  while (start > 0 && messages[start - 1]!.author === 'customer') start--;
  return messages.slice(start, end).map((m) => m.text);
}

const SUBJECT_MAX = 120;

/** A ticket's subject from the customer's own words, cut at a word boundary. */
export function subjectFrom(texts: string[], fallback: string): string {
  const text = texts.join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return fallback;
  if (text.length <= SUBJECT_MAX) return text;
  const cut = text.slice(0, SUBJECT_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUBJECT_MAX / 2))}…`;
}
