import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { inviteAndJoin } from '../harness/staff';

/**
 * BarberPro Palermo (Buenos Aires, -03:00): customers whose bookings were made on the public page
 * (which creates the contact) and by staff for the same phone, on Wednesdays at 12:00 local.
 */
let app: TestApp;
let barber: { key: string; slug: string };
let kumon: { key: string; slug: string };
let corte = '';
const DAY = 86_400_000;
const noonBA = (date: string) => `${date}T15:00:00Z`;
const headers = (key = barber.key) => ({ authorization: `Bearer ${key}` });

async function bookOnPage(name: string, phone: string, date: string): Promise<string> {
  app.clock.set(Date.parse(noonBA(date)) - 3 * DAY);
  const res = await app.app.inject({ method: 'POST', url: `/v1/book/${barber.slug}/bookings`,
    payload: { serviceId: corte, start: noonBA(date), customer: { name, phone } } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function bookByStaff(name: string, phone: string, date: string): Promise<string> {
  app.clock.set(Date.parse(noonBA(date)) - 3 * DAY);
  const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: headers(),
    payload: { serviceId: corte, start: noonBA(date), customer: { name, phone } } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function settle(id: string, status: 'completed' | 'no_show' | 'cancelled', date: string) {
  app.clock.set(Date.parse(noonBA(date)) + 2 * 3_600_000);
  const res = status === 'cancelled'
    ? await app.app.inject({ method: 'POST', url: `/v1/bookings/${id}/cancel`, headers: headers(), payload: { reason: 'did not come', overridePolicy: true } })
    : await app.app.inject({ method: 'PATCH', url: `/v1/bookings/${id}`, headers: headers(), payload: { status } });
  expect(res.statusCode, res.body).toBe(200);
}
async function visit(name: string, phone: string, date: string, status: 'completed' | 'no_show' | 'cancelled', onPage = false) {
  const id = onPage ? await bookOnPage(name, phone, date) : await bookByStaff(name, phone, date);
  await settle(id, status, date);
}
const atRisk = async (at: string, key = barber.key) => {
  app.clock.set(Date.parse(at));
  const res = await app.app.inject({ url: '/v1/customers/at-risk', headers: headers(key) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { timeZone: string; items: { name: string; reason: string; since: string; [k: string]: unknown }[] };
};

beforeAll(async () => {
  app = await startTestApp();
  [barber, kumon] = [await seedTenant(app, 'barberpro-palermo'), await seedTenant(app, 'kumon-vila-a')];
  const services = (await app.app.inject({ url: '/v1/services', headers: headers() })).json().items as { id: string; name: string }[];
  corte = services.find((s) => s.name === 'Corte')!.id;
  // Ana: a regular every three weeks; her last cut was on 18 February.
  await visit('Ana Pérez', '+5491155550101', '2026-01-07', 'completed', true);
  await visit('Ana Pérez', '+5491155550101', '2026-01-28', 'completed');
  await visit('Ana Pérez', '+5491155550101', '2026-02-18', 'completed');
  // Bia: came once, then a no-show and a cancellation.
  await visit('Bia Sosa', '+5491155550202', '2026-01-14', 'completed', true);
  await visit('Bia Sosa', '+5491155550202', '2026-02-04', 'no_show');
  await visit('Bia Sosa', '+5491155550202', '2026-02-11', 'cancelled');
  // Carla: as regular as Ana, but her next cut is booked.
  await visit('Carla Ruiz', '+5491155550303', '2026-01-07', 'completed', true);
  await visit('Carla Ruiz', '+5491155550303', '2026-01-28', 'completed');
  await visit('Carla Ruiz', '+5491155550303', '2026-02-18', 'completed');
  await bookByStaff('Carla Ruiz', '+5491155550303', '2026-04-01');
  // Dani: only one visit, long ago.
  await visit('Dani Luna', '+5491155550404', '2026-01-14', 'completed', true);
}, 120_000);

describe('customers at risk (GET /v1/customers/at-risk)', () => {
  it("flags the regular overdue by 1.5× her usual interval from the tenant's midnight on, and the customer who missed twice in a row", async () => {
    // Saturday 21 March 23:30 in Buenos Aires (02:30 UTC on the 22nd): 31 days since Ana's cut, 31.5 allowed.
    const before = await atRisk('2026-03-22T02:30:00Z');
    expect(before.timeZone).toBe('America/Argentina/Buenos_Aires');
    expect(before.items.map((i) => i.name)).toEqual(['Bia Sosa']);
    expect(before.items[0]).toMatchObject({ reason: 'missed', since: '2026-02-04', missedInARow: 2, lastVisit: null });

    // An hour later it is Sunday the 22nd there: day 32.
    const after = await atRisk('2026-03-22T03:30:00Z');
    expect(after.items).toEqual([
      { contactId: expect.any(String), name: 'Ana Pérez', reason: 'lapsed', since: '2026-03-22', lastVisit: '2026-02-18T15:00:00.000Z',
        visits: 3, usualIntervalDays: 21, daysSince: 32, missedInARow: null },
      expect.objectContaining({ name: 'Bia Sosa', reason: 'missed' }),
    ]);
    // The id is the contact's: the customer's profile opens with it.
    const contact = await app.app.inject({ url: `/v1/contacts/${after.items[0]!.contactId}`, headers: headers() });
    expect(contact.json()).toMatchObject({ name: 'Ana Pérez', phone: '+5491155550101' });
  });

  it('a visit ends the risk; another business sees none of it; every staff member may read it, nobody signed out', async () => {
    await visit('Bia Sosa', '+5491155550202', '2026-03-25', 'completed');
    expect((await atRisk('2026-03-26T12:00:00Z')).items.map((i) => i.name)).toEqual(['Ana Pérez']);
    expect((await atRisk('2026-03-26T12:00:00Z', kumon.key)).items).toEqual([]);
    const agent = await inviteAndJoin(app, app.auth(barber.key), { email: 'agent@barberpro.test', role: 'agent', name: 'Agent' });
    const asAgent = await app.app.inject({ url: '/v1/customers/at-risk', cookies: agent.cookies });
    expect(asAgent.json().items.map((i: { name: string }) => i.name)).toEqual(['Ana Pérez']);
    expect((await app.app.inject({ url: '/v1/customers/at-risk' })).statusCode).toBe(401);
  });
});
