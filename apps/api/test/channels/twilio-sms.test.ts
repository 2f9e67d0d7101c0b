import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { readNumberedMenu, signedTwilioWebhook, startFakeTwilio, twilioInbound, twilioStatus } from '../harness/fakes/twilio';
import { readable, storedHandles } from '../harness/readable';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'sms-auth-token-0123';
const FROM = '+447700900001';
const now = Date.parse('2026-11-25T13:00:00Z'); // Wed 13:00 in London

let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
let app: TestApp;
let key: string;
let channel: { id: string; webhookUrl: string };

beforeAll(async () => {
  fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  key = (await seedTenant(app, 'speedy-van')).key;
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'twilio_sms', config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, apiBaseUrl: fake.apiBaseUrl } } });
  expect(res.statusCode, res.body).toBe(201);
  channel = res.json();
});
afterAll(() => fake?.close());

const post = (fields: Record<string, string>) => {
  const { payload, headers } = signedTwilioWebhook(channel.webhookUrl, AUTH_TOKEN, fields);
  return app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.id}`, payload, headers });
};
const say = (from: string, body: string, sid?: string) => post(twilioInbound({ accountSid: ACCOUNT_SID, from, to: FROM, body, ...(sid ? { sid } : {}) }));
const sentTo = (to: string) => fake.sent.filter((s) => s.form.To === to).map((s) => readNumberedMenu(s.form.Body ?? ''));
const outboxOf = (handle: string) => app.db.query<{ id: string; status: string; provider_message_id: string | null; last_error: { code: string } | null }>(
  `SELECT id, status, provider_message_id, last_error FROM outbox WHERE handle = ANY($1::text[]) ORDER BY created_at`, [storedHandles(handle)]);
const until = async (ok: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await ok()).toBe(true);
};

describe('a Twilio SMS channel', () => {
  it('is connected with its webhook URL; the auth token is never returned', async () => {
    const listed = (await app.app.inject({ url: '/v1/channels', headers: app.auth(key) })).json().items;
    expect(listed[0]).toMatchObject({ type: 'twilio_sms', name: 'SMS', secretsSet: ['authToken'], config: { accountSid: ACCOUNT_SID, from: FROM } });
    expect(JSON.stringify(listed)).not.toContain(AUTH_TOKEN);
    const bad = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
      payload: { type: 'twilio_sms', config: { accountSid: 'AC123', apiBaseUrl: 'ftp://x' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['config.accountSid', 'config.authToken', 'config.apiBaseUrl']));
  });

  it('answers Twilio with empty TwiML, and the customer by SMS, asking for delivery reports at the webhook URL', async () => {
    const res = await say('+447911123001', 'What are your opening hours?');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    await until(() => sentTo('+447911123001').length === 1);
    // The callback URL carries our outbox id, so a receipt can settle a send a crash cut short.
    const [sent] = await outboxOf('+447911123001');
    expect(fake.sent.find((s) => s.form.To === '+447911123001')!.form).toMatchObject({ From: FROM, StatusCallback: `${channel.webhookUrl}?ref=${sent!.id}` });
    const [contact] = readable(await app.db.query<{ phone: string }>(
      `SELECT c.phone FROM contacts c JOIN channel_identities i ON i.contact_id = c.id WHERE i.handle = ANY($1::text[])`, [storedHandles('+447911123001')]));
    expect(contact!.phone).toBe('+447911123001');
  });

  it('books from a numbered menu: "2" is the second time offered', async () => {
    await say('+447911123002', "Hi, I'd like to book a small van on Friday morning");
    await until(() => sentTo('+447911123002').length === 1);
    const offered = sentTo('+447911123002')[0]!.options;
    expect(offered).toHaveLength(3);
    await say('+447911123002', '2');
    await until(() => sentTo('+447911123002').length === 2);
    expect(sentTo('+447911123002')[1]!.text).toContain(`${offered[1]} aside for you`);
  });

  it('settles a send cut short by a crash from the status callback naming it', async () => {
    const [row] = await app.db.query<{ id: string }>(
      `INSERT INTO outbox (tenant_id, channel_id, handle, payload, status, sending_since)
       SELECT tenant_id, id, '+447911123009', '{"text":"sent before the crash"}', 'sending', now() FROM channels WHERE id = $1 RETURNING id`, [channel.id]);
    const fields = twilioStatus({ accountSid: ACCOUNT_SID, sid: 'SM' + 'a'.repeat(32), status: 'delivered', to: '+447911123009', from: FROM });
    const url = `${channel.webhookUrl}?ref=${row!.id}`;
    const { payload, headers } = signedTwilioWebhook(url, AUTH_TOKEN, fields); // Twilio signs the URL it calls, query included
    expect((await app.app.inject({ method: 'POST', url: new URL(url).pathname + new URL(url).search, payload, headers })).statusCode).toBe(200);
    await until(async () => (await app.db.query<{ status: string }>(`SELECT status FROM outbox WHERE id = $1`, [row!.id]))[0]?.status === 'delivered');
    expect(fake.sent.filter((s) => s.form.To === '+447911123009')).toHaveLength(0);
  });

  it('records delivery receipts from status callbacks; steps before sending change nothing', async () => {
    await say('+447911123003', 'Where are you based?');
    await until(async () => (await outboxOf('+447911123003'))[0]?.status === 'sent');
    const sid = (await outboxOf('+447911123003'))[0]!.provider_message_id!;
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    const status = (s: string) => post(twilioStatus({ accountSid: ACCOUNT_SID, sid, status: s, to: '+447911123003', from: FROM }));
    for (const s of ['queued', 'sent', 'delivered', 'sent']) expect((await status(s)).statusCode).toBe(200);
    await until(async () => (await outboxOf('+447911123003'))[0]?.status === 'delivered');
    const [message] = await app.db.query<{ delivery: { status: string } }>(`SELECT delivery FROM messages WHERE provider_message_id=$1`, [sid]);
    expect(message!.delivery.status).toBe('delivered');
    const events = await app.db.query<{ provider_event_id: string }>(
      `SELECT provider_event_id FROM inbound_events WHERE channel_id=$1 AND provider_event_id LIKE $2 ORDER BY id`, [channel.id, `${sid}:%`]);
    expect(events.map((e) => e.provider_event_id)).toEqual([`${sid}:queued`, `${sid}:sent`, `${sid}:delivered`]);
  });
});
