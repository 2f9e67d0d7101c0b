import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { about, bearer, bookableTenant, follow as followAt, type Tenant } from './fixtures';
import type { SseClient } from './sse-client';

let app: TestApp;
let base: string;
let a: Tenant;
const follow = (headers: Record<string, string>): Promise<SseClient> => followAt(base, headers);

beforeAll(async () => {
  app = await startTestApp();
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  a = await bookableTenant(app);
});

describe('what the live stream carries, and to whom', () => {
  it('delivers a booking the assistant made in the web chat', async () => {
    const kumon = await seedTenant(app, 'kumon-vila-a');
    await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: bearer(kumon.key), payload: { required: false } });
    const stream = await follow(bearer(kumon.key));
    app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
    try {
      const chat = (await app.app.inject({ method: 'POST', url: `/v1/chat/${kumon.slug}/conversations` })).json();
      for (const text of ['Oi, queria marcar uma avaliação na sexta de manhã', 'a primeira', 'Maria Souza', 'sim']) {
        const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${kumon.slug}/conversations/${chat.conversationId}/messages`,
          headers: bearer(chat.token), payload: { text } });
        expect(res.statusCode, res.body).toBe(200);
      }
    } finally {
      app.clock.useRealTime();
    }
    await stream.until(() => stream.changes().some((c) => c.type === 'booking.created'));
    const created = stream.changes().find((c) => c.type === 'booking.created')!;
    expect(created.data.sourceChannel).toBe('web');
    const types = stream.changes().map((c) => c.type);
    expect(types).toEqual(expect.arrayContaining(['message.received', 'message.sent', 'hold.placed', 'hold.released']));
    expect(JSON.stringify(stream.events)).not.toContain('Maria Souza');
    stream.close();
  });

  it('shows holds placed and released, and a conversation taken over and handed back', async () => {
    const stream = await follow(bearer(a.key));
    const hold = (await app.app.inject({ method: 'POST', url: '/v1/holds', headers: bearer(a.key), payload: { serviceId: a.serviceId, start: a.slots.shift() } })).json();
    expect((await app.app.inject({ method: 'DELETE', url: `/v1/holds/${hold.id}`, headers: bearer(a.key) })).statusCode).toBeLessThan(300);
    const chat = (await app.app.inject({ method: 'POST', url: `/v1/chat/${a.slug}/conversations` })).json();
    await app.app.inject({ method: 'POST', url: `/v1/conversations/${chat.conversationId}/takeover`, headers: bearer(a.key), payload: { minutes: 30 } });
    await app.app.inject({ method: 'POST', url: `/v1/conversations/${chat.conversationId}/handback`, headers: bearer(a.key) });
    await stream.until(() => about(stream, chat.conversationId).some((c) => c.type === 'conversation.handed_back'));

    expect(about(stream, hold.id).map((c) => c.type)).toEqual(['hold.placed', 'hold.released']);
    expect(about(stream, hold.id)[0]!.data).toMatchObject({ serviceId: a.serviceId, resourceIds: expect.any(Array) });
    expect(about(stream, chat.conversationId).map((c) => c.type)).toEqual(['message.sent', 'conversation.taken_over', 'conversation.handed_back']);
    stream.close();
  });

  it('gives a scoped key only the events its scopes may read', async () => {
    const created = await app.app.inject({ method: 'POST', url: '/v1/api-keys', headers: bearer(a.key), payload: { name: 'calendar', scopes: ['tenant.read', 'bookings.read'] } });
    const scoped = await follow(bearer(created.json().key));
    const full = await follow(bearer(a.key));
    const chat = (await app.app.inject({ method: 'POST', url: `/v1/chat/${a.slug}/conversations` })).json();
    const booking = await a.book();
    await full.until(() => about(full, chat.conversationId).length > 0 && about(full, booking).length > 0);
    await scoped.until(() => about(scoped, booking).length > 0);
    expect(scoped.changes().filter((c) => !c.type.startsWith('booking.') && !c.type.startsWith('hold.'))).toEqual([]);
    scoped.close();
    full.close();

    const bookingsOnly = await app.app.inject({ method: 'POST', url: '/v1/api-keys', headers: bearer(a.key), payload: { name: 'no-tenant-read', scopes: ['bookings.read'] } });
    expect((await fetch(`${base}/v1/stream`, { headers: bearer(bookingsOnly.json().key) })).status).toBe(403);
  });
});
