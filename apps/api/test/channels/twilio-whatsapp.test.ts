import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { signedTwilioWebhook, startFakeTwilio, twilioInbound, twilioStatus } from '../harness/fakes/twilio';
import { readable, storedHandles } from '../harness/readable';

const ACCOUNT_SID = `AC${'2'.repeat(32)}`;
const AUTH_TOKEN = 'whatsapp-auth-token-0123';
const FROM = 'whatsapp:+551130000000';
const now = Date.parse('2026-11-25T13:00:00Z'); // Wed 10:00 in São Paulo

let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
let app: TestApp;
let channel: { id: string; webhookUrl: string };

beforeAll(async () => {
  fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  const { key } = await seedTenant(app, 'kumon-vila-a');
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'twilio_whatsapp', config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, apiBaseUrl: fake.apiBaseUrl } } });
  expect(res.statusCode, res.body).toBe(201);
  channel = res.json();
});
afterAll(() => fake?.close());

const post = (fields: Record<string, string>) => {
  const { payload, headers } = signedTwilioWebhook(channel.webhookUrl, AUTH_TOKEN, fields);
  return app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.id}`, payload, headers });
};
const say = (from: string, body: string, profileName = 'Ana') => post(twilioInbound({ accountSid: ACCOUNT_SID, from, to: FROM, body, profileName }));
const outboxOf = (handle: string) => app.db.query<{ status: string; provider_message_id: string | null; last_error: { code: string } | null }>(
  `SELECT status, provider_message_id, last_error FROM outbox WHERE handle = ANY($1::text[]) ORDER BY created_at`, [storedHandles(handle)]);
const until = async (ok: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await ok()).toBe(true);
};

describe('a Twilio WhatsApp channel', () => {
  it('answers the whatsapp:+… handle, and the contact gets the E.164 phone and the profile name', async () => {
    await say('whatsapp:+5511911110001', 'Oi, qual o endereço?', 'Ana Souza');
    await until(async () => (await outboxOf('whatsapp:+5511911110001'))[0]?.status === 'sent');
    expect(fake.sent.find((s) => s.form.To === 'whatsapp:+5511911110001')!.form.From).toBe(FROM);
    const [contact] = readable(await app.db.query<{ phone: string; name: string }>(
      `SELECT c.phone, c.name FROM contacts c JOIN channel_identities i ON i.contact_id = c.id WHERE i.handle = ANY($1::text[])`, [storedHandles('whatsapp:+5511911110001')]));
    expect(contact).toEqual({ phone: '+5511911110001', name: 'Ana Souza' });
  });

  it("holds free text Twilio refuses outside the 24-hour window (63016), saying why", async () => {
    fake.failNext(1, 400, 63016, 'Failed to send freeform message because you are outside the allowed window.');
    await say('whatsapp:+5511911110002', 'Quanto custa?');
    await until(async () => (await outboxOf('whatsapp:+5511911110002'))[0]?.status === 'held');
    expect((await outboxOf('whatsapp:+5511911110002'))[0]!.last_error!.code).toBe('63016');
  });

  it("records a failed delivery with Twilio's error code on the message", async () => {
    await say('whatsapp:+5511911110003', 'Vocês abrem sábado?');
    await until(async () => (await outboxOf('whatsapp:+5511911110003'))[0]?.status === 'sent');
    const sid = (await outboxOf('whatsapp:+5511911110003'))[0]!.provider_message_id!;
    await post(twilioStatus({ accountSid: ACCOUNT_SID, sid, status: 'undelivered', to: 'whatsapp:+5511911110003', from: FROM, errorCode: '63024' }));
    await until(async () => (await outboxOf('whatsapp:+5511911110003'))[0]?.status === 'failed');
    const [message] = await app.db.query<{ delivery: { status: string; error: { code: string } } }>(
      `SELECT delivery FROM messages WHERE provider_message_id=$1`, [sid]);
    expect(message!.delivery).toMatchObject({ status: 'failed', error: { code: '63024' } });
  });
});
