import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { expectProblem } from '../harness/problem';
import { bookingPageApp, thamesBarbers, tokenOf, type visitor } from './visitor';

// Monday 1 March 2027, noon in London (GMT).
const NOW = Date.parse('2027-03-01T12:00:00Z');
let app: TestApp;
let page: ReturnType<typeof visitor>;
let slug: string;
let staff: Record<string, string>;
let serviceId: string;
let alice: string;
let bob: string;
let other: { slug: string; serviceId: string };

beforeAll(async () => {
  ({ app, page } = await bookingPageApp(NOW));
  ({ slug, staff, haircut: serviceId, alice, bob } = await thamesBarbers(app, { description: 'Wash, cut and style' }));
  const b = await createTenant(app);
  other = { slug: b.slug, serviceId: (await setupCatalogue(app, b.key)).serviceId };
});

const booking = (over: Record<string, unknown> = {}) => ({
  serviceId, start: '2027-03-02T10:00:00Z', customer: { name: 'John Smith', phone: '07911 123456' }, ...over,
});
const contactOf = async (bookingId: string) =>
  (await app.db.query<{ contact_id: string }>('SELECT contact_id FROM booking_page_bookings WHERE booking_id = $1', [bookingId]))[0]?.contact_id;

describe("the business's profile", () => {
  it('shows its services with prices, whom a visitor may choose, and the change policy', async () => {
    const res = await page.profile(slug);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    expect(profile.business).toMatchObject({ slug, name: 'Thames Barbers', locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' });
    expect(profile.services).toEqual([expect.objectContaining({
      id: serviceId, name: 'Haircut', description: 'Wash, cut and style', durationMinutes: 60, price: { amount: 2500, currency: 'GBP' },
      resources: [{ id: alice, name: 'Alice', kind: 'staff' }, { id: bob, name: 'Bob', kind: 'staff' }], changeNoticeMinutes: 1440,
    })]);
    expect(profile.consent).toEqual({ required: false, purposes: ['data_processing'], lang: 'en', text: null });
    expect(profile.policy).toEqual({ changeNoticeMinutes: 1440 });
  });

  it('is 404 for a slug nobody has, and shows each business only its own services', async () => {
    expectProblem(await page.profile('no-such-business'), 404, 'NOT_FOUND');
    const theirs = (await page.profile(other.slug)).json();
    expect(theirs.services.map((s: { id: string }) => s.id)).toEqual([other.serviceId]);
  });
});

describe('free times', () => {
  it("answers UTC instants with the visitor's and the business's wall clocks, for one person or anyone", async () => {
    const q = { serviceId, from: '2027-03-02', to: '2027-03-02', timeZone: 'America/Sao_Paulo' };
    const anyone = await page.slots(slug, q);
    expect(anyone.map((s) => s.businessTime.time)).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(anyone[0]).toMatchObject({ start: '2027-03-02T09:00:00Z', end: '2027-03-02T10:00:00Z',
      visitorTime: { timeZone: 'America/Sao_Paulo', date: '2027-03-02', time: '06:00', utcOffset: '-03:00' },
      businessTime: { timeZone: 'Europe/London', date: '2027-03-02', time: '09:00', utcOffset: '+00:00' } });
    const withBob = await page.slots(slug, { ...q, resourceId: bob });
    expect(withBob.every((s) => s.resourceIds.includes(bob))).toBe(true);
  });

  it('names the field that is wrong, and never shows another business’s service', async () => {
    const q = { serviceId, from: '2027-03-02', to: '2027-03-03' };
    expect(expectProblem(await page.times(slug, { ...q, timeZone: 'Mars/Olympus' }), 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ path: 'query.timeZone' })]);
    expect(expectProblem(await page.times(slug, { ...q, to: '2027-03-01' }), 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
    expect(expectProblem(await page.times(slug, { ...q, to: '2027-06-01' }), 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
    expect(expectProblem(await page.times(slug, { from: q.from, to: q.to }), 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ path: 'query.serviceId' })]);
    expectProblem(await page.times(slug, { ...q, serviceId: other.serviceId }), 404, 'NOT_FOUND');
  });
});

describe('booking', () => {
  it('refuses details that are missing or malformed, naming each field', async () => {
    const fieldOf = async (body: unknown) => expectProblem(await page.book(slug, body), 400, 'VALIDATION_FAILED').errors!.map((e) => e.path);
    expect(await fieldOf(booking({ customer: { name: 'John' } }))).toEqual(['customer.phone']);
    expect(await fieldOf(booking({ customer: { name: 'John', phone: '12' } }))).toEqual(['customer.phone']);
    expect(await fieldOf(booking({ customer: { name: 'John', email: 'not-an-address' } }))).toEqual(['customer.email']);
    expect(await fieldOf(booking({ start: 'tomorrow at ten' }))).toEqual(['start']);
    expect(await fieldOf(booking({ timeZone: 'Europe/Atlantis' }))).toEqual(['timeZone']);
    expect((await app.app.inject({ url: '/v1/bookings', headers: staff })).json().items).toEqual([]);
  });

  it('books, keeps the phone in E.164, finds or adds the contact, and shows the booking to staff', async () => {
    const res = await page.book(slug, booking({ resourceId: alice, language: 'en', timeZone: 'America/New_York' }));
    const token = tokenOf(res);
    const booked = res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(booked).toMatchObject({ status: 'confirmed', start: '2027-03-02T10:00:00Z', resources: [{ id: alice, name: 'Alice' }],
      customer: { name: 'John Smith', phone: '+447911123456', email: null }, price: { amount: 2500, currency: 'GBP' },
      visitorTime: { date: '2027-03-02', time: '05:00', timeZone: 'America/New_York' }, businessTime: { time: '10:00' },
      icsUrl: expect.stringMatching(new RegExp(`/v1/book/manage/${token}/ics$`)) });
    expect(res.headers['cache-control']).toBe('no-store');
    const list = (await app.app.inject({ url: '/v1/bookings', headers: staff })).json().items;
    expect(list).toEqual([expect.objectContaining({ id: booked.id, sourceChannel: 'booking_page', resourceIds: [alice] })]);
    const contactId = await contactOf(booked.id);
    const contact = (await app.app.inject({ url: `/v1/contacts/${contactId}`, headers: staff })).json();
    expect(contact).toMatchObject({ name: 'John Smith', phone: '+447911123456', lang: 'en' });
    // The same person again, writing the number another way: the same contact, now with an e-mail too.
    const again = await page.book(slug, booking({ start: '2027-03-09T10:00:00Z', customer: { name: 'John Smith', phone: '+44 7911 123456', email: 'john@example.co.uk' } }));
    expect(await contactOf(again.json().id)).toBe(contactId);
    // The token is kept only as its hash.
    const stored = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM booking_page_bookings WHERE booking_id = $1', [booked.id]);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(JSON.stringify(await app.db.query('SELECT * FROM idempotency_keys'))).not.toContain(token);
  });

  it('honours Idempotency-Key: a retry gets the same booking and link, a different body with the key is refused', async () => {
    const body = booking({ start: '2027-03-03T11:00:00Z', customer: { name: 'Ana Retry', email: 'ana@example.com' } });
    const first = await page.book(slug, body, 'retry-1');
    const second = await page.book(slug, body, 'retry-1');
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toMatchObject({ id: first.json().id, manageToken: tokenOf(first), manageUrl: first.json().manageUrl });
    expect(JSON.stringify(await app.db.query('SELECT response_body FROM idempotency_keys'))).not.toContain(tokenOf(first));
    expectProblem(await page.book(slug, { ...body, start: '2027-03-03T12:00:00Z' }, 'retry-1'), 422, 'IDEMPOTENCY_KEY_REUSED');
    const onThatDay = (await app.app.inject({ url: '/v1/bookings?from=2027-03-03T00:00:00Z&to=2027-03-04T00:00:00Z', headers: staff })).json().items;
    expect(onThatDay).toHaveLength(1);
  });

  it('answers a taken time with the staff route’s 409 code, and tells nothing about the booking in the way', async () => {
    const taken = { start: '2027-03-02T10:00:00Z', resourceId: alice };
    const res = await page.book(slug, booking({ ...taken, customer: { name: 'Late', email: 'late@example.com' } }));
    const problem = expectProblem(res, 409, 'SCHED_SLOT_UNAVAILABLE');
    const staffAnswer = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: staff,
      payload: { serviceId, start: taken.start, resourceIds: [alice], customer: { name: 'Late' } } });
    expect(staffAnswer.json().code).toBe(problem.code);
    const theirs = (await app.app.inject({ url: '/v1/bookings', headers: staff })).json().items.map((b: { id: string }) => b.id);
    for (const id of theirs) expect(res.body).not.toContain(id);
    // Anyone: Bob is still free at that time.
    const anyone = await page.book(slug, booking({ start: taken.start, customer: { name: 'Flexible', email: 'flex@example.com' } }));
    expect(anyone.json().resources).toEqual([{ id: bob, name: 'Bob' }]);
  });

  it('lets exactly one of two visitors racing for the last free time have it', async () => {
    const start = '2027-03-04T15:00:00Z';
    const race = await Promise.all(['One', 'Two'].map((name) => page.book(slug, booking({ start, resourceId: bob, customer: { name, email: `${name}@example.com` } }))));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(['SCHED_SLOT_TAKEN', 'SCHED_SLOT_UNAVAILABLE']).toContain(race.find((r) => r.statusCode === 409)!.json().code);
  });
});
