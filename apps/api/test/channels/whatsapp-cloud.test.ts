import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { afterConsent, consentAsked } from '../harness/consent';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { readable, storedHandles } from '../harness/readable';

const ACCESS_TOKEN = 'EAAG-test-access-token';
const APP_SECRET = 'test-app-secret-123';
const VERIFY_TOKEN = 'kumon-verify-42';
const PHONE_NUMBER_ID = '1122334455667';
const CUSTOMER = '5511987654321';

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let key: string;
let channel: { id: string; webhookUrl: string };
const now = Date.parse('2026-11-25T13:00:00Z'); // Wed 10:00 in São Paulo

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  const res = await app.app.inject({
    method: 'POST', url: '/v1/channels', headers: app.auth(key),
    payload: { type: 'whatsapp_cloud', config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphBaseUrl: fake.graphBaseUrl } },
  });
  expect(res.statusCode, res.body).toBe(201);
  channel = res.json();
});
afterAll(() => fake?.close());

const deliver = (body: unknown, signature?: string) => {
  const raw = JSON.stringify(body);
  return app.app.inject({
    method: 'POST', url: `/v1/webhooks/${channel.id}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? metaSignature(APP_SECRET, raw) },
  });
};
const sentTo = (to: string) => fake.sent.filter((s) => s.body.to === to);
type Choice = { id: string; title: string };
interface Interactive { type: string; interactive: { type: string; body: { text: string };
  action: { buttons?: { reply: Choice }[]; sections?: { rows: Choice[] }[] } } }
const sentBody = (n: number) => sentTo(CUSTOMER)[n]!.body as unknown as Partial<Interactive> & { text?: { body: string } };
/** The nth message sent to the customer, as they see it. */
function shown(n: number): { text: string; options: Choice[] } {
  const body = sentBody(n);
  if (!body.interactive) return { text: body.text!.body, options: [] };
  const { action } = body.interactive;
  return { text: body.interactive.body.text, options: action.buttons?.map((b) => b.reply) ?? action.sections!.flatMap((x) => x.rows) };
}
/** The customer tapping a button or a list row, `seconds` after the first message. */
const tap = (id: string, seconds: number, interactive: Record<string, unknown>) => ({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{
  field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '551130000000', phone_number_id: PHONE_NUMBER_ID },
    contacts: [{ profile: { name: 'Maria Souza' }, wa_id: CUSTOMER }],
    messages: [{ from: CUSTOMER, id, timestamp: String(now / 1000 + seconds), type: 'interactive', interactive }] } }] }] });

describe('a WhatsApp Cloud channel', () => {
  it('is connected through the API with its webhook URL; secrets are never returned', async () => {
    expect(channel.webhookUrl).toMatch(new RegExp(`/v1/webhooks/${channel.id}$`));
    const listed = (await app.app.inject({ url: '/v1/channels', headers: app.auth(key) })).json().items;
    expect(JSON.stringify(listed)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(listed)).not.toContain(APP_SECRET);
    expect(listed[0]).toMatchObject({ type: 'whatsapp_cloud', status: 'active', secretsSet: ['accessToken', 'appSecret', 'verifyToken'],
      config: { phoneNumberId: PHONE_NUMBER_ID } });
    const [row] = await app.db.query<{ secrets: string }>(`SELECT secrets FROM channels WHERE id=$1`, [channel.id]);
    expect(row!.secrets).not.toContain(ACCESS_TOKEN);
  });

  it('refuses a config with missing or wrong keys, naming each', async () => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
      payload: { type: 'whatsapp_cloud', config: { phoneNumberId: '1', graphBaseUrl: 'ftp://x' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['config.accessToken', 'config.appSecret', 'config.verifyToken', 'config.graphBaseUrl']));
  });

  it("answers Meta's subscription handshake only with the right verify token", async () => {
    const ok = await app.app.inject({ url: `/v1/webhooks/${channel.id}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const bad = await app.app.inject({ url: `/v1/webhooks/${channel.id}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1` });
    expect(bad.statusCode).toBe(401);
  });

  it('refuses and records a webhook with a bad or missing signature, storing nothing', async () => {
    const body = whatsappText(PHONE_NUMBER_ID, CUSTOMER, 'oi', now);
    expect((await deliver(body, 'sha256=' + '0'.repeat(64))).statusCode).toBe(401);
    const unsigned = await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.id}`, payload: body });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.headers['content-type']).toMatch(/problem\+json/);
    const stored = await app.db.query(`SELECT 1 FROM inbound_events WHERE channel_id=$1`, [channel.id]);
    expect(stored).toHaveLength(0);
    const refused = await app.db.query<{ reason: string }>(`SELECT reason FROM webhook_rejections WHERE channel_id=$1 ORDER BY id`, [channel.id]);
    expect(refused.map((r) => r.reason)).toEqual(expect.arrayContaining(['bad X-Hub-Signature-256', 'missing X-Hub-Signature-256']));
  });

  it('answers a customer on WhatsApp with three times as a list, and a tapped row books the slot', async () => {
    const first = whatsappText(PHONE_NUMBER_ID, CUSTOMER, 'Oi, queria marcar uma avaliação na sexta de manhã', now, 'wamid.first', 'Maria Souza');
    const ack = await deliver(first);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toEqual({ received: 1, stored: 1 });
    // LGPD: a new contact is asked for consent first, with two buttons.
    await fake.until(() => sentTo(CUSTOMER).length >= 1);
    expect(sentBody(0).interactive!.type).toBe('button');
    const yes = consentAsked(shown(0));

    // Meta retries: the same message again is stored once and answered once.
    expect((await deliver(first)).json()).toEqual({ received: 1, stored: 0 });

    expect((await deliver(tap('wamid.consent', 30, { type: 'button_reply', button_reply: yes }))).statusCode).toBe(200);
    await fake.until(() => sentTo(CUSTOMER).length >= 3);
    expect(afterConsent([shown(1), shown(2)])).toHaveLength(1); // the thanks, then the offer
    const offer = sentBody(2) as Interactive;
    expect(offer.type).toBe('interactive');
    expect(offer.interactive.type).toBe('list');
    const rows = offer.interactive.action.sections![0]!.rows;
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => /sex/.test(r.title))).toBe(true);

    expect((await deliver(tap('wamid.tap', 60, { type: 'list_reply', list_reply: { id: rows[0]!.id, title: rows[0]!.title } }))).statusCode).toBe(200);
    await fake.until(() => sentTo(CUSTOMER).length >= 4);
    // The slot is held; the booking name is asked (a WhatsApp profile name may be a nickname).
    expect(sentBody(3).text!.body).toMatch(/^Separei sex\., 27 de nov\..*nome/);
    expect(sentTo(CUSTOMER)).toHaveLength(4);

    // The contact is the WhatsApp number, with the profile name.
    const [contact] = readable(await app.db.query<{ phone: string; name: string }>(
      `SELECT c.phone, c.name FROM contacts c JOIN channel_identities i ON i.contact_id = c.id WHERE i.handle = ANY($1::text[])`, [storedHandles(CUSTOMER)]));
    expect(contact).toEqual({ phone: '+5511987654321', name: 'Maria Souza' });
  });
});
