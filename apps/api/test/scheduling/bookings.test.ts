import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

// Tue 2030-01-08, São Paulo (UTC-3): 09:00 local = 12:00Z.
const NOW = Date.parse('2030-01-01T12:00:00Z');
const NINE = '2030-01-08T12:00:00Z';
const TEN = '2030-01-08T13:00:00Z';

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

describe('booking a slot', () => {
  it('books, then refuses the same resource and time with a 409 naming the booking', async () => {
    const { serviceId, resourceIds, headers } = await tenantWith();
    const first = await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'Ana', phone: '+5511987654321' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'confirmed', start: NINE, end: '2030-01-08T13:00:00Z', resourceIds, price: { amount: 10000, currency: 'BRL' } });

    const second = await post('/v1/bookings', headers, { serviceId, start: '2030-01-08T12:30:00Z', resourceIds, customer: { name: 'Bia' } });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().code).toBe('SCHED_SLOT_UNAVAILABLE');
    expect(second.json().reasons).toContainEqual(expect.objectContaining({ code: 'booked', refId: first.json().id }));
  });

  it('gives "any available" the next free resource', async () => {
    const { serviceId, resourceIds, headers } = await tenantWith({ resources: [{ name: 'A' }, { name: 'B' }] });
    const a = await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'One' } });
    const b = await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'Two' } });
    const c = await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'Three' } });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 409]);
    expect(new Set([a.json().resourceIds[0], b.json().resourceIds[0]])).toEqual(new Set(resourceIds));
  });

  it('keeps buffers free and explains a buffer conflict', async () => {
    const { serviceId, headers } = await tenantWith({ service: { bufferAfterMinutes: 30 } });
    expect((await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } })).statusCode).toBe(201);
    const explain = await app.app.inject({ url: `/v1/availability/explain?serviceId=${serviceId}&start=${TEN}`, headers });
    expect(explain.json().bookable).toBe(false);
    expect(explain.json().reasons.map((r: { code: string }) => r.code)).toContain('buffer');
    const slots = await app.app.inject({ url: `/v1/availability?serviceId=${serviceId}&from=2030-01-08T00:00:00Z&to=2030-01-09T00:00:00Z`, headers });
    expect(slots.json().slots.map((s: { localStart: string }) => s.localStart.slice(11))).toEqual(['11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('refuses times outside hours, before the notice and past the horizon with reasons', async () => {
    const { serviceId, headers } = await tenantWith({ service: { minNoticeMinutes: 48 * 60, horizonDays: 30 } });
    const cases: [string, string][] = [
      ['2030-01-08T21:00:00Z', 'outside_hours'],
      ['2030-01-02T12:00:00Z', 'notice'],
      ['2030-03-05T12:00:00Z', 'horizon'],
    ];
    for (const [start, code] of cases) {
      const res = await post('/v1/bookings', headers, { serviceId, start, customer: { name: 'X' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().reasons.map((r: { code: string }) => r.code)).toContain(code);
    }
  });

  it('charges the price snapshot even if the price changes later', async () => {
    const { serviceId, headers } = await tenantWith();
    const booked = await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } });
    await app.app.inject({ method: 'PATCH', url: `/v1/services/${serviceId}`, headers, payload: { price: { amount: 99900, currency: 'BRL' } } });
    const again = await app.app.inject({ url: `/v1/bookings/${booked.json().id}`, headers });
    expect(again.json().price).toEqual({ amount: 10000, currency: 'BRL' });
  });
});

describe('changing a booking', () => {
  it('cancels and frees the slot; a cancelled booking cannot be cancelled again', async () => {
    const { serviceId, headers } = await tenantWith();
    const booked = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } })).json();
    const cancelled = await post(`/v1/bookings/${booked.id}/cancel`, headers, { reason: 'sick' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancellationReason: 'sick' });
    expect((await post(`/v1/bookings/${booked.id}/cancel`, headers, {})).json().code).toBe('SCHED_BOOKING_NOT_ACTIVE');
    expect((await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'B' } })).statusCode).toBe(201);
  });

  it('reschedules into a free time and frees the old one', async () => {
    const { serviceId, headers } = await tenantWith();
    const booked = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } })).json();
    const moved = await post(`/v1/bookings/${booked.id}/reschedule`, headers, { start: TEN });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: booked.id, start: TEN, status: 'confirmed' });
    expect((await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'B' } })).statusCode).toBe(201);
    expect((await post(`/v1/bookings/${booked.id}/reschedule`, headers, { start: NINE })).statusCode).toBe(409);
  });

  it('moves a booking by half an hour onto its own former time', async () => {
    const { serviceId, headers } = await tenantWith({ service: { slotIntervalMinutes: 30 } });
    const booked = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } })).json();
    const moved = await post(`/v1/bookings/${booked.id}/reschedule`, headers, { start: '2030-01-08T12:30:00Z' });
    expect(moved.statusCode).toBe(200);
  });

  it('enforces the cancellation window unless overridden', async () => {
    const { serviceId, headers } = await tenantWith({ service: { cancellationWindowMinutes: 180 } });
    const booked = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } })).json();
    app.clock.set(Date.parse(NINE) - 60 * 60_000);
    const late = await post(`/v1/bookings/${booked.id}/cancel`, headers, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SCHED_CANCELLATION_WINDOW');
    expect((await post(`/v1/bookings/${booked.id}/reschedule`, headers, { start: TEN })).json().code).toBe('SCHED_CANCELLATION_WINDOW');
    expect((await post(`/v1/bookings/${booked.id}/cancel`, headers, { overridePolicy: true })).json().status).toBe('cancelled');
  });

  it('records attendance: completed and no-show, but not back to active from cancelled', async () => {
    const { serviceId, headers } = await tenantWith();
    const booked = (await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'A' } })).json();
    const patch = (status: string) => app.app.inject({ method: 'PATCH', url: `/v1/bookings/${booked.id}`, headers, payload: { status } });
    expect((await patch('no_show')).json().status).toBe('no_show');
    await post(`/v1/bookings/${booked.id}/cancel`, headers, {});
    expect((await patch('completed')).json().status).toBe('completed');
    const other = (await post('/v1/bookings', headers, { serviceId, start: TEN, customer: { name: 'B' } })).json();
    await post(`/v1/bookings/${other.id}/cancel`, headers, {});
    expect((await app.app.inject({ method: 'PATCH', url: `/v1/bookings/${other.id}`, headers, payload: { status: 'confirmed' } })).statusCode).toBe(409);
  });
});

describe('Idempotency-Key', () => {
  it('returns the same booking for the same key and body, and refuses another body', async () => {
    const { serviceId, headers } = await tenantWith();
    const body = { serviceId, start: NINE, customer: { name: 'A' } };
    const h = { ...headers, 'idempotency-key': 'k-1' };
    const first = await post('/v1/bookings', h, body);
    const again = await post('/v1/bookings', h, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post('/v1/bookings', h, { ...body, start: TEN });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const count = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings`);
    expect(count[0]!.n).toBeGreaterThanOrEqual(1);
    const mine = await app.app.inject({ url: '/v1/bookings', headers });
    expect(mine.json().items).toHaveLength(1);
  });

  it('creates one booking when the same request is sent twenty times at once', async () => {
    const { serviceId, headers } = await tenantWith();
    const h = { ...headers, 'idempotency-key': 'burst' };
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      post('/v1/bookings', h, { serviceId, start: NINE, customer: { name: 'A' } })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect((await app.app.inject({ url: '/v1/bookings', headers })).json().items).toHaveLength(1);
  });
});

describe('holds', () => {
  it('blocks others until confirmed; the hold becomes the booking', async () => {
    const { serviceId, headers } = await tenantWith();
    const hold = await post('/v1/holds', headers, { serviceId, start: NINE, ttlSeconds: 300 });
    expect(hold.statusCode).toBe(201);
    expect(hold.json().expiresAt).toBe('2030-01-01T12:05:00Z');
    const blocked = await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'B' } });
    expect(blocked.json().reasons.map((r: { code: string }) => r.code)).toContain('hold');
    const confirmed = await post('/v1/bookings', headers, { serviceId, start: NINE, holdId: hold.json().id, customer: { name: 'A' } });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().resourceIds).toEqual(hold.json().resourceIds);
    expect((await app.app.inject({ url: `/v1/holds/${hold.json().id}`, headers })).statusCode).toBe(404);
  });

  it('stops counting as busy once expired, and cannot then be confirmed', async () => {
    const { serviceId, headers } = await tenantWith();
    const hold = (await post('/v1/holds', headers, { serviceId, start: NINE, ttlSeconds: 60 })).json();
    app.clock.advance(61_000);
    const late = await post('/v1/bookings', headers, { serviceId, start: NINE, holdId: hold.id, customer: { name: 'A' } });
    expect(late.json().code).toBe('SCHED_HOLD_EXPIRED');
    expect((await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'B' } })).statusCode).toBe(201);
  });

  it('is swept from the tables once expired', async () => {
    const { id: tenantId, key } = await createTenant(app);
    const { serviceId, headers } = await setupCatalogue(app, key);
    await post('/v1/holds', headers, { serviceId, start: NINE, ttlSeconds: 60 });
    const count = async () => (await app.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM holds WHERE tenant_id = $1) + (SELECT count(*) FROM allocations WHERE tenant_id = $1) AS n`, [tenantId]))[0]!.n;
    await app.scheduling.holds.sweepExpired([tenantId]);
    expect(Number(await count())).toBe(2);
    app.clock.advance(61_000);
    await app.scheduling.holds.sweepExpired([tenantId]);
    expect(Number(await count())).toBe(0);
  });

  it('is released on delete', async () => {
    const { serviceId, headers } = await tenantWith();
    const hold = (await post('/v1/holds', headers, { serviceId, start: NINE })).json();
    expect((await app.app.inject({ method: 'DELETE', url: `/v1/holds/${hold.id}`, headers })).statusCode).toBe(204);
    expect((await post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'B' } })).statusCode).toBe(201);
  });
});

describe('seats', () => {
  it('never sells more seats than the capacity', async () => {
    const { serviceId, headers } = await tenantWith({ service: { capacity: 3 } });
    const sizes = [2, 1, 1];
    const results = [];
    for (const seats of sizes) results.push(await post('/v1/bookings', headers, { serviceId, start: NINE, seats, customer: { name: 'S' } }));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 409]);
    const slots = await app.app.inject({ url: `/v1/availability?serviceId=${serviceId}&from=${NINE}&to=${TEN}`, headers });
    expect(slots.json().slots).toEqual([]);
    await post(`/v1/bookings/${results[1]!.json().id}/cancel`, headers, {});
    const reopened = await app.app.inject({ url: `/v1/availability?serviceId=${serviceId}&from=${NINE}&to=${TEN}`, headers });
    expect(reopened.json().slots[0]).toMatchObject({ start: NINE, seatsLeft: 1 });
  });

  it('lets exactly capacity seats through when many race', async () => {
    const { serviceId, headers } = await tenantWith({ service: { capacity: 5 } });
    const results = await Promise.all(Array.from({ length: 30 }, () =>
      post('/v1/bookings', headers, { serviceId, start: NINE, customer: { name: 'S' } })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    const taken = await app.db.query<{ seats_taken: number }>(`SELECT seats_taken FROM seat_sessions`);
    expect(taken.map((r) => r.seats_taken)).toContain(5);
  });
});
