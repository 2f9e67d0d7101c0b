import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { until } from '../harness/wait';
import type { DomainEvent } from '../../src/platform/events/bus';

const NINE = '2030-01-08T12:00:00Z';
const TEN = '2030-01-08T13:00:00Z';

let app: TestApp;
const seen: DomainEvent[] = [];
let failOnce = true;
beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(Date.parse('2030-01-01T12:00:00Z'));
  app.events.subscribe('test-bookings', ['booking.created', 'booking.rescheduled', 'booking.cancelled'], async (event) => {
    seen.push(event);
  });
  // A consumer that fails its first job is retried on its own; the other consumer is not held up.
  app.events.subscribe('test-flaky', ['booking.created'], async () => {
    if (failOnce) {
      failOnce = false;
      throw new Error('first try fails');
    }
    seen.push({ ...({} as DomainEvent), type: 'flaky.ok' });
  });
  await app.startWorkers();
});


describe('the event bus', () => {
  it('publishes every booking change in the booking\'s own transaction and hands it to each subscriber', async () => {
    const { key, id: tenantId } = await createTenant(app);
    const { serviceId, headers } = await setupCatalogue(app, key);
    const created = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers, payload: { serviceId, start: NINE, customer: { name: 'Ana' } } });
    expect(created.statusCode).toBe(201);
    const bookingId = created.json().id as string;
    await app.app.inject({ method: 'POST', url: `/v1/bookings/${bookingId}/reschedule`, headers, payload: { start: TEN } });
    await app.app.inject({ method: 'POST', url: `/v1/bookings/${bookingId}/cancel`, headers, payload: { reason: 'ill' } });

    const mine = await until(() => {
      const list = seen.filter((e) => e.subjectId === bookingId);
      return list.length === 3 ? list : undefined;
    });
    expect(mine.map((e) => e.type).sort()).toEqual(['booking.cancelled', 'booking.created', 'booking.rescheduled']);
    expect(mine.every((e) => e.tenantId === tenantId)).toBe(true);
    const moved = mine.find((e) => e.type === 'booking.rescheduled')!;
    expect(new Date(moved.data.startAt as string).toISOString()).toBe('2030-01-08T13:00:00.000Z');
    expect(new Date(moved.data.previousStartAt as string).toISOString()).toBe('2030-01-08T12:00:00.000Z');
    expect((await app.events.about(tenantId, bookingId)).map((e) => e.type)).toEqual(['booking.created', 'booking.rescheduled', 'booking.cancelled']);
    await until(() => seen.find((e) => e.type === 'flaky.ok'), 30_000);
  });

  it('writes no event for a change that rolls back', async () => {
    const { key, id: tenantId } = await createTenant(app);
    const { serviceId, headers } = await setupCatalogue(app, key);
    expect((await app.app.inject({ method: 'POST', url: '/v1/bookings', headers, payload: { serviceId, start: NINE, customer: { name: 'A' } } })).statusCode).toBe(201);
    // The same slot again: the insert fails on the exclusion constraint, and its event with it.
    expect((await app.app.inject({ method: 'POST', url: '/v1/bookings', headers, payload: { serviceId, start: NINE, customer: { name: 'B' } } })).statusCode).toBe(409);
    const rows = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND type = 'booking.created'`, [tenantId]);
    expect(rows[0]!.n).toBe(1);
  });
});
