import { describe, expect, it } from 'vitest';
import { seedTenant, startTestApp } from '../harness/app';
import { openSse } from './sse-client';

/**
 * A process has one LISTEN connection per channel, opened by whichever request subscribes first.
 * Notifications must not run in that first request's tenant scope (row-level security would then
 * hide every other tenant's rows from the streams they wake).
 */
describe('the LISTEN connection a tenant request opened', () => {
  it("serves another tenant's conversation stream", async () => {
    const app = await startTestApp();
    const base = await app.app.listen({ port: 0, host: '127.0.0.1' });
    const first = await seedTenant(app, 'speedy-van');
    const second = await seedTenant(app, 'barberpro-palermo');
    const follow = async (tenant: { key: string; slug: string }) => {
      const chat = (await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations` })).json();
      const stream = await openSse(`${base}/v1/conversations/${chat.conversationId}/stream`, { authorization: `Bearer ${tenant.key}` });
      await stream.until(() => stream.events.length >= 1); // the greeting
      return { chat, stream };
    };
    const opener = await follow(first); // this request's scope (the first tenant) opened the connection
    const other = await follow(second);
    const reply = await app.app.inject({ method: 'POST', url: `/v1/conversations/${other.chat.conversationId}/messages`,
      headers: { authorization: `Bearer ${second.key}` }, payload: { text: 'Hola, soy Lucas' } });
    expect(reply.statusCode).toBe(201);
    await other.stream.until(() => other.stream.events.some((e) => (e.data as { author: string }).author === 'staff'));
    opener.stream.close();
    other.stream.close();
  });
});
