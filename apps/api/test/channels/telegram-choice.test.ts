import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { startFakeTelegram, telegramText } from '../harness/fakes/telegram';
import { readable } from '../harness/readable';

const BOT_TOKEN = '987654321:choice-bot-token';
const SECRET = 'choice-secret';
const CHAT = 700200300;

let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let app: TestApp;
let channelId: string;
const now = Date.parse('2026-11-25T13:00:00Z');

beforeAll(async () => {
  fake = await startFakeTelegram(BOT_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  const { key } = await seedTenant(app, 'speedy-van');
  channelId = (await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'telegram', config: { botToken: BOT_TOKEN, secretToken: SECRET, apiBaseUrl: fake.apiBaseUrl } } })).json().id;
});
afterAll(() => fake?.close());

const post = (update: unknown) => app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: JSON.stringify(update),
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET } });
const until = async (ok: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await ok()).toBe(true);
};

describe('Telegram inline keyboards', () => {
  it('reads a tapped button as the option it offered, through the assistant', async () => {
    await post(telegramText({ updateId: 1, chatId: CHAT, messageId: 1, at: now, text: "Hi, I'd like to book a small van on Friday morning" }));
    await until(() => fake.sent.length === 1);
    const offer = fake.sent[0]!;
    const buttons = offer.reply_markup!.inline_keyboard!.flat();
    expect(buttons.map((b) => b.callback_data)).toEqual(['slot-1', 'slot-2', 'slot-3']);

    // Telegram echoes the message that carried the keyboard (as the fake answered it) with the tap.
    const tap = { update_id: 2, callback_query: { id: '5710000000000000001', chat_instance: '-1',
      from: { id: CHAT, is_bot: false, first_name: 'Alex', language_code: 'en' }, data: buttons[1]!.callback_data,
      message: { message_id: 500, date: Math.floor(now / 1000), chat: { id: CHAT, type: 'private' }, text: offer.text, reply_markup: offer.reply_markup } } };
    expect((await post(tap)).statusCode).toBe(200);
    await until(() => fake.sent.length === 2);
    const [chosen] = readable(await app.db.query<{ text: string; option_id: string }>(
      `SELECT text, option_id FROM messages WHERE provider_message_id = 'callback:5710000000000000001'`));
    expect(chosen).toEqual({ text: buttons[1]!.text, option_id: 'slot-2' });
    expect(fake.sent[1]!.text).toContain(buttons[1]!.text); // the time it holds is the one tapped
  });
});
