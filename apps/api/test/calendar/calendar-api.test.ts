import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

// What the dashboard's calendar needs beyond the booking API: resizing a booking and listing holds.
// Tue 2030-01-08, São Paulo (UTC-3): 09:00 local = 12:00Z; hours 09:00–17:00.
const NOW = Date.parse('2030-01-01T12:00:00Z');
const NINE = '2030-01-08T12:00:00Z';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
beforeEach(() => app.clock.set(NOW));

async function tenantWith(opts: Parameters<typeof setupCatalogue>[2] = {}) {
  const { key } = await createTenant(app);
  return setupCatalogue(app, key, opts);
}
const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  app.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

describe('resizing a booking (reschedule with durationMinutes)', () => {
  it('lengthens a booking into free time, and refuses to run into the next one or past closing, naming why', async () => {
    const { serviceId, headers } = await tenantWith({ service: { slotIntervalMinutes: 30 } });
    const first = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'Ana' } })).json();
    const longer = await post(`/v1/bookings/${first.id}/reschedule`, headers, { start: NINE, durationMinutes: 90 });
    expect(longer.statusCode).toBe(200);
    expect(longer.json()).toMatchObject({ start: NINE, end: '2030-01-08T13:30:00Z' });

    // The longer booking now blocks 10:00–10:30 local.
    const clash = await post('/v1/bookings', headers, { serviceId, start: '2030-01-08T13:00:00Z', customer: { name: 'Bia' } });
    expect(clash.statusCode).toBe(409);
    const next = (await post('/v1/bookings', headers, { serviceId, start: '2030-01-08T14:00:00Z', customer: { name: 'Caio' } })).json();

    const into = await post(`/v1/bookings/${first.id}/reschedule`, headers, { start: NINE, durationMinutes: 150 });
    expect(into.statusCode).toBe(409);
    expect(into.json().code).toBe('SCHED_SLOT_UNAVAILABLE');
    expect(into.json().reasons).toContainEqual(expect.objectContaining({ code: 'booked', refId: next.id }));

    const late = await post(`/v1/bookings/${next.id}/reschedule`, headers, { start: '2030-01-08T19:00:00Z', durationMinutes: 90 });
    expect(late.statusCode).toBe(409);
    expect(late.json().reasons.map((r: { code: string }) => r.code)).toContain('outside_hours');

    // Shorter is fine; a move without a length takes the service's again.
    const shorter = await post(`/v1/bookings/${first.id}/reschedule`, headers, { start: NINE, durationMinutes: 30 });
    expect(shorter.json()).toMatchObject({ end: '2030-01-08T12:30:00Z' });
    const moved = await post(`/v1/bookings/${first.id}/reschedule`, headers, { start: '2030-01-08T15:00:00Z' });
    expect(moved.json()).toMatchObject({ start: '2030-01-08T15:00:00Z', end: '2030-01-08T16:00:00Z' });
  });

  it('keeps a group session at the service length', async () => {
    const { serviceId, headers } = await tenantWith({ service: { capacity: 4 } });
    const b = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'Ana' } })).json();
    const res = await post(`/v1/bookings/${b.id}/reschedule`, headers, { start: NINE, durationMinutes: 90 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.durationMinutes' }));
  });
});

describe('GET /v1/holds', () => {
  it('lists the holds standing over a window, per resource, without expired ones', async () => {
    const { serviceId, resourceIds, headers } = await tenantWith({ resources: [{ name: 'A' }, { name: 'B' }] });
    const [a, b] = resourceIds as [string, string];
    const held = (await post('/v1/holds', headers, { serviceId, start: NINE, resourceIds: [a], ttlSeconds: 300 })).json();
    await post('/v1/holds', headers, { serviceId, start: '2030-01-09T12:00:00Z', resourceIds: [b], ttlSeconds: 60 });
    const list = (q: string) => app.app.inject({ url: `/v1/holds?${q}`, headers });

    const day = await list('from=2030-01-08T03:00:00Z&to=2030-01-09T03:00:00Z');
    expect(day.statusCode).toBe(200);
    expect(day.json().items).toEqual([{ id: held.id, serviceId, start: NINE, end: '2030-01-08T13:00:00Z', resourceIds: [a], seats: 1, expiresAt: held.expiresAt }]);
    expect((await list(`from=2030-01-08T00:00:00Z&to=2030-01-10T00:00:00Z&resourceId=${b}`)).json().items).toHaveLength(1);

    app.clock.set(NOW + 120_000); // the 60-second hold is gone, the 5-minute one stands
    expect((await list('from=2030-01-08T00:00:00Z&to=2030-01-10T00:00:00Z')).json().items.map((h: { id: string }) => h.id)).toEqual([held.id]);
    expect((await list('from=2030-01-10T00:00:00Z&to=2030-01-08T00:00:00Z')).statusCode).toBe(400);
  });

  it('shows one tenant none of another tenant\'s holds', async () => {
    const one = await tenantWith();
    const other = await tenantWith();
    await post('/v1/holds', one.headers, { serviceId: one.serviceId, start: NINE });
    const res = await app.app.inject({ url: '/v1/holds?from=2030-01-08T00:00:00Z&to=2030-01-09T00:00:00Z', headers: other.headers });
    expect(res.json().items).toEqual([]);
  });
});
