import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { bookingPageApp, tokenOf, type Slot, type visitor } from './visitor';

// 2027: New York springs forward on 14 March and falls back on 7 November; London on 28 March and 31 October.
// For a couple of weeks each time the two cities are 4 hours apart instead of 5. São Paulo and Kolkata keep one offset.
const EVERY_DAY = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['09:00', '17:00']]]));
const NY = 'America/New_York';
let app: TestApp;
let page: ReturnType<typeof visitor>;
let london: { slug: string; serviceId: string; staff: Record<string, string> };
let saoPaulo: { slug: string; serviceId: string };

beforeAll(async () => {
  ({ app, page } = await bookingPageApp(Date.parse('2027-03-10T12:00:00Z')));
  const l = await createTenant(app, { timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP', name: 'Speedy Cuts' });
  const lc = await setupCatalogue(app, l.key, { timeZone: 'Europe/London', weekly: EVERY_DAY,
    service: { name: 'Haircut', durationMinutes: 60, horizonDays: 365, price: { amount: 2500, currency: 'GBP' } } });
  london = { slug: l.slug, serviceId: lc.serviceId, staff: lc.headers };
  const s = await createTenant(app, { timeZone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL' });
  saoPaulo = { slug: s.slug, serviceId: (await setupCatalogue(app, s.key, { weekly: EVERY_DAY })).serviceId };
});

/** The slot the business shows at `time` on `date`, as the visitor sees it. */
const at = (slots: Slot[], date: string, time: string) => {
  const slot = slots.find((s) => s.businessTime.date === date && s.businessTime.time === time);
  if (!slot) throw new Error(`no slot at ${date} ${time}`);
  return { visitor: `${slot.visitorTime.date} ${slot.visitorTime.time} ${slot.visitorTime.utcOffset}`, business: slot.businessTime.utcOffset, start: slot.start };
};

describe('a New York visitor booking a London business', () => {
  it("sees London's 09:00 at 04:00 or 05:00 depending on which city has changed its clocks (March)", async () => {
    const slots = await page.slots(london.slug, { serviceId: london.serviceId, from: '2027-03-13', to: '2027-03-29', timeZone: NY });
    expect(at(slots, '2027-03-13', '09:00')).toEqual({ visitor: '2027-03-13 04:00 -05:00', business: '+00:00', start: '2027-03-13T09:00:00Z' });
    expect(at(slots, '2027-03-14', '09:00')).toMatchObject({ visitor: '2027-03-14 05:00 -04:00', business: '+00:00' });
    expect(at(slots, '2027-03-26', '09:00')).toMatchObject({ visitor: '2027-03-26 05:00 -04:00', business: '+00:00' });
    expect(at(slots, '2027-03-28', '09:00')).toEqual({ visitor: '2027-03-28 04:00 -04:00', business: '+01:00', start: '2027-03-28T08:00:00Z' });
    // Every one of the visitor's days, and nothing outside them: 17 days of 8 slots.
    expect(slots).toHaveLength(17 * 8);
    expect(new Set(slots.map((s) => s.visitorTime.date)).size).toBe(17);
  });

  it('books the Sunday London changes its clocks and keeps the instant, the visitor\'s time and the business\'s', async () => {
    const res = await page.book(london.slug, { serviceId: london.serviceId, start: '2027-03-28T08:00:00Z', timeZone: NY,
      customer: { name: 'Joe Doe', phone: '+1 212 555 0143' } });
    const token = tokenOf(res);
    expect(res.json()).toMatchObject({ start: '2027-03-28T08:00:00Z', customer: { phone: '+12125550143' },
      visitorTime: { date: '2027-03-28', time: '04:00', utcOffset: '-04:00' }, businessTime: { date: '2027-03-28', time: '09:00', utcOffset: '+01:00' } });
    const staffSees = (await app.app.inject({ url: `/v1/bookings/${res.json().id}`, headers: london.staff })).json();
    expect(staffSees.start).toBe('2027-03-28T08:00:00Z');
    expect((await page.ics(token)).body).toContain('DTSTART:20270328T080000Z');
    expect((await page.view(token, 'Asia/Kolkata')).json().visitorTime).toMatchObject({ time: '13:30', utcOffset: '+05:30' });
  });

  it('sees the gap close again in October: 4 hours apart between 31 October and 7 November', async () => {
    app.clock.set(Date.parse('2027-10-20T12:00:00Z'));
    const slots = await page.slots(london.slug, { serviceId: london.serviceId, from: '2027-10-29', to: '2027-11-08', timeZone: NY });
    expect(at(slots, '2027-10-29', '09:00')).toMatchObject({ visitor: '2027-10-29 04:00 -04:00', business: '+01:00' });
    expect(at(slots, '2027-10-31', '09:00')).toMatchObject({ visitor: '2027-10-31 05:00 -04:00', business: '+00:00' });
    expect(at(slots, '2027-11-07', '09:00')).toMatchObject({ visitor: '2027-11-07 04:00 -05:00', business: '+00:00' });
    expect(at(slots, '2027-11-08', '16:00')).toMatchObject({ visitor: '2027-11-08 11:00 -05:00' });
    app.clock.set(Date.parse('2027-03-10T12:00:00Z'));
  });
});

describe('visitors and businesses in zones without daylight-saving time', () => {
  it("keeps São Paulo's 09:00 while the New York visitor's clock moves", async () => {
    const slots = await page.slots(saoPaulo.slug, { serviceId: saoPaulo.serviceId, from: '2027-03-12', to: '2027-03-15', timeZone: NY });
    expect(at(slots, '2027-03-12', '09:00')).toEqual({ visitor: '2027-03-12 07:00 -05:00', business: '-03:00', start: '2027-03-12T12:00:00Z' });
    expect(at(slots, '2027-03-15', '09:00')).toEqual({ visitor: '2027-03-15 08:00 -04:00', business: '-03:00', start: '2027-03-15T12:00:00Z' });
  });

  it("shows a Kolkata visitor London's change as a half-hour-offset shift, with the days cut at Kolkata's midnight", async () => {
    const slots = await page.slots(london.slug, { serviceId: london.serviceId, from: '2027-03-27', to: '2027-03-28', timeZone: 'Asia/Kolkata' });
    expect(at(slots, '2027-03-27', '11:00').visitor).toBe('2027-03-27 16:30 +05:30');
    expect(at(slots, '2027-03-28', '11:00').visitor).toBe('2027-03-28 15:30 +05:30');
    expect(slots.every((s) => ['2027-03-27', '2027-03-28'].includes(s.visitorTime.date))).toBe(true);
  });
});
