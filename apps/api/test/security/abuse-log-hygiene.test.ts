import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { captureLogs } from '../harness/log-capture';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { says, startFakeOpenAI, type FakeOpenAI } from '../harness/fake-openai';
import { settled } from '../channels/bad-input-helpers';

// Seeded secrets and private words: none may reach the log, at debug level, on any path.
const ACCESS_TOKEN = 'EAAG-abuse-log-access-token-5150';
const APP_SECRET = 'abuse-log-app-secret-7781';
const VERIFY_TOKEN = 'abuse-log-verify-token-3321';
const LLM_KEY = 'sk-abuse-log-llm-key-9090';
const CHAT_SECRET = 'meu cartão é 4111 1111 1111 1111 senha jabuticaba';
const WHATSAPP_SECRET = 'a senha do alarme é maracujá-2024';
const LLM_REPLY = 'Resposta do modelo com a palavra pitangueira';
const PHONE_NUMBER_ID = '1122334455668';

const logs = captureLogs();
let app: TestApp;
let fakeWhatsApp: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let llm: FakeOpenAI;
let tenant: { key: string; slug: string };

beforeAll(async () => {
  fakeWhatsApp = await startFakeWhatsApp(ACCESS_TOKEN);
  llm = await startFakeOpenAI();
  llm.otherwise(says(LLM_REPLY));
  app = await startTestApp({ workers: true, logStream: logs.stream,
    config: { logLevel: 'debug', rateLimits: { perKey: 1000, perTenant: 1000, perIp: 1000, signInPerIp: 1000, webhooksPerIp: 1000 }, bodyLimitBytes: 4096 } });
  app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
  tenant = await seedTenant(app, 'kumon-vila-a');
  // The blueprint's first-contact consent question would answer before the LLM is asked.
  await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: app.auth(tenant.key), payload: { required: false } });
});
afterAll(async () => {
  await fakeWhatsApp?.close();
  await llm?.close();
});

describe('log hygiene across the app (debug level)', () => {
  it('logs requests but never keys, tokens, signatures, provider secrets or what customers and the LLM wrote', async () => {
    const auth = app.auth(tenant.key);
    const channel = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: auth, payload: { type: 'whatsapp_cloud',
      config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphBaseUrl: fakeWhatsApp.graphBaseUrl } } });
    expect(channel.statusCode, channel.body).toBe(201);
    const llmSettings = await app.app.inject({ method: 'PUT', url: '/v1/assistant/llm', headers: auth,
      payload: { baseUrl: llm.baseUrl, model: 'fake', apiKey: LLM_KEY, pricing: { inputPerMillion: 0, outputPerMillion: 0 } } });
    expect(llmSettings.statusCode, llmSettings.body).toBe(200);

    // The web chat: the customer's words, the conversation token in the header and in the query.
    const started = (await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations` })).json();
    const said = await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations/${started.conversationId}/messages`,
      headers: { authorization: `Bearer ${started.token}` }, payload: { text: CHAT_SECRET } });
    expect(said.statusCode, said.body).toBe(200);
    expect(llm.requests.length).toBeGreaterThan(0);
    expect(llm.requests[0]!.headers.authorization).toBe(`Bearer ${LLM_KEY}`);
    await app.app.inject({ url: `/v1/chat/${tenant.slug}/conversations/${started.conversationId}/messages?token=${started.token}` });

    // A provider webhook, signed; and refusals that must not echo what they refused.
    const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, '5511900000077', WHATSAPP_SECRET, app.clock.now(), 'wamid.abuse-logs'));
    const signature = metaSignature(APP_SECRET, raw);
    const hook = await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.json().id}`, payload: raw,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    expect(hook.statusCode, hook.body).toBe(200);
    const tooBig = await app.app.inject({ method: 'POST', url: '/v1/locations', headers: auth, payload: { name: `${CHAT_SECRET} `.repeat(100) } });
    expect(tooBig.statusCode).toBe(413);
    expect((await app.app.inject({ url: '/v1/services', headers: app.auth(`${tenant.key}x`) })).statusCode).toBe(401);
    await settled(app);
    expect(fakeWhatsApp.sent.length).toBeGreaterThan(0);

    expect(logs.text()).toContain('/v1/webhooks/');
    expect(app.app.log.level).toBe('debug'); // whatever the app logs at debug would be here
    logs.expectNone([
      tenant.key, tenant.key.split('_').at(-1)!, started.token, ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN, LLM_KEY,
      signature.slice('sha256='.length), CHAT_SECRET, 'jabuticaba', WHATSAPP_SECRET, 'maracujá', LLM_REPLY, 'pitangueira',
    ]);
  });
});
