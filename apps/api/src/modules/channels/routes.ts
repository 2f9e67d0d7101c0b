import { z } from 'zod';
import { Channel, ChannelCreate, ChannelListed, ChannelUpdate, Id } from '@frontdesk/contracts';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import { validationError } from '../../shared/errors';
import type { ChannelAccounts } from './accounts';
import { adapters } from './adapters';
import type { WebhookIntake } from './intake';
import type { WebhookRequest } from './domain/types';

const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export function channelRoutes(app: ZodApp, accounts: ChannelAccounts, intake: WebhookIntake, publicBase: string): void {
  const tags = ['channels'];
  app.post('/v1/channels', {
    schema: { tags, body: ChannelCreate, response: { 201: Channel }, summary: 'Connect a channel; the answer has its webhook URL' },
  }, async (req, reply) => {
    const body = req.body as ChannelCreate;
    if (!adapters[body.type]) throw validationError([{ path: 'type', message: `${body.type} is not available yet` }]);
    return reply.code(201).send(await accounts.create(requireTenant(req), body));
  });
  app.get('/v1/channels', { schema: { tags, summary: 'The channels, each with its activity', response: { 200: z.object({ items: z.array(ChannelListed) }) } } },
    async (req) => ({ items: await accounts.list(requireTenant(req)) }));
  app.get('/v1/channels/:id', { schema: { tags, params: z.object({ id: Id }), response: { 200: Channel } } },
    async (req) => accounts.get(requireTenant(req), req.params.id));
  app.patch('/v1/channels/:id', {
    schema: { tags, params: z.object({ id: Id }), body: ChannelUpdate, response: { 200: Channel }, summary: 'Rename, disable/enable, or change config keys' },
  }, async (req) => accounts.update(requireTenant(req), req.params.id, req.body));
  app.delete('/v1/channels/:id', { schema: { tags, params: z.object({ id: Id }) } }, async (req, reply) => {
    await accounts.remove(requireTenant(req), req.params.id);
    return reply.code(204).send();
  });

  // Provider webhooks: no API key (the provider's signature instead), the raw body kept for it.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const params = z.object({ channelId: Id });
    scope.get('/v1/webhooks/:channelId', { schema: { tags: ['webhooks'], security: [], params, summary: "A provider's subscription handshake" } },
      async (req, reply) => {
        const { channelId } = req.params as { channelId: string };
        const answer = await intake.handshake(channelId, webhookRequest(req, publicBase), req.ip);
        return reply.type('text/plain; charset=utf-8').send(answer);
      });
    scope.post('/v1/webhooks/:channelId', { bodyLimit: WEBHOOK_BODY_LIMIT, schema: { tags: ['webhooks'], security: [], params, summary: 'Where a provider delivers events' } },
      async (req, reply) => {
        const { channelId } = req.params as { channelId: string };
        const result = await intake.receive(channelId, webhookRequest(req, publicBase), req.ip);
        if (result.acknowledge) return reply.type(result.acknowledge.contentType).send(result.acknowledge.body);
        return reply.code(200).send({ received: result.received, stored: result.stored });
      });
  });
}

function webhookRequest(req: FastifyRequest, publicBase: string): WebhookRequest {
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]));
  return {
    method: req.method, url: `${publicBase}${req.url}`, headers,
    query: req.query as Record<string, string | undefined>,
    rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}
