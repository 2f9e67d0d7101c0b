import type { RouteRule } from './permissions';

/**
 * The rule of every `/v1` route, keyed by "METHOD /path" as the route was registered.
 * A route missing here answers 403 to everyone, and the authorisation-matrix test fails.
 */
export const ROUTE_RULES: Record<string, RouteRule> = {
  // Public: each checks its own secret (feed token, chat token, provider signature) or none.
  'GET /v1/openapi.json': 'public',
  'GET /v1/ical/:token': 'public',
  'POST /v1/chat/:tenantSlug/conversations': 'public',
  'GET /v1/chat/:tenantSlug/conversations/:id/messages': 'public',
  'POST /v1/chat/:tenantSlug/conversations/:id/messages': 'public',
  'GET /v1/chat/:tenantSlug/conversations/:id/stream': 'public',
  'GET /v1/webhooks/:channelId': 'public',
  'POST /v1/webhooks/:channelId': 'public',
  // The public booking page: a business by slug, and a booking by its manage link's token.
  'GET /v1/book/:tenantSlug': 'public',
  'GET /v1/book/:tenantSlug/availability': 'public',
  'POST /v1/book/:tenantSlug/bookings': 'public',
  'GET /v1/book/manage/:token': 'public',
  'GET /v1/book/manage/:token/availability': 'public',
  'POST /v1/book/manage/:token/cancel': 'public',
  'POST /v1/book/manage/:token/reschedule': 'public',
  'GET /v1/book/manage/:token/ics': 'public',

  // Staff sign-in: the session routes check for a person themselves.
  'POST /v1/auth/login': 'public',
  'POST /v1/auth/password-reset': 'public',
  'POST /v1/auth/password-reset/confirm': 'public',
  'GET /v1/invitations/:token': 'public',
  'POST /v1/invitations/:token/accept': 'public',
  'GET /v1/auth/session': 'signed-in',
  'POST /v1/auth/session/tenant': 'signed-in',
  'POST /v1/auth/logout': 'signed-in',
  'POST /v1/auth/logout-all': 'signed-in',
  'POST /v1/auth/password': 'signed-in',
  'POST /v1/auth/totp/setup': 'signed-in',
  'POST /v1/auth/totp/enable': 'signed-in',
  'POST /v1/auth/totp/disable': 'signed-in',

  // Team and API keys.
  'GET /v1/team/members': 'tenant.read',
  'PATCH /v1/team/members/:userId': 'team.manage',
  'DELETE /v1/team/members/:userId': 'team.manage',
  'GET /v1/team/invitations': 'team.manage',
  'POST /v1/team/invitations': 'team.manage',
  'DELETE /v1/team/invitations/:id': 'team.manage',
  'GET /v1/api-keys': 'apikeys.manage',
  'POST /v1/api-keys': 'apikeys.manage',
  'DELETE /v1/api-keys/:id': 'apikeys.manage',

  // Platform operators.
  'POST /v1/tenants': 'platform',
  'GET /v1/tenants': 'platform',
  'POST /v1/tenants/:slug/api-keys': 'platform',

  // Tenant and catalogue.
  'GET /v1/tenant': 'tenant.read',
  'PATCH /v1/tenant': 'settings.write',
  'GET /v1/locations': 'catalogue.read',
  'POST /v1/locations': 'catalogue.write',
  'GET /v1/locations/:id': 'catalogue.read',
  'PATCH /v1/locations/:id': 'catalogue.write',
  'GET /v1/resources': 'catalogue.read',
  'POST /v1/resources': 'catalogue.write',
  'GET /v1/resources/:id': 'catalogue.read',
  'PATCH /v1/resources/:id': 'catalogue.write',
  'DELETE /v1/resources/:id': 'catalogue.write',
  'PUT /v1/resources/:id/schedule': 'catalogue.write',
  'GET /v1/services': 'catalogue.read',
  'POST /v1/services': 'catalogue.write',
  'GET /v1/services/:id': 'catalogue.read',
  'PATCH /v1/services/:id': 'catalogue.write',
  'GET /v1/holidays': 'catalogue.read',
  'PUT /v1/holidays': 'catalogue.write',
  'GET /v1/availability': 'catalogue.read',
  'GET /v1/availability/explain': 'catalogue.read',

  // Bookings and holds.
  'GET /v1/bookings': 'bookings.read',
  'POST /v1/bookings': 'bookings.write',
  'POST /v1/bookings/recurring': 'bookings.write',
  'GET /v1/bookings/:id': 'bookings.read',
  'PATCH /v1/bookings/:id': 'bookings.write',
  'POST /v1/bookings/:id/cancel': 'bookings.write',
  'POST /v1/bookings/:id/reschedule': 'bookings.write',
  'GET /v1/bookings/:id/ics': 'bookings.read',
  'GET /v1/bookings/:id/messages': 'bookings.read',
  'POST /v1/holds': 'bookings.write',
  'GET /v1/holds': 'bookings.read',
  'GET /v1/holds/:id': 'bookings.read',
  'DELETE /v1/holds/:id': 'bookings.write',

  // Inbox.
  'GET /v1/conversations': 'conversations.read',
  'GET /v1/conversations/:id/messages': 'conversations.read',
  'GET /v1/conversations/:id/stream': 'conversations.read',
  'POST /v1/conversations/:id/messages': 'conversations.reply',
  'POST /v1/conversations/:id/template': 'conversations.reply',
  'GET /v1/conversations/:id/reply-window': 'conversations.read',
  'PATCH /v1/conversations/:id': 'conversations.reply',
  'GET /v1/conversations/:id/notes': 'conversations.read',
  'POST /v1/conversations/:id/notes': 'conversations.reply',
  'POST /v1/conversations/:id/takeover': 'conversations.reply',
  'POST /v1/conversations/:id/handback': 'conversations.reply',

  // Contacts.
  'GET /v1/contacts': 'contacts.read',
  'GET /v1/customers/at-risk': 'contacts.read',
  'GET /v1/contacts/:id': 'contacts.read',
  'GET /v1/contacts/:id/history': 'contacts.read',
  'GET /v1/contacts/:id/enrolments': 'contacts.read',
  'PATCH /v1/contacts/:id': 'contacts.write',
  'POST /v1/contacts/:id/merge': 'contacts.write',
  'POST /v1/contacts/:id/split': 'contacts.write',
  'GET /v1/contacts/:id/consents': 'contacts.read',
  'POST /v1/contacts/:id/consents': 'contacts.write',

  // Privacy: consent asked on first contact, retention limits and their daily runs.
  'GET /v1/privacy/consent-settings': 'settings.read',
  'PUT /v1/privacy/consent-settings': 'settings.write',
  'GET /v1/privacy/retention': 'settings.read',
  'PUT /v1/privacy/retention': 'settings.write',
  'GET /v1/privacy/retention/runs': 'settings.read',
  // Data protection: a contact's data as a zip; erasure requests (agents ask, managers and owners decide).
  'GET /v1/contacts/:id/export': 'privacy.export',
  'POST /v1/privacy/erasure-requests': 'privacy.request',
  'GET /v1/privacy/erasure-requests': 'privacy.request',
  'GET /v1/privacy/erasure-requests/:id': 'privacy.request',
  'POST /v1/privacy/erasure-requests/:id/approve': 'privacy.approve',
  'POST /v1/privacy/erasure-requests/:id/reject': 'privacy.approve',

  // Leads, sequences, tickets.
  'GET /v1/leads': 'leads.read',
  'GET /v1/leads/:id': 'leads.read',
  'GET /v1/leads/:id/timeline': 'leads.read',
  'PATCH /v1/leads/:id': 'leads.write',
  'POST /v1/leads/:id/notes': 'leads.write',
  'GET /v1/leads/settings': 'settings.read',
  'PUT /v1/leads/settings': 'settings.write',
  'GET /v1/sequences': 'leads.read',
  'GET /v1/sequences/:id': 'leads.read',
  'GET /v1/sequences/:id/enrolments': 'leads.read',
  'POST /v1/sequences': 'settings.write',
  'PATCH /v1/sequences/:id': 'settings.write',
  'DELETE /v1/sequences/:id': 'settings.write',
  'POST /v1/sequences/:id/enrolments': 'leads.write',
  'POST /v1/sequences/:id/enrolments/:enrolmentId/stop': 'leads.write',
  'GET /v1/sequences/settings': 'settings.read',
  'PUT /v1/sequences/settings': 'settings.write',
  'GET /v1/tickets': 'tickets.read',
  'POST /v1/tickets': 'tickets.write',
  'GET /v1/tickets/:id': 'tickets.read',
  'PATCH /v1/tickets/:id': 'tickets.write',
  'GET /v1/tickets/:id/history': 'tickets.read',
  'GET /v1/tickets/settings': 'settings.read',
  'PUT /v1/tickets/settings': 'settings.write',

  // Assistant, notifications, templates.
  'GET /v1/assistant/profile': 'settings.read',
  'PUT /v1/assistant/profile': 'settings.write',
  'GET /v1/assistant/llm': 'settings.read',
  'PUT /v1/assistant/llm': 'billing.manage',
  'DELETE /v1/assistant/llm': 'billing.manage',
  'GET /v1/assistant/llm/usage': 'settings.read',
  // Staff try the assistant as a customer (agents too: they answer customers; a viewer changes nothing).
  'POST /v1/assistant/test-chat': 'conversations.reply',
  'POST /v1/assistant/test-chat/:id/messages': 'conversations.reply',
  'GET /v1/notifications/settings': 'settings.read',
  'PUT /v1/notifications/settings': 'settings.write',
  'GET /v1/booking-page/settings': 'settings.read',
  'PUT /v1/booking-page/settings': 'settings.write',
  'GET /v1/templates': 'settings.read',
  'POST /v1/templates': 'settings.write',
  'PATCH /v1/templates/:id': 'settings.write',
  'DELETE /v1/templates/:id': 'settings.write',

  // Channels and outgoing webhooks: owners only (they carry provider secrets).
  'GET /v1/channels': 'settings.read',
  'GET /v1/channels/:id': 'settings.read',
  'POST /v1/channels': 'channels.manage',
  'PATCH /v1/channels/:id': 'channels.manage',
  'DELETE /v1/channels/:id': 'channels.manage',
  'GET /v1/webhook-endpoints': 'channels.manage',
  'POST /v1/webhook-endpoints': 'channels.manage',
  'GET /v1/webhook-endpoints/:id': 'channels.manage',
  'PATCH /v1/webhook-endpoints/:id': 'channels.manage',
  'DELETE /v1/webhook-endpoints/:id': 'channels.manage',
  'GET /v1/webhook-endpoints/:id/deliveries': 'channels.manage',
  'POST /v1/webhook-endpoints/:id/rotate-secret': 'channels.manage',
  'POST /v1/webhook-endpoints/:id/test': 'channels.manage',
  'GET /v1/webhook-deliveries/:id': 'channels.manage',
  'POST /v1/webhook-deliveries/:id/retry': 'channels.manage',

  // Audit.
  'GET /v1/audit': 'audit.read',

  // The dashboard: every role reads it; the stream carries only the event types the caller may read (modules/live).
  'GET /v1/stream': 'tenant.read',
  'GET /v1/dashboard/summary': 'tenant.read',
};

export const ruleOf = (method: string, routeUrl: string | undefined): RouteRule | undefined =>
  routeUrl === undefined ? undefined : ROUTE_RULES[`${method === 'HEAD' ? 'GET' : method} ${routeUrl}`];
