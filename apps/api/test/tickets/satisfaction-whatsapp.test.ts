import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { staffApi, until } from './setup';

const ACCESS_TOKEN = 'EAAG-tickets';
const APP_SECRET = 'tickets-app-secret';
const PHONE_NUMBER_ID = '5491100001111';
const CUSTOMER = '5491155554444';
const OPENED = Date.parse('2026-06-02T14:00:00Z'); // Tuesday 11:00 in Buenos Aires
const DAY = 24 * 3600_000;

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let staff: ReturnType<typeof staffApi>;
let channelId: string;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(OPENED);
  const { key } = await seedTenant(app, 'barberpro-palermo');
  staff = staffApi(app, key);
  const channel = await staff.call('POST', '/v1/channels', { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  expect(channel.status, JSON.stringify(channel.body)).toBe(201);
  channelId = channel.body.id;
  // The question as approved by Meta, for when the customer last wrote more than 24 hours ago.
  const template = await staff.call('POST', '/v1/templates', { name: 'ticket_satisfaction', language: 'es_AR', status: 'approved',
    kind: 'ticket_satisfaction', body: '¡Hola, {{1}}! Resolvimos tu consulta con {{6}}. Del 1 al 5, ¿cómo calificarías la atención?' });
  expect(template.status, JSON.stringify(template.body)).toBe(201);
});
afterAll(() => fake?.close());

async function customerWrites(text: string) {
  const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, CUSTOMER, text, app.clock.now(), `wamid.tk${++seq}`, 'Juan Pérez'));
  const res = await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
  expect(res.statusCode).toBe(200);
}

describe('the satisfaction question after a WhatsApp complaint is resolved', () => {
  it('goes out as the approved template once the window has closed, and "5" rates the ticket', async () => {
    await customerWrites('tengo una queja, el corte quedó mal');
    const [ticket] = await until(async () => {
      const items = await staff.tickets();
      return items.length ? items : undefined;
    }) as ({ id: string } & Record<string, unknown>)[];
    expect(ticket).toMatchObject({ subject: 'tengo una queja, el corte quedó mal', source: 'assistant', priority: 'high', status: 'open' });
    await fake.until(() => fake.sent.length >= 1); // the assistant's hand-off reply

    // Two days later: the 24-hour window is closed, so the question is the approved template.
    app.clock.set(OPENED + 2 * DAY);
    const before = fake.sent.length;
    const resolved = await staff.patch(ticket!.id, { status: 'resolved', resolution: 'Le devolvimos el dinero.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.timeToResolveMs).toBe(2 * DAY);
    await fake.until(() => fake.sent.length > before);
    const question = fake.sent.at(-1)!.body as { type: string; template: { name: string; components: { parameters: { text: string }[] }[] } };
    expect(question.type).toBe('template');
    expect(question.template.name).toBe('ticket_satisfaction');
    expect(question.template.components[0]!.parameters.map((p) => p.text)).toEqual(expect.arrayContaining(['Juan Pérez', 'BarberPro Palermo']));

    app.clock.set(OPENED + 2 * DAY + 5 * 60_000);
    await customerWrites('5');
    const rated = await until(async () => {
      const t = await staff.ticket(ticket!.id);
      return t.satisfaction ? t : undefined;
    });
    expect(rated.satisfaction).toMatchObject({ rating: 5, resolution: 1, comment: null });
    const history = await staff.history(ticket!.id);
    expect(history.find((h) => h.kind === 'rating_requested')).toMatchObject({ detail: { status: 'queued', resolution: 1 } });
    expect(history.find((h) => h.kind === 'rated')).toMatchObject({ actor: 'customer', detail: { rating: 5, resolution: 1 } });

    // Reopened after the rating: allowed, and the next resolution asks again (a question of its own).
    expect((await staff.patch(ticket!.id, { status: 'open' })).body).toMatchObject({ status: 'open', satisfaction: { rating: 5 } });
    const again = fake.sent.length;
    expect((await staff.patch(ticket!.id, { status: 'resolved', resolution: 'Corte de regalo.' })).body.resolutions).toBe(2);
    await fake.until(() => fake.sent.length > again);
    const asked = await app.db.query<{ key: string }>(`SELECT key FROM notices WHERE kind = 'ticket_satisfaction' ORDER BY key`);
    expect(asked.map((n) => n.key)).toEqual([`ticket:${ticket!.id}:rating:1`, `ticket:${ticket!.id}:rating:2`]);
  });
});
