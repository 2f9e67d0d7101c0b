import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, seedTenant, startTestApp, type TestApp } from '../harness/app';

let app: TestApp;
let kumon: { key: string; id: string };
let other: { key: string; id: string };
const REMOVED = '[removed by retention]';

beforeAll(async () => {
  app = await startTestApp();
  const seeded = await seedTenant(app, 'kumon-vila-a');
  const [row] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'kumon-vila-a'`);
  kumon = { key: seeded.key, id: row!.id };
  other = await createTenant(app);
});

const api = (key: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
  app.app.inject({ method, url, headers: app.auth(key), ...(payload ? { payload } : {}) });

/** A conversation with two messages, written `ageDays` ago. */
async function conversation(tenantId: string, ageDays: number, text: string): Promise<string> {
  const [c] = await app.db.query<{ id: string }>(
    `INSERT INTO contacts (tenant_id, name) VALUES ($1, 'Ana') RETURNING id`, [tenantId]);
  const [v] = await app.db.query<{ id: string }>(
    `INSERT INTO conversations (tenant_id, channel, state, contact_id, last_message_at) VALUES ($1, 'web', '{}', $2, now() - make_interval(days => $3)) RETURNING id`,
    [tenantId, c!.id, ageDays]);
  for (const [direction, author] of [['in', 'customer'], ['out', 'assistant']]) {
    await app.db.query(`INSERT INTO messages (tenant_id, conversation_id, direction, author, text, understanding, created_at)
      VALUES ($1, $2, $3, $4, $5, '{"intent":"book"}', now() - make_interval(days => $6))`, [tenantId, v!.id, direction, author, text, ageDays]);
  }
  return v!.id;
}
const texts = async (conversationId: string) =>
  (await app.db.query<{ text: string; understanding: unknown }>(`SELECT text, understanding FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversationId]));
const conversationExists = async (id: string) => (await app.db.query(`SELECT 1 FROM conversations WHERE id = $1`, [id])).length === 1;
/** 03:30 in São Paulo, `days` from today. */
const threeThirty = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return Date.parse(`${d.toISOString().slice(0, 10)}T06:30:00Z`);
};

describe('retention policies', () => {
  it('Kumon keeps message bodies 365 days; limits are read and saved per tenant', async () => {
    expect((await api(kumon.key, 'GET', '/v1/privacy/retention')).json()).toEqual({ days: { message_bodies: 365 } });
    expect((await api(other.key, 'GET', '/v1/privacy/retention')).json()).toEqual({ days: {} });
    const bad = await api(kumon.key, 'PUT', '/v1/privacy/retention', { days: { message_bodies: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('days.message_bodies');
    const unknown = await api(kumon.key, 'PUT', '/v1/privacy/retention', { days: { everything: 3 } });
    expect(unknown.statusCode).toBe(400);
  });

  it('from 03:00 local, removes what is older than the limit, keeps younger data and other tenants, once a day', async () => {
    const saved = await api(kumon.key, 'PUT', '/v1/privacy/retention', { days: { message_bodies: 365, closed_conversations: 730 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const old = await conversation(kumon.id, 400, 'Meu CPF é 123.456.789-00');
    const ancient = await conversation(kumon.id, 800, 'Sou a Ana, 11 98765-4321');
    const young = await conversation(kumon.id, 300, 'quero marcar sexta');
    const othersOld = await conversation(other.id, 800, 'another tenant, no policy');

    app.clock.set(threeThirty(1) - 3_600_000); // 02:30 in São Paulo: not yet
    expect(await app.retention.sweep([kumon.id, other.id], app.clock.now())).toBe(0);
    expect((await texts(old))[0]!.text).toBe('Meu CPF é 123.456.789-00');

    app.clock.set(threeThirty(1));
    expect(await app.retention.sweep([kumon.id, other.id], app.clock.now())).toBe(1);
    expect(await texts(old)).toEqual([{ text: REMOVED, understanding: null }, { text: REMOVED, understanding: null }]);
    expect(await conversationExists(ancient)).toBe(false);
    expect((await texts(young)).map((m) => m.text)).toEqual(['quero marcar sexta', 'quero marcar sexta']);
    expect(await conversationExists(othersOld)).toBe(true);
    expect((await texts(othersOld))[0]!.text).toBe('another tenant, no policy');

    // Later the same day, and from another process at once: nothing runs twice.
    app.clock.set(threeThirty(1) + 6 * 3_600_000);
    expect(await Promise.all([app.retention.sweep([kumon.id], app.clock.now()), app.retention.sweep([kumon.id], app.clock.now())])).toEqual([0, 0]);

    // The next day's run finds nothing left to do.
    app.clock.set(threeThirty(2));
    expect(await app.retention.sweep([kumon.id, other.id], app.clock.now())).toBe(1);
    const runs = (await api(kumon.key, 'GET', '/v1/privacy/retention/runs')).json().items as
      { localDate: string; results: { dataClass: string; days: number; rows: number }[] }[];
    expect(runs).toHaveLength(2);
    expect(runs[1]!.results).toEqual([
      expect.objectContaining({ dataClass: 'closed_conversations', days: 730, rows: 1 }),
      expect.objectContaining({ dataClass: 'message_bodies', days: 365, rows: 2 }),
    ]);
    expect(runs[0]!.results.map((r) => r.rows)).toEqual([0, 0]);
    expect(runs[0]!.localDate > runs[1]!.localDate).toBe(true);
    expect((await api(other.key, 'GET', '/v1/privacy/retention/runs')).json().items).toEqual([]);
  });

  it('removes handled inbound payloads, finished notices, webhook deliveries and expired holds past their limits', async () => {
    const t = await createTenant(app);
    await api(t.key, 'PUT', '/v1/privacy/retention', { days: { inbound_payloads: 30, notices: 30, webhook_deliveries: 30, cancelled_holds: 30 } });
    const [ch] = await app.db.query<{ id: string }>(
      `INSERT INTO channels (tenant_id, type, name, config, secrets) VALUES ($1, 'telegram', 'T', '{}', 'unused') RETURNING id`, [t.id]);
    for (const [id, age] of [['old', 40], ['new', 10]] as const) {
      await app.db.query(`INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, payload, received_at, processed_at)
        VALUES ($1, $2, $3, '{"text":"oi"}', now() - make_interval(days => $4), now())`, [t.id, ch!.id, id, age]);
      await app.db.query(`INSERT INTO webhook_rejections (channel_id, reason, received_at) VALUES ($1, 'bad signature', now() - make_interval(days => $2))`, [ch!.id, age]);
      await app.db.query(`INSERT INTO notices (tenant_id, key, kind, due_at, status, updated_at) VALUES ($1, $2, 'reminder', now(), 'sent', now() - make_interval(days => $3))`, [t.id, id, age]);
    }
    app.clock.set(threeThirty(1));
    expect(await app.retention.sweep([t.id], app.clock.now())).toBe(1);
    const payloads = await app.db.query<{ provider_event_id: string; payload: unknown }>(
      `SELECT provider_event_id, payload FROM inbound_events WHERE tenant_id = $1 ORDER BY provider_event_id`, [t.id]);
    expect(payloads).toEqual([{ provider_event_id: 'new', payload: { text: 'oi' } }, { provider_event_id: 'old', payload: {} }]);
    expect(await app.db.query(`SELECT 1 FROM webhook_rejections WHERE channel_id = $1`, [ch!.id])).toHaveLength(1);
    expect(await app.db.query(`SELECT key FROM notices WHERE tenant_id = $1`, [t.id])).toEqual([{ key: 'new' }]);
    const [run] = (await api(t.key, 'GET', '/v1/privacy/retention/runs')).json().items;
    expect(Object.fromEntries(run.results.map((r: { dataClass: string; rows: number }) => [r.dataClass, r.rows])))
      .toEqual({ cancelled_holds: 0, inbound_payloads: 2, notices: 1, webhook_deliveries: 0 });
  });
});
