import { expect } from 'vitest';

/** A reply as any channel shows it: its text and its choices (a label on the web, a title on WhatsApp and Meta). */
export interface Shown { text: string; options?: { id: string; label?: string; title?: string }[] }

/** The assistant's thanks once the customer agrees, in pt, en or es. */
export const CONSENT_THANKS = /consentimento foi registrado|consent has been recorded|Registramos tu consentimiento/;

/**
 * Kumon Vila A (LGPD) and Flexoraa (GDPR) answer a new contact's first message with their consent
 * question and its Yes/No choices. Asserts that this is it and gives the Yes choice to tap.
 */
export function consentAsked<T extends Shown>(reply: T | undefined): NonNullable<T['options']>[number] {
  expect(reply?.text).toMatch(/\b(LGPD|GDPR)\b/);
  expect(reply!.options?.map((o) => o.id)).toEqual(['consent-yes', 'consent-no']);
  return reply!.options![0]!;
}

/** What followed the customer's "yes": the thanks, then the answer to the first message, which was kept. Returns that answer. */
export function afterConsent<T extends Shown>(replies: T[]): T[] {
  expect(replies[0]?.text).toMatch(CONSENT_THANKS);
  return replies.slice(1);
}

/**
 * A new contact's first message to a business that asks consent first: they see the question (and
 * nothing else), agree as a customer would by choosing Yes, and get the answer to that first message.
 */
export async function firstContactOn<T extends Shown>(
  write: () => Promise<T[]>, choose: (yes: NonNullable<T['options']>[number]) => Promise<T[]>): Promise<T[]> {
  const question = await write();
  expect(question).toHaveLength(1);
  return afterConsent(await choose(consentAsked(question[0])));
}

/** The same in a chat that answers at once (the web chat): choosing Yes sends its label. */
export const firstContact = <T extends Shown>(send: (text: string) => Promise<T[]>, text: string): Promise<T[]> =>
  firstContactOn(() => send(text), (yes) => send(yes.label ?? yes.title!));
