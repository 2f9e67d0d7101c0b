import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { messagingWebhook, signedWebhook, startFakeMetaMessaging, textItem } from '../harness/fakes/meta-messaging';
import { storedHandles } from '../harness/readable';

const ACCESS_TOKEN = 'EAAB-page-token';
const APP_SECRET = 'speedy-app-secret';
const VERIFY_TOKEN = 'speedy-verify-7';
const PAGE_ID = '104857600000077';
const PSID = '5512345678901234';
const now = Date.parse('2026-11-25T13:00:00Z'); // Wednesday, 13:00 in London

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeMetaMessaging>>;
let channel: { id: string; webhookUrl: string };

beforeAll(async () => {
  fake = await startFakeMetaMessaging(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  const { key } = await seedTenant(app, 'speedy-van');
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type: 'messenger',
    config: { pageId: PAGE_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphBaseUrl: fake.graphBaseUrl } } });
  expect(res.statusCode, res.body).toBe(201);
  channel = res.json();
});
afterAll(() => fake?.close());

const deliver = (body: unknown) => {
  const call = signedWebhook(APP_SECRET, body);
  return app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.id}`, payload: call.payload, headers: call.headers });
};
const sentTo = (psid: string) => fake.sent.filter((s) => s.body.recipient.id === psid);
async function until(ok: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 300 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await ok())) throw new Error(`timed out waiting for ${what}`);
}

describe('a Messenger channel', () => {
  it("answers Meta's handshake with the verify token and takes the legacy sha1 signature", async () => {
    const ok = await app.app.inject({ url: `/v1/webhooks/${channel.id}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=8472` });
    expect([ok.statusCode, ok.body]).toEqual([200, '8472']);
    const bad = await app.app.inject({ url: `/v1/webhooks/${channel.id}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1` });
    expect(bad.statusCode).toBe(401);
    const payload = JSON.stringify(messagingWebhook('page', PAGE_ID, [{ sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: now, delivery: { watermark: now } }], now));
    const sha1 = `sha1=${createHmac('sha1', APP_SECRET).update(payload).digest('hex')}`;
    const res = await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.id}`, payload, headers: { 'content-type': 'application/json', 'x-hub-signature': sha1 } });
    expect(res.json()).toEqual({ received: 1, stored: 1 });
  });

  it('offers times as quick replies, holds the tapped one, and records delivery; echoes start nothing', async () => {
    await deliver(messagingWebhook('page', PAGE_ID, [textItem(PAGE_ID, PSID, "Hi, I'd like to book a medium van with 1 crew for Saturday morning please", now, 'm_in1')], now));
    await until(() => sentTo(PSID).length >= 1, 'the offer');
    const offer = sentTo(PSID)[0]!.body.message;
    expect(offer.text).toBe('I have these times for Medium van + 1 crew (3 h). Which one suits you?');
    expect(offer.quick_replies).toEqual(['07:00', '08:00', '09:00'].map((time, i) =>
      ({ content_type: 'text', title: `Sat 28 Nov, ${time}`, payload: `slot-${i + 1}` })));

    // Meta echoes our own send back to the page's webhook: stored, never answered.
    await until(async () => (await app.db.query(`SELECT 1 FROM outbox WHERE handle = ANY($1::text[]) AND status='sent'`, [storedHandles(PSID)])).length === 1, 'the send recorded');
    const [sent] = await app.db.query<{ provider_message_id: string }>(`SELECT provider_message_id FROM outbox WHERE handle = ANY($1::text[])`, [storedHandles(PSID)]);
    const echo = { sender: { id: PAGE_ID }, recipient: { id: PSID }, timestamp: now + 1000, message: { is_echo: true, mid: sent!.provider_message_id, text: offer.text } };
    const delivered = { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: now + 2000, delivery: { mids: [sent!.provider_message_id], watermark: now + 2000 } };
    expect((await deliver(messagingWebhook('page', PAGE_ID, [echo, delivered], now))).json()).toEqual({ received: 2, stored: 2 });
    await until(async () => (await app.db.query(`SELECT 1 FROM outbox WHERE handle = ANY($1::text[]) AND status='delivered'`, [storedHandles(PSID)])).length === 1, 'the receipt');

    const nine = offer.quick_replies![2]!;
    const tap = { ...textItem(PAGE_ID, PSID, nine.title, now + 30_000), message: { mid: 'm_in2', text: nine.title, quick_reply: { payload: nine.payload } } };
    await deliver(messagingWebhook('page', PAGE_ID, [tap], now));
    await until(() => sentTo(PSID).length >= 2, 'the answer to the tap');
    expect(sentTo(PSID)[1]!.body.message.text).toBe("I've put Sat 28 Nov, 09:00 aside for you. To confirm, what's your name?");
    expect(sentTo(PSID)).toHaveLength(2);

    // The contact is known by the PSID alone: Meta gives no phone and no name without a profile call.
    const [contact] = await app.db.query<{ phone: string | null; name: string | null }>(
      `SELECT c.phone, c.name FROM contacts c JOIN channel_identities i ON i.contact_id = c.id WHERE i.handle = ANY($1::text[])`, [storedHandles(PSID)]);
    expect(contact).toEqual({ phone: null, name: null });
  });
});
