import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { startFakeTelegram } from '../harness/fakes/telegram';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { rejections, settled } from './bad-input-helpers';

const ACCESS_TOKEN = 'EAAG-bad-input-token';
const APP_SECRET = 'bad-input-app-secret';
const PHONE_NUMBER_ID = '1122334455667';
const BOT_TOKEN = '123456789:bad-input-bot';
const TG_SECRET = 'bad-input-tg-secret';
const now = Date.parse('2026-11-25T13:00:00Z'); // Wed 10:00 in São Paulo

let app: TestApp;
let wa: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let tg: Awaited<ReturnType<typeof startFakeTelegram>>;
let key: string;
let channelId: string;
let telegramId: string;

const connect = async (type: string, config: Record<string, unknown>): Promise<string> => {
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type, config } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
};
const waConfig = () => ({ phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: wa.graphBaseUrl });

beforeAll(async () => {
  wa = await startFakeWhatsApp(ACCESS_TOKEN);
  tg = await startFakeTelegram(BOT_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  channelId = await connect('whatsapp_cloud', waConfig());
  telegramId = await connect('telegram', { botToken: BOT_TOKEN, secretToken: TG_SECRET, apiBaseUrl: tg.apiBaseUrl });
});
afterAll(async () => {
  await wa?.close();
  await tg?.close();
});

/** A webhook signed like Meta signs it, over exactly these bytes. */
const post = (raw: string, options: { to?: string; contentType?: string; signed?: boolean } = {}) => app.app.inject({
  method: 'POST', url: `/v1/webhooks/${options.to ?? channelId}`, payload: raw,
  headers: { 'content-type': options.contentType ?? 'application/json',
    ...(options.signed === false ? {} : { 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }) },
});
const stored = async (id: string) => (await app.db.query(`SELECT 1 FROM inbound_events WHERE channel_id = $1`, [id])).length;

describe('bad input on the webhook route', () => {
  it('answers malformed JSON with a valid signature with 400 WEBHOOK_UNPARSEABLE, records it and stores nothing', async () => {
    const res = await post('{"object":"whatsapp_business_account","entry":[{');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().code).toBe('WEBHOOK_UNPARSEABLE');
    expect(await rejections(app, channelId)).toEqual([expect.stringMatching(/^unparseable/)]);
    expect(await stored(channelId)).toBe(0);
  });

  it('acknowledges an event type we do not handle, stores it once and answers nobody', async () => {
    const update = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update',
      value: { phone_number: '551130000000', event: 'VERIFIED_ACCOUNT' } }] }] });
    expect((await post(update)).json()).toEqual({ received: 1, stored: 1 });
    expect((await post(update)).json()).toEqual({ received: 1, stored: 0 });
    const tgUpdate = JSON.stringify({ update_id: 9001, my_chat_member: { chat: { id: 5, type: 'private' }, date: Math.floor(now / 1000) } });
    const tgPost = () => app.app.inject({ method: 'POST', url: `/v1/webhooks/${telegramId}`, payload: tgUpdate,
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET } });
    expect((await tgPost()).statusCode).toBe(200);
    expect((await tgPost()).json()).toEqual({ received: 1, stored: 0 });
    await settled(app);
    expect(await stored(channelId)).toBe(1);
    expect(await stored(telegramId)).toBe(1);
    expect(wa.sent).toHaveLength(0);
    expect(tg.sent).toHaveLength(0);
    expect(await app.db.query(`SELECT 1 FROM messages`)).toHaveLength(0);
  });

  it('refuses a body over 1 MiB with 413 problem+json, storing nothing', async () => {
    const huge = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511900000001', 'x'.repeat(1024 * 1024), now));
    const res = await post(huge);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await stored(channelId)).toBe(1); // the account_update only
  });

  it('takes the raw bytes whatever the content type: signed text/plain JSON is stored, unsigned is refused', async () => {
    const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511900000002', 'Quanto custa?', now, 'wamid.plain'));
    const unsigned = await post(raw, { contentType: 'text/plain', signed: false });
    expect(unsigned.statusCode).toBe(401);
    const signed = await post(raw, { contentType: 'text/plain' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toEqual({ received: 1, stored: 1 });
    await settled(app);
    expect(wa.sent.filter((s) => s.body.to === '5511900000002')).toHaveLength(1);
  });

  it('answers a replay of an old message days later with stored 0 and no second reply', async () => {
    const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511900000003', 'Qual o endereço?', now, 'wamid.old'));
    expect((await post(raw)).json()).toEqual({ received: 1, stored: 1 });
    await settled(app);
    const answered = wa.sent.filter((s) => s.body.to === '5511900000003').length;
    expect(answered).toBe(1);
    app.clock.advance(3 * 86400_000);
    expect((await post(raw)).json()).toEqual({ received: 1, stored: 0 });
    await settled(app);
    expect(wa.sent.filter((s) => s.body.to === '5511900000003')).toHaveLength(answered);
    expect(await app.db.query(`SELECT 1 FROM messages WHERE provider_message_id = 'wamid.old'`)).toHaveLength(1);
  });

  it('answers a webhook for a disabled channel with 403 and for a deleted one with 404, recording both', async () => {
    const id = await connect('whatsapp_cloud', waConfig());
    const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511900000004', 'oi', now));
    await app.app.inject({ method: 'PATCH', url: `/v1/channels/${id}`, headers: app.auth(key), payload: { status: 'disabled' } });
    const disabled = await post(raw, { to: id });
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().code).toBe('CHANNEL_DISABLED');
    expect(await rejections(app, id)).toEqual(['channel disabled']);

    expect((await app.app.inject({ method: 'DELETE', url: `/v1/channels/${id}`, headers: app.auth(key) })).statusCode).toBe(204);
    const gone = await post(raw, { to: id });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/problem\+json/);
    expect(await rejections(app, null)).toContain(`unknown channel ${id}`);
    expect(await stored(id)).toBe(0);
  });
});
