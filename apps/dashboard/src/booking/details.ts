/**
 * The visitor's details, pure: what the form checks before sending (the API checks again, and
 * reads the phone in the business's country), and the API's field errors mapped back to the
 * form's fields, so each problem is said next to its field in the visitor's words.
 */
export interface Details { name: string; phone: string; email: string; notes: string; consent: boolean }
export type DetailsField = 'name' | 'phone' | 'email' | 'notes' | 'consent';
export type DetailsProblem = 'nameMissing' | 'contactMissing' | 'phoneInvalid' | 'emailInvalid' | 'consentMissing' | 'notesTooLong';
export type DetailsProblems = Partial<Record<DetailsField, DetailsProblem>>;

export const emptyDetails: Details = { name: '', phone: '', email: '', notes: '', consent: false };
const NOTES_MAX = 1000;

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
/** Digits with the usual separators, 6 to 15 digits in all (E.164's most); the API reads it properly. */
const looksLikePhone = (s: string) => /^\+?[\d\s().-]+$/.test(s) && /^\d{6,15}$/.test(s.replace(/\D/g, ''));

export function checkDetails(d: Details, consentRequired: boolean): DetailsProblems {
  const problems: DetailsProblems = {};
  const phone = d.phone.trim();
  const email = d.email.trim();
  if (!d.name.trim()) problems.name = 'nameMissing';
  if (!phone && !email) problems.phone = 'contactMissing';
  if (phone && !looksLikePhone(phone)) problems.phone = 'phoneInvalid';
  if (email && !looksLikeEmail(email)) problems.email = 'emailInvalid';
  if (d.notes.trim().length > NOTES_MAX) problems.notes = 'notesTooLong';
  if (consentRequired && !d.consent) problems.consent = 'consentMissing';
  return problems;
}

/** The API's VALIDATION_FAILED field paths (`customer.phone`, `consentAccepted`…) as the form's problems. */
export function problemsFromApi(fields: readonly { path: string }[], d: Details): DetailsProblems {
  const problems: DetailsProblems = {};
  for (const { path } of fields) {
    if (path === 'customer.name') problems.name = 'nameMissing';
    else if (path === 'customer.phone' || path === 'customer') problems.phone = d.phone.trim() || d.email.trim() ? 'phoneInvalid' : 'contactMissing';
    else if (path === 'customer.email') problems.email = 'emailInvalid';
    else if (path === 'consentAccepted') problems.consent = 'consentMissing';
    else if (path === 'notes') problems.notes = 'notesTooLong';
  }
  return problems;
}

/** The customer as the API takes it: trimmed, empty fields left out. */
export function customerOf(d: Details): { name: string; phone?: string; email?: string } {
  const customer: { name: string; phone?: string; email?: string } = { name: d.name.trim() };
  if (d.phone.trim()) customer.phone = d.phone.trim();
  if (d.email.trim()) customer.email = d.email.trim();
  return customer;
}

/** The first field with a problem, in the form's order (where focus goes). */
export function firstProblem(problems: DetailsProblems): DetailsField | undefined {
  return (['name', 'phone', 'email', 'notes', 'consent'] as const).find((f) => problems[f]);
}
