import ICAL from 'ical.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
beforeEach(() => app.clock.set(Date.parse('2026-03-01T12:00:00Z')));

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  app.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

describe('weekly series', () => {
  it('keeps a London lesson at 16:00 local across the March DST change', async () => {
    const { key } = await createTenant(app, { timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB' });
    const { serviceId, headers } = await setupCatalogue(app, key, {
      timeZone: 'Europe/London', service: { price: { amount: 3000, currency: 'GBP' } },
    });
    // Tue 17 Mar 16:00 GMT; clocks go forward on Sun 29 Mar.
    const res = await post('/v1/bookings/recurring', headers, {
      serviceId, start: '2026-03-17T16:00:00Z', occurrences: 4, customer: { name: 'Student' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().booked.map((b: { start: string }) => b.start)).toEqual([
      '2026-03-17T16:00:00Z', '2026-03-24T16:00:00Z', '2026-03-31T15:00:00Z', '2026-04-07T15:00:00Z',
    ]);
    expect(new Set(res.json().booked.map((b: { recurrenceId: string }) => b.recurrenceId)).size).toBe(1);
  });

  it('reports each conflicting occurrence and books nothing unless asked to skip them', async () => {
    const { key } = await createTenant(app);
    const { serviceId, headers } = await setupCatalogue(app, key);
    await post('/v1/bookings', headers, { serviceId, start: '2026-03-17T13:00:00Z', customer: { name: 'Taken' } });
    const body = { serviceId, start: '2026-03-10T13:00:00Z', occurrences: 3, customer: { name: 'Series' } };
    const refused = await post('/v1/bookings/recurring', headers, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SCHED_RECURRENCE_CONFLICTS');
    expect(refused.json().conflicts).toEqual([{ start: '2026-03-17T13:00:00Z', reasons: [expect.objectContaining({ code: 'booked' })] }]);
    expect((await app.app.inject({ url: '/v1/bookings', headers })).json().items).toHaveLength(1);

    const partial = await post('/v1/bookings/recurring', headers, { ...body, skipConflicts: true });
    expect(partial.statusCode).toBe(201);
    expect(partial.json().booked.map((b: { start: string }) => b.start)).toEqual(['2026-03-10T13:00:00Z', '2026-03-24T13:00:00Z']);
    expect(partial.json().conflicts).toHaveLength(1);
  });
});

describe('several resources at once (a van and its crew)', () => {
  it('needs the van and two crew free together, and blocks the van for its turnaround', async () => {
    const { key } = await createTenant(app, { timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB' });
    const headers = app.auth(key);
    const make = async (name: string, kind: string) => {
      const r = (await post('/v1/resources', headers, { name, kind, timeZone: 'Europe/London' })).json();
      await app.app.inject({ method: 'PUT', url: `/v1/resources/${r.id}/schedule`, headers,
        payload: { timeZone: 'Europe/London', weekly: { mon: [['07:00', '20:00']], tue: [['07:00', '20:00']] } } });
      return r.id as string;
    };
    const van = await make('Luton van', 'vehicle');
    const crew = [await make('Sam', 'staff'), await make('Alex', 'staff'), await make('Jo', 'staff')];
    const move = (await post('/v1/services', headers, {
      name: 'Luton + 2 crew', durationMinutes: 240, bufferAfterMinutes: 30, slotIntervalMinutes: 60,
      price: { amount: 32000, currency: 'GBP' },
      requirements: [{ resourceIds: [van], count: 1 }, { resourceIds: crew, count: 2 }],
    })).json();
    // Mon 9 Mar 2026, 08:00 GMT.
    const first = await post('/v1/bookings', headers, { serviceId: move.id, start: '2026-03-09T08:00:00Z', customer: { name: 'Mover' } });
    expect(first.statusCode).toBe(201);
    expect(first.json().resourceIds).toHaveLength(3);
    expect(first.json().resourceIds).toContain(van);
    // The van returns at 12:00 and needs 30 minutes: 12:00 is refused as a buffer conflict, 13:00 works.
    const explain = await app.app.inject({ url: `/v1/availability/explain?serviceId=${move.id}&start=2026-03-09T12:00:00Z`, headers });
    expect(explain.json().reasons.map((r: { code: string }) => r.code)).toContain('buffer');
    const slots = (await app.app.inject({
      url: `/v1/availability?serviceId=${move.id}&from=2026-03-09T00:00:00Z&to=2026-03-10T00:00:00Z&timeZone=Europe/London`, headers,
    })).json().slots.map((s: { localStart: string }) => s.localStart.slice(11));
    expect(slots).toEqual(['13:00', '14:00', '15:00', '16:00']);
  });
});

describe('listing bookings', () => {
  it('pages with a cursor and filters by status and resource', async () => {
    const { key } = await createTenant(app);
    const { serviceId, resourceIds, headers } = await setupCatalogue(app, key, { resources: [{ name: 'A' }, { name: 'B' }] });
    const starts = ['2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z', '2026-03-11T12:00:00Z', '2026-03-11T13:00:00Z'];
    const ids = [];
    for (const start of starts) ids.push((await post('/v1/bookings', headers, { serviceId, start, resourceIds: [resourceIds[0]], customer: { name: 'C' } })).json().id);
    await post('/v1/bookings', headers, { serviceId, start: starts[0], resourceIds: [resourceIds[1]], customer: { name: 'Other' } });
    await post(`/v1/bookings/${ids[1]}/cancel`, headers, {});

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await app.app.inject({
        url: `/v1/bookings?resourceId=${resourceIds[0]}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers,
      })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);

    const confirmed = (await app.app.inject({ url: `/v1/bookings?status=confirmed&from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z`, headers })).json();
    expect(confirmed.items).toHaveLength(3);
    expect((await app.app.inject({ url: '/v1/bookings?cursor=nonsense', headers })).statusCode).toBe(400);
    const badStatus = await app.app.inject({ url: '/v1/bookings?status=confirmed,maybe', headers });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().errors[0].path).toBe('query.status');
    const backwards = await app.app.inject({ url: '/v1/bookings?from=2026-03-11T00:00:00Z&to=2026-03-10T00:00:00Z', headers });
    expect(backwards.json().errors[0].path).toBe('query.to');
  });
});

describe('iCalendar', () => {
  it('serves a valid .ics per booking and a per-resource feed at a secret URL', async () => {
    const { key } = await createTenant(app);
    const { serviceId, resourceIds, headers } = await setupCatalogue(app, key);
    const booking = (await post('/v1/bookings', headers, { serviceId, start: '2026-03-10T12:00:00Z', customer: { name: 'Ana Souza' } })).json();

    const ics = await app.app.inject({ url: `/v1/bookings/${booking.id}/ics`, headers });
    expect(ics.headers['content-type']).toContain('text/calendar');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`${booking.id}@frontdesk`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(event.summary).toContain('Ana Souza');

    const resource = (await app.app.inject({ url: `/v1/resources/${resourceIds[0]}`, headers })).json();
    const feedPath = new URL(resource.icalUrl).pathname;
    const feed = await app.app.inject({ url: feedPath });
    expect(feed.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect((await app.app.inject({ url: '/v1/ical/not-a-real-token.ics' })).statusCode).toBe(404);
  });
});
