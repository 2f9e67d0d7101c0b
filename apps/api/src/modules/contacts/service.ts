import type { Database, Queryable } from '../../platform/db/database';
import { notFound } from '../../shared/errors';
import { contactsRepository, type Contact, type Identity } from './repository';

/** The people who write to a business: one record per person, found again by phone or email. */
export function contactsService(db: Database) {
  return {
    /** A new, still anonymous visitor (a web chat before they say who they are). */
    create: (tx: Queryable, tenantId: string, who: Identity = {}): Promise<Contact> => contactsRepository(tx).insert(tenantId, who),

    /**
     * What a conversation learnt about its contact. When the phone or email already belongs to
     * someone we know, that is who this is: the known contact is completed and returned, and
     * the anonymous placeholder goes away. Otherwise the current contact is completed.
     */
    async identify(tx: Queryable, tenantId: string, contactId: string, who: Identity): Promise<string> {
      const repo = contactsRepository(tx);
      await repo.lockHandles(tenantId, who);
      const known = await repo.findByHandle(tenantId, who);
      const current = await repo.get(tenantId, contactId);
      const anonymous = current && !current.phone && !current.email;
      if (known && known.id !== contactId && anonymous) {
        await repo.complete(tenantId, known.id, { ...who, phone: undefined, email: undefined, ...handlesFree(known, who) });
        return known.id;
      }
      const taken = known && known.id !== contactId;
      await repo.complete(tenantId, contactId, taken ? { name: who.name, lang: who.lang } : who);
      return contactId;
    },
    /** The person behind a channel handle: found by phone when we know it, otherwise new. */
    async findOrCreate(tx: Queryable, tenantId: string, who: Identity): Promise<Contact> {
      const repo = contactsRepository(tx);
      await repo.lockHandles(tenantId, who);
      const known = await repo.findByHandle(tenantId, who);
      if (known) {
        await repo.complete(tenantId, known.id, { name: known.name ? undefined : who.name, lang: who.lang });
        return known;
      }
      return repo.insert(tenantId, who);
    },
    removeIfUnused: (tx: Queryable, tenantId: string, id: string) => contactsRepository(tx).deleteIfUnused(tenantId, id),

    async get(tenantId: string, id: string): Promise<Contact> {
      const contact = await contactsRepository(db).get(tenantId, id);
      if (!contact) throw notFound('Contact');
      return contact;
    },
    search: (tenantId: string, query: string | undefined, limit: number) => contactsRepository(db).search(tenantId, query, limit),
  };
}
export type ContactsService = ReturnType<typeof contactsService>;

/** The handles a known contact lacks and may take from this conversation. */
function handlesFree(known: Contact, who: Identity): Identity {
  return { ...(known.phone ? {} : { phone: who.phone }), ...(known.email ? {} : { email: who.email }) };
}
