import { z } from 'zod';

/** An event type (`booking.created`), every type of a family (`booking.*`) or every type (`*`). */
export const WebhookEventPattern = z.string().max(100)
  .regex(/^(\*|[a-z][a-z_]*(\.[a-z][a-z_]*)*(\.\*)?)$/, 'must be an event type such as booking.created, a family such as booking.*, or *');

const Url = z.string().trim().min(1).max(2000).describe('http(s); private and loopback addresses are refused unless the operator allows them');
const Events = z.array(WebhookEventPattern).min(1).max(100);

export const WebhookEndpointCreate = z.object({
  url: Url,
  events: Events.default(['*']),
  description: z.string().trim().max(500).optional(),
  enabled: z.boolean().default(true),
});
export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreate>;

export const WebhookEndpointPatch = z.object({
  url: Url.optional(),
  events: Events.optional(),
  description: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

export const WebhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe('why Frontdesk disabled it (the receiver answered 410 Gone)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** Only at creation and rotation: the signing secret is never returned again. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().describe('whsec_…: the HMAC-SHA256 key of Frontdesk-Signature; shown once'),
});

export const WebhookAttempt = z.object({
  number: z.number().int(),
  at: z.string(),
  durationMs: z.number().int(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable().describe('the first 2 KB'),
  error: z.string().nullable(),
});

export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'dead']);
export const WebhookDelivery = z.object({
  id: z.uuid(),
  endpointId: z.uuid(),
  eventId: z.number().int(),
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  attempts: z.array(WebhookAttempt),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = z.object({
  status: WebhookDeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
