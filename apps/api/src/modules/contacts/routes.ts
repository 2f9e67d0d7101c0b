import { z } from 'zod';
import { ConsentRecord, ConsentRecordCreate, ConsentSettings, Contact, ContactEvent, ContactPatch, ContactWithIdentities, Id, MergeContacts, SplitContact } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { ContactsService } from './service';

export function contactRoutes(app: ZodApp, contacts: ContactsService): void {
  const tags = ['contacts'];
  const params = z.object({ id: Id });
  app.get('/v1/contacts', {
    schema: { tags, summary: 'Contacts, most recently active first; q matches name, phone or email',
      querystring: z.object({ q: z.string().trim().min(1).max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(Contact) }) } },
  }, async (req) => ({ items: await contacts.search(requireTenant(req), req.query.q, req.query.limit) }));
  app.get('/v1/contacts/:id', { schema: { tags, summary: 'A contact with its handle on each channel', params, response: { 200: ContactWithIdentities } } },
    async (req) => contacts.withIdentities(requireTenant(req), req.params.id));
  app.patch('/v1/contacts/:id', {
    schema: { tags, summary: 'Correct name, phone (read in the tenant region, stored E.164) or email', params, body: ContactPatch, response: { 200: Contact } },
  }, async (req) => contacts.update(requireTenant(req), req.params.id, req.body));
  app.get('/v1/contacts/:id/history', {
    schema: { tags, summary: 'Merges, splits, phone changes, opt-outs and opt-ins, oldest first', params, response: { 200: z.object({ items: z.array(ContactEvent) }) } },
  }, async (req) => ({ items: await contacts.history(requireTenant(req), req.params.id) }));
  app.post('/v1/contacts/:id/merge', {
    schema: { tags, summary: 'Move everything of another contact (same person) here and delete it', params, body: MergeContacts, response: { 200: Contact } },
  }, async (req) => contacts.merge(requireTenant(req), req.params.id, req.body.otherContactId));
  app.post('/v1/contacts/:id/split', {
    schema: { tags, summary: 'Give one channel handle and its conversation a new contact of its own', params, body: SplitContact, response: { 201: Contact } },
  }, async (req, reply) => {
    const { channelId, handle } = req.body.channelIdentity;
    return reply.code(201).send(await contacts.split(requireTenant(req), req.params.id, channelId, handle));
  });
  app.get('/v1/contacts/:id/consents', {
    schema: { tags, summary: 'The consent ledger: every answer the contact gave, oldest first', params, response: { 200: z.object({ items: z.array(ConsentRecord) }) } },
  }, async (req) => ({ items: await contacts.consents(requireTenant(req), req.params.id) }));
  app.post('/v1/contacts/:id/consents', {
    schema: { tags, summary: 'Record a consent given, refused or withdrawn on paper, by phone or in person', params, body: ConsentRecordCreate, response: { 201: ConsentRecord } },
  }, async (req, reply) => reply.code(201).send(await contacts.recordStaffConsent(requireTenant(req), req.params.id, req.body)));
  app.get('/v1/privacy/consent-settings', {
    schema: { tags: ['privacy'], summary: 'Whether new contacts are asked for consent first, for which purposes and with which text', response: { 200: ConsentSettings } },
  }, async (req) => contacts.consentSettings(requireTenant(req)));
  app.put('/v1/privacy/consent-settings', {
    schema: { tags: ['privacy'], summary: 'Set the consent asked on first contact', body: ConsentSettings, response: { 200: ConsentSettings } },
  }, async (req) => {
    await contacts.saveConsentSettings(requireTenant(req), req.body);
    return contacts.consentSettings(requireTenant(req));
  });
}
