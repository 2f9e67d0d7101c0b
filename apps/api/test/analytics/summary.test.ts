import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { inviteAndJoin } from '../harness/staff';

let app: TestApp;
let speedy: { key: string; slug: string; id: string };
let other: { key: string; slug: string; id: string };
const ids: Record<string, string> = {};
const headers = () => ({ authorization: `Bearer ${speedy.key}` });
const tenantId = async (slug: string) => (await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = $1`, [slug]))[0]!.id;

/**
 * Speedy Van (Europe/London, GBP), in the week the clocks go back: Monday 19 October 2026 00:00 BST
 * (18 Oct 23:00 UTC) to Monday 26 October 00:00 GMT — 169 hours; "today" is Sunday 25 October.
 */
beforeAll(async () => {
  app = await startTestApp();
  speedy = { ...(await seedTenant(app, 'speedy-van')), id: '' };
  speedy.id = await tenantId(speedy.slug);
  other = { ...(await seedTenant(app, 'barberpro-palermo')), id: '' };
  other.id = await tenantId(other.slug);
  const services = (await app.app.inject({ url: '/v1/services', headers: headers() })).json().items as { id: string; name: string }[];
  const small = services.find((s) => s.name.startsWith('Small van'))!.id;
  const medium = services.find((s) => s.name.startsWith('Medium van + 1'))!.id;

  app.clock.set(Date.parse('2026-10-12T06:00:00Z'));
  const book = async (name: string, serviceId: string, start: string) => {
    const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: headers(), payload: { serviceId, start, customer: { name } } });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  };
  await book('Last Sunday', small, '2026-10-18T17:00:00Z');
  await book('Monday Morning', small, '2026-10-19T06:00:00Z');
  await book('Wednesday Noshow', small, '2026-10-21T09:00:00Z');
  await book('Friday Cancelled', small, '2026-10-23T09:00:00Z');
  await book('Sunday Medium', medium, '2026-10-25T09:00:00Z');
  await book('Sunday Pending', small, '2026-10-25T15:00:00Z');
  await book('Next Monday', small, '2026-10-26T07:00:00Z');

  // A booking's and a lead's created_at are the database's clock, not the app's test clock: set them as of that week.
  const created: Record<string, string> = {
    'Last Sunday': '2026-10-15T10:00:00Z', 'Monday Morning': '2026-10-20T10:00:00Z', 'Wednesday Noshow': '2026-10-20T10:00:00Z',
    'Friday Cancelled': '2026-10-20T10:00:00Z', 'Sunday Medium': '2026-10-18T23:30:00Z', // Monday 00:30 BST: this week
    'Sunday Pending': '2026-10-18T22:30:00Z', // Sunday 23:30 BST: last week
    'Next Monday': '2026-10-15T10:00:00Z',
  };
  for (const [name, at] of Object.entries(created)) await app.db.query(`UPDATE bookings SET created_at = $2 WHERE id = $1`, [ids[name], at]);
  const lead = (tenant: string, at: string) => app.db.query(`INSERT INTO leads (tenant_id, contact_id, created_at) VALUES ($1, $2, $3)`, [tenant, randomUUID(), at]);
  await lead(speedy.id, '2026-10-18T23:30:00Z'); // Monday 00:30 BST: in
  await lead(speedy.id, '2026-10-25T23:30:00Z'); // Sunday 23:30 GMT: in
  await lead(speedy.id, '2026-10-18T22:30:00Z'); // Sunday 23:30 BST: last week
  await lead(speedy.id, '2026-10-26T00:00:00Z'); // Monday 00:00 GMT: next week
  await lead(other.id, '2026-10-20T12:00:00Z'); // another tenant

  app.clock.set(Date.parse('2026-10-25T12:00:00Z'));
  const patch = async (name: string, status: string) =>
    expect((await app.app.inject({ method: 'PATCH', url: `/v1/bookings/${ids[name]}`, headers: headers(), payload: { status } })).statusCode).toBe(200);
  await patch('Last Sunday', 'completed');
  await patch('Monday Morning', 'completed');
  await patch('Wednesday Noshow', 'no_show');
  await patch('Sunday Pending', 'pending');
  const cancel = await app.app.inject({ method: 'POST', url: `/v1/bookings/${ids['Friday Cancelled']}/cancel`, headers: headers(), payload: { overridePolicy: true } });
  expect(cancel.statusCode, cancel.body).toBe(200);
}, 120_000);

describe('the home summary (GET /v1/dashboard/summary)', () => {
  it("gives today's bookings and this week's numbers in the tenant's zone, across the clocks going back", async () => {
    const res = await app.app.inject({ url: '/v1/dashboard/summary', headers: headers() });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary.timeZone).toBe('Europe/London');
    expect(summary.week).toEqual({
      from: '2026-10-19', to: '2026-10-25', start: '2026-10-18T23:00:00Z', end: '2026-10-26T00:00:00Z',
      newLeads: 2, bookingsMade: 4, noShows: 1,
      revenue: [{ amount: 9000 + 15000, currency: 'GBP' }],
    });
    expect(summary.today).toMatchObject({ from: '2026-10-25', to: '2026-10-25', start: '2026-10-24T23:00:00Z', end: '2026-10-26T00:00:00Z' });
    expect(summary.today.bookings.map((b: { customerName: string; status: string }) => [b.customerName, b.status]))
      .toEqual([['Sunday Medium', 'confirmed'], ['Sunday Pending', 'pending']]);
    const [medium] = summary.today.bookings;
    expect(medium).toMatchObject({ id: ids['Sunday Medium'], start: '2026-10-25T09:00:00Z', end: '2026-10-25T12:00:00Z',
      service: { name: 'Medium van + 1 crew (3 h)' } });
    expect(medium.resources).toHaveLength(2);
    expect(medium.resources.map((r: { name: string }) => r.name)).toContain('Medium van (Ford Transit Custom LWB)');
  });

  it("counts nothing of another tenant's, and a viewer may read it", async () => {
    const res = await app.app.inject({ url: '/v1/dashboard/summary', headers: { authorization: `Bearer ${other.key}` } });
    expect(res.statusCode).toBe(200);
    // Its own lead only (Speedy Van's four are not its): same week, its own zone.
    expect(res.json()).toMatchObject({ timeZone: 'America/Argentina/Buenos_Aires',
      week: { from: '2026-10-19', start: '2026-10-19T03:00:00Z', newLeads: 1, bookingsMade: 0, noShows: 0, revenue: [{ amount: 0, currency: 'ARS' }] },
      today: { bookings: [] } });

    const viewer = await inviteAndJoin(app, headers(), { email: `viewer-${randomUUID()}@summary.test`, role: 'viewer' });
    const seen = await app.app.inject({ url: '/v1/dashboard/summary', cookies: viewer.cookies });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().week.noShows).toBe(1);
    expect((await app.app.inject({ url: '/v1/dashboard/summary' })).statusCode).toBe(401);
  });
});
