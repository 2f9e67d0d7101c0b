import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { until } from '../harness/wait';
import { readable } from '../harness/readable';

const ACCESS_TOKEN = 'EAAG-reminders';
const APP_SECRET = 'reminders-app-secret';
const PHONE_NUMBER_ID = '4455667788';
const CUSTOMER = '447700900123';
const EVERY_DAY = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['07:00', '20:00']]]));
// Thursday 25 March 2027, 12:00 GMT. British Summer Time starts on Sunday 28 March at 01:00 GMT.
const NOW = Date.parse('2027-03-25T12:00:00Z');

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let headers: Record<string, string>;
let channelId: string;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(NOW);
  const tenant = await createTenant(app, { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP', name: 'Thames Clinic' });
  ({ headers } = await setupCatalogue(app, tenant.key, {
    timeZone: 'Europe/London', weekly: EVERY_DAY, resources: [{ name: 'Dr Patel' }],
    service: { name: 'Consultation', durationMinutes: 60, price: { amount: 5000, currency: 'GBP' } },
  }));
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers, payload: { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } } });
  expect(res.statusCode, res.body).toBe(201);
  channelId = res.json().id;
  // The reminder's text, approved by Meta, for sends after the 24-hour window.
  const template = await app.app.inject({ method: 'POST', url: '/v1/templates', headers, payload: {
    name: 'appointment_reminder', language: 'en_GB', status: 'approved', kind: 'booking_reminder',
    body: 'Hi {{1}}! A reminder of your {{2}} on {{3}} at {{4}}. Reply 1 to confirm, 2 to reschedule or 3 to cancel.' } });
  expect(template.statusCode, template.body).toBe(201);
});
afterAll(() => fake?.close());

async function customerSays(text: string, reply?: { id: string; title: string }) {
  const at = app.clock.now();
  const body = reply
    ? { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '447700900000', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'John Smith' }, wa_id: CUSTOMER }],
      messages: [{ from: CUSTOMER, id: `wamid.r${++seq}`, timestamp: String(Math.floor(at / 1000)), type: 'interactive',
        interactive: { type: 'button_reply', button_reply: reply } }] } }] }] }
    : whatsappText(PHONE_NUMBER_ID, CUSTOMER, text, at, `wamid.t${++seq}`, 'John Smith');
  const raw = JSON.stringify(body);
  const before = fake.sent.length;
  const res = await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
  expect(res.statusCode).toBe(200);
  await fake.until(() => fake.sent.length > before);
  return fake.sent.slice(before).map((s) => s.body);
}
const textOf = (b: Record<string, unknown>) => JSON.stringify(b);
/** The options of an interactive message: reply buttons (up to three) or list rows. */
function rowsOf(b: Record<string, unknown>): { id: string; title: string }[] {
  const action = (b as { interactive: { action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string }[] }[] } } }).interactive.action;
  return action.buttons?.map((x) => x.reply) ?? action.sections![0]!.rows;
}

async function notices(bookingId: string) {
  const res = await app.app.inject({ url: `/v1/bookings/${bookingId}/messages`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { kind: string; status: string; dueAt: string; reason: string | null; viaTemplate: boolean; delivery: { status: string } | null; text: string | null }[];
}

describe('a booking made over WhatsApp, across the change to British Summer Time', () => {
  let bookingId: string;

  it('is booked by the assistant for Sunday 10:00 BST and gets its reminders planned in local time', async () => {
    const offers = await customerSays('Hi, I would like to book a consultation on Sunday at 10am');
    const rows = rowsOf(offers.at(-1)!);
    const ten = rows.find((r) => /10:00/.test(r.title));
    expect(ten, JSON.stringify(rows)).toBeDefined();
    const afterTap = await customerSays('', ten);
    if (/name/i.test(textOf(afterTap.at(-1)!))) await customerSays('John Smith');
    const booked = await customerSays('yes');
    expect(textOf(booked.at(-1)!)).toMatch(/Consultation/);
    const [row] = readable(await app.db.query<{ id: string; start_at: Date; customer_name: string; source_channel: string }>(
      `SELECT id, start_at, customer_name, source_channel FROM bookings`)).filter((b) => b.customer_name === 'John Smith');
    bookingId = row!.id;
    expect(row!.source_channel).toBe('whatsapp');
    expect(row!.start_at.toISOString()).toBe('2027-03-28T09:00:00.000Z'); // 10:00 BST

    // Planned by the notifications consumer of booking.created: allow for its retries on a loaded machine.
    const planned = await until(async () => {
      const items = await notices(bookingId);
      return items.filter((n) => n.kind === 'booking_reminder').length === 2 && items;
    }, 45_000);
    // 24 h before is 10:00 the day before — in GMT, 23 hours earlier; 2 h before is 08:00 BST.
    expect(planned.filter((n) => n.kind === 'booking_reminder').map((n) => [n.status, n.dueAt])).toEqual([
      ['scheduled', '2027-03-27T10:00:00.000Z'], ['scheduled', '2027-03-28T07:00:00.000Z']]);
    // The assistant confirmed it in the chat: no second confirmation.
    const confirmation = await until(async () => (await notices(bookingId)).find((n) => n.kind === 'booking_confirmation' && n.status !== 'scheduled'));
    expect(confirmation).toMatchObject({ status: 'skipped', reason: 'said in the conversation' });
  });

  it('sends nothing before the local time, then the reminder once at 10:00, as the approved template', async () => {
    app.clock.set(Date.parse('2027-03-27T09:59:00Z'));
    expect(await app.notifications.service.sendDue()).toBe(0);
    const before = fake.sent.length;
    app.clock.set(Date.parse('2027-03-27T10:00:05Z'));
    await fake.until(() => fake.sent.length > before);
    const reminder = fake.sent.at(-1)!.body as { type: string; template: { name: string; components: { parameters: { text: string }[] }[] } };
    expect(reminder.type).toBe('template'); // the customer last wrote two days ago: the window is closed
    expect(reminder.template.name).toBe('appointment_reminder');
    expect(reminder.template.components[0]!.parameters.map((p) => p.text).slice(0, 4)).toEqual(['John Smith', 'Consultation', 'Sunday 28 March', '10:00']);
    const sent = await until(async () => (await notices(bookingId)).find((n) => n.kind === 'booking_reminder' && n.status === 'sent' && n.delivery?.status === 'sent'));
    expect(sent).toMatchObject({ dueAt: '2027-03-27T10:00:00.000Z', viaTemplate: true });
    expect(sent.text).toContain('Reply 1 to confirm, 2 to reschedule or 3 to cancel');
    expect(await app.notifications.service.sendDue()).toBe(0);
    expect(fake.sent.length).toBe(before + 1);
  });

  it('"2" reschedules that booking, and its pending reminder moves with it', async () => {
    app.clock.set(Date.parse('2027-03-27T10:30:00Z'));
    const asked = await customerSays('2');
    expect(textOf(asked.at(-1)!)).toMatch(/When would you like to move/);
    const offers = await customerSays('Monday at 11am');
    const eleven = rowsOf(offers.at(-1)!).find((r) => /11:00/.test(r.title));
    expect(eleven).toBeDefined();
    const done = await customerSays('', eleven);
    expect(textOf(done.at(-1)!)).toMatch(/moved to/);
    const [row] = await app.db.query<{ start_at: Date; status: string }>(`SELECT start_at, status FROM bookings WHERE id = $1`, [bookingId]);
    expect(row).toEqual({ start_at: new Date('2027-03-29T10:00:00Z'), status: 'confirmed' });

    const items = await until(async () => {
      const list = await notices(bookingId);
      return list.some((n) => n.kind === 'booking_reminder' && n.dueAt === '2027-03-28T10:00:00.000Z') && list;
    });
    const reminders = items.filter((n) => n.kind === 'booking_reminder').map((n) => [n.dueAt, n.status]);
    expect(reminders).toEqual(expect.arrayContaining([
      ['2027-03-27T10:00:00.000Z', 'sent'],
      ['2027-03-28T07:00:00.000Z', 'cancelled'],
      ['2027-03-28T10:00:00.000Z', 'scheduled'],
      ['2027-03-29T08:00:00.000Z', 'scheduled'],
    ]));
    const moved = await until(async () => (await notices(bookingId)).find((n) => n.kind === 'booking_rescheduled' && n.status !== 'scheduled'));
    expect(moved.status).toBe('skipped'); // the assistant said so in the chat
  });

  it('"3" under the next reminder cancels the booking and drops the rest', async () => {
    const before = fake.sent.length;
    app.clock.set(Date.parse('2027-03-28T10:00:05Z'));
    await fake.until(() => fake.sent.length > before);
    // The customer wrote within 24 hours: this reminder is plain text with three buttons.
    const reminder = fake.sent.at(-1)!.body;
    expect(textOf(reminder)).toMatch(/Monday 29 March/);
    const cancelled = await customerSays('3');
    expect(textOf(cancelled.at(-1)!)).toMatch(/Cancelled/);
    const items = await until(async () => {
      const list = await notices(bookingId);
      return list.some((n) => n.dueAt === '2027-03-29T08:00:00.000Z' && n.status === 'cancelled') && list;
    });
    expect(items.filter((n) => n.kind === 'booking_reminder' && n.status === 'scheduled')).toEqual([]);
    // The cancellation notice waits its grace period, then sees the assistant already said it.
    app.clock.set(Date.parse('2027-03-28T10:02:00Z'));
    const notice = await until(async () => (await notices(bookingId)).find((n) => n.kind === 'booking_cancelled' && n.status !== 'scheduled'));
    expect(notice).toMatchObject({ status: 'skipped', reason: 'said in the conversation' });
    expect(fake.sent.at(-1)!.body).toEqual(cancelled.at(-1));
  });
});
