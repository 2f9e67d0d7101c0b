import type { TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

export interface TenantIds {
  /** Real ids of this tenant's objects for a route's path parameters. */
  params(url: string): Record<string, string>;
  /** Bodies that pass validation, so a route reaches its lookup (and can answer 404). */
  bodies: Record<string, unknown>;
}

const BODIES: Record<string, unknown> = {
  'PATCH /v1/resources/:id': { name: 'Renamed' },
  'PUT /v1/resources/:id/schedule': { timeZone: 'America/Sao_Paulo', weekly: {}, overrides: [] },
  'PATCH /v1/services/:id': { name: 'Renamed' },
  'PATCH /v1/locations/:id': { name: 'Renamed' },
  'POST /v1/bookings/:id/cancel': {},
  'POST /v1/bookings/:id/reschedule': { start: '2030-01-08T13:00:00Z' },
  'POST /v1/conversations/:id/messages': { text: 'hello' },
  'POST /v1/conversations/:id/takeover': {},
  'POST /v1/conversations/:id/handback': {},
  'PATCH /v1/contacts/:id': { name: 'Renamed' },
  'PATCH /v1/templates/:id': { body: 'Hello {{1}}' },
  'PATCH /v1/team/members/:userId': { role: 'viewer' },
};

/** Creates one of each kind of object in the tenant through the API and names their ids by route. */
export async function ownIds(app: TestApp, tenant: { key: string; slug: string }): Promise<TenantIds> {
  const headers = app.auth(tenant.key);
  const post = async (url: string, payload: unknown) => {
    const res = await app.app.inject({ method: 'POST', url, headers, payload: payload as object });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const { resourceIds, serviceId } = await setupCatalogue(app, tenant.key);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  const slots = (await app.app.inject({ method: 'GET', headers, url: `/v1/availability?serviceId=${serviceId}&from=${day(2)}&to=${day(9)}` })).json();
  const starts = slots.slots.map((s: { start: string }) => s.start);
  const booking = await post('/v1/bookings', { serviceId, start: starts[0], customer: { name: 'Rita Matrix', phone: '+5511987650000' } });
  const hold = await post('/v1/holds', { serviceId, start: starts[1] });
  const chat = await post(`/v1/chat/${tenant.slug}/conversations`, {});
  const conversationId = chat.conversationId ?? chat.id;
  const ticket = await post('/v1/tickets', { conversationId, subject: 'Matrix' });
  const template = await post('/v1/templates', { name: 'matrix_hello', language: 'pt', body: 'Olá {{1}}' });
  const contacts = (await app.app.inject({ method: 'GET', url: '/v1/contacts', headers })).json().items;
  const invitation = await post('/v1/team/invitations', { email: `invitee-${tenant.slug}@matrix.test`, role: 'agent' });
  const apiKey = await post('/v1/api-keys', { name: 'other', scopes: ['*'] });
  const location = await post('/v1/locations', { name: 'Matrix' });
  const byPrefix: [string, Record<string, string>][] = [
    ['/v1/resources/', { id: resourceIds[0]! }],
    ['/v1/services/', { id: serviceId }],
    ['/v1/locations/', { id: location.id }],
    ['/v1/bookings/', { id: booking.id }],
    ['/v1/holds/', { id: hold.id }],
    ['/v1/conversations/', { id: conversationId }],
    ['/v1/tickets/', { id: ticket.id }],
    ['/v1/templates/', { id: template.id }],
    ['/v1/contacts/', { id: contacts[0].id }],
    ['/v1/team/invitations/', { id: invitation.id }],
    ['/v1/api-keys/', { id: apiKey.id }],
  ];
  return {
    params: (url) => byPrefix.find(([prefix]) => url.startsWith(prefix))?.[1] ?? {},
    bodies: BODIES,
  };
}

/** Every row the tenant owns, table by table, as text: a before/after fingerprint. */
export async function tenantRows(app: TestApp, tenantId: string): Promise<Record<string, string[]>> {
  const tables = await app.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`);
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows = await app.db.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM ${table_name} t WHERE tenant_id = $1 ORDER BY 1`, [tenantId]);
    out[table_name] = rows.map((x) => x.r);
  }
  return out;
}
