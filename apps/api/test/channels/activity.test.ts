import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { startFakeTelegram, telegramErrors, telegramText } from '../harness/fakes/telegram';

// The settings list shows how each channel is doing: a wrong secret in the provider's console shows as refused calls.
const BOT_TOKEN = '987654321:activity-bot-token';
const SECRET = 'activity-secret';
const CHAT = 700200311;

let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let app: TestApp;
let key: string;
let channelId: string;

beforeAll(async () => {
  fake = await startFakeTelegram(BOT_TOKEN);
  app = await startTestApp({ workers: true });
  ({ key } = await seedTenant(app, 'speedy-van'));
  channelId = (await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'telegram', config: { botToken: BOT_TOKEN, secretToken: SECRET, apiBaseUrl: fake.apiBaseUrl } } })).json().id;
});
afterAll(() => fake?.close());

const post = (update: unknown, secret = SECRET) => app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: JSON.stringify(update),
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret } });
const activity = async () => {
  const res = await app.app.inject({ url: '/v1/channels', headers: app.auth(key) });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string; activity: Record<string, unknown> }[]).find((c) => c.id === channelId)!.activity;
};
const until = async (ok: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await ok()).toBe(true);
};
const isTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

describe('a channel’s activity', () => {
  it('is empty until the provider calls, then shows refused calls, events in, sends out and failed sends', async () => {
    expect(await activity()).toEqual({ lastInboundAt: null, lastOutboundAt: null, failedSends7d: 0, lastRejectedAt: null });

    expect((await post(telegramText({ updateId: 1, chatId: CHAT, messageId: 1, at: Date.now(), text: 'Hello?' }), 'a-wrong-secret')).statusCode).toBe(401);
    const refused = await activity();
    expect(isTime(refused.lastRejectedAt)).toBe(true);
    expect(refused.lastInboundAt).toBeNull();

    expect((await post(telegramText({ updateId: 2, chatId: CHAT, messageId: 2, at: Date.now(), text: 'Can you move a piano on Friday?' }))).statusCode).toBe(200);
    await until(() => fake.sent.length === 1);
    await until(async () => (await activity()).lastOutboundAt !== null);
    const working = await activity();
    expect(isTime(working.lastInboundAt)).toBe(true);
    expect(isTime(working.lastOutboundAt)).toBe(true);
    expect(working.failedSends7d).toBe(0);

    // The customer has blocked the bot since: a person's answer fails for good and is counted.
    const conversations = (await app.app.inject({ url: '/v1/conversations', headers: app.auth(key) })).json().items as { id: string }[];
    expect(conversations).toHaveLength(1);
    fake.failNext(1, telegramErrors.blocked());
    const reply = await app.app.inject({ method: 'POST', url: `/v1/conversations/${conversations[0]!.id}/messages`, headers: app.auth(key), payload: { text: 'Yes, we can.' } });
    expect(reply.statusCode).toBe(201);
    await until(async () => (await activity()).failedSends7d === 1);
  });

  it('belongs to its tenant only', async () => {
    const other = await seedTenant(app, 'barberpro-palermo');
    const res = await app.app.inject({ url: '/v1/channels', headers: app.auth(other.key) });
    expect(res.json().items).toEqual([]);
  });
});
