import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';

let app: TestApp;
let tenant: { id: string; key: string; slug: string };
let channelId: string;
beforeAll(async () => {
  // No workers: whatever is queued stays queued.
  app = await startTestApp({ config: { bodyLimitBytes: 2048, backpressure: { inbound: 50, outbox: 30 } } });
  tenant = await createTenant(app);
  const channel = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(tenant.key), payload: { type: 'whatsapp_cloud',
    config: { phoneNumberId: '1122334455667', accessToken: 'bp-token', appSecret: 'bp-secret', verifyToken: 'bp-verify' } } });
  expect(channel.statusCode, channel.body).toBe(201);
  channelId = channel.json().id;
});

describe('body size limits', () => {
  it('refuse a body over the configured limit with 413, naming the limit', async () => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(tenant.key),
      payload: { name: 'x'.repeat(3000), timeZone: 'America/Sao_Paulo' } });
    const body = expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(body.detail).toMatch(/limit of 2 KiB/);
    expect(body.limitBytes).toBe(2048);
  });

  it('keep the provider webhooks’ own 1 MiB limit', async () => {
    const post = (bytes: number) => app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`,
      headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(bytes) }) });
    expectProblem(await post(100_000), 401, 'WEBHOOK_SIGNATURE_INVALID'); // read, then refused for its signature
    const body = expectProblem(await post(1024 * 1024), 413, 'PAYLOAD_TOO_LARGE');
    expect(body.detail).toMatch(/limit of 1024 KiB/);
  });
});

describe('backpressure', () => {
  const webhook = () => app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, headers: { 'content-type': 'application/json' }, payload: '{}' });
  let chat: (text: string) => Promise<Awaited<ReturnType<typeof webhook>>>;
  beforeAll(async () => {
    const started = (await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations` })).json();
    chat = (text) => app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations/${started.conversationId}/messages`,
      headers: { authorization: `Bearer ${started.token}` }, payload: { text } });
  });
  const expectOverloaded = (res: Awaited<ReturnType<typeof webhook>>, what: RegExp) => {
    const body = expectProblem(res, 503, 'OVERLOADED');
    expect(res.headers['retry-after']).toBe('5');
    expect(body.detail).toMatch(what);
  };
  const fillInbound = (n: number) => app.db.query(
    `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, payload)
     SELECT $1, $2, 'bp-' || g, '{}'::jsonb FROM generate_series(1, $3::int) g`, [tenant.id, channelId, n]);

  it('answer 503 with Retry-After to webhooks and chat messages while the inbound queue is too deep, counted at most once a second', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    expect((await chat('oi')).statusCode).toBe(200);
    await fillInbound(50);
    // The depth read a moment ago is still trusted…
    expectProblem(await webhook(), 401, 'WEBHOOK_SIGNATURE_INVALID');
    // …for one second.
    app.clock.advance(1000);
    expectOverloaded(await webhook(), /inbound messages waiting to be processed \(50\)/);
    expectOverloaded(await chat('alguém aí?'), /inbound/);
    // Other routes carry on.
    expect((await app.app.inject({ url: '/v1/services', headers: app.auth(tenant.key) })).statusCode).toBe(200);
    expect((await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations` })).statusCode).toBe(201);

    await app.db.query(`UPDATE inbound_events SET processed_at = now() WHERE provider_event_id LIKE 'bp-%' AND provider_event_id <> 'bp-1'`);
    app.clock.advance(1000);
    expectProblem(await webhook(), 401, 'WEBHOOK_SIGNATURE_INVALID');
    expect((await chat('voltou')).statusCode).toBe(200);
  });

  it('and while too many sends wait in the outbox', async () => {
    await app.db.query(
      `INSERT INTO outbox (tenant_id, channel_id, handle, payload)
       SELECT $1, $2, '55119' || lpad(g::text, 8, '0'), '{"text":"x"}'::jsonb FROM generate_series(1, 30) g`, [tenant.id, channelId]);
    app.clock.advance(1000);
    expectOverloaded(await webhook(), /messages waiting to be sent \(30\)/);
    expectOverloaded(await chat('oi de novo'), /waiting to be sent/);
    await app.db.query(`UPDATE outbox SET status = 'sent' WHERE tenant_id = $1`, [tenant.id]);
    app.clock.advance(1000);
    expect((await chat('oi de novo')).statusCode).toBe(200);
  });
});
