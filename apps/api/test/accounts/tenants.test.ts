import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';
import { setupCatalogue } from '../harness/catalogue';


const validTenant = (slug: string) => ({ name: 'Clínica Sol', slug, timeZone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL' });
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('tenants and API keys', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set(Date.parse('2030-01-01T12:00:00Z'));
  });

  it('lets the admin create a tenant whose first key works on GET /v1/tenant', async () => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants', headers: app.admin, payload: validTenant('clinica-sol') });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.tenant).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Clínica Sol', slug: 'clinica-sol',
      timeZone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL',
    });
    expect(Number.isNaN(Date.parse(body.tenant.createdAt))).toBe(false);
    expect(body.apiKey).toMatchObject({ id: expect.any(String), name: expect.any(String), prefix: expect.any(String), key: expect.any(String) });
    expect(body.apiKey.key.startsWith(body.apiKey.prefix)).toBe(true);
    expect(body.apiKey.prefix.length).toBeLessThan(body.apiKey.key.length);
    expect(body.apiKey.prefix).toMatch(/^fd_[0-9a-f]{32}_[\w-]{6}$/); // ends in the start of the secret part, so a tenant's keys differ

    const me = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(body.apiKey.key) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body.tenant);

    const list = await app.app.inject({ method: 'GET', url: '/v1/tenants', headers: app.admin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(body.tenant);
  });

  it('trims the name', async () => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants', headers: app.admin, payload: { ...validTenant('trimmed'), name: '  Sol  ' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().tenant.name).toBe('Sol');
  });

  it('refuses a duplicate slug with 409 TENANT_SLUG_TAKEN and keeps the first tenant intact', async () => {
    const first = await createTenant(app, { slug: 'taken-slug', name: 'First' });
    const before = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenants`);
    const keysBefore = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM api_keys`);
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants', headers: app.admin, payload: { ...validTenant('taken-slug'), name: 'Second' } });
    const body = expectProblem(res, 409, 'TENANT_SLUG_TAKEN');
    expect(body.detail).toContain('taken-slug');
    expect((await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenants`))[0]!.n).toBe(before[0]!.n);
    expect((await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM api_keys`))[0]!.n).toBe(keysBefore[0]!.n);
    const me = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(first.key) });
    expect(me.json()).toMatchObject({ id: first.id, name: 'First' });
  });

  it.each([
    ['slug', { slug: 'Bad Slug' }],
    ['slug', { slug: '-leading' }],
    ['slug', { slug: 'double--hyphen' }],
    ['slug', { slug: 'a' }],
    ['slug', { slug: 'x'.repeat(64) }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['timeZone', { timeZone: 'EST' }],
    ['timeZone', { timeZone: '' }],
    ['currency', { currency: 'brl' }],
    ['currency', { currency: 'REAL' }],
    ['locale', { locale: 'portuguese' }],
    ['locale', { locale: 'pt_BR' }],
    ['name', { name: '   ' }],
  ])('rejects a bad %s (%j) with 400 naming the field', async (field, override) => {
    const slug = `ok-${Math.random().toString(36).slice(2, 8)}`;
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants', headers: app.admin, payload: { ...validTenant(slug), ...override } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.path)).toEqual([field]);
    expect(body.errors![0]!.message.length).toBeGreaterThan(0);
    const rows = await app.db.query(`SELECT 1 FROM tenants WHERE slug = $1`, [slug]);
    expect(rows).toHaveLength(0);
  });

  it('reports every bad field at once', async () => {
    const res = await app.app.inject({
      method: 'POST', url: '/v1/tenants', headers: app.admin,
      payload: { name: 'X', slug: 'UPPER', timeZone: 'Nowhere/Town', locale: 'xx_YY', currency: 'usd' },
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['currency', 'locale', 'slug', 'timeZone']);
  });

  it('reports a missing field by name', async () => {
    const { currency: _c, ...rest } = validTenant('missing-currency');
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants', headers: app.admin, payload: rest });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.path)).toEqual(['currency']);
  });

  it('forbids a tenant key from creating tenants, listing them or issuing keys (403)', async () => {
    const t = await createTenant(app);
    expectProblem(await app.app.inject({ method: 'POST', url: '/v1/tenants', headers: app.auth(t.key), payload: validTenant('sneaky') }), 403, 'FORBIDDEN');
    expectProblem(await app.app.inject({ method: 'GET', url: '/v1/tenants', headers: app.auth(t.key) }), 403, 'FORBIDDEN');
    expectProblem(await app.app.inject({ method: 'POST', url: `/v1/tenants/${t.slug}/api-keys`, headers: app.auth(t.key), payload: {} }), 403, 'FORBIDDEN');
    expect(await app.db.query(`SELECT 1 FROM tenants WHERE slug = 'sneaky'`)).toHaveLength(0);
  });

  it('requires credentials to create a tenant (401)', async () => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants', payload: validTenant('anonymous') });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(await app.db.query(`SELECT 1 FROM tenants WHERE slug = 'anonymous'`)).toHaveLength(0);
  });

  it('lets the admin issue an extra key for a slug; both keys work for the same tenant', async () => {
    const t = await createTenant(app);
    const res = await app.app.inject({ method: 'POST', url: `/v1/tenants/${t.slug}/api-keys`, headers: app.admin, payload: { name: 'reception desk' } });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    expect(issued).toMatchObject({ name: 'reception desk', key: expect.any(String), prefix: expect.any(String), id: expect.any(String) });
    expect(issued.key).not.toBe(t.key);
    for (const k of [t.key, issued.key]) {
      const me = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(k) });
      expect(me.statusCode).toBe(200);
      expect(me.json().id).toBe(t.id);
    }
  });

  it('issues a key without a body, with a default name', async () => {
    const t = await createTenant(app);
    const res = await app.app.inject({ method: 'POST', url: `/v1/tenants/${t.slug}/api-keys`, headers: app.admin });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toEqual(expect.any(String));
    const me = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(res.json().key) });
    expect(me.json().id).toBe(t.id);
  });

  it('answers 404 for a key request on an unknown slug, and stores nothing', async () => {
    const before = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM api_keys`);
    const res = await app.app.inject({ method: 'POST', url: '/v1/tenants/no-such-tenant/api-keys', headers: app.admin, payload: {} });
    expectProblem(res, 404, 'NOT_FOUND');
    expect((await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM api_keys`))[0]!.n).toBe(before[0]!.n);
  });

  it('stores keys hashed, never in plaintext', async () => {
    const t = await createTenant(app);
    const extra = (await app.app.inject({ method: 'POST', url: `/v1/tenants/${t.slug}/api-keys`, headers: app.admin, payload: {} })).json().key as string;
    const all = await app.db.query<{ key_hash: string }>(`SELECT key_hash FROM api_keys`);
    for (const plaintext of [t.key, extra]) {
      expect(all.some((r) => r.key_hash === plaintext)).toBe(false);
      // Not even the secret part after the public prefix appears anywhere in the table.
      expect(JSON.stringify(await app.db.query(`SELECT * FROM api_keys`))).not.toContain(plaintext.slice(16));
    }
    const mine = await app.db.query<{ key_hash: string }>(`SELECT key_hash FROM api_keys WHERE tenant_id = $1`, [t.id]);
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((r) => r.key_hash)).size).toBe(2);
    for (const r of mine) expect(r.key_hash.length).toBeGreaterThanOrEqual(32);
  });

  it('stops accepting a key once it is revoked in the database', async () => {
    const t = await createTenant(app);
    await app.db.query(`UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1`, [t.id]);
    const res = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(t.key) });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('does not let a key whose tenant part is swapped reach another tenant', async () => {
    const a = await createTenant(app);
    const b = await createTenant(app);
    // fd_<tenant hex>_<secret>: splice B's tenant id in front of A's secret.
    const forged = a.key.replace(a.id.replaceAll('-', ''), b.id.replaceAll('-', ''));
    expect(forged).not.toBe(a.key);
    const res = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(forged) });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('creates and lists locations per tenant', async () => {
    const a = await createTenant(app);
    const b = await createTenant(app);
    const created = await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(a.key), payload: { name: 'Centro' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Centro', timeZone: 'America/Sao_Paulo', address: null });
    const listA = (await app.app.inject({ method: 'GET', url: '/v1/locations', headers: app.auth(a.key) })).json().items;
    const listB = (await app.app.inject({ method: 'GET', url: '/v1/locations', headers: app.auth(b.key) })).json().items;
    expect(listA.map((l: { id: string }) => l.id)).toEqual([created.json().id]);
    expect(listB).toEqual([]);
  });
});

describe('tenant isolation', () => {
  let app: TestApp;
  let a: { id: string; key: string; slug: string };
  let b: { id: string; key: string; slug: string };
  let aCat: Awaited<ReturnType<typeof setupCatalogue>>;
  let bCat: Awaited<ReturnType<typeof setupCatalogue>>;
  let aResource: { id: string; icalUrl: string };

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set(Date.parse('2030-01-01T12:00:00Z'));
    a = await createTenant(app);
    b = await createTenant(app);
    aCat = await setupCatalogue(app, a.key, { resources: [{ name: 'Ana of A' }] });
    bCat = await setupCatalogue(app, b.key, { resources: [{ name: 'Bia of B' }] });
    aResource = (await app.app.inject({ method: 'GET', url: `/v1/resources/${aCat.resourceIds[0]}`, headers: app.auth(a.key) })).json();
  });

  const asB = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.app.inject({ method, url, headers: app.auth(b.key), ...(payload ? { payload } : {}) });

  it("sanity: A's catalogue is visible to A", async () => {
    const r = await app.app.inject({ method: 'GET', url: `/v1/resources/${aCat.resourceIds[0]}`, headers: app.auth(a.key) });
    expect(r.statusCode).toBe(200);
    const s = await app.app.inject({ method: 'GET', url: `/v1/services/${aCat.serviceId}`, headers: app.auth(a.key) });
    expect(s.statusCode).toBe(200);
    const slots = await app.app.inject({
      method: 'GET', headers: app.auth(a.key),
      url: `/v1/availability?serviceId=${aCat.serviceId}&from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z`,
    });
    expect(slots.statusCode).toBe(200);
    expect(slots.json().slots.length).toBeGreaterThan(0);
  });

  it("gives B 404 (not 403) for A's resource: GET, PATCH, DELETE and schedule PUT", async () => {
    const id = aCat.resourceIds[0]!;
    expectProblem(await asB('GET', `/v1/resources/${id}`), 404, 'NOT_FOUND');
    expectProblem(await asB('PATCH', `/v1/resources/${id}`, { name: 'Hijacked' }), 404, 'NOT_FOUND');
    expectProblem(await asB('PUT', `/v1/resources/${id}/schedule`, { timeZone: 'UTC', weekly: { mon: [['00:00', '24:00']] }, overrides: [] }), 404, 'NOT_FOUND');
    expectProblem(await asB('DELETE', `/v1/resources/${id}`), 404, 'NOT_FOUND');
    // Nothing changed for A.
    const r = (await app.app.inject({ method: 'GET', url: `/v1/resources/${id}`, headers: app.auth(a.key) })).json();
    expect(r.name).toBe('Ana of A');
    expect(r.schedule.timeZone).toBe('America/Sao_Paulo');
    expect(r.schedule.weekly.mon).toEqual([['09:00', '17:00']]);
  });

  it("gives B 404 for A's service: GET and PATCH", async () => {
    expectProblem(await asB('GET', `/v1/services/${aCat.serviceId}`), 404, 'NOT_FOUND');
    expectProblem(await asB('PATCH', `/v1/services/${aCat.serviceId}`, { name: 'Hijacked' }), 404, 'NOT_FOUND');
    const s = (await app.app.inject({ method: 'GET', url: `/v1/services/${aCat.serviceId}`, headers: app.auth(a.key) })).json();
    expect(s.name).toBe('Visit');
  });

  it("gives B 404 for availability and explain with A's serviceId", async () => {
    expectProblem(await asB('GET', `/v1/availability?serviceId=${aCat.serviceId}&from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z`), 404, 'NOT_FOUND');
    expectProblem(await asB('GET', `/v1/availability/explain?serviceId=${aCat.serviceId}&start=2030-01-07T13:00:00Z`), 404, 'NOT_FOUND');
  });

  it("does not let B book, hold or list A's things", async () => {
    const booking = await asB('POST', '/v1/bookings', { serviceId: aCat.serviceId, start: '2030-01-07T13:00:00Z', customer: { name: 'Eve' } });
    expectProblem(booking, 404, 'NOT_FOUND');
    const hold = await asB('POST', '/v1/holds', { serviceId: aCat.serviceId, start: '2030-01-07T13:00:00Z' });
    expectProblem(hold, 404, 'NOT_FOUND');
    expect(await app.db.query(`SELECT 1 FROM bookings WHERE tenant_id = $1`, [a.id])).toHaveLength(0);
    expect(await app.db.query(`SELECT 1 FROM holds WHERE tenant_id = $1`, [a.id])).toHaveLength(0);
  });

  it("gives B 404 for A's booking", async () => {
    const created = await app.app.inject({
      method: 'POST', url: '/v1/bookings', headers: app.auth(a.key),
      payload: { serviceId: aCat.serviceId, start: '2030-01-08T13:00:00Z', customer: { name: 'Alice' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expectProblem(await asB('GET', `/v1/bookings/${id}`), 404, 'NOT_FOUND');
    expectProblem(await asB('POST', `/v1/bookings/${id}/cancel`, {}), 404, 'NOT_FOUND');
    expectProblem(await asB('POST', `/v1/bookings/${id}/reschedule`, { start: '2030-01-08T15:00:00Z' }), 404, 'NOT_FOUND');
    const listB = (await asB('GET', '/v1/bookings')).json().items as { id: string }[];
    expect(listB.map((x) => x.id)).not.toContain(id);
    const still = (await app.app.inject({ method: 'GET', url: `/v1/bookings/${id}`, headers: app.auth(a.key) })).json();
    expect(still.status).not.toBe('cancelled');
    expect(Date.parse(still.start)).toBe(Date.parse('2030-01-08T13:00:00Z'));
  });

  it("refuses a B service that names A's resource (SCHED_UNKNOWN_RESOURCE) and stores nothing", async () => {
    const before = (await asB('GET', '/v1/services')).json().items.length as number;
    const res = await asB('POST', '/v1/services', {
      name: 'Stolen', durationMinutes: 30, price: { amount: 100, currency: 'BRL' }, resourceIds: [aCat.resourceIds[0]],
    });
    const body = expectProblem(res, 400, 'SCHED_UNKNOWN_RESOURCE');
    expect(body.errors!.map((e) => e.path)).toEqual(['requirements[0].resourceIds[0]']);
    expect((await asB('GET', '/v1/services')).json().items).toHaveLength(before);
  });

  it("never lists A's resources or services to B", async () => {
    const resources = (await asB('GET', '/v1/resources')).json().items as { id: string; name: string }[];
    expect(resources.map((r) => r.id)).toEqual(bCat.resourceIds);
    expect(resources.map((r) => r.name)).not.toContain('Ana of A');
    const services = (await asB('GET', '/v1/services')).json().items as { id: string }[];
    expect(services.map((s) => s.id)).toContain(bCat.serviceId);
    expect(services.map((s) => s.id)).not.toContain(aCat.serviceId);
    const ids = JSON.stringify(services);
    expect(ids).not.toContain(aCat.resourceIds[0]);
  });

  it("keeps holidays per tenant", async () => {
    const put = await app.app.inject({
      method: 'PUT', url: '/v1/holidays', headers: app.auth(a.key), payload: { holidays: [{ date: '2030-01-09', name: 'A day off' }] },
    });
    expect(put.statusCode).toBe(200);
    expect((await asB('GET', '/v1/holidays')).json()).toEqual({ holidays: [] });
  });

  it("gives a different tenant's unknown ids the same 404 as truly unknown ids", async () => {
    const foreign = await asB('GET', `/v1/resources/${aCat.resourceIds[0]}`);
    const unknown = await asB('GET', `/v1/resources/${NO_SUCH_ID}`);
    expect(foreign.statusCode).toBe(unknown.statusCode);
    expect(foreign.json().detail).toBe(unknown.json().detail);
  });

  it("serves a resource's iCal feed only through its own secret token", async () => {
    const path = new URL(aResource.icalUrl).pathname;
    expect(path).toMatch(/^\/v1\/ical\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await app.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    const guessed = await app.app.inject({ method: 'GET', url: '/v1/ical/not-the-token.ics' });
    expectProblem(guessed, 404, 'NOT_FOUND');
  });
});
