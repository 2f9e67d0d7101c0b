import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { storedHandles } from '../harness/readable';

const ACCESS_TOKEN = 'EAAG-window-token';
const APP_SECRET = 'window-app-secret';
const PHONE_NUMBER_ID = '1122334455667';
const CUSTOMER = '5511933330001';

let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let app: TestApp;
let key: string;
let conversationId: string;
const wrote = Date.parse('2026-11-25T13:00:00Z');

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(wrote);
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  const channelId = (await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'whatsapp_cloud', config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } } })).json().id;
  const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, CUSTOMER, 'quanto custa o Kumon?', wrote));
  await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
  await fake.until(() => fake.sent.length === 1);
  conversationId = (await app.db.query<{ id: string }>(`SELECT conversation_id AS id FROM channel_identities WHERE handle = ANY($1::text[])`, [storedHandles(CUSTOMER)]))[0]!.id;
});
afterAll(() => fake?.close());

const staffSays = (text: string) => app.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers: app.auth(key), payload: { text } });
const sendTemplate = (body: Record<string, unknown>) => app.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/template`, headers: app.auth(key), payload: body });

describe('the 24-hour window for staff on WhatsApp', () => {
  it('sends a free-text reply while the customer wrote less than 24 hours ago, with its delivery on the message', async () => {
    app.clock.set(wrote + 23 * 3600_000);
    expect((await staffSays('Oi! Aqui é a Ana, da unidade. Posso ajudar?')).statusCode).toBe(201);
    await fake.until(() => fake.sent.length === 2);
    expect(fake.sent[1]!.body).toMatchObject({ type: 'text', text: { body: 'Oi! Aqui é a Ana, da unidade. Posso ajudar?' } });
    for (let i = 0; i < 100; i++) {
      const items = (await app.app.inject({ url: `/v1/conversations/${conversationId}/messages`, headers: app.auth(key) })).json().items;
      if (items.at(-1).delivery?.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const items = (await app.app.inject({ url: `/v1/conversations/${conversationId}/messages`, headers: app.auth(key) })).json().items;
    expect(items.at(-1)).toMatchObject({ author: 'staff', delivery: { status: 'sent', error: null } });
  });

  it('refuses free text after the window and says which approved templates to use; nothing is stored', async () => {
    app.clock.set(wrote + 25 * 3600_000);
    const before = (await app.db.query(`SELECT 1 FROM messages WHERE conversation_id=$1`, [conversationId])).length;
    const refused = await staffSays('Oi, ainda tem interesse?');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CHANNEL_WINDOW_CLOSED', templates: [] });
    expect((await app.db.query(`SELECT 1 FROM messages WHERE conversation_id=$1`, [conversationId])).length).toBe(before);
  });

  it('sends an approved template instead, with its variables; pending ones and missing variables are refused', async () => {
    const created = await app.app.inject({ method: 'POST', url: '/v1/templates', headers: app.auth(key),
      payload: { name: 'retomar_contato', language: 'pt_BR', body: 'Olá {{1}}! Ainda quer agendar a avaliação no Kumon? Responda SIM.' } });
    expect(created.statusCode).toBe(201);
    expect((await sendTemplate({ name: 'retomar_contato', variables: ['Maria'] })).json().code).toBe('TEMPLATE_NOT_APPROVED');
    await app.app.inject({ method: 'PATCH', url: `/v1/templates/${created.json().id}`, headers: app.auth(key), payload: { status: 'approved' } });
    expect((await staffSays('Oi?')).json().templates).toEqual([{ name: 'retomar_contato', language: 'pt_BR' }]);
    const missing = await sendTemplate({ name: 'retomar_contato', variables: [] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ path: 'variables[0]', message: 'the template uses {{1}}' }]);

    const sent = await sendTemplate({ name: 'retomar_contato', variables: ['Maria'] });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().text).toBe('Olá Maria! Ainda quer agendar a avaliação no Kumon? Responda SIM.');
    await fake.until(() => fake.sent.length === 3);
    expect(fake.sent[2]!.body).toMatchObject({ type: 'template', template: { name: 'retomar_contato', language: { policy: 'deterministic', code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria' }] }] } });
  });

  it('refuses a duplicate template name and language, and bad names', async () => {
    const again = await app.app.inject({ method: 'POST', url: '/v1/templates', headers: app.auth(key),
      payload: { name: 'retomar_contato', language: 'pt_BR', body: 'x' } });
    expect(again.json().code).toBe('TEMPLATE_NAME_TAKEN');
    const bad = await app.app.inject({ method: 'POST', url: '/v1/templates', headers: app.auth(key), payload: { name: 'Bad Name', language: 'portuguese', body: '' } });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['name', 'language', 'body']));
  });
});
