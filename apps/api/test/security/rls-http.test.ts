import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, targets, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { NOW, twoPopulatedTenants, type SeededTenant } from './rls-fixtures';

interface Probe { table: string; role: string; tenant: string | null; row_tenant: string }

// A trigger of this test's own database notes who wrote each row: the role and frontdesk.tenant_id
// in force inside the app's own statements, not a copy of its logic.
async function installProbe(app: TestApp, tables: string[]): Promise<void> {
  await app.db.query(`CREATE TABLE rls_probe ("table" text, role text, tenant text, row_tenant uuid)`);
  await app.db.query(`CREATE FUNCTION rls_probe() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO rls_probe VALUES (TG_TABLE_NAME, current_user, NULLIF(current_setting('frontdesk.tenant_id', true), ''), NEW.tenant_id);
      RETURN NULL;
    END $$`);
  for (const t of tables) await app.db.query(`CREATE TRIGGER rls_probe AFTER INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION rls_probe()`);
}

const probes = (app: TestApp) => app.db.query<Probe & Record<string, unknown>>(`DELETE FROM rls_probe RETURNING *`);

describe.each(targets())("tenant requests under row-level security on $name", (target) => {
  let app: TestApp;
  let a: SeededTenant;
  let b: SeededTenant;
  beforeAll(async () => {
    app = await startTestApp({ target });
    [a, b] = await twoPopulatedTenants(app);
    await installProbe(app, ['bookings', 'resources', 'messages', 'contacts']);
  });

  it("runs a tenant key's writes as frontdesk_tenant for that tenant, and the customer's chat (no principal) as frontdesk_tenant for the business its path names", async () => {
    app.clock.set(NOW);
    await probes(app);
    const { serviceId, headers } = await setupCatalogue(app, a.key, { service: { price: { amount: 5000, currency: 'BRL' } } });
    const booked = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers,
      payload: { serviceId, start: '2030-01-09T13:00:00Z', customer: { name: 'Caio', phone: '+5511912345678' } } });
    expect(booked.statusCode, booked.body).toBe(201);
    const byKey = await probes(app);
    expect(byKey.map((p) => p.table)).toEqual(expect.arrayContaining(['resources', 'bookings']));
    expect(new Set(byKey.map((p) => `${p.role} ${p.tenant} ${p.row_tenant}`))).toEqual(new Set([`frontdesk_tenant ${a.id} ${a.id}`]));

    const chat = await app.app.inject({ method: 'POST', url: `/v1/chat/${b.slug}/conversations` });
    const { conversationId, token } = chat.json() as { conversationId: string; token: string };
    const sent = await app.app.inject({ method: 'POST', url: `/v1/chat/${b.slug}/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text: 'hi' } });
    expect(sent.statusCode, sent.body).toBe(200);
    const byCustomer = await probes(app);
    expect(byCustomer.length).toBeGreaterThan(0);
    expect(new Set(byCustomer.map((p) => `${p.role} ${p.tenant} ${p.row_tenant}`))).toEqual(new Set([`frontdesk_tenant ${b.id} ${b.id}`]));
  });

  it("keeps answering each tenant's reads with its own rows, and refuses the other's by id", async () => {
    const [bBooking] = await app.db.query<{ id: string }>(`SELECT id FROM bookings WHERE tenant_id = $1 LIMIT 1`, [b.id]);
    const own = await app.app.inject({ url: '/v1/contacts', headers: app.auth(a.key) });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    const theirs = await app.app.inject({ url: `/v1/bookings/${bBooking!.id}`, headers: app.auth(a.key) });
    expect(theirs.statusCode).toBe(404);
    const mine = await app.app.inject({ url: `/v1/bookings/${bBooking!.id}`, headers: app.auth(b.key) });
    expect(mine.statusCode).toBe(200);
  });

  it('still chains the audit trail over every tenant: entries are written as the owner', async () => {
    const before = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    for (const t of [a, b, a]) {
      const res = await app.app.inject({ method: 'PUT', url: '/v1/holidays', headers: app.auth(t.key), payload: { holidays: [{ date: '2030-12-25', name: 'Xmas' }] } });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    await app.audit.service.flushed();
    const after = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0]!.n - before[0]!.n).toBe(3);
    expect(await app.audit.service.verify()).toMatchObject({ ok: true });
    const trail = await app.app.inject({ url: '/v1/audit?limit=500', headers: app.auth(b.key) });
    expect(trail.json().items.map((e: { action: string }) => e.action)).toContain('PUT /v1/holidays');
  });
});
