import { z } from 'zod';
import {
  ConversationList, ConversationNote, ConversationNoteIn, ConversationNotes, ConversationPatch, ConversationQuery, Id, Takeover,
} from '@frontdesk/contracts';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../../platform/http/server';
import { requireTenant } from '../../../platform/auth/bearer';
import type { ConversationService } from '../service';
import type { ConversationRow } from '../repository';
import type { ConversationDesk } from './service';

/** The signed-in staff member; null for an API key. */
const staffOf = (req: FastifyRequest) => (req.principal?.kind === 'staff' ? req.principal.userId : null);
const params = z.object({ id: Id });
const present = (c: ConversationRow) => ({
  id: c.id, channel: c.channel, handledBy: c.handledBy, humanUntil: c.humanUntil?.toISOString() ?? null,
  stage: c.state.stage, lang: c.state.lang, lastMessageAt: c.lastMessageAt.toISOString(),
  contactId: c.contactId, assigneeId: c.assigneeId, tags: c.tags,
});

export function deskRoutes(app: ZodApp, conversations: ConversationService, desk: ConversationDesk): void {
  const tags = ['conversations'];
  app.get('/v1/conversations', {
    schema: { tags, querystring: ConversationQuery, response: { 200: ConversationList },
      summary: 'The inbox: conversations of one queue (and tag), newest first, with how many each queue holds' },
  }, async (req) => {
    const { items, counts } = await desk.list(requireTenant(req), { ...req.query, userId: staffOf(req) });
    return { items: items.map(present), counts };
  });
  app.patch('/v1/conversations/:id', {
    schema: { tags, params, body: ConversationPatch, summary: 'Assign to a staff member (null: nobody) and set the tags' },
  }, async (req, reply) => {
    await desk.update(requireTenant(req), req.params.id, req.body);
    return reply.code(204).send();
  });
  app.get('/v1/conversations/:id/notes', {
    schema: { tags, params, response: { 200: ConversationNotes }, summary: "Staff's private notes on the conversation (never sent to the customer)" },
  }, async (req) => {
    const tenantId = requireTenant(req);
    await conversations.get(tenantId, req.params.id);
    return { items: await desk.notes(tenantId, req.params.id) };
  });
  app.post('/v1/conversations/:id/notes', {
    schema: { tags, params, body: ConversationNoteIn, response: { 201: ConversationNote }, summary: 'A private note for the team' },
  }, async (req, reply) => reply.code(201).send(await desk.addNote(requireTenant(req), req.params.id, staffOf(req), req.body.text)));
  app.post('/v1/conversations/:id/takeover', {
    schema: { tags, params, body: Takeover.nullish(),
      summary: 'A person takes over; the assistant stays silent (an unassigned conversation becomes theirs)' },
  }, async (req, reply) => {
    const tenantId = requireTenant(req);
    await conversations.takeOver(tenantId, req.params.id, req.body?.minutes ?? 120);
    const userId = staffOf(req);
    if (userId) await desk.claim(tenantId, req.params.id, userId);
    return reply.code(204).send();
  });
}
