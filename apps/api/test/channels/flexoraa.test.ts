import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstContactOn } from '../harness/consent';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { startFakeMetaMessaging } from '../harness/fakes/meta-messaging';
import { startFakeWhatsApp } from '../harness/fakes/whatsapp';
import { settled } from './bad-input-helpers';
import { ACCESS_TOKEN, metaDriver, whatsappDriver, type Driver, type Seen } from './flexoraa-drivers';

const now = Date.parse('2026-11-25T06:00:00Z'); // Wed 11:30 in Kolkata
const QUESTIONS = ["What's your name?", 'What would you like Flexoraa to help you with?', 'Do you have a monthly budget in mind for this?',
  'When would you like to have it running?', 'Are you the person who decides on this, or who else is involved?',
  'How many people work at your company?'];
// Not HOT while qualifying: a HOT lead goes to a person at once and the assistant stops (see test/leads).
const ANSWERS = ['WhatsApp lead follow-up for our clinics', 'around 25,000 rupees a month', 'in two or three months', 'I decide, with our CFO', 'about 40 people'];

let app: TestApp;
let key: string;
let wa: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let meta: Awaited<ReturnType<typeof startFakeMetaMessaging>>;

beforeAll(async () => {
  wa = await startFakeWhatsApp(ACCESS_TOKEN);
  meta = await startFakeMetaMessaging(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  key = (await seedTenant(app, 'flexoraa')).key;
});
afterAll(async () => {
  await wa?.close();
  await meta?.close();
});

/** Says something (or taps) and returns what the business sent back to it, once everything has run. */
async function turn(driver: Driver, act: () => Promise<number>): Promise<Seen[]> {
  const before = driver.seen().length;
  app.clock.advance(20_000);
  expect(await act()).toBe(200);
  await settled(app);
  return driver.seen().slice(before);
}

async function bookings(): Promise<{ customer: { name: string }; start: string }[]> {
  const res = await app.app.inject({ url: '/v1/bookings', headers: app.auth(key) });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

const leads = [
  { channel: 'WhatsApp', name: 'Priya Sharma', driver: () => whatsappDriver(app, wa, '919812345601') },
  { channel: 'Instagram', name: 'Ananya Rao', driver: () => metaDriver(app, meta, 'instagram', '17841499990001') },
  { channel: 'Messenger', name: 'Rohan Gupta', driver: () => metaDriver(app, meta, 'messenger', '7712345678900001') },
];

describe('Flexoraa qualifies a lead, then books a discovery call', () => {
  it.each(leads)('on $channel: $name', async ({ name, driver: make }) => {
    const driver = make();
    const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key),
      payload: { type: driver.channelType, config: driver.config } });
    expect(res.statusCode, res.body).toBe(201);
    const channelId: string = res.json().id;
    const before = (await bookings()).length;

    // GDPR: the first message gets the consent question; tapping Yes answers the message that was kept.
    const asked: Seen[][] = [await firstContactOn(() => turn(driver, () => driver.write(channelId, "Hi, I'd like to book a discovery call on Friday afternoon")),
      (yes) => turn(driver, () => driver.tap(channelId, yes)))];
    for (const text of [name, ...ANSWERS]) {
      asked.push(await turn(driver, () => driver.write(channelId, text)));
    }
    // Six questions, name first, one at a time and without choices; then three Friday times.
    expect(asked.slice(0, -1).map((r) => r.at(-1)!.text)).toEqual(QUESTIONS);
    expect(asked.slice(0, -1).every((r) => r.every((s) => s.options.length === 0))).toBe(true);
    // The thanks and the offer are two sends; they reach the provider in the order they were written.
    const last = asked.at(-1)!;
    expect(last).toHaveLength(2);
    expect(last[0]!.text).toMatch(/noted everything/);
    const offer = last[1]!;
    expect(offer.options).toHaveLength(3);
    expect(offer.options.every((o) => /Fri/.test(o.title))).toBe(true);

    const chosen = offer.options[1]!;
    const confirm = await turn(driver, () => driver.tap(channelId, chosen));
    expect(confirm.at(-1)!.text).toContain(name.split(' ')[0]!);
    expect(confirm.at(-1)!.text).not.toMatch(/name\?/);

    const done = await turn(driver, () => driver.write(channelId, 'yes'));
    expect(done.length).toBeGreaterThan(0);
    const made = await bookings();
    expect(made).toHaveLength(before + 1);
    expect(made.map((b) => b.customer.name)).toContain(name);
    // The lead's score comes from the events of these turns, handled on their own.
    let leads: { fields: Record<string, string>; stage: string; bookingIds: string[] }[] = [];
    for (let i = 0; i < 100 && !leads.some((l) => l.fields.contact_name === name && l.stage === 'booked'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      leads = (await app.app.inject({ url: '/v1/leads', headers: app.auth(key) })).json().items;
    }
    expect(leads.find((l) => l.fields.contact_name === name)).toMatchObject({ stage: 'booked', fields: { budget: ANSWERS[1] } });
  });
});
