import { z } from 'zod';
import {
  AssistantProfile, ChatHistory, ChatMessage, ChatMessageIn, ChatReplies, ChatStarted, Id, StaffMessage,
} from '@frontdesk/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/server';
import { openEventStream, type EventStream } from '../../platform/http/sse';
import { requireTenant } from '../../platform/auth/bearer';
import type { ConversationService } from './service';
import { chatPage } from './web/chat-page';
import { widgetScript } from './web/widget';

const Chat = z.object({ tenantSlug: z.string().max(63), id: Id });
const StreamQuery = z.object({ after: z.coerce.number().int().min(0).optional() });
/** Where a stream starts: the reconnecting EventSource's Last-Event-ID, else ?after=, else the beginning. */
const resumeFrom = (req: FastifyRequest, after: number | undefined) => {
  const last = Number(req.headers['last-event-id']);
  return Number.isInteger(last) && last >= 0 ? last : after ?? 0;
};
async function openStream(req: FastifyRequest, reply: FastifyReply, run: (events: EventStream) => Promise<void>) {
  const events = openEventStream(req, reply);
  try {
    await run(events);
  } catch (err) {
    req.log.warn({ err }, 'event stream failed');
    events.send('error', undefined, { code: 'STREAM_UNAVAILABLE' });
    reply.raw.end();
  }
}
const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

export interface ChatLimits { startsPerMinute: number; messagesPerMinute: number }

export function conversationRoutes(app: ZodApp, conversations: ConversationService, limits: ChatLimits): void {
  const tags = ['web chat'];
  app.post('/v1/chat/:tenantSlug/conversations', {
    config: { rateLimit: { max: limits.startsPerMinute, timeWindow: 60_000 } },
    schema: { tags, security: [], params: z.object({ tenantSlug: z.string().max(63) }), response: { 201: ChatStarted },
      summary: 'Start a web-chat conversation with a business (no API key)' },
  }, async (req, reply) => reply.code(201).send(await conversations.start(req.params.tenantSlug)));

  app.post('/v1/chat/:tenantSlug/conversations/:id/messages', {
    config: { rateLimit: { max: limits.messagesPerMinute, timeWindow: 60_000, keyGenerator: (req) => `conversation:${(req.params as { id: string }).id}` } },
    schema: { tags, security: [], params: Chat, body: ChatMessageIn, response: { 200: ChatReplies },
      summary: "Send the customer's message; the assistant's replies come back" },
  }, async (req) => {
    const tenantId = await conversations.authorise(req.params.tenantSlug, req.params.id, bearer(req.headers.authorization));
    return conversations.receive(tenantId, req.params.id, req.body.text, req.body.clientMessageId);
  });

  app.get('/v1/chat/:tenantSlug/conversations/:id/messages', {
    schema: { tags, security: [], params: Chat, querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }),
      response: { 200: ChatHistory }, summary: 'Messages after a sequence number (poll for replies from staff)' },
  }, async (req) => {
    const tenantId = await conversations.authorise(req.params.tenantSlug, req.params.id, bearer(req.headers.authorization));
    return { items: await conversations.messages(tenantId, req.params.id, req.query.after) };
  });

  app.get('/v1/chat/:tenantSlug/conversations/:id/stream', {
    schema: { tags, security: [], params: Chat, querystring: StreamQuery.extend({ token: z.string().max(200).optional() }),
      summary: 'Server-Sent Events: every new message (event "message", id = seq); token as Bearer header or ?token= for EventSource' },
  }, async (req, reply) => {
    const tenantId = await conversations.authorise(req.params.tenantSlug, req.params.id, bearer(req.headers.authorization) ?? req.query.token);
    await openStream(req, reply, (events) => conversations.stream(tenantId, req.params.id, resumeFrom(req, req.query.after), events));
  });

  app.get('/chat/widget.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(widgetScript));

  app.get('/chat/:tenantSlug', { schema: { hide: true, params: z.object({ tenantSlug: z.string().max(63) }) } }, async (req, reply) => {
    const tenant = await conversations.business(req.params.tenantSlug);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(chatPage(tenant));
  });

  app.get('/v1/assistant/profile', { schema: { tags: ['assistant'], response: { 200: AssistantProfile } } },
    async (req) => conversations.profile(requireTenant(req)));
  app.put('/v1/assistant/profile', {
    schema: { tags: ['assistant'], body: AssistantProfile, response: { 200: AssistantProfile },
      summary: 'Greeting, subjects and the price list the assistant quotes from' },
  }, async (req) => {
    const tenantId = requireTenant(req);
    await conversations.saveProfile(tenantId, req.body);
    return conversations.profile(tenantId);
  });

  const staff = ['conversations'];
  app.get('/v1/conversations/:id/messages', { schema: { tags: staff, params: z.object({ id: Id }), response: { 200: ChatHistory } } },
    async (req) => {
      const tenantId = requireTenant(req);
      await conversations.get(tenantId, req.params.id);
      return { items: await conversations.messages(tenantId, req.params.id) };
    });
  app.get('/v1/conversations/:id/stream', {
    schema: { tags: staff, params: z.object({ id: Id }), querystring: StreamQuery,
      summary: 'Server-Sent Events: every new message of the conversation as it is stored' },
  }, async (req, reply) => {
    const tenantId = requireTenant(req);
    await conversations.get(tenantId, req.params.id);
    await openStream(req, reply, (events) => conversations.stream(tenantId, req.params.id, resumeFrom(req, req.query.after), events));
  });
  app.post('/v1/conversations/:id/handback', { schema: { tags: staff, params: z.object({ id: Id }) } }, async (req, reply) => {
    await conversations.handBack(requireTenant(req), req.params.id);
    return reply.code(204).send();
  });
  app.post('/v1/conversations/:id/messages', {
    schema: { tags: staff, params: z.object({ id: Id }), body: StaffMessage, response: { 201: ChatMessage }, summary: 'A staff reply' },
  }, async (req, reply) => reply.code(201).send((await conversations.staffReply(requireTenant(req), req.params.id, req.body.text))!));
}
