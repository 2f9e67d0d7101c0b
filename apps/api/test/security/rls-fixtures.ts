import { expect } from 'vitest';
import { seedTenant, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

export interface SeededTenant { id: string; key: string; slug: string }

// Tue 2030-01-08; the catalogue's hours are 09:00–17:00 in São Paulo (12:00Z–20:00Z).
export const NOW = Date.parse('2030-01-01T12:00:00Z');
const START = '2030-01-08T13:00:00Z';
const LATER = '2030-01-08T15:00:00Z';

/**
 * A blueprint tenant with rows in as many tables as the API fills: its catalogue, templates and
 * settings, a booking (with an idempotency key) and a hold made by key, a message template,
 * notification settings, and a customer's web chat.
 */
export async function populatedTenant(app: TestApp, blueprint: string, currency: string): Promise<SeededTenant> {
  const { key, slug } = await seedTenant(app, blueprint);
  const [{ id }] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = $1`, [slug]) as [{ id: string }];
  app.clock.set(NOW);
  const { serviceId, headers } = await setupCatalogue(app, key, { service: { price: { amount: 10000, currency } } });
  const booking = await app.app.inject({
    method: 'POST', url: '/v1/bookings', headers: { ...headers, 'idempotency-key': `rls-${slug}` },
    payload: { serviceId, start: START, customer: { name: 'Ana', phone: '+5511987654321' } },
  });
  expect(booking.statusCode, booking.body).toBe(201);
  const more = [
    await app.app.inject({ method: 'POST', url: '/v1/holds', headers, payload: { serviceId, start: LATER, ttlSeconds: 300 } }),
    await app.app.inject({ method: 'POST', url: '/v1/templates', headers, payload: { name: 'follow_up', language: 'en', body: 'Hello {{1}}' } }),
    await app.app.inject({ method: 'PUT', url: '/v1/notifications/settings', headers,
      payload: { confirmation: true, reminders: [{ minutesBefore: 60 }], thankYouAfterMinutes: null } }),
  ];
  for (const res of more) expect(res.statusCode, res.body).toBeLessThan(300);
  const chat = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  expect(chat.statusCode, chat.body).toBe(201);
  const { conversationId, token } = chat.json() as { conversationId: string; token: string };
  const sent = await app.app.inject({
    method: 'POST', url: `/v1/chat/${slug}/conversations/${conversationId}/messages`,
    headers: { authorization: `Bearer ${token}` }, payload: { text: 'hello, my name is Bia' },
  });
  expect(sent.statusCode, sent.body).toBe(200);
  await app.audit.service.flushed();
  return { id, key, slug };
}

/** Every table of the public schema with a tenant_id column. */
export async function tenantTables(app: TestApp): Promise<string[]> {
  const rows = await app.db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`);
  return rows.map((r) => r.table_name);
}

/** How many rows of `table` each tenant has, as the owner sees them. */
export async function rowsByTenant(app: TestApp, table: string): Promise<Record<string, number>> {
  const rows = await app.db.query<{ tenant: string | null; n: number }>(
    `SELECT tenant_id::text AS tenant, count(*)::int AS n FROM "${table}" GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.tenant ?? 'none', r.n]));
}

/** The two tenants every row-level security suite compares: Kumon (BRL) and Speedy Van (GBP), each with rows in most tables. */
export async function twoPopulatedTenants(app: TestApp): Promise<[SeededTenant, SeededTenant]> {
  return [await populatedTenant(app, 'kumon-vila-a', 'BRL'), await populatedTenant(app, 'speedy-van', 'GBP')];
}
