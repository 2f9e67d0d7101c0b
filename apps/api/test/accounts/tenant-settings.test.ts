import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';
import { inviteAndJoin, type SignedIn } from '../harness/staff';

let app: TestApp;
let tenant: { id: string; key: string };
let other: { id: string; key: string };
let manager: SignedIn;
let agent: SignedIn;

const as = (person: SignedIn) => ({ headers: person.headers, cookies: person.cookies });
const patch = (url: string, person: SignedIn, payload: Record<string, unknown>) => app.app.inject({ method: 'PATCH', url, payload, ...as(person) });

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(Date.parse('2026-11-23T10:00:00Z'));
  tenant = await createTenant(app, { timeZone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL' });
  other = await createTenant(app);
  manager = await inviteAndJoin(app, app.auth(tenant.key), { email: 'gerente@sol.test', role: 'manager' });
  agent = await inviteAndJoin(app, app.auth(tenant.key), { email: 'agente@sol.test', role: 'agent' });
});

describe('PATCH /v1/tenant', () => {
  it('lets a manager change the name, zone and language; the change is in the audit trail', async () => {
    const res = await patch('/v1/tenant', manager, { name: '  Clínica Sol Leste ', timeZone: 'America/Argentina/Buenos_Aires', locale: 'es-AR' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: tenant.id, name: 'Clínica Sol Leste', timeZone: 'America/Argentina/Buenos_Aires', locale: 'es-AR', currency: 'BRL' });
    const again = await app.app.inject({ url: '/v1/tenant', headers: app.auth(tenant.key) });
    expect(again.json()).toEqual(res.json());

    const partial = await patch('/v1/tenant', manager, { locale: 'pt-BR' });
    expect(partial.json()).toMatchObject({ name: 'Clínica Sol Leste', timeZone: 'America/Argentina/Buenos_Aires', locale: 'pt-BR' });

    await app.audit.service.flushed();
    const audit = (await app.app.inject({ url: '/v1/audit', headers: app.auth(tenant.key) })).json().items as { action: string }[];
    expect(audit.filter((e) => e.action === 'PATCH /v1/tenant')).toHaveLength(2);
  });

  it('keeps every booking at its instant when the zone changes (bookings are stored in UTC)', async () => {
    const location = (await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(tenant.key), payload: { name: 'Centro' } })).json();
    const resource = (await app.app.inject({ method: 'POST', url: '/v1/resources', headers: app.auth(tenant.key),
      payload: { name: 'Dra. Ana', kind: 'staff', timeZone: 'America/Sao_Paulo', locationId: location.id } })).json();
    await app.app.inject({ method: 'PUT', url: `/v1/resources/${resource.id}/schedule`, headers: app.auth(tenant.key),
      payload: { timeZone: 'America/Sao_Paulo', weekly: { tue: [['09:00', '17:00']] } } });
    const service = (await app.app.inject({ method: 'POST', url: '/v1/services', headers: app.auth(tenant.key),
      payload: { name: 'Consulta', durationMinutes: 30, price: { amount: 15000, currency: 'BRL' }, resourceIds: [resource.id] } })).json();
    const booked = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(tenant.key),
      payload: { serviceId: service.id, start: '2026-11-24T12:00:00Z', customer: { name: 'Rita' }, sourceChannel: 'dashboard' } });
    expect(booked.statusCode, booked.body).toBe(201);

    expect((await patch('/v1/tenant', manager, { timeZone: 'Asia/Tokyo' })).statusCode).toBe(200);
    const after = (await app.app.inject({ url: `/v1/bookings/${booked.json().id}`, headers: app.auth(tenant.key) })).json();
    expect(Date.parse(after.start)).toBe(Date.parse('2026-11-24T12:00:00Z'));
    // Hours stay on the resource's own clock: 09:00 in São Paulo is still 12:00 UTC.
    const q = new URLSearchParams({ serviceId: service.id, from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' });
    const slots = (await app.app.inject({ url: `/v1/availability?${q}`, headers: app.auth(tenant.key) })).json().slots as { start: string }[];
    expect(Date.parse(slots[0]!.start)).toBe(Date.parse('2026-12-01T12:00:00Z'));
  });

  it('refuses a zone that is not IANA, a currency or slug change, and an agent', async () => {
    const zone = expectProblem(await patch('/v1/tenant', manager, { timeZone: 'Mars/Olympus' }), 400, 'VALIDATION_FAILED');
    expect(zone.errors?.map((e) => e.path)).toEqual(['timeZone']);
    expectProblem(await patch('/v1/tenant', manager, { currency: 'USD' }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch('/v1/tenant', manager, { slug: 'elsewhere' }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch('/v1/tenant', manager, { name: '   ' }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch('/v1/tenant', agent, { name: 'Mine now' }), 403, 'FORBIDDEN');
    expect((await app.app.inject({ url: '/v1/tenant', headers: app.auth(tenant.key) })).json()).toMatchObject({ currency: 'BRL', name: 'Clínica Sol Leste' });
  });
});

describe('GET and PATCH /v1/locations/:id', () => {
  it('renames, readdresses, clears the address and moves the zone of a location', async () => {
    const created = (await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(tenant.key),
      payload: { name: 'Filial', address: 'Rua A, 1', timeZone: 'America/Sao_Paulo' } })).json();
    const res = await patch(`/v1/locations/${created.id}`, manager, { name: 'Filial Norte', address: 'Rua B, 2' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...created, name: 'Filial Norte', address: 'Rua B, 2' });
    const moved = await patch(`/v1/locations/${created.id}`, manager, { address: null, timeZone: 'America/Manaus' });
    expect(moved.json()).toMatchObject({ name: 'Filial Norte', address: null, timeZone: 'America/Manaus' });
    const read = await app.app.inject({ url: `/v1/locations/${created.id}`, ...as(agent) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(moved.json());
  });

  it("answers 404 for another tenant's location and refuses bad zones and agents", async () => {
    const theirs = (await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(other.key), payload: { name: 'Theirs' } })).json();
    expectProblem(await patch(`/v1/locations/${theirs.id}`, manager, { name: 'Ours' }), 404, 'NOT_FOUND');
    expectProblem(await app.app.inject({ url: `/v1/locations/${theirs.id}`, ...as(manager) }), 404, 'NOT_FOUND');
    const ours = (await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(tenant.key), payload: { name: 'Ours' } })).json();
    const bad = expectProblem(await patch(`/v1/locations/${ours.id}`, manager, { timeZone: 'GMT+3' }), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.map((e) => e.path)).toEqual(['timeZone']);
    expectProblem(await patch(`/v1/locations/${ours.id}`, agent, { name: 'Nope' }), 403, 'FORBIDDEN');
    const theirsAfter = (await app.app.inject({ url: `/v1/locations/${theirs.id}`, headers: app.auth(other.key) })).json();
    expect(theirsAfter.name).toBe('Theirs');
  });
});
