import type { ContactPatch } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import { AppError, notFound, validationError } from '../../shared/errors';
import { contactsRepository, type Contact } from './repository';
import { contactHistory } from './history';
import { toE164 } from './domain/phone';

const FILLABLE = ['name', 'phone', 'email', 'lang'] as const;

/** What staff do to contacts by hand: merge two records of one person, split one apart, correct details. */
export function staffChanges(db: Database) {
  return {
    /** Everything of `otherId` becomes `id`'s; the other record is deleted. Returns the kept contact. */
    async merge(tenantId: string, id: string, otherId: string): Promise<Contact> {
      if (id === otherId) throw validationError([{ path: 'otherContactId', message: 'is this same contact' }]);
      return db.transaction(async (tx) => {
        const repo = contactsRepository(tx);
        // Locked in id order so two opposite merges cannot deadlock.
        const [first, second] = [id, otherId].sort();
        const locked = new Map([[first!, await repo.get(tenantId, first!, true)], [second!, await repo.get(tenantId, second!, true)]]);
        const kept = locked.get(id);
        const other = locked.get(otherId);
        if (!kept || !other) throw notFound('Contact');
        const moved = await contactHistory(tx).moveAll(tenantId, otherId, id);
        await repo.remove(tenantId, otherId); // first, so its phone and email are free to move
        const filled = FILLABLE.filter((f) => kept[f] === null && other[f] !== null);
        await repo.update(tenantId, id, Object.fromEntries(filled.map((f) => [f, other[f]])));
        if (!kept.optedOut && other.optedOut) await repo.setOptedOut(tenantId, id, other.optedOut);
        await contactHistory(tx).record(tenantId, id, 'merged', {
          otherContactId: otherId, other: { name: other.name, phone: other.phone, email: other.email }, filled, ...moved,
        });
        return (await repo.get(tenantId, id))!;
      });
    },

    /** One channel handle (and its conversation) was someone else: it gets a contact of its own. */
    async split(tenantId: string, id: string, channelId: string, handle: string): Promise<Contact> {
      return db.transaction(async (tx) => {
        const repo = contactsRepository(tx);
        const current = await repo.get(tenantId, id, true);
        if (!current) throw notFound('Contact');
        const created = await repo.insert(tenantId, { ...(current.lang ? { lang: current.lang } : {}) });
        const conversationId = await contactHistory(tx).moveIdentity(tenantId, id, channelId, handle, created.id);
        if (conversationId === undefined) throw notFound('Channel identity of this contact');
        const identity = { channelId, handle, conversationId };
        await contactHistory(tx).record(tenantId, id, 'split', { identity, newContactId: created.id });
        await contactHistory(tx).record(tenantId, created.id, 'split', { identity, fromContactId: id });
        return created;
      });
    },

    /** Staff correct a name, phone or email; a new phone number is recorded with the old one. */
    async update(tenantId: string, id: string, patch: ContactPatch): Promise<Contact> {
      return db.transaction(async (tx) => {
        const repo = contactsRepository(tx);
        const current = await repo.get(tenantId, id, true);
        if (!current) throw notFound('Contact');
        const fields: Partial<Record<'name' | 'phone' | 'email', string | null>> = { ...patch };
        if (patch.phone) {
          fields.phone = toE164(patch.phone, await repo.tenantLocale(tenantId));
          if (!fields.phone) throw validationError([{ path: 'phone', message: 'is not a valid phone number' }]);
        }
        await repo.lockHandles(tenantId, { phone: fields.phone ?? undefined, email: fields.email ?? undefined });
        for (const field of ['phone', 'email'] as const) {
          const owner = fields[field] ? await repo.findByHandle(tenantId, { [field]: fields[field] }) : undefined;
          if (owner && owner.id !== id) {
            throw new AppError('CONTACT_HANDLE_TAKEN', `This ${field} belongs to another contact`, {
              contactId: owner.id, errors: [{ path: field, message: 'belongs to another contact' }] });
          }
        }
        await repo.update(tenantId, id, fields);
        if (fields.phone !== undefined && fields.phone !== current.phone) {
          await contactHistory(tx).record(tenantId, id, 'phone_changed', { from: current.phone, to: fields.phone });
        }
        return (await repo.get(tenantId, id))!;
      });
    },
  };
}
