import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { expectProblem } from '../harness/problem';
import { bookingPageApp, thamesBarbers, tokenOf, type visitor } from './visitor';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const HOUR = 3_600_000;
let app: TestApp;
let page: ReturnType<typeof visitor>;
let slug: string;
let staff: Record<string, string>;
let haircut: string;
let colour: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  ({ app, page } = await bookingPageApp(NOW));
  ({ slug, staff, haircut, alice, bob } = await thamesBarbers(app));
  const created = await app.app.inject({ method: 'POST', url: '/v1/services', headers: staff, payload: { name: 'Colour', durationMinutes: 60,
    slotIntervalMinutes: 30, cancellationWindowMinutes: 180, price: { amount: 6000, currency: 'GBP' }, resourceIds: [alice, bob] } });
  colour = created.json().id;
});

const book = async (over: Record<string, unknown>) => tokenOf(await page.book(slug,
  { serviceId: haircut, start: '2027-03-05T10:00:00Z', customer: { name: 'Mary Jones', email: 'mary@example.co.uk' }, ...over }));
const staffView = async (id: string) => (await app.app.inject({ url: `/v1/bookings/${id}`, headers: staff })).json();

describe('the manage link', () => {
  it("shows the booking on the visitor's clock with the deadline for changes, and nothing for a token it did not give", async () => {
    app.clock.set(NOW);
    const token = await book({ resourceId: alice });
    const res = await page.view(token, 'Asia/Kolkata');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', service: { id: haircut, name: 'Haircut', durationMinutes: 60 },
      business: { slug, name: 'Thames Barbers', timeZone: 'Europe/London' }, start: '2027-03-05T10:00:00Z',
      visitorTime: { date: '2027-03-05', time: '15:30', utcOffset: '+05:30' }, businessTime: { time: '10:00' },
      policy: { changeNoticeMinutes: 1440, changeDeadline: '2027-03-04T10:00:00Z', canChange: true } });
    const id = res.json().id as string;
    for (const wrong of [id, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'x', 'A'.repeat(43)]) {
      expectProblem(await page.view(wrong), 404, 'NOT_FOUND');
      expectProblem(await page.cancel(wrong), 404, 'NOT_FOUND');
    }
  });

  it('downloads the booking as an .ics in UTC with the manage link', async () => {
    const token = await book({ start: '2027-03-05T14:00:00Z' });
    const res = await page.ics(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain('DTSTART:20270305T140000Z');
    expect(res.body).toContain('DTEND:20270305T150000Z');
    expect(res.body).toContain('SUMMARY:Haircut — Thames Barbers');
    expect(res.body.replace(/\r\n /g, '')).toContain(`/book/manage/${token}`);
  });

  it("cancels until the deadline of the business's notice, and answers after it with the deadline", async () => {
    app.clock.set(NOW);
    const token = await book({ start: '2027-03-05T15:00:00Z' });
    const id = (await page.view(token)).json().id;
    const deadline = Date.parse('2027-03-04T15:00:00Z');
    app.clock.set(deadline + 1);
    const late = expectProblem(await page.cancel(token), 409, 'BOOKING_CHANGE_TOO_LATE');
    expect(late).toMatchObject({ deadline: '2027-03-04T15:00:00Z', changeNoticeMinutes: 1440 });
    expect((await page.view(token)).json().policy.canChange).toBe(false);
    expect((await staffView(id)).status).toBe('confirmed');
    app.clock.set(deadline);
    const cancelled = await page.cancel(token, { reason: 'I am ill' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', policy: { canChange: false } });
    expect(await staffView(id)).toMatchObject({ status: 'cancelled', cancellationReason: 'I am ill' });
    expectProblem(await page.cancel(token), 409, 'SCHED_BOOKING_NOT_ACTIVE');
    app.clock.set(NOW);
  });

  it("follows a service's own window over the business's notice, and the notice the business sets", async () => {
    app.clock.set(NOW);
    const colourToken = await book({ serviceId: colour, start: '2027-03-05T11:00:00Z' });
    expect((await page.view(colourToken)).json().policy).toMatchObject({ changeNoticeMinutes: 180, changeDeadline: '2027-03-05T08:00:00Z' });
    app.clock.set(Date.parse('2027-03-05T08:00:00Z') + 1);
    expect(expectProblem(await page.cancel(colourToken), 409, 'BOOKING_CHANGE_TOO_LATE')).toMatchObject({ changeNoticeMinutes: 180 });
    app.clock.set(NOW);
    const put = await app.app.inject({ method: 'PUT', url: '/v1/booking-page/settings', headers: staff, payload: { changeNoticeMinutes: 60 } });
    expect(put.json()).toEqual({ enabled: true, changeNoticeMinutes: 60 });
    const token = await book({ start: '2027-03-05T16:00:00Z' });
    expect((await page.view(token)).json().policy).toMatchObject({ changeNoticeMinutes: 60, changeDeadline: '2027-03-05T15:00:00Z' });
    const bad = await app.app.inject({ method: 'PUT', url: '/v1/booking-page/settings', headers: staff, payload: { changeNoticeMinutes: -5 } });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ path: 'changeNoticeMinutes' })]);
    await app.app.inject({ method: 'PUT', url: '/v1/booking-page/settings', headers: staff, payload: {} });
  });

  it('moves the booking to another free time, even one overlapping its own, and refuses a taken one', async () => {
    app.clock.set(NOW);
    const token = await book({ serviceId: colour, start: '2027-03-08T10:00:00Z', resourceId: alice });
    const times = await page.manageTimes(token, { from: '2027-03-08', to: '2027-03-08', resourceId: alice });
    expect(times.statusCode, times.body).toBe(200);
    expect(times.json().slots.map((s: { businessTime: { time: string } }) => s.businessTime.time)).toContain('10:30');
    const moved = await page.reschedule(token, { start: '2027-03-08T10:30:00Z', resourceId: alice, timeZone: 'America/New_York' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2027-03-08T10:30:00Z', resources: [{ id: alice }], visitorTime: { time: '05:30' } });
    expect(await staffView(moved.json().id)).toMatchObject({ start: '2027-03-08T10:30:00Z', status: 'confirmed' });
    await book({ serviceId: colour, start: '2027-03-08T14:00:00Z', resourceId: bob, customer: { name: 'Someone Else', email: 'else@example.com' } });
    const taken = await page.reschedule(token, { start: '2027-03-08T14:00:00Z', resourceId: bob });
    expect(expectProblem(taken, 409, 'SCHED_SLOT_UNAVAILABLE').reasons).toEqual([expect.objectContaining({ code: 'booked', resourceId: bob })]);
    expect(expectProblem(await page.reschedule(token, {}), 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ path: 'start' })]);
    app.clock.set(Date.parse('2027-03-08T10:30:00Z') - 3 * HOUR + 1);
    expectProblem(await page.reschedule(token, { start: '2027-03-09T10:00:00Z' }), 409, 'BOOKING_CHANGE_TOO_LATE');
    app.clock.set(NOW);
  });
});

describe('another business', () => {
  it("never reaches this one's bookings or services through its slug or its links", async () => {
    app.clock.set(NOW);
    const b = await createTenant(app);
    const theirs = await setupCatalogue(app, b.key);
    const ours = await book({ start: '2027-03-10T10:00:00Z' });
    const theirToken = tokenOf(await page.book(b.slug, { serviceId: theirs.serviceId, start: '2027-03-10T13:00:00Z',
      customer: { name: 'Ana Souza', phone: '(11) 98765-4321' } }));
    expect((await page.view(theirToken)).json()).toMatchObject({ business: { slug: b.slug }, customer: { phone: '+5511987654321' } });
    expect((await page.view(ours)).json().business.slug).toBe(slug);
    expectProblem(await page.book(b.slug, { serviceId: haircut, start: '2027-03-10T10:00:00Z', customer: { name: 'X', email: 'x@example.com' } }), 404, 'NOT_FOUND');
    expectProblem(await page.times(b.slug, { serviceId: haircut, from: '2027-03-10', to: '2027-03-10' }), 404, 'NOT_FOUND');
    const theirList = (await app.app.inject({ url: '/v1/bookings', headers: app.auth(b.key) })).json().items;
    expect(theirList).toHaveLength(1);
  });

  it('closes the page when the business turns it off, while links already given keep working', async () => {
    const token = await book({ start: '2027-03-11T10:00:00Z' });
    await app.app.inject({ method: 'PUT', url: '/v1/booking-page/settings', headers: staff, payload: { enabled: false } });
    expectProblem(await page.profile(slug), 404, 'NOT_FOUND');
    expectProblem(await page.times(slug, { serviceId: haircut, from: '2027-03-11', to: '2027-03-11' }), 404, 'NOT_FOUND');
    expect((await page.view(token)).statusCode).toBe(200);
    await app.app.inject({ method: 'PUT', url: '/v1/booking-page/settings', headers: staff, payload: { enabled: true } });
    expect((await page.profile(slug)).statusCode).toBe(200);
  });
});
