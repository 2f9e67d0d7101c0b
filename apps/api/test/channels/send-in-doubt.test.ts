import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { until } from '../harness/wait';

const ACCESS_TOKEN = 'EAAG-doubt';
const APP_SECRET = 'doubt-secret';
const PHONE_NUMBER_ID = '778899';
const CUSTOMER = '447700900555';

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let channelId: string;
let tenantId: string;

const post = (body: unknown) => {
  const raw = JSON.stringify(body);
  return app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
};
/** A send a crashed process had claimed: 'sending' since long enough to be in doubt. */
async function interruptedSend(text: string): Promise<string> {
  const [row] = await app.db.query<{ id: string }>(
    `INSERT INTO outbox (tenant_id, channel_id, handle, payload, status, sending_since)
     VALUES ($1, $2, $3, $4, 'sending', now() - interval '10 seconds') RETURNING id`,
    [tenantId, channelId, CUSTOMER, JSON.stringify({ text })]);
  return row!.id;
}
const statusOf = async (id: string) =>
  (await app.db.query<{ status: string; provider_message_id: string | null }>(`SELECT status, provider_message_id FROM outbox WHERE id = $1`, [id]))[0]!;

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true, config: { sendInDoubtMs: 1500 } });
  const tenant = await createTenant(app, { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
  tenantId = tenant.id;
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(tenant.key), payload: { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } } });
  channelId = res.json().id;
  // The customer writes first (their handle is known and the 24-hour window is open).
  expect((await post(whatsappText(PHONE_NUMBER_ID, CUSTOMER, 'hello', Date.now(), 'wamid.in1'))).statusCode).toBe(200);
  await fake.until(() => fake.sent.length >= 1);
});
afterAll(() => fake?.close());

describe('a send interrupted by a crash', () => {
  it('carries our outbox id to the provider, which its receipts bring back', async () => {
    const [reply] = await app.db.query<{ id: string }>(`SELECT id FROM outbox WHERE channel_id = $1 ORDER BY seq LIMIT 1`, [channelId]);
    expect(fake.sent[0]!.body.biz_opaque_callback_data).toBe(reply!.id);
  });

  it('is settled by the provider\'s receipt when it did go out, and never sent again', async () => {
    const id = await interruptedSend('Your reminder (went out before the crash)');
    // Meta reports it: the status names the message's wamid and echoes our id.
    expect((await post({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: PHONE_NUMBER_ID },
      statuses: [{ id: 'wamid.before-crash', status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: CUSTOMER,
        biz_opaque_callback_data: id }] } }] }] })).statusCode).toBe(200);
    await until(async () => (await statusOf(id)).status === 'delivered');
    expect(await statusOf(id)).toEqual({ status: 'delivered', provider_message_id: 'wamid.before-crash' });
    await new Promise((r) => setTimeout(r, 2500)); // past the doubt window
    expect(fake.sent.filter((s) => JSON.stringify(s.body).includes('went out before the crash'))).toHaveLength(0);
  });

  it('is sent again, once, when no receipt ever comes (it never reached the provider)', async () => {
    const id = await interruptedSend('Your reminder (lost in the crash)');
    await until(async () => (await statusOf(id)).status === 'sent');
    await new Promise((r) => setTimeout(r, 2500));
    const copies = fake.sent.filter((s) => JSON.stringify(s.body).includes('lost in the crash'));
    expect(copies).toHaveLength(1);
    expect(copies[0]!.body.biz_opaque_callback_data).toBe(id);
  });

  it('is picked up when the job that was to send it died with its process', async () => {
    // Queued a while ago, and no job left to send it (it was running in the process that died).
    const [row] = await app.db.query<{ id: string }>(
      `INSERT INTO outbox (tenant_id, channel_id, handle, payload, updated_at) VALUES ($1, $2, $3, $4, now() - interval '10 seconds') RETURNING id`,
      [tenantId, channelId, CUSTOMER, JSON.stringify({ text: 'orphaned by the crash' })]);
    await until(async () => (await statusOf(row!.id)).status === 'sent');
    expect(fake.sent.filter((s) => JSON.stringify(s.body).includes('orphaned by the crash'))).toHaveLength(1);
  });

  it('holds the messages behind it until it is settled, so the customer reads them in order', async () => {
    const first = await interruptedSend('first (in doubt)');
    await app.db.query(`INSERT INTO outbox (tenant_id, channel_id, handle, payload) VALUES ($1, $2, $3, $4)`,
      [tenantId, channelId, CUSTOMER, JSON.stringify({ text: 'second' })]);
    await until(async () => (await app.db.query(`SELECT 1 FROM outbox WHERE channel_id = $1 AND status IN ('queued', 'sending')`, [channelId])).length === 0);
    const texts = fake.sent.map((s) => JSON.stringify(s.body)).filter((t) => /first \(in doubt\)|"second"/.test(t));
    expect(texts.map((t) => (t.includes('first') ? 'first' : 'second'))).toEqual(['first', 'second']);
    expect((await statusOf(first)).status).toBe('sent');
  });
});
