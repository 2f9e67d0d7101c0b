import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { settled } from './bad-input-helpers';

const ACCESS_TOKEN = 'EAAG-log-hygiene-access-token';
const APP_SECRET = 'log-hygiene-app-secret';
const VERIFY_TOKEN = 'log-hygiene-verify-token';
const PHONE_NUMBER_ID = '1122334455667';
const SECRET_TEXT = 'minha senha do banco é girassol-4711';
const now = Date.parse('2026-11-25T13:00:00Z');

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let channelId: string;
const lines: string[] = [];

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true, config: { logLevel: 'info' }, logStream: { write: (line) => void lines.push(line) } });
  app.clock.set(now);
  const { key } = await seedTenant(app, 'kumon-vila-a');
  channelId = (await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphBaseUrl: fake.graphBaseUrl } } })).json().id;
});
afterAll(() => fake?.close());

describe('log hygiene on webhooks', () => {
  it('logs the requests without secrets, signatures or what the customer wrote', async () => {
    const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511900000009', SECRET_TEXT, now, 'wamid.logs'));
    const signature = metaSignature(APP_SECRET, raw);
    const post = (body: string, sig: string) => app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig, authorization: `Bearer ${ACCESS_TOKEN}` } });
    expect((await post(raw, signature)).statusCode).toBe(200);
    // Refused ones too: a bad signature, and a malformed body carrying the text (the parser must not echo it).
    expect((await post(raw, 'sha256=' + 'f'.repeat(64))).statusCode).toBe(401);
    const malformed = `{"entry":[{"text":"${SECRET_TEXT}"`;
    expect((await post(malformed, metaSignature(APP_SECRET, malformed))).statusCode).toBe(400);
    const handshake = await app.app.inject({ url: `/v1/webhooks/${channelId}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42` });
    expect(handshake.statusCode).toBe(200);
    await settled(app);
    expect(fake.sent.length).toBeGreaterThan(0);

    const log = lines.join('');
    expect(log).toContain(`/v1/webhooks/${channelId}`); // the requests were logged at all
    for (const secret of [APP_SECRET, ACCESS_TOKEN, VERIFY_TOKEN, signature.slice('sha256='.length), 'f'.repeat(64), SECRET_TEXT, 'girassol']) {
      expect(log).not.toContain(secret);
    }
  });
});
