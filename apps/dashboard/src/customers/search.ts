/**
 * What the customer search can find. Names, phones and e-mails are encrypted at rest, so the API
 * matches whole words of a name, a whole phone number or e-mail, or runs of 4+ digits of a phone
 * (docs/security.md, "Encryption at rest"). The page says so before sending a query that cannot match.
 */
export type SearchKind = 'empty' | 'name' | 'digits' | 'phone' | 'email' | 'too_few_digits' | 'partial_email';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function searchKind(query: string): SearchKind {
  const q = query.trim();
  if (!q) return 'empty';
  if (q.includes('@')) return EMAIL.test(q) ? 'email' : 'partial_email';
  const letters = /\p{L}/u.test(q);
  const digits = q.replace(/\D/g, '');
  if (letters) return 'name';
  if (digits.length === 0) return 'empty';
  if (digits.length < 4) return 'too_few_digits';
  return /^\+/.test(q) || digits.length >= 10 ? 'phone' : 'digits';
}

/** Whether the query is worth sending (a query that cannot match gets a hint instead). */
export const searchable = (kind: SearchKind): boolean => kind === 'name' || kind === 'digits' || kind === 'phone' || kind === 'email';
