import { z } from 'zod';
import { Contact, Id } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { ContactsService } from './service';

export function contactRoutes(app: ZodApp, contacts: ContactsService): void {
  const tags = ['contacts'];
  app.get('/v1/contacts', {
    schema: { tags, summary: 'Contacts, most recently active first; q matches name, phone or email',
      querystring: z.object({ q: z.string().trim().min(1).max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(Contact) }) } },
  }, async (req) => ({ items: await contacts.search(requireTenant(req), req.query.q, req.query.limit) }));
  app.get('/v1/contacts/:id', { schema: { tags, params: z.object({ id: Id }), response: { 200: Contact } } },
    async (req) => contacts.get(requireTenant(req), req.params.id));
}
