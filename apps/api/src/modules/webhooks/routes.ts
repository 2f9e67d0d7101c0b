import { z } from 'zod';
import {
  Id, WebhookDelivery, WebhookDeliveryQuery, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointPatch, WebhookEndpointWithSecret,
} from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { WebhooksService } from './service';

export function webhookRoutes(app: ZodApp, webhooks: WebhooksService): void {
  const tags = ['webhooks'];
  const params = z.object({ id: Id });
  app.post('/v1/webhook-endpoints', {
    schema: { tags, summary: 'Subscribe a URL to events; the signing secret is in this answer only', body: WebhookEndpointCreate, response: { 201: WebhookEndpointWithSecret } },
  }, async (req, reply) => reply.code(201).send(await webhooks.create(requireTenant(req), req.body)));
  app.get('/v1/webhook-endpoints', { schema: { tags, summary: 'Webhook endpoints (never their secrets)', response: { 200: z.object({ items: z.array(WebhookEndpoint) }) } } },
    async (req) => ({ items: await webhooks.list(requireTenant(req)) }));
  app.get('/v1/webhook-endpoints/:id', { schema: { tags, summary: 'A webhook endpoint', params, response: { 200: WebhookEndpoint } } },
    async (req) => webhooks.get(requireTenant(req), req.params.id));
  app.patch('/v1/webhook-endpoints/:id', {
    schema: { tags, summary: 'Change the URL, events, description or enable/disable', params, body: WebhookEndpointPatch, response: { 200: WebhookEndpoint } },
  }, async (req) => webhooks.update(requireTenant(req), req.params.id, req.body));
  app.delete('/v1/webhook-endpoints/:id', { schema: { tags, summary: 'Delete an endpoint and its deliveries', params } },
    async (req, reply) => {
      await webhooks.remove(requireTenant(req), req.params.id);
      return reply.code(204).send();
    });
  app.post('/v1/webhook-endpoints/:id/rotate-secret', {
    schema: { tags, summary: 'A new signing secret, returned once; the old one stops at once', params, response: { 200: WebhookEndpointWithSecret } },
  }, async (req) => webhooks.rotateSecret(requireTenant(req), req.params.id));
  app.post('/v1/webhook-endpoints/:id/test', {
    schema: { tags, summary: 'Send a webhook.test event to this endpoint (see its deliveries)', params, response: { 202: z.object({ type: z.literal('webhook.test') }) } },
  }, async (req, reply) => {
    await webhooks.sendTest(requireTenant(req), req.params.id);
    return reply.code(202).send({ type: 'webhook.test' as const });
  });
  app.get('/v1/webhook-endpoints/:id/deliveries', {
    schema: { tags, summary: 'Recent deliveries, newest first, with every attempt', params, querystring: WebhookDeliveryQuery,
      response: { 200: z.object({ items: z.array(WebhookDelivery) }) } },
  }, async (req) => ({ items: await webhooks.deliveries(requireTenant(req), req.params.id, req.query) }));
  app.get('/v1/webhook-deliveries/:id', { schema: { tags, summary: 'A delivery with every attempt', params, response: { 200: WebhookDelivery } } },
    async (req) => webhooks.delivery(requireTenant(req), req.params.id));
  app.post('/v1/webhook-deliveries/:id/retry', {
    schema: { tags, summary: 'Send again now (a new cycle of retries if it fails)', params, response: { 202: WebhookDelivery } },
  }, async (req, reply) => reply.code(202).send(await webhooks.retry(requireTenant(req), req.params.id)));
}
