import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { channelsRepository } from '../../src/modules/channels/repository';
import { MAX_EVENT_ATTEMPTS } from '../../src/modules/channels/dispatcher';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import delivered from '../fixtures/whatsapp-cloud/webhook-status-delivered.json';
import read from '../fixtures/whatsapp-cloud/webhook-status-read.json';
import { storedHandles } from '../harness/readable';

const ACCESS_TOKEN = 'EAAG-delivery-token';
const APP_SECRET = 'delivery-app-secret';
const PHONE_NUMBER_ID = '1122334455667';

let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let app: TestApp;
let key: string;
let channelId: string;
const now = Date.parse('2026-11-25T13:00:00Z');

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  channelId = (await app.app.inject({
    method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'whatsapp_cloud', config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } },
  })).json().id;
});
afterAll(() => fake?.close());

const post = (target: TestApp, body: unknown) => {
  const raw = JSON.stringify(body);
  return target.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
};
const outboxOf = (handle: string) => app.db.query<{ status: string; attempts: number; last_error: { code: string } | null; provider_message_id: string | null }>(
  `SELECT status, attempts, last_error, provider_message_id FROM outbox WHERE handle = ANY($1::text[]) ORDER BY created_at`, [storedHandles(handle)]);
const until = async (ok: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await ok()).toBe(true);
};
/** The fixture's status event re-addressed to a message we sent. */
function statusFor(fixture: typeof delivered, wamid: string) {
  const body = structuredClone(fixture) as { entry: { changes: { value: { statuses: { id: string }[] } }[] }[] };
  body.entry[0]!.changes[0]!.value.statuses[0]!.id = wamid;
  return body;
}

describe('WhatsApp sends and delivery receipts', () => {
  it("records the provider's message id, then delivered and read on the message staff see", async () => {
    await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110001', 'que horas vocês abrem?', now));
    await until(async () => (await outboxOf('5511911110001'))[0]?.status === 'sent');
    const [sent] = await outboxOf('5511911110001');
    await post(app, statusFor(delivered, sent!.provider_message_id!));
    await post(app, statusFor(read, sent!.provider_message_id!));
    await post(app, statusFor(delivered, sent!.provider_message_id!)); // late and out of order: no step back
    await until(async () => (await outboxOf('5511911110001'))[0]?.status === 'read');
    const [message] = await app.db.query<{ delivery: { status: string } }>(
      `SELECT delivery FROM messages WHERE provider_message_id=$1`, [sent!.provider_message_id]);
    expect(message!.delivery.status).toBe('read');
  });

  it('keeps a receipt that overtakes the record of its send, and applies it once the send is recorded', async () => {
    await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110009', 'que horas vocês abrem?', now));
    await until(async () => (await outboxOf('5511911110009'))[0]?.status === 'sent');
    // The provider reports a message we have not recorded yet (its send is still being committed).
    await app.db.query(`UPDATE outbox SET provider_message_id = NULL, status = 'queued' WHERE handle = ANY($1::text[])`, [storedHandles('5511911110009')]);
    await post(app, statusFor(delivered, 'wamid.overtaking'));
    // Its first processing finds no such send and leaves it for the queue's retry.
    await until(async () => (await app.db.query<{ last_error: string | null }>(
      `SELECT last_error FROM inbound_events WHERE provider_event_id = 'wamid.overtaking:delivered' AND attempts > 0`)).length > 0);
    await app.db.query(`UPDATE outbox SET provider_message_id = 'wamid.overtaking', status = 'sent' WHERE handle = ANY($1::text[])`, [storedHandles('5511911110009')]);
    await until(async () => (await outboxOf('5511911110009'))[0]?.status === 'delivered');
  });

  it('backs off on a rate limit (130429) and sends once it passes', async () => {
    fake.failNext(2, 400, 130429, '(#130429) Rate limit hit');
    await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110002', 'onde fica a escola?', now));
    await until(async () => (await outboxOf('5511911110002'))[0]?.status === 'sent');
    const [row] = await outboxOf('5511911110002');
    expect(row!.attempts).toBe(3);
    expect(fake.sent.filter((s) => s.body.to === '5511911110002')).toHaveLength(3);
  });

  it('holds free text when the 24-hour window has closed (131047), and says why on the message', async () => {
    fake.failNext(1, 400, 131047, 'Re-engagement message');
    await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110003', 'qual o endereço?', now));
    await until(async () => (await outboxOf('5511911110003'))[0]?.status === 'held');
    const [row] = await outboxOf('5511911110003');
    expect(row!.last_error!.code).toBe('131047');
    const [message] = await app.db.query<{ delivery: { status: string; error: { code: string } } }>(
      `SELECT m.delivery FROM messages m JOIN outbox o ON o.message_id = m.id WHERE o.handle = ANY($1::text[])`, [storedHandles('5511911110003')]);
    expect(message!.delivery).toMatchObject({ status: 'held', error: { code: '131047' } });
  });

  it('stops writing to a number that is not on WhatsApp (131026)', async () => {
    fake.failNext(1, 400, 131026, 'Message undeliverable');
    await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110004', 'oi', now));
    await until(async () => (await outboxOf('5511911110004'))[0]?.status === 'failed');
    const [identity] = await app.db.query<{ status: string }>(`SELECT status FROM channel_identities WHERE handle = ANY($1::text[])`, [storedHandles('5511911110004')]);
    expect(identity!.status).toBe('undeliverable');
  });

  it('refuses webhooks for a disabled channel (recorded), and takes them again when re-enabled', async () => {
    const patch = (status: string) => app.app.inject({ method: 'PATCH', url: `/v1/channels/${channelId}`, headers: app.auth(key), payload: { status } });
    expect((await patch('disabled')).json().status).toBe('disabled');
    const refused = await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110005', 'oi', now));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('CHANNEL_DISABLED');
    await patch('active');
    expect((await post(app, whatsappText(PHONE_NUMBER_ID, '5511911110005', 'oi', now))).statusCode).toBe(200);
  });
});

describe('a crash between acknowledging and processing', () => {
  it('loses nothing: after the restart the message is processed once and answered once', async () => {
    const first = await startTestApp({ workers: false });
    first.clock.set(now);
    const firstKey = (await seedTenant(first, 'kumon-vila-a')).key;
    const ch = (await first.app.inject({ method: 'POST', url: '/v1/channels', headers: first.auth(firstKey),
      payload: { type: 'whatsapp_cloud', config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } } })).json();
    const body = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511922220001', 'quanto custa?', now, 'wamid.crash'));
    const send = (target: TestApp) => target.app.inject({ method: 'POST', url: `/v1/webhooks/${ch.id}`, payload: body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, body) } });
    expect((await send(first)).statusCode).toBe(200);
    await first.close(); // acknowledged and stored, never processed

    const second = await startTestApp({ restartOf: first, workers: true });
    second.clock.set(now);
    expect((await send(second)).json().stored).toBe(0); // Meta's retry after the crash
    await fake.until(() => fake.sent.some((s) => s.body.to === '5511922220001'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.sent.filter((s) => s.body.to === '5511922220001')).toHaveLength(1);
    const inbound = await second.db.query(`SELECT 1 FROM messages WHERE provider_message_id = 'wamid.crash'`);
    expect(inbound).toHaveLength(1);
  });
});

describe('inbound events that keep failing', () => {
  it('gives up on an event that keeps failing, keeping why; until then each retry waits longer', async () => {
    await app.channels.stop(); // this app's dispatcher would otherwise take the event between attempts
    const [row] = await app.db.query<{ id: number }>(
      `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, payload, next_attempt_at)
       SELECT tenant_id, id, 'poison-1', '{"kind":"ignored","providerEventId":"poison-1","reason":"test"}', now() + interval '1 hour'
         FROM channels WHERE id = $1 RETURNING id`, [channelId]);
    const repo = channelsRepository(app.db);
    const waits: number[] = [];
    for (let i = 0; i < MAX_EVENT_ATTEMPTS; i++) {
      await repo.failEvent(row!.id, `boom ${i}`, MAX_EVENT_ATTEMPTS);
      const [e] = await app.db.query<{ wait: number; dead: boolean }>(
        `SELECT extract(epoch FROM next_attempt_at - now())::float8 AS wait, dead_at IS NOT NULL AS dead FROM inbound_events WHERE id = $1`, [row!.id]);
      waits.push(e!.wait);
      expect(e!.dead).toBe(i === MAX_EVENT_ATTEMPTS - 1);
    }
    expect(waits[3]!).toBeGreaterThan(waits[0]!);
    const [dead] = await app.db.query<{ attempts: number; last_error: string }>(`SELECT attempts, last_error FROM inbound_events WHERE id = $1`, [row!.id]);
    expect(dead).toEqual({ attempts: MAX_EVENT_ATTEMPTS, last_error: `boom ${MAX_EVENT_ATTEMPTS - 1}` });
    expect(await repo.dueEventIds(1000)).not.toContain(row!.id);
  });
});
