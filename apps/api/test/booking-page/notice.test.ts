import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { startFakeSmtp } from '../harness/fakes/smtp';
import { until } from '../harness/wait';
import { tokenOf, visitor } from './visitor';

const NOW = Date.parse('2027-03-01T12:00:00Z');
let app: TestApp;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let slug: string;
let staff: Record<string, string>;
let serviceId: string;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  app = await startTestApp({ workers: true });
  app.clock.set(NOW);
  const tenant = await createTenant(app, { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP', name: 'Thames Barbers' });
  slug = tenant.slug;
  ({ serviceId, headers: staff } = await setupCatalogue(app, tenant.key, { timeZone: 'Europe/London',
    service: { name: 'Haircut', durationMinutes: 60, price: { amount: 2500, currency: 'GBP' } } }));
  const channel = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: staff, payload: { type: 'email',
    config: { from: 'hello@thames-barbers.example', smtpHost: smtp.host, smtpPort: smtp.port, smtpSecure: false, inboundSecret: 'inbound-secret' } } });
  expect(channel.statusCode, channel.body).toBe(201);
});
afterAll(() => smtp?.close());

describe('a booking made on the page', () => {
  it("gets the business's confirmation, sent by e-mail to the customer in their language", async () => {
    const res = await visitor(app).book(slug, { serviceId, start: '2027-03-04T10:00:00Z', language: 'en',
      customer: { name: 'Mary Jones', email: 'mary@example.co.uk' } });
    tokenOf(res);
    const bookingId = res.json().id as string;
    const notices = async () => (await app.app.inject({ url: `/v1/bookings/${bookingId}/messages`, headers: staff })).json().items as
      { kind: string; status: string; reason: string | null; text: string | null }[];
    const planned = await until(async () => (await notices()).find((n) => n.kind === 'booking_confirmation'));
    expect(planned.status).toBe('scheduled');
    app.clock.set(NOW + 60_000); // past the grace the notifications give a change before confirming it
    const sent = await until(async () => (await notices()).find((n) => n.kind === 'booking_confirmation' && n.status !== 'scheduled'));
    expect(sent, JSON.stringify(sent)).toMatchObject({ status: 'sent' });
    const mail = await until(() => smtp.received.find((m) => m.to.includes('mary@example.co.uk')));
    expect(mail.text).toContain('Haircut');
    expect(mail.text).toMatch(/10:00/);
  });
});
