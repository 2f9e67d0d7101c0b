import { randomBytes } from 'node:crypto';
import type { ErasureRequest, ErasureRequestCreate } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import { AppError, notFound } from '../../shared/errors';
import { regionOf } from './domain/region';
import { needlePattern, needleRegExp, needlesOf } from './domain/needles';
import { collectExport, zipExport } from './export';
import { anonymise } from './erase';
import { erasureRepository } from './repository';
import { personalValues, personScope } from './scope';

type Actor = Record<string, unknown>;
// A pattern that matches nothing, for a person with no value of a kind ("x" before the start of the text).
const NOTHING = 'x^';

/** Data protection (GDPR/LGPD): a contact's data as a download, and the erasure workflow. */
export function complianceService(db: Database, clock: { now(): number }, auditSettled: () => Promise<void> = async () => undefined) {
  const repo = erasureRepository(db);
  async function existing(txRepo: typeof repo, tenantId: string, contactId: string) {
    const contact = await txRepo.lockContact(tenantId, contactId);
    if (!contact) throw notFound('Contact');
    if (contact.erased) throw new AppError('CONTACT_ERASED', 'This contact has been erased');
  }
  return {
    /** A zip of everything stored about a contact: data.json and one CSV per data class. */
    async exportContact(tenantId: string, contactId: string): Promise<{ filename: string; zip: Uint8Array }> {
      return db.transaction(async (tx) => {
        await existing(erasureRepository(tx), tenantId, contactId);
        const scope = await personScope(tx, tenantId, contactId);
        const data = await collectExport(tx, tenantId, scope);
        const exportedAt = new Date(clock.now()).toISOString();
        return { filename: `contact-${contactId}-${exportedAt.slice(0, 10)}.zip`, zip: zipExport(data, { contactId, exportedAt }) };
      });
    },
    /** A pending request; asking again while one waits answers ERASURE_ALREADY_REQUESTED (or the same one, for the customer). */
    async request(tenantId: string, body: ErasureRequestCreate, by: Actor, source: 'staff' | 'customer'): Promise<ErasureRequest> {
      return db.transaction(async (tx) => {
        const txRepo = erasureRepository(tx);
        await existing(txRepo, tenantId, body.contactId);
        const made = await txRepo.insert(tenantId, { contactId: body.contactId, reason: body.reason ?? null, source, requestedBy: by, at: new Date(clock.now()) });
        if (!made.created && source === 'staff') {
          throw new AppError('ERASURE_ALREADY_REQUESTED', 'An erasure of this contact is already waiting for approval', { requestId: made.request.id });
        }
        return made.request;
      });
    },
    /**
     * The customer asked in their conversation ("apague meus dados"): a pending request for their
     * contact, or the one already waiting. A contact already erased or gone needs nothing more.
     */
    async requestFromConversation(tenantId: string, conversationId: string): Promise<ErasureRequest | undefined> {
      const contactId = await repo.contactOfConversation(tenantId, conversationId);
      if (!contactId) return undefined;
      try {
        return await this.request(tenantId, { contactId, reason: 'asked in the conversation' }, { kind: 'customer', conversationId }, 'customer');
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return undefined;
        throw err;
      }
    },
    list: (tenantId: string, status: string | undefined, limit: number) => repo.list(tenantId, status, limit),
    async get(tenantId: string, id: string): Promise<ErasureRequest> {
      return (await repo.get(tenantId, id)) ?? (() => { throw notFound('Erasure request'); })();
    },
    /**
     * Approves and erases in one transaction: the contact's rows everywhere lose their personal values
     * (to a pseudonym or `[erased]`), the request keeps a receipt with counts per data class.
     */
    async approve(tenantId: string, id: string, by: Actor, note: string | null): Promise<ErasureRequest> {
      // Changes already answered may still be on their way into the audit trail: let them land, then erase them too.
      await auditSettled();
      return db.transaction(async (tx) => {
        const txRepo = erasureRepository(tx);
        const request = await pendingRequest(txRepo, tenantId, id);
        await existing(txRepo, tenantId, request.contactId).catch((err: unknown) => {
          throw err instanceof AppError && err.code === 'NOT_FOUND' ? new AppError('NOT_FOUND', 'The contact no longer exists (merged into another?)') : err;
        });
        const scope = await personScope(tx, tenantId, request.contactId);
        const needles = needlesOf(await personalValues(tx, tenantId, scope), regionOf(await txRepo.locale(tenantId)));
        const pseudonym = `erased-${randomBytes(4).toString('hex')}`;
        const counts = await anonymise(tx, tenantId, scope,
          { all: needlePattern(needles.all) ?? NOTHING, strong: needlePattern(needles.strong) ?? NOTHING, allInText: needleRegExp(needles.all), strongInText: needleRegExp(needles.strong) }, pseudonym);
        return txRepo.decide(tenantId, id, { status: 'completed', by, at: new Date(clock.now()), note, pseudonym, counts });
      });
    },
    async reject(tenantId: string, id: string, by: Actor, note: string | null): Promise<ErasureRequest> {
      return db.transaction(async (tx) => {
        const txRepo = erasureRepository(tx);
        await pendingRequest(txRepo, tenantId, id);
        return txRepo.decide(tenantId, id, { status: 'rejected', by, at: new Date(clock.now()), note });
      });
    },
  };
}
export type ComplianceService = ReturnType<typeof complianceService>;

async function pendingRequest(repo: ReturnType<typeof erasureRepository>, tenantId: string, id: string): Promise<ErasureRequest> {
  const request = await repo.get(tenantId, id, true);
  if (!request) throw notFound('Erasure request');
  if (request.status !== 'pending') throw new AppError('ERASURE_NOT_PENDING', `This request is already ${request.status}`);
  return request;
}
