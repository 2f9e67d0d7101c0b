/** The editable details of a contact, as the form holds them ('' = none). */
export interface DetailsForm { name: string; phone: string; email: string }
export interface ContactDetails { name: string | null; phone: string | null; email: string | null }

export const formOf = (c: ContactDetails): DetailsForm => ({ name: c.name ?? '', phone: c.phone ?? '', email: c.email ?? '' });

/** Only what changed (PATCH /v1/contacts/:id): an emptied field clears the value. */
export function detailsPatch(before: ContactDetails, form: DetailsForm): Partial<ContactDetails> {
  const patch: Partial<ContactDetails> = {};
  for (const field of ['name', 'phone', 'email'] as const) {
    const value = form[field].trim() || null;
    if (value !== before[field]) patch[field] = value;
  }
  return patch;
}

export interface Erasure { id: string; contactId: string; status: 'pending' | 'rejected' | 'completed'; requestedAt: string }

/** The contact's erasure request waiting for a decision, if any (one per contact at a time), else its latest. */
export function erasureOf<T extends Erasure>(requests: readonly T[], contactId: string): { pending?: T; latest?: T } {
  const mine = requests.filter((r) => r.contactId === contactId).sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt));
  const pending = mine.find((r) => r.status === 'pending');
  return { ...(pending ? { pending } : {}), ...(mine[0] ? { latest: mine[0] } : {}) };
}
