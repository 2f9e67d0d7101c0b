import type { Database, Queryable } from '../../platform/db/database';
import { notFound } from '../../shared/errors';
import { contactsRepository, type Contact, type Identity } from './repository';
import { contactHistory } from './history';
import { staffChanges } from './staff';
import { consentChange, isOptInWord } from './domain/consent';
import { consentLedger, staffEntry, type ConsentEntry } from './consents';
import type { ConsentRecordCreate, ConsentSettings } from '@frontdesk/contracts';

/** One customer turn as the consent ledger sees it. */
export interface TurnConsent { contactId: string; channelId: string | null; text: string; intent: string | undefined; at: Date }

/** The people who write to a business: one record per person, found again by phone or email. */
export function contactsService(db: Database) {
  async function get(tenantId: string, id: string): Promise<Contact> {
    const contact = await contactsRepository(db).get(tenantId, id);
    if (!contact) throw notFound('Contact');
    return contact;
  }
  return {
    /** A contact read inside the caller's transaction (undefined if gone, e.g. merged away). */
    find: (tx: Queryable, tenantId: string, id: string): Promise<Contact | undefined> => contactsRepository(tx).get(tenantId, id),
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
        await consentLedger(tx).move(tenantId, contactId, known.id);
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

    /**
     * The opt-out ledger: "PARAR" (or "please stop texting me") records an opt-out with the words
     * used; "START"/"VOLTAR"/"ALTA" or a greeting afterwards records the opt-in.
     */
    async recordTurn(tx: Queryable, tenantId: string, turn: TurnConsent): Promise<void> {
      // Only these can change consent: most turns need not read the contact at all.
      if (turn.intent !== 'opt_out' && turn.intent !== 'greet' && !isOptInWord(turn.text)) return;
      const repo = contactsRepository(tx);
      const contact = await repo.get(tenantId, turn.contactId, true);
      const change = contact && consentChange({ intent: turn.intent, text: turn.text, optedOut: contact.optedOut !== null });
      if (!change) return;
      const channel = { channel: turn.channelId ?? 'web' };
      if (change.kind === 'opted_out') {
        await repo.setOptedOut(tenantId, turn.contactId, { at: turn.at.toISOString(), source: change.source });
        await contactHistory(tx).record(tenantId, turn.contactId, 'opted_out', { ...channel, source: change.source, text: turn.text }, turn.channelId, turn.at);
      } else {
        await repo.setOptedOut(tenantId, turn.contactId, null);
        await contactHistory(tx).record(tenantId, turn.contactId, 'opted_in', { ...channel, reason: change.reason, text: turn.text }, turn.channelId, turn.at);
      }
    },
    /** A provider says the handle opted out (Twilio error 21610, an inbound OptOutType=STOP). */
    async recordProviderOptOut(tx: Queryable, tenantId: string, channelId: string, handle: string, signal: string, at: Date): Promise<void> {
      const contactId = await contactHistory(tx).contactOfHandle(tenantId, channelId, handle);
      const contact = contactId && (await contactsRepository(tx).get(tenantId, contactId, true));
      if (!contact || contact.optedOut) return;
      const source = { kind: 'provider' as const, signal };
      await contactsRepository(tx).setOptedOut(tenantId, contact.id, { at: at.toISOString(), source });
      await contactHistory(tx).record(tenantId, contact.id, 'opted_out', { channel: channelId, source, handle }, channelId, at);
    },

    /** The consent ledger: settings per tenant, a contact's standing, and each answer appended. */
    consentSettings: (tenantId: string) => consentLedger(db).settings(tenantId),
    saveConsentSettings: (tenantId: string, settings: ConsentSettings) => consentLedger(db).saveSettings(tenantId, settings),
    consentStatus: (tx: Queryable, tenantId: string, contactId: string, purposes: string[]) => consentLedger(tx).status(tenantId, contactId, purposes),
    recordConsent: (tx: Queryable, tenantId: string, entry: ConsentEntry) => consentLedger(tx).record(tenantId, entry),
    async consents(tenantId: string, id: string) {
      await get(tenantId, id);
      return consentLedger(db).list(tenantId, id);
    },
    /** Consent given on paper, by phone or in person, recorded by staff. */
    async recordStaffConsent(tenantId: string, id: string, body: ConsentRecordCreate) {
      await get(tenantId, id);
      return consentLedger(db).record(tenantId, staffEntry(id, body));
    },

    get,
    async withIdentities(tenantId: string, id: string) {
      const contact = await get(tenantId, id);
      return { ...contact, identities: await contactHistory(db).identities(tenantId, id) };
    },
    async history(tenantId: string, id: string) {
      await get(tenantId, id);
      return contactHistory(db).events(tenantId, id);
    },
    ...staffChanges(db),
    search: (tenantId: string, query: string | undefined, limit: number) => contactsRepository(db).search(tenantId, query, limit),
    names: (tenantId: string, ids: string[]) => contactsRepository(db).names(tenantId, ids),
  };
}
export type ContactsService = ReturnType<typeof contactsService>;

/** The handles a known contact lacks and may take from this conversation. */
function handlesFree(known: Contact, who: Identity): Identity {
  return { ...(known.phone ? {} : { phone: who.phone }), ...(known.email ? {} : { email: who.email }) };
}
