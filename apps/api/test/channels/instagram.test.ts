import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { messagingWebhook, signedWebhook, startFakeMetaMessaging, textItem } from '../harness/fakes/meta-messaging';

const ACCESS_TOKEN = 'IGAA-account-token';
const APP_SECRET = 'barber-app-secret';
const ACCOUNT_ID = '17841400000000077';
const IGSID = '6612345678901234';
const now = Date.parse('2026-11-25T13:00:00Z'); // Wednesday, 10:00 in Buenos Aires

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeMetaMessaging>>;
let channel: { id: string };

beforeAll(async () => {
  fake = await startFakeMetaMessaging(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  const { key } = await seedTenant(app, 'barberpro-palermo');
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type: 'instagram',
    config: { accountId: ACCOUNT_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } } });
  expect(res.statusCode, res.body).toBe(201);
  channel = res.json();
});
afterAll(() => fake?.close());

const deliver = (body: unknown) => {
  const call = signedWebhook(APP_SECRET, body);
  return app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.id}`, payload: call.payload, headers: call.headers });
};
async function until(ok: () => boolean, what: string) {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
}

describe('an Instagram channel', () => {
  it('offers the times as quick replies through /me/messages, and a tap holds that time', async () => {
    await deliver(messagingWebhook('instagram', ACCOUNT_ID, [textItem(ACCOUNT_ID, IGSID, 'Hola, quiero un corte el viernes a la tarde', now, 'aWdf1')], now));
    await until(() => fake.sent.length >= 1, 'the offer');
    const { path, body } = fake.sent[0]!;
    expect(path).toBe('/v21.0/me/messages');
    expect(body).toEqual({ recipient: { id: IGSID }, messaging_type: 'RESPONSE', message: {
      text: 'Tengo estos horarios para Corte. ¿Cuál preferís?',
      quick_replies: ['16:00', '16:15', '16:30'].map((time, i) => ({ content_type: 'text', title: `vie, 27 nov, ${time}`, payload: `slot-${i + 1}` })) } });

    const tap = { ...textItem(ACCOUNT_ID, IGSID, 'vie, 27 nov, 16:15', now + 20_000), message: { mid: 'aWdf2', text: 'vie, 27 nov, 16:15', quick_reply: { payload: 'slot-2' } } };
    await deliver(messagingWebhook('instagram', ACCOUNT_ID, [tap], now));
    await until(() => fake.sent.length >= 2, 'the answer to the tap');
    expect(fake.sent[1]!.body.message.text).toContain('vie, 27 nov, 16:15');
    expect(fake.sent).toHaveLength(2);
  });
});
