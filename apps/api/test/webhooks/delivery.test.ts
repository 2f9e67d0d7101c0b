import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { verifySignature } from '../../src/modules/webhooks/domain/signature';
import type { DomainEvent } from '../../src/platform/events/bus';
import { JOB_QUEUE_SCHEMA } from '../../src/platform/db/migrate';
import { startReceiver, until, type Receiver } from './receiver';

const NINE = '2030-01-08T12:00:00Z';
const TEN = '2030-01-08T13:00:00Z';
const TIMEOUT_MS = 500;

let app: TestApp;
let receiver: Receiver;
const logs: string[] = [];
beforeAll(async () => {
  receiver = await startReceiver();
  // The receiver is on 127.0.0.1, so these tests run as an operator who allows private destinations.
  app = await startTestApp({
    workers: true, logStream: { write: (line) => void logs.push(line) },
    config: { logLevel: 'debug', webhooks: { allowPrivate: true, timeoutMs: TIMEOUT_MS, retryBaseMs: 200 } },
  });
  app.clock.set(Date.parse('2030-01-01T12:00:00Z'));
});
afterAll(() => receiver.close());

async function tenantWithEndpoint(path: string, events: string[] = ['*']) {
  const tenant = await createTenant(app);
  const headers = app.auth(tenant.key);
  const res = await app.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: { url: receiver.url(path), events } });
  expect(res.statusCode, res.body).toBe(201);
  return { ...tenant, headers, endpoint: res.json() as { id: string; secret: string } };
}
const book = async (key: string, start = NINE) => {
  const { serviceId, headers } = await setupCatalogue(app, key);
  const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers, payload: { serviceId, start, customer: { name: 'Ana' } } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const deliveries = async (headers: Record<string, string>, endpointId: string) => {
  const res = await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${endpointId}/deliveries`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; eventId: number; eventType: string; status: string; lastError: string | null;
    attempts: { number: number; responseStatus: number | null; responseBody: string | null; error: string | null; durationMs: number }[] }[];
};
const settled = (headers: Record<string, string>, endpointId: string, status: string) =>
  until(async () => (await deliveries(headers, endpointId)).find((d) => d.status === status));
const mac = (secret: string) => (payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

describe('outgoing webhooks', () => {
  it('delivers a booking made over HTTP, signed with the endpoint secret, once per event', async () => {
    const { key, id: tenantId, headers, endpoint } = await tenantWithEndpoint('/booked');
    const bookingId = await book(key);
    const [request] = await until(() => (receiver.to('/booked').length ? receiver.to('/booked') : undefined));
    const body = JSON.parse(request!.raw);
    expect(body).toMatchObject({ type: 'booking.created', tenantId, data: { subjectId: bookingId, status: 'confirmed' } });
    expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'tenantId', 'data']);
    expect(request!.headers).toMatchObject({
      'user-agent': 'Frontdesk-Webhooks/1', 'frontdesk-event-id': String(body.id), 'frontdesk-event-type': 'booking.created',
      'content-type': 'application/json',
    });
    const header = request!.headers['frontdesk-signature'] as string;
    const nowSeconds = Math.floor(app.clock.now() / 1000);
    expect(verifySignature({ header, body: request!.raw, nowSeconds, toleranceSeconds: 300, mac: mac(endpoint.secret) })).toEqual({ ok: true });
    expect(verifySignature({ header, body: request!.raw, nowSeconds, toleranceSeconds: 300, mac: mac('whsec_wrong') }).ok).toBe(false);
    const [delivery] = await until(async () => {
      const list = await deliveries(headers, endpoint.id);
      return list[0]?.status === 'succeeded' ? list : undefined;
    });
    expect(delivery).toMatchObject({ eventId: body.id, eventType: 'booking.created', attempts: [{ number: 1, responseStatus: 200, responseBody: 'ok', error: null }] });

    // The bus hands the same event to this consumer again (a job that ran twice): nothing new is sent.
    const [event] = (await app.events.about(tenantId, bookingId)) as DomainEvent[];
    await app.jobs.send('events.webhooks', event!);
    await app.jobs.send('events.webhooks', event!);
    await until(async () => {
      const [row] = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'events.webhooks' AND state = 'completed' AND (data->>'id')::bigint = $1`, [event!.id]);
      return row!.n === 3 || undefined;
    });
    expect(await deliveries(headers, endpoint.id)).toHaveLength(1);
    expect(receiver.to('/booked')).toHaveLength(1);
  });

  it('sends each endpoint only the event types it subscribed to', async () => {
    const { key, headers, endpoint: all } = await tenantWithEndpoint('/all');
    const cancels = await app.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: { url: receiver.url('/cancels'), events: ['booking.cancelled'] } });
    const bookingId = await book(key);
    await app.app.inject({ method: 'POST', url: `/v1/bookings/${bookingId}/reschedule`, headers, payload: { start: TEN } });
    await app.app.inject({ method: 'POST', url: `/v1/bookings/${bookingId}/cancel`, headers, payload: { reason: 'ill' } });
    await until(() => receiver.to('/all').length >= 3 || undefined);
    await until(() => receiver.to('/cancels').length >= 1 || undefined);
    expect(receiver.to('/all').map((r) => JSON.parse(r.raw).type).sort()).toEqual(['booking.cancelled', 'booking.created', 'booking.rescheduled']);
    expect(receiver.to('/cancels').map((r) => JSON.parse(r.raw).type)).toEqual(['booking.cancelled']);
    expect((await deliveries(headers, cancels.json().id)).map((d) => d.eventType)).toEqual(['booking.cancelled']);
    expect(await deliveries(headers, all.id)).toHaveLength(3);
  });

  it('retries a 500 and keeps both attempts, with what the receiver said', async () => {
    receiver.script('/flaky', { status: 500, body: `down for maintenance ${'x'.repeat(3000)}` }, { status: 200, body: 'thanks' });
    const { key, headers, endpoint } = await tenantWithEndpoint('/flaky');
    await book(key);
    const delivery = await settled(headers, endpoint.id, 'succeeded');
    expect(delivery.attempts.map((a) => [a.number, a.responseStatus, a.error])).toEqual([[1, 500, null], [2, 200, null]]);
    expect(delivery.attempts[0]!.responseBody).toMatch(/^down for maintenance x+$/);
    expect(Buffer.byteLength(delivery.attempts[0]!.responseBody!)).toBe(2048);
    expect(delivery.attempts[1]!.responseBody).toBe('thanks');
    const [first, second] = receiver.to('/flaky');
    expect(second!.raw).toBe(first!.raw); // the same body and event id on every attempt
    expect(second!.headers['frontdesk-event-id']).toBe(first!.headers['frontdesk-event-id']);
  });

  it('gives up on a slow receiver after the timeout and tries again', async () => {
    receiver.script('/slow', { status: 200, delayMs: TIMEOUT_MS * 4 }, { status: 204 });
    const { key, headers, endpoint } = await tenantWithEndpoint('/slow');
    await book(key);
    const delivery = await settled(headers, endpoint.id, 'succeeded');
    expect(delivery.attempts.map((a) => [a.responseStatus, a.error])).toEqual([[null, `timed out after ${TIMEOUT_MS} ms`], [204, null]]);
    expect(delivery.attempts[0]!.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(delivery.attempts[0]!.durationMs).toBeLessThan(TIMEOUT_MS * 4);
  });

  it('disables an endpoint that answers 410 Gone; once enabled again, a delivery can be retried', async () => {
    receiver.script('/gone', { status: 410, body: 'no such hook' });
    const { key, headers, endpoint } = await tenantWithEndpoint('/gone');
    await book(key);
    const dead = await settled(headers, endpoint.id, 'dead');
    expect(dead.attempts).toHaveLength(1);
    expect(dead.lastError).toMatch(/410/);
    const disabled = (await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${endpoint.id}`, headers })).json();
    expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410/) });
    expect((await app.app.inject({ method: 'POST', url: `/v1/webhook-deliveries/${dead.id}/retry`, headers })).json().code).toBe('WEBHOOK_ENDPOINT_DISABLED');
    expect((await app.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/test`, headers })).statusCode).toBe(409);

    const enabled = await app.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${endpoint.id}`, headers, payload: { enabled: true } });
    expect(enabled.json()).toMatchObject({ enabled: true, disabledReason: null });
    const retried = await app.app.inject({ method: 'POST', url: `/v1/webhook-deliveries/${dead.id}/retry`, headers });
    expect(retried.statusCode, retried.body).toBe(202);
    const ok = await settled(headers, endpoint.id, 'succeeded');
    expect(ok.attempts.map((a) => a.responseStatus)).toEqual([410, 200]);
    expect(receiver.to('/gone')).toHaveLength(2);
  });

  it('sends a webhook.test event to the one endpoint asked', async () => {
    const { headers, endpoint } = await tenantWithEndpoint('/tested');
    const other = await app.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: { url: receiver.url('/not-tested') } });
    const res = await app.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/test`, headers });
    expect(res.statusCode, res.body).toBe(202);
    const [request] = await until(() => (receiver.to('/tested').length ? receiver.to('/tested') : undefined));
    expect(JSON.parse(request!.raw)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
    await settled(headers, endpoint.id, 'succeeded');
    expect(await deliveries(headers, other.json().id)).toEqual([]);
    expect(receiver.to('/not-tested')).toEqual([]);
  });

  it('never shows or logs the signing secret; rotating it signs with the new one', async () => {
    const { headers, endpoint } = await tenantWithEndpoint('/secret');
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const rotated = await app.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, headers });
    const fresh = rotated.json().secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(endpoint.secret);
    const reads = [
      await app.app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers }),
      await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${endpoint.id}`, headers }),
      await app.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${endpoint.id}`, headers, payload: { description: 'CRM' } }),
    ];
    await app.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/test`, headers });
    const [request] = await until(() => (receiver.to('/secret').length ? receiver.to('/secret') : undefined));
    const nowSeconds = Math.floor(app.clock.now() / 1000);
    const check = (secret: string) => verifySignature({ header: request!.headers['frontdesk-signature'] as string, body: request!.raw, nowSeconds, toleranceSeconds: 300, mac: mac(secret) });
    expect(check(fresh)).toEqual({ ok: true });
    expect(check(endpoint.secret)).toEqual({ ok: false, reason: 'mismatch' });
    await settled(headers, endpoint.id, 'succeeded');
    reads.push(await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${endpoint.id}/deliveries`, headers }));
    for (const res of reads) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('whsec_');
      expect(res.json()).not.toHaveProperty('secret');
    }
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(endpoint.secret);
    expect(logs.join('\n')).not.toContain(fresh);
  });

  it("answers 404 for another tenant's endpoints and deliveries", async () => {
    const { headers, endpoint } = await tenantWithEndpoint('/mine');
    await app.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/test`, headers });
    const delivery = await settled(headers, endpoint.id, 'succeeded');
    const stranger = app.auth((await createTenant(app)).key);
    const base = `/v1/webhook-endpoints/${endpoint.id}`;
    for (const [method, url, payload] of [
      ['GET', base], ['PATCH', base, { enabled: false }], ['DELETE', base], ['POST', `${base}/test`], ['POST', `${base}/rotate-secret`],
      ['GET', `${base}/deliveries`], ['GET', `/v1/webhook-deliveries/${delivery.id}`], ['POST', `/v1/webhook-deliveries/${delivery.id}/retry`],
    ] as const) {
      const res = await app.app.inject({ method, url, headers: stranger, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await app.app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: stranger })).json().items).toEqual([]);
    expect((await app.app.inject({ method: 'GET', url: base, headers })).json().enabled).toBe(true);
  });
});
