import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';

const limits = { perKey: 3, perTenant: 5, perIp: 2, signInPerIp: 2, webhooksPerIp: 2 };
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Redis is optional: the shared-counter tests run where one answers (CI and this machine have one). */
async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
const withRedis = await redisAnswers();
const randomIp = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

function expectRateLimited(res: Awaited<ReturnType<TestApp['app']['inject']>>, what: RegExp) {
  const body = expectProblem(res, 429, 'RATE_LIMITED');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(body.detail).toMatch(what);
  return body;
}

describe('rate limits in memory', () => {
  let app: TestApp;
  let tenant: { key: string; slug: string };
  beforeAll(async () => {
    app = await startTestApp({ config: { rateLimits: limits } });
    tenant = await createTenant(app);
  });
  const services = (key: string) => app.app.inject({ url: '/v1/services', headers: app.auth(key) });

  it('limit each API key, then the tenant across all its keys', async () => {
    for (let i = 0; i < 3; i++) expect((await services(tenant.key)).statusCode).toBe(200);
    const body = expectRateLimited(await services(tenant.key), /this credential \(3 a minute\)/);
    expect(body.limit).toBe(3);

    const second = await app.app.inject({ method: 'POST', url: `/v1/tenants/${tenant.slug}/api-keys`, headers: app.admin, payload: {} });
    expect(second.statusCode, second.body).toBe(201);
    const otherKey = second.json().key as string;
    // The tenant has made 4 requests: one more fits its 5, the next does not, whichever key sends it.
    expect((await services(otherKey)).statusCode).toBe(200);
    expectRateLimited(await services(otherKey), /this tenant \(5 a minute\)/);

    // Another tenant is not affected, and neither is the platform key.
    expect((await services((await createTenant(app)).key)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await app.app.inject({ url: '/v1/tenants', headers: app.admin })).statusCode).toBe(200);
  });

  it('limit public routes per address: feeds and chat, sign-in, and provider webhooks each on their own counter', async () => {
    const from = (remoteAddress: string, url: string, method: 'GET' | 'POST' = 'GET') => app.app.inject({ method, url, remoteAddress });
    const ip = '203.0.113.10';
    expect((await from(ip, '/v1/ical/not-a-feed')).statusCode).toBe(400);
    expect((await from(ip, `/v1/chat/${tenant.slug}/conversations`, 'POST')).statusCode).toBe(201);
    expectRateLimited(await from(ip, '/v1/ical/not-a-feed'), /this address \(2 a minute\)/);
    expect((await from('203.0.113.11', '/v1/ical/not-a-feed')).statusCode).toBe(400);

    const hook = `/v1/webhooks/${crypto.randomUUID()}`;
    for (let i = 0; i < 2; i++) expect((await from(ip, hook, 'POST')).statusCode).not.toBe(429);
    expectRateLimited(await from(ip, hook, 'POST'), /webhooks from this address \(2 a minute\)/);

    for (let i = 0; i < 2; i++) expect((await from(ip, '/v1/auth/login', 'POST')).statusCode).not.toBe(429);
    expectRateLimited(await from(ip, '/v1/auth/login', 'POST'), /sign-in from this address \(2 a minute\)/);
  });

  it('leave the whole test-suite-sized load alone with the default limits', async () => {
    const roomy = await startTestApp();
    const { key } = await createTenant(roomy);
    const answers = await Promise.all(Array.from({ length: 300 }, () => roomy.app.inject({ url: '/v1/services', headers: roomy.auth(key) })));
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
  });
});

describe.runIf(withRedis)('rate limits shared through Redis (REDIS_URL, else 127.0.0.1:6379)', () => {
  it('count the requests of two servers together, and keep counting per address', async () => {
    const config = { rateLimits: limits, redisUrl: REDIS_URL };
    const [a, b] = await Promise.all([startTestApp({ config }), startTestApp({ config })]);
    const ip = randomIp(); // counters live in Redis for a minute: a fresh address per run
    const feed = (app: TestApp, remoteAddress = ip) => app.app.inject({ url: '/v1/ical/not-a-feed', remoteAddress });
    expect((await feed(a)).statusCode).toBe(400);
    expect((await feed(b)).statusCode).toBe(400);
    expectRateLimited(await feed(a), /this address/);
    expectRateLimited(await feed(b), /this address/);
    expect((await feed(b, randomIp())).statusCode).toBe(400);
  });

  it('still limit the web chat per conversation through the same store', async () => {
    const app = await startTestApp({ config: { redisUrl: REDIS_URL, chatLimits: { startsPerMinute: 100, messagesPerMinute: 1 } } });
    const { slug } = await createTenant(app);
    const started = (await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations`, remoteAddress: randomIp() })).json();
    const say = () => app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations/${started.conversationId}/messages`,
      headers: { authorization: `Bearer ${started.token}` }, payload: { text: 'oi' } });
    expect((await say()).statusCode).toBe(200);
    expectProblem(await say(), 429, 'RATE_LIMITED');
  });
});
