import { describe, expect, it } from 'vitest';
import { createTenant, startTestApp, targets } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

const RACERS = 200;

describe.each(targets())('racing for one slot over real HTTP on $name', (target) => {
  it(`lets exactly one of ${RACERS} concurrent clients win; the rest get 409`, async () => {
    const app = await startTestApp({ target, poolMax: 20 });
    app.clock.set(Date.parse('2031-03-01T12:00:00Z'));
    const { key } = await createTenant(app);
    const { serviceId, resourceIds } = await setupCatalogue(app, key);
    const address = await app.app.listen({ port: 0, host: '127.0.0.1' });

    const body = JSON.stringify({ serviceId, start: '2031-03-04T13:00:00Z', resourceIds, customer: { name: 'Racer' } });
    const responses = await Promise.all(Array.from({ length: RACERS }, () =>
      fetch(`${address}/v1/bookings`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } }))));

    const won = responses.filter((r) => r.status === 201);
    const lost = responses.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(RACERS - 1);
    for (const r of lost) expect(['SCHED_SLOT_TAKEN', 'SCHED_SLOT_UNAVAILABLE']).toContain(r.body.code);
    const overlaps = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM allocations a JOIN allocations b
         ON a.tenant_id = b.tenant_id AND a.resource_id = b.resource_id AND a.id < b.id AND a.during && b.during`);
    expect(overlaps[0]!.n).toBe(0);
    const bookings = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE status <> 'cancelled'`);
    expect(bookings[0]!.n).toBe(1);
  });

  it('gives "any available" racers one booking per free resource and 409 to the rest', async () => {
    const app = await startTestApp({ target, poolMax: 20 });
    app.clock.set(Date.parse('2031-03-01T12:00:00Z'));
    const { key } = await createTenant(app);
    const { serviceId } = await setupCatalogue(app, key, { resources: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
    const body = JSON.stringify({ serviceId, start: '2031-03-04T13:00:00Z', customer: { name: 'Racer' } });
    const statuses = await Promise.all(Array.from({ length: 60 }, () =>
      fetch(`${address}/v1/bookings`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body })
        .then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(57);
  });
});
