import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { evolutionEnvelope, evolutionReceipt, evolutionText, startFakeEvolution } from '../harness/fakes/evolution';
import image from '../fixtures/evolution-api/webhook-messages-upsert-image-base64.json';
import { readable, storedHandles } from '../harness/readable';
import { openEvent } from '../../src/modules/channels/at-rest';

const INSTANCE = 'kumon-vila-a';
const API_KEY = 'delivery-evolution-apikey';
const SECRET = 'delivery-webhook-secret';

let fake: Awaited<ReturnType<typeof startFakeEvolution>>;
let app: TestApp;
let channelId: string;
const now = Date.parse('2026-11-25T13:00:00Z');

beforeAll(async () => {
  fake = await startFakeEvolution(INSTANCE, API_KEY);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  const { key } = await seedTenant(app, 'kumon-vila-a');
  channelId = (await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'evolution', config: { baseUrl: fake.baseUrl, instance: INSTANCE, apiKey: API_KEY, webhookSecret: SECRET } } })).json().id;
});
afterAll(() => fake?.close());

const post = (body: unknown) => app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json', 'x-frontdesk-secret': SECRET } });
const outboxOf = (handle: string) => app.db.query<{ status: string; provider_message_id: string | null }>(
  `SELECT status, provider_message_id FROM outbox WHERE handle = ANY($1::text[]) ORDER BY created_at`, [storedHandles(handle)]);
const unprocessed = async () => (await app.db.query(`SELECT 1 FROM inbound_events WHERE channel_id=$1 AND processed_at IS NULL`, [channelId])).length;
const until = async (ok: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await ok()).toBe(true);
};

describe('Evolution API sends and receipts', () => {
  it("keeps the key id of each send, then moves it to delivered and read as Evolution's receipts arrive", async () => {
    await post(evolutionText(INSTANCE, { from: '5511911110001', text: 'qual o endereço da escola?', id: '3EB0RCPT0001', at: now }));
    await until(async () => (await outboxOf('5511911110001'))[0]?.status === 'sent');
    const [sent] = await outboxOf('5511911110001');
    expect(fake.sent.find((s) => s.body.number === '5511911110001')).toBeDefined();
    const receipt = (status: string, at: number) => evolutionReceipt(INSTANCE, { to: '5511911110001', keyId: sent!.provider_message_id!, status, at });
    await post(receipt('DELIVERY_ACK', now + 1000));
    await post(receipt('READ', now + 2000));
    await post(receipt('DELIVERY_ACK', now + 3000)); // late and out of order: no step back
    await until(async () => (await outboxOf('5511911110001'))[0]?.status === 'read' && (await unprocessed()) === 0);
    expect((await outboxOf('5511911110001'))[0]!.status).toBe('read');
    const [message] = await app.db.query<{ delivery: { status: string } }>(`SELECT delivery FROM messages WHERE provider_message_id=$1`, [sent!.provider_message_id]);
    expect(message!.delivery.status).toBe('read');
  });

  it('answers nobody for echoes of our own sends, group chats and connection updates', async () => {
    const before = fake.sent.length;
    const [ours] = await outboxOf('5511911110001');
    await post(evolutionText(INSTANCE, { from: '5511911110001', text: 'echo', id: ours!.provider_message_id!, at: now, fromMe: true }));
    await post(evolutionText(INSTANCE, { from: '5511911110002', text: 'oi grupo', id: '3EB0GROUP0001', at: now, jid: '120363025000000000@g.us' }));
    await post(evolutionEnvelope(INSTANCE, 'connection.update', { instance: INSTANCE, state: 'open', statusReason: 200 }, now));
    await until(async () => (await unprocessed()) === 0);
    const stored = await app.db.query<{ payload: { kind: string } }>(
      `SELECT payload FROM inbound_events WHERE channel_id=$1 AND (provider_event_id = ANY($2) OR provider_event_id LIKE 'connection.update:%') ORDER BY id`,
      [channelId, [ours!.provider_message_id, '3EB0GROUP0001']]);
    expect(stored.map((r) => r.payload.kind)).toEqual(['ignored', 'ignored', 'ignored']);
    expect(fake.sent.length).toBe(before);
  });

  it('keeps an image by its message id and never stores the base64 bytes', async () => {
    const body = structuredClone(image) as typeof image & { instance: string };
    body.instance = INSTANCE;
    expect((await post(body)).statusCode).toBe(200);
    await until(async () => (await unprocessed()) === 0);
    const [event] = await app.db.query<{ payload: Parameters<typeof openEvent>[0] }>(`SELECT payload FROM inbound_events WHERE provider_event_id='3EB0EVIMG0001'`);
    expect(openEvent(event!.payload)).toMatchObject({ kind: 'message', content: { type: 'media', mediaType: 'image', ref: '3EB0EVIMG0001' } });
    expect(JSON.stringify(openEvent(event!.payload))).not.toContain(image.data.message.base64);
    const [message] = readable(await app.db.query<{ text: string }>(`SELECT text FROM messages WHERE provider_message_id='3EB0EVIMG0001'`));
    expect(message!.text).toBe('[image]');
  });
});
