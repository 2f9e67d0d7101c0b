import { z } from 'zod';
import { Id, Ticket, TicketCreate, TicketEvent, TicketPatch, TicketQuery, TicketSettings } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { TicketService } from './service';

export function ticketRoutes(app: ZodApp, tickets: TicketService): void {
  const tags = ['tickets'];
  const params = z.object({ id: Id });
  app.post('/v1/tickets', {
    schema: { tags, summary: 'Open a ticket from a conversation (one in progress per conversation)', body: TicketCreate, response: { 201: Ticket } },
  }, async (req, reply) => reply.code(201).send(await tickets.create(requireTenant(req), req.body)));
  app.get('/v1/tickets', {
    schema: { tags, summary: 'Tickets, newest first, by status, assignee or conversation', querystring: TicketQuery, response: { 200: z.object({ items: z.array(Ticket) }) } },
  }, async (req) => ({ items: await tickets.list(requireTenant(req), req.query) }));
  app.get('/v1/tickets/settings', {
    schema: { tags, summary: 'When the assistant opens tickets, and whether customers are asked for a rating', response: { 200: TicketSettings } },
  }, async (req) => tickets.settings(requireTenant(req)));
  app.put('/v1/tickets/settings', {
    schema: { tags, summary: 'Replace the ticket settings', body: TicketSettings, response: { 200: TicketSettings } },
  }, async (req) => {
    await tickets.saveSettings(requireTenant(req), req.body);
    return req.body;
  });
  app.get('/v1/tickets/:id', { schema: { tags, summary: 'A ticket with its times and rating', params, response: { 200: Ticket } } },
    async (req) => tickets.get(requireTenant(req), req.params.id));
  app.patch('/v1/tickets/:id', {
    schema: { tags, summary: 'Change status (resolving needs a resolution), assignee (a staff resource) or priority', params, body: TicketPatch, response: { 200: Ticket } },
  }, async (req) => tickets.update(requireTenant(req), req.params.id, req.body));
  app.get('/v1/tickets/:id/history', {
    schema: { tags, summary: 'Every change of the ticket, oldest first', params, response: { 200: z.object({ items: z.array(TicketEvent) }) } },
  }, async (req) => ({ items: await tickets.history(requireTenant(req), req.params.id) }));
}
