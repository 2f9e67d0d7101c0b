import type { TestApp } from '../../harness/app';
import { seedTenant } from '../../harness/app';
import { asSignedIn, inviteAndJoin, login, type SignedIn } from '../../harness/staff';

/** A blueprint tenant with one of everything, and the real ids of its objects by collection path. */
export interface Populated {
  slug: string; key: string; tenantId: string;
  chat: { conversationId: string; token: string };
  /** '/v1/bookings' → ids of its bookings, '/v1/team/invitations' → …; also ':token' lists for the public routes. */
  ids: Map<string, string[]>;
  owner?: SignedIn;
}

const itemsOf = (body: unknown): { id?: string }[] =>
  (Array.isArray(body) ? body : Array.isArray((body as { items?: unknown }).items) ? (body as { items: { id?: string }[] }).items : []);

export async function populate(app: TestApp, blueprint: string, options: { signIn?: boolean } = {}): Promise<Populated> {
  const { key, slug } = await seedTenant(app, blueprint);
  const [{ id: tenantId }] = await app.db.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [slug]) as [{ id: string }];
  const headers = app.auth(key);
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await app.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${blueprint} fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown> & { id: string };
  };

  const service = itemsOf(await call('GET', '/v1/services'))[0]!;
  const from = new Date(app.clock.now() + 86_400_000).toISOString().slice(0, 19) + 'Z';
  const to = new Date(app.clock.now() + 15 * 86_400_000).toISOString().slice(0, 19) + 'Z';
  const slots = (await call('GET', `/v1/availability?serviceId=${service.id}&from=${from}&to=${to}`)).slots as { start: string }[];
  const booking = await call('POST', '/v1/bookings', { serviceId: service.id, start: slots[0]!.start, customer: { name: 'Fuzz Ada', phone: '+447700900123' } });
  const hold = await call('POST', '/v1/holds', { serviceId: service.id, start: slots.at(-1)!.start, ttlSeconds: 3600 });
  const onPage = await app.app.inject({ method: 'POST', url: `/v1/book/${slug}/bookings`, payload: { serviceId: service.id, start: slots[1]!.start,
    consentAccepted: true, customer: { name: 'Fuzz Page', email: `page@${slug}.example.com` } } });
  if (onPage.statusCode !== 201) throw new Error(`${blueprint} fixture booking page: ${onPage.statusCode} ${onPage.body}`);

  const started = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  const chat = started.json() as { conversationId: string; token: string };
  await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations/${chat.conversationId}/messages`,
    headers: { authorization: `Bearer ${chat.token}` }, payload: { text: 'Hello, my name is Ada Lovelace, ada@example.com' } });
  await call('POST', '/v1/tickets', { conversationId: chat.conversationId, subject: 'Fuzz ticket' });
  await call('POST', '/v1/channels', { type: 'whatsapp_cloud', config: {
    phoneNumberId: `${tenantId.slice(0, 8)}`, accessToken: 'fuzz-access-token', appSecret: 'fuzz-app-secret', verifyToken: 'fuzz-verify-token' } });
  await call('POST', '/v1/templates', { name: 'fuzz_template', language: 'en', body: 'Hello {{1}}' });
  const endpoint = await call('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/fuzz' });
  await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`);
  const invitation = await call('POST', '/v1/team/invitations', { email: `invitee@${slug}.example.com`, role: 'agent' });
  const owner = options.signIn ? await inviteAndJoin(app, headers, { email: `owner@${slug}.example.com`, role: 'owner' }) : undefined;

  const ids = new Map<string, string[]>([
    ['/v1/holds', [hold.id]],
    ['/v1/bookings', [booking.id]],
    [`/v1/chat/{tenantSlug}/conversations`, [chat.conversationId]],
    ['{tenantSlug}', [slug]], ['{slug}', [slug]],
    ['/v1/book/manage/{token}', [(onPage.json() as { manageToken: string }).manageToken]],
    ['/v1/invitations/{token}', [new URL(String(invitation.acceptUrl)).hash.replace('#token=', '')]],
  ]);
  for (const collection of ['/v1/resources', '/v1/services', '/v1/locations', '/v1/conversations', '/v1/contacts', '/v1/channels', '/v1/templates',
    '/v1/tickets', '/v1/webhook-endpoints', '/v1/leads', '/v1/sequences', '/v1/api-keys', '/v1/team/invitations', '/v1/privacy/erasure-requests']) {
    const list = await app.app.inject({ url: collection, headers });
    ids.set(collection, list.statusCode === 200 ? itemsOf(list.json()).map((i) => i.id!).filter(Boolean) : []);
  }
  ids.set('/v1/team/members', itemsOf(await call('GET', '/v1/team/members')).map((m) => (m as { userId?: string }).userId ?? m.id!));
  ids.set('/v1/webhooks', ids.get('/v1/channels')!);
  ids.set('/v1/webhook-deliveries', itemsOf(await call('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`)).map((d) => d.id!));
  const resource = await call('GET', `/v1/resources/${ids.get('/v1/resources')![0]}`);
  ids.set('/v1/ical/{token}', [String(resource.icalUrl).split('/').pop()!]);
  const contactId = ids.get('/v1/contacts')![0];
  const sequenceId = ids.get('/v1/sequences')![0];
  if (contactId && sequenceId) {
    const enrolled = await app.app.inject({ method: 'POST', url: `/v1/sequences/${sequenceId}/enrolments`, headers, payload: { contactId } });
    if (enrolled.statusCode < 300) ids.set('{enrolmentId}', [enrolled.json().id]);
    const erasure = await app.app.inject({ method: 'POST', url: '/v1/privacy/erasure-requests', headers, payload: { contactId } });
    if (erasure.statusCode < 300) ids.set('/v1/privacy/erasure-requests', [erasure.json().id]);
  }
  return { slug, key, tenantId, chat, ids, ...(owner ? { owner } : {}) };
}

/** Real ids for a path parameter, from the object collection just before it in the path. */
export function realIds(tenant: Populated, path: string, param: string): string[] {
  const before = path.slice(0, path.indexOf(`{${param}}`) - 1);
  return tenant.ids.get(`${before}/{${param}}`) ?? tenant.ids.get(`{${param}}`) ?? tenant.ids.get(before)
    ?? tenant.ids.get(before.replace(/\/\{[^}]+\}/g, '')) ?? [];
}

/** A fresh session for A's owner (a fuzzed logout or password change may have ended the last one). */
export async function signInAgain(app: TestApp, tenant: Populated): Promise<void> {
  if (!tenant.owner) return;
  const res = await login(app, tenant.owner.email);
  if (res.statusCode === 200) tenant.owner = asSignedIn(res, tenant.owner.email);
}
