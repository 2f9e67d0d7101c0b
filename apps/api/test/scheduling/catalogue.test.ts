import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import type { ErrorCode } from '@frontdesk/contracts';
import { expectProblem, type FieldError } from '../harness/problem';
import { WEEKDAYS_9_TO_17, setupCatalogue } from '../harness/catalogue';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const pathsOf = (body: { errors?: FieldError[] }) => (body.errors ?? []).map((e) => e.path);

const NOW = Date.parse('2030-01-01T12:00:00Z'); // a Tuesday
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('catalogue over HTTP', () => {
  let app: TestApp;
  let key: string;
  let tenantId: string;
  const call = (method: Method, url: string, payload?: unknown) =>
    app.app.inject({ method, url, headers: app.auth(key), ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) =>
    (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0]!.n;
  const newResource = async (name = 'Ana', extra: Record<string, unknown> = {}) => {
    const res = await call('POST', '/v1/resources', { name, kind: 'staff', timeZone: 'America/Sao_Paulo', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string; active: boolean; schedule: { timeZone: string; weekly: object; overrides: unknown[] } };
  };
  const service = (resourceIds: string[], extra: Record<string, unknown> = {}) => ({
    name: 'Corte', durationMinutes: 45, price: { amount: 8000, currency: 'BRL' }, resourceIds, ...extra,
  });

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set(NOW);
    const t = await createTenant(app);
    key = t.key;
    tenantId = t.id;
  });

  describe('resources', () => {
    it('creates, reads, lists, updates and deletes a resource', async () => {
      const created = await call('POST', '/v1/resources', { name: '  Sala 1 ', kind: 'room', timeZone: 'America/Manaus' });
      expect(created.statusCode, created.body).toBe(201);
      const r = created.json();
      expect(r).toMatchObject({
        id: expect.any(String), name: 'Sala 1', kind: 'room', timeZone: 'America/Manaus', locationId: null, active: true,
        schedule: { timeZone: 'America/Manaus', weekly: {}, overrides: [] },
      });
      expect(r.icalUrl).toMatch(/\/v1\/ical\/[A-Za-z0-9_-]+\.ics$/);

      expect((await call('GET', `/v1/resources/${r.id}`)).json()).toEqual(r);
      expect((await call('GET', '/v1/resources')).json().items).toContainEqual(r);

      const patched = await call('PATCH', `/v1/resources/${r.id}`, { name: 'Sala Azul' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toEqual({ ...r, name: 'Sala Azul' });
      expect((await call('GET', `/v1/resources/${r.id}`)).json().name).toBe('Sala Azul');

      const del = await call('DELETE', `/v1/resources/${r.id}`);
      expect(del.statusCode).toBe(204);
      expect(del.body).toBe('');
      expectProblem(await call('GET', `/v1/resources/${r.id}`), 404, 'NOT_FOUND');
      expectProblem(await call('DELETE', `/v1/resources/${r.id}`), 404, 'NOT_FOUND');
      expect((await call('GET', '/v1/resources')).json().items.map((x: { id: string }) => x.id)).not.toContain(r.id);
    });

    it('lists resources in creation order', async () => {
      const first = await newResource('Order 1');
      const second = await newResource('Order 2');
      const ids = (await call('GET', '/v1/resources')).json().items.map((x: { id: string }) => x.id) as string[];
      expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    });

    it('deactivates a resource with PATCH and keeps it inactive through an unrelated PATCH', async () => {
      const r = await newResource('Part-timer');
      const off = await call('PATCH', `/v1/resources/${r.id}`, { active: false });
      expect(off.statusCode).toBe(200);
      expect(off.json().active).toBe(false);
      const renamed = await call('PATCH', `/v1/resources/${r.id}`, { kind: 'chair' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ kind: 'chair', name: 'Part-timer', active: false });
      expect((await call('GET', `/v1/resources/${r.id}`)).json().active).toBe(false);
    });

    it('rejects bad resource input naming the field, storing nothing', async () => {
      const before = await count('resources');
      const cases: [Record<string, unknown>, string][] = [
        [{ name: 'X', kind: 'wizard', timeZone: 'UTC' }, 'kind'],
        [{ name: '', kind: 'staff', timeZone: 'UTC' }, 'name'],
        [{ name: 'X', kind: 'staff', timeZone: 'Atlantis/Capital' }, 'timeZone'],
        [{ name: 'X', kind: 'staff', timeZone: 'UTC', locationId: 'nope' }, 'locationId'],
        [{ kind: 'staff', timeZone: 'UTC' }, 'name'],
      ];
      for (const [payload, path] of cases) {
        const body = expectProblem(await call('POST', '/v1/resources', payload), 400, 'VALIDATION_FAILED');
        expect(pathsOf(body), JSON.stringify(payload)).toEqual([path]);
      }
      const unknownLocation = await call('POST', '/v1/resources', { name: 'X', kind: 'staff', timeZone: 'UTC', locationId: NO_SUCH_ID });
      expect(pathsOf(expectProblem(unknownLocation, 400, 'VALIDATION_FAILED'))).toEqual(['locationId']);
      expect(await count('resources')).toBe(before);
    });

    it('accepts a location of the tenant', async () => {
      const loc = await call('POST', '/v1/locations', { name: 'Filial', timeZone: 'America/Recife' });
      expect(loc.statusCode).toBe(201);
      const r = await newResource('Located', { locationId: loc.json().id });
      expect(r).toMatchObject({ locationId: loc.json().id });
    });

    it('answers 404 for PATCH of an unknown resource', async () => {
      expectProblem(await call('PATCH', `/v1/resources/${NO_SUCH_ID}`, { name: 'Ghost' }), 404, 'NOT_FOUND');
    });
  });

  describe('schedules', () => {
    const schedule = {
      timeZone: 'America/Sao_Paulo',
      weekly: { mon: [['08:00', '12:00'], ['14:00', '17:00']], tue: [['09:00', '18:00']], sat: [['09:00', '13:00']], sun: [] },
      overrides: [{ date: '2030-01-10', intervals: [] }, { date: '2030-01-12', intervals: [['10:00', '12:00']] }],
    };

    it('round-trips a schedule through PUT and GET', async () => {
      const r = await newResource('Scheduled');
      const put = await call('PUT', `/v1/resources/${r.id}/schedule`, schedule);
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().schedule).toEqual(schedule);
      expect(put.json().timeZone).toBe('America/Sao_Paulo');
      const got = (await call('GET', `/v1/resources/${r.id}`)).json();
      expect(got.schedule).toEqual(schedule);
    });

    it('replaces the whole schedule on a second PUT (no merge) and moves the resource to its zone', async () => {
      const r = await newResource('Replaced');
      await call('PUT', `/v1/resources/${r.id}/schedule`, schedule);
      const second = { timeZone: 'Europe/Lisbon', weekly: { fri: [['10:00', '24:00']] }, overrides: [] };
      const put = await call('PUT', `/v1/resources/${r.id}/schedule`, second);
      expect(put.statusCode, put.body).toBe(200);
      const got = (await call('GET', `/v1/resources/${r.id}`)).json();
      expect(got.schedule).toEqual(second);
      expect(got.timeZone).toBe('Europe/Lisbon');
    });

    it('defaults overrides to an empty list', async () => {
      const r = await newResource('No overrides');
      const put = await call('PUT', `/v1/resources/${r.id}/schedule`, { timeZone: 'UTC', weekly: { mon: [['09:00', '10:00']] } });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().schedule.overrides).toEqual([]);
    });

    it('answers 404 for the schedule of an unknown resource', async () => {
      expectProblem(await call('PUT', `/v1/resources/${NO_SUCH_ID}/schedule`, schedule), 404, 'NOT_FOUND');
    });

    const bad: [string, unknown, string, string[]][] = [
      ['an unknown time zone', { ...schedule, timeZone: 'Mars/Olympus_Mons' }, 'VALIDATION_FAILED', ['timeZone']],
      ['25:00 as a start', { ...schedule, weekly: { mon: [['25:00', '26:00']] } }, 'VALIDATION_FAILED', ['weekly.mon[0][0]', 'weekly.mon[0][1]']],
      ['a bad end time', { ...schedule, weekly: { tue: [['09:00', '17:60']] } }, 'VALIDATION_FAILED', ['weekly.tue[0][1]']],
      ['9:00 without a leading zero', { ...schedule, weekly: { wed: [['9:00', '12:00']] } }, 'VALIDATION_FAILED', ['weekly.wed[0][0]']],
      ['an unknown weekday', { ...schedule, weekly: { funday: [['09:00', '12:00']] } }, 'VALIDATION_FAILED', ['weekly']],
      ['an interval of three times', { ...schedule, weekly: { mon: [['09:00', '10:00', '11:00']] } }, 'VALIDATION_FAILED', ['weekly.mon[0]']],
      ['a bad override date', { ...schedule, overrides: [{ date: '2030-02-30', intervals: [] }] }, 'VALIDATION_FAILED', ['overrides[0].date']],
      ['end before start', { ...schedule, weekly: { mon: [['12:00', '09:00']] } }, 'SCHED_INVALID_SCHEDULE', ['weekly.mon[0]']],
      ['end equal to start', { ...schedule, weekly: { thu: [['10:00', '10:00']] } }, 'SCHED_INVALID_SCHEDULE', ['weekly.thu[0]']],
      ['24:00 as a start', { ...schedule, weekly: { fri: [['24:00', '24:00']] } }, 'SCHED_INVALID_SCHEDULE', ['weekly.fri[0]']],
      ['overlapping intervals in one day', { ...schedule, weekly: { mon: [['09:00', '12:00'], ['11:00', '13:00']] } }, 'SCHED_INVALID_SCHEDULE', ['weekly.mon[1]']],
      ['overlap listed out of order', { ...schedule, weekly: { mon: [['11:00', '13:00'], ['14:00', '15:00'], ['09:00', '12:00']] } }, 'SCHED_INVALID_SCHEDULE', ['weekly.mon[2]']],
      ['an interval inside another', { ...schedule, weekly: { sat: [['08:00', '18:00'], ['10:00', '11:00']] } }, 'SCHED_INVALID_SCHEDULE', ['weekly.sat[1]']],
      ['overlapping override intervals', { ...schedule, overrides: [{ date: '2030-01-15', intervals: [['09:00', '12:00'], ['10:00', '11:00']] }] }, 'SCHED_INVALID_SCHEDULE', ['overrides[0].intervals[1]']],
      ['two overrides for one date', { ...schedule, overrides: [{ date: '2030-01-15', intervals: [] }, { date: '2030-01-15', intervals: [['09:00', '10:00']] }] }, 'SCHED_INVALID_SCHEDULE', ['overrides[1].date']],
    ];

    it.each(bad)('rejects %s with 400, naming the field, and keeps the old schedule', async (_what, payload, code, paths) => {
      const r = await newResource('Guarded');
      const ok = { timeZone: 'America/Sao_Paulo', weekly: WEEKDAYS_9_TO_17, overrides: [] };
      expect((await call('PUT', `/v1/resources/${r.id}/schedule`, ok)).statusCode).toBe(200);
      const body = expectProblem(await call('PUT', `/v1/resources/${r.id}/schedule`, payload), 400, code as ErrorCode);
      expect(pathsOf(body).sort()).toEqual([...paths].sort());
      for (const e of body.errors!) expect(e.message.length).toBeGreaterThan(0);
      const after = (await call('GET', `/v1/resources/${r.id}`)).json();
      expect(after.schedule).toEqual(ok);
      expect(after.timeZone).toBe('America/Sao_Paulo');
    });

    it('reports every schedule problem at once', async () => {
      const r = await newResource('Many problems');
      const res = await call('PUT', `/v1/resources/${r.id}/schedule`, {
        timeZone: 'UTC',
        weekly: { mon: [['12:00', '09:00']], tue: [['09:00', '12:00'], ['11:00', '13:00']] },
        overrides: [{ date: '2030-01-15', intervals: [['18:00', '17:00']] }],
      });
      const body = expectProblem(res, 400, 'SCHED_INVALID_SCHEDULE');
      expect(pathsOf(body).sort()).toEqual(['overrides[0].intervals[0]', 'weekly.mon[0]', 'weekly.tue[1]']);
    });

    it('accepts touching intervals and a day ending at 24:00', async () => {
      const r = await newResource('Touching');
      const ok = { timeZone: 'UTC', weekly: { mon: [['00:00', '12:00'], ['12:00', '24:00']] }, overrides: [] };
      const put = await call('PUT', `/v1/resources/${r.id}/schedule`, ok);
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().schedule).toEqual(ok);
    });
  });

  describe('services', () => {
    let staff: string[];
    beforeAll(async () => {
      staff = [(await newResource('Svc A')).id, (await newResource('Svc B')).id, (await newResource('Svc C')).id];
    });

    it('creates a service with defaults and reads it back', async () => {
      const res = await call('POST', '/v1/services', service([staff[0]!]));
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json();
      expect(s).toMatchObject({
        name: 'Corte', description: null, locationId: null, durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 0,
        slotIntervalMinutes: 45, price: { amount: 8000, currency: 'BRL' }, deposit: null, capacity: 1, minNoticeMinutes: 0,
        notSameDay: false, horizonDays: 90, cancellationWindowMinutes: 0, requirements: [{ resourceIds: [staff[0]], count: 1 }],
        active: true,
      });
      expect((await call('GET', `/v1/services/${s.id}`)).json()).toEqual(s);
      expect((await call('GET', '/v1/services')).json().items).toContainEqual(s);
    });

    it('stores explicit requirements (one of two AND one specific)', async () => {
      const res = await call('POST', '/v1/services', {
        ...service([]), resourceIds: undefined,
        requirements: [{ resourceIds: [staff[0], staff[1]], count: 1 }, { resourceIds: [staff[2]] }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().requirements).toEqual([
        { resourceIds: [staff[0], staff[1]], count: 1 }, { resourceIds: [staff[2]], count: 1 },
      ]);
    });

    it('answers 404 for an unknown service', async () => {
      expectProblem(await call('GET', `/v1/services/${NO_SUCH_ID}`), 404, 'NOT_FOUND');
      expectProblem(await call('PATCH', `/v1/services/${NO_SUCH_ID}`, { name: 'x' }), 404, 'NOT_FOUND');
    });

    const badServices: [string, (ids: string[]) => Record<string, unknown>, string, string[]][] = [
      ['a negative duration', (ids) => service(ids.slice(0, 1), { durationMinutes: -30 }), 'VALIDATION_FAILED', ['durationMinutes']],
      ['a zero duration', (ids) => service(ids.slice(0, 1), { durationMinutes: 0 }), 'VALIDATION_FAILED', ['durationMinutes']],
      ['a fractional duration', (ids) => service(ids.slice(0, 1), { durationMinutes: 30.5 }), 'VALIDATION_FAILED', ['durationMinutes']],
      ['a fractional price', (ids) => service(ids.slice(0, 1), { price: { amount: 10.5, currency: 'BRL' } }), 'VALIDATION_FAILED', ['price.amount']],
      ['a negative price', (ids) => service(ids.slice(0, 1), { price: { amount: -1, currency: 'BRL' } }), 'VALIDATION_FAILED', ['price.amount']],
      ['a price in the wrong currency', (ids) => service(ids.slice(0, 1), { price: { amount: 8000, currency: 'USD' } }), 'SCHED_WRONG_CURRENCY', ['price.currency']],
      ['a deposit in the wrong currency', (ids) => service(ids.slice(0, 1), { deposit: { amount: 100, currency: 'EUR' } }), 'SCHED_WRONG_CURRENCY', ['deposit.currency']],
      ['a deposit above the price', (ids) => service(ids.slice(0, 1), { deposit: { amount: 9000, currency: 'BRL' } }), 'SCHED_WRONG_CURRENCY', ['deposit.amount']],
      ['an unknown resource id', (ids) => service([ids[0]!, NO_SUCH_ID]), 'SCHED_UNKNOWN_RESOURCE', ['requirements[0].resourceIds[1]']],
      ['a malformed resource id', () => service(['not-a-uuid']), 'VALIDATION_FAILED', ['resourceIds[0]']],
      ['both resourceIds and requirements', (ids) => ({ ...service(ids.slice(0, 1)), requirements: [{ resourceIds: ids.slice(0, 1), count: 1 }] }), 'VALIDATION_FAILED', ['resourceIds']],
      ['neither resourceIds nor requirements', () => ({ name: 'X', durationMinutes: 30, price: { amount: 1, currency: 'BRL' } }), 'VALIDATION_FAILED', ['resourceIds']],
      ['an empty resourceIds', () => service([]), 'VALIDATION_FAILED', ['resourceIds']],
      ['a requirement count above its resources', (ids) => ({ ...service([]), resourceIds: undefined, requirements: [{ resourceIds: ids.slice(0, 2), count: 3 }] }), 'SCHED_UNKNOWN_RESOURCE', ['requirements[0].count']],
      ['a count above its resources by listing one id twice', (ids) => ({ ...service([]), resourceIds: undefined, requirements: [{ resourceIds: [ids[0], ids[0]], count: 2 }] }), 'SCHED_UNKNOWN_RESOURCE', ['requirements[0].count']],
      ['an unknown location', (ids) => service(ids.slice(0, 1), { locationId: NO_SUCH_ID }), 'VALIDATION_FAILED', ['locationId']],
      ['a slot interval under 5 minutes', (ids) => service(ids.slice(0, 1), { slotIntervalMinutes: 1 }), 'VALIDATION_FAILED', ['slotIntervalMinutes']],
      ['a zero capacity', (ids) => service(ids.slice(0, 1), { capacity: 0 }), 'VALIDATION_FAILED', ['capacity']],
      ['a zero horizon', (ids) => service(ids.slice(0, 1), { horizonDays: 0 }), 'VALIDATION_FAILED', ['horizonDays']],
      ['a negative buffer', (ids) => service(ids.slice(0, 1), { bufferAfterMinutes: -5 }), 'VALIDATION_FAILED', ['bufferAfterMinutes']],
    ];

    it.each(badServices)('rejects %s with 400, naming the field, and stores nothing', async (_what, make, code, paths) => {
      const before = await count('services');
      const body = expectProblem(await call('POST', '/v1/services', make(staff)), 400, code as ErrorCode);
      expect(pathsOf(body).sort()).toEqual([...paths].sort());
      expect(await count('services')).toBe(before);
    });

    it('keeps every other field when PATCH changes the name', async () => {
      const loc = (await call('POST', '/v1/locations', { name: 'Centro' })).json();
      const full = service([staff[0]!, staff[1]!], {
        description: 'Corte com lavagem', locationId: loc.id, bufferBeforeMinutes: 10, bufferAfterMinutes: 15,
        slotIntervalMinutes: 15, deposit: { amount: 2000, currency: 'BRL' }, capacity: 4, minNoticeMinutes: 120,
        notSameDay: true, horizonDays: 30, cancellationWindowMinutes: 1440, active: false,
      });
      const created = await call('POST', '/v1/services', full);
      expect(created.statusCode, created.body).toBe(201);
      const before = created.json();
      const patched = await call('PATCH', `/v1/services/${before.id}`, { name: 'Corte premium' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toEqual({ ...before, name: 'Corte premium' });
      expect((await call('GET', `/v1/services/${before.id}`)).json()).toEqual({ ...before, name: 'Corte premium' });
    });

    it('keeps requirements, price and duration when PATCH changes the defaults-free fields only', async () => {
      const created = (await call('POST', '/v1/services', service([staff[1]!], { slotIntervalMinutes: 15 }))).json();
      const patched = await call('PATCH', `/v1/services/${created.id}`, { description: 'Now with coffee', price: { amount: 9000, currency: 'BRL' } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({
        description: 'Now with coffee', price: { amount: 9000, currency: 'BRL' }, durationMinutes: 45, slotIntervalMinutes: 15,
        requirements: [{ resourceIds: [staff[1]], count: 1 }], name: 'Corte',
      });
    });

    it('moves the slot interval with the duration when it followed the duration', async () => {
      const created = (await call('POST', '/v1/services', service([staff[0]!]))).json();
      expect(created.slotIntervalMinutes).toBe(45);
      const patched = (await call('PATCH', `/v1/services/${created.id}`, { durationMinutes: 60 })).json();
      expect(patched).toMatchObject({ durationMinutes: 60, slotIntervalMinutes: 60 });
    });

    it('replaces the resources with PATCH resourceIds', async () => {
      const created = (await call('POST', '/v1/services', service([staff[0]!]))).json();
      const patched = await call('PATCH', `/v1/services/${created.id}`, { resourceIds: [staff[2]] });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().requirements).toEqual([{ resourceIds: [staff[2]], count: 1 }]);
    });

    it('rejects a PATCH to a foreign currency or unknown resource and changes nothing', async () => {
      const created = (await call('POST', '/v1/services', service([staff[0]!]))).json();
      const currency = await call('PATCH', `/v1/services/${created.id}`, { name: 'Dollar cut', price: { amount: 100, currency: 'USD' } });
      expect(pathsOf(expectProblem(currency, 400, 'SCHED_WRONG_CURRENCY'))).toEqual(['price.currency']);
      const unknown = await call('PATCH', `/v1/services/${created.id}`, { name: 'Ghost cut', resourceIds: [NO_SUCH_ID] });
      expect(pathsOf(expectProblem(unknown, 400, 'SCHED_UNKNOWN_RESOURCE'))).toEqual(['requirements[0].resourceIds[0]']);
      expect((await call('GET', `/v1/services/${created.id}`)).json()).toEqual(created);
    });

    it('rejects a PATCH giving both resourceIds and requirements, like create does', async () => {
      const created = (await call('POST', '/v1/services', service([staff[0]!]))).json();
      const res = await call('PATCH', `/v1/services/${created.id}`, {
        resourceIds: [staff[1]], requirements: [{ resourceIds: [staff[2]], count: 1 }],
      });
      expect((await call('GET', `/v1/services/${created.id}`)).json()).toEqual(created);
      expect(pathsOf(expectProblem(res, 400, 'VALIDATION_FAILED'))).toEqual(['resourceIds']);
    });

    it('refuses to delete a resource a service uses (409 SCHED_RESOURCE_IN_USE) until the service lets go', async () => {
      const used = await newResource('In use');
      const spare = await newResource('Spare');
      const svc = (await call('POST', '/v1/services', {
        ...service([]), resourceIds: undefined, requirements: [{ resourceIds: [spare.id] }, { resourceIds: [used.id], count: 1 }],
      })).json();
      const res = await call('DELETE', `/v1/resources/${used.id}`);
      const body = expectProblem(res, 409, 'SCHED_RESOURCE_IN_USE');
      expect(body.detail).toContain(svc.id);
      expect((await call('GET', `/v1/resources/${used.id}`)).statusCode).toBe(200);

      const moved = await call('PATCH', `/v1/services/${svc.id}`, { resourceIds: [spare.id] });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await call('DELETE', `/v1/resources/${used.id}`)).statusCode).toBe(204);
      expectProblem(await call('GET', `/v1/resources/${used.id}`), 404, 'NOT_FOUND');
    });

    it('refuses to delete a resource with bookings even after services stop using it', async () => {
      const { resourceIds, serviceId } = await setupCatalogue(app, key, { resources: [{ name: 'Booked' }] });
      const booked = await call('POST', '/v1/bookings', { serviceId, start: '2030-01-07T13:00:00Z', customer: { name: 'Cliente' } });
      expect(booked.statusCode, booked.body).toBe(201);
      const other = await newResource('Other');
      expect((await call('PATCH', `/v1/services/${serviceId}`, { resourceIds: [other.id] })).statusCode).toBe(200);
      expectProblem(await call('DELETE', `/v1/resources/${resourceIds[0]}`), 409, 'SCHED_RESOURCE_IN_USE');
      expect((await call('GET', `/v1/resources/${resourceIds[0]}`)).statusCode).toBe(200);
    });
  });

  describe('holidays', () => {
    it('round-trips holidays through PUT and GET, sorted by date, replacing the previous list', async () => {
      expect((await call('GET', '/v1/holidays')).json()).toEqual({ holidays: [] });
      const list = [{ date: '2030-12-25', name: 'Natal' }, { date: '2030-01-01', name: 'Ano Novo' }];
      const put = await call('PUT', '/v1/holidays', { holidays: list });
      expect(put.statusCode, put.body).toBe(200);
      const sorted = [{ date: '2030-01-01', name: 'Ano Novo' }, { date: '2030-12-25', name: 'Natal' }];
      expect(put.json()).toEqual({ holidays: sorted });
      expect((await call('GET', '/v1/holidays')).json()).toEqual({ holidays: sorted });

      const replaced = await call('PUT', '/v1/holidays', { holidays: [{ date: '2030-04-21', name: 'Tiradentes' }] });
      expect(replaced.json()).toEqual({ holidays: [{ date: '2030-04-21', name: 'Tiradentes' }] });
      expect((await call('PUT', '/v1/holidays', { holidays: [] })).json()).toEqual({ holidays: [] });
      expect((await call('GET', '/v1/holidays')).json()).toEqual({ holidays: [] });
    });

    it('rejects a duplicate date with 400 naming the second entry, keeping the old list', async () => {
      const old = [{ date: '2030-09-07', name: 'Independência' }];
      expect((await call('PUT', '/v1/holidays', { holidays: old })).statusCode).toBe(200);
      const res = await call('PUT', '/v1/holidays', {
        holidays: [{ date: '2030-11-15', name: 'República' }, { date: '2030-11-02', name: 'Finados' }, { date: '2030-11-15', name: 'Again' }],
      });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(pathsOf(body)).toEqual(['holidays[2].date']);
      expect((await call('GET', '/v1/holidays')).json()).toEqual({ holidays: old });
    });

    it.each([
      ['an impossible date', { date: '2030-02-30', name: 'Nope' }, 'holidays[0].date'],
      ['a date with a time', { date: '2030-02-01T00:00:00Z', name: 'Nope' }, 'holidays[0].date'],
      ['an empty name', { date: '2030-02-01', name: ' ' }, 'holidays[0].name'],
    ])('rejects %s naming the field', async (_what, holiday, path) => {
      const body = expectProblem(await call('PUT', '/v1/holidays', { holidays: [holiday] }), 400, 'VALIDATION_FAILED');
      expect(pathsOf(body)).toEqual([path]);
    });

    it('closes every resource on a holiday', async () => {
      const { serviceId } = await setupCatalogue(app, key, { resources: [{ name: 'Holiday worker' }] });
      const day = (d: string) => call('GET', `/v1/availability?serviceId=${serviceId}&from=${d}T00:00:00Z&to=${d}T23:59:00Z`);
      expect((await day('2030-01-08')).json().slots.length).toBeGreaterThan(0);
      expect((await call('PUT', '/v1/holidays', { holidays: [{ date: '2030-01-08', name: 'Fechado' }] })).statusCode).toBe(200);
      expect((await day('2030-01-08')).json().slots).toEqual([]);
      expect((await day('2030-01-09')).json().slots.length).toBeGreaterThan(0);
      await call('PUT', '/v1/holidays', { holidays: [] });
    });
  });

  describe('availability windows', () => {
    let serviceId: string;
    let resourceId: string;
    beforeAll(async () => {
      const c = await setupCatalogue(app, key, { resources: [{ name: 'Window' }] });
      serviceId = c.serviceId;
      resourceId = c.resourceIds[0]!;
    });
    const slots = (qs: string) => call('GET', `/v1/availability?serviceId=${serviceId}&${qs}`);

    it('lists hourly slots on a working Monday in the tenant zone', async () => {
      const res = await slots('from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.timeZone).toBe('America/Sao_Paulo');
      // 09:00–17:00 São Paulo (UTC−3) with a 60-minute service: 8 slots, 12:00Z to 19:00Z.
      expect(body.slots.map((s: { start: string }) => Date.parse(s.start))).toEqual(
        Array.from({ length: 8 }, (_, i) => Date.parse('2030-01-07T12:00:00Z') + i * 3600_000));
      expect(body.slots[0]).toMatchObject({ utcOffset: '-03:00', resourceIds: [resourceId] });
      expect(body.slots[0].localStart).toContain('09:00');
    });

    it('renders local times in the viewer zone when asked', async () => {
      const res = await slots('from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z&timeZone=Europe/Lisbon');
      expect(res.statusCode).toBe(200);
      expect(res.json().timeZone).toBe('Europe/Lisbon');
      expect(res.json().slots[0]).toMatchObject({ utcOffset: '+00:00' });
      expect(res.json().slots[0].localStart).toContain('12:00');
    });

    it('rejects to before from with 400 SCHED_WINDOW_INVALID naming query.to', async () => {
      const body = expectProblem(await slots('from=2030-01-08T00:00:00Z&to=2030-01-07T00:00:00Z'), 400, 'SCHED_WINDOW_INVALID');
      expect(pathsOf(body)).toEqual(['query.to']);
    });

    it('rejects an empty window (to equal to from)', async () => {
      const body = expectProblem(await slots('from=2030-01-08T00:00:00Z&to=2030-01-08T00:00:00Z'), 400, 'SCHED_WINDOW_INVALID');
      expect(pathsOf(body)).toEqual(['query.to']);
    });

    it('rejects a window over 366 days and accepts exactly 366 days', async () => {
      const tooLong = await slots('from=2030-01-02T00:00:00Z&to=2031-01-03T00:00:01Z');
      expect(pathsOf(expectProblem(tooLong, 400, 'SCHED_WINDOW_INVALID'))).toEqual(['query.to']);
      const max = await slots('from=2030-01-02T00:00:00Z&to=2031-01-03T00:00:00Z');
      expect(max.statusCode, max.body).toBe(200);
    });

    it.each([
      ['an unknown timeZone', 'from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z&timeZone=Narnia/Cair_Paravel', 'query.timeZone'],
      ['a from without an offset', 'from=2030-01-07T00:00:00&to=2030-01-08T00:00:00Z', 'query.from'],
      ['a date-only to', 'from=2030-01-07T00:00:00Z&to=2030-01-08', 'query.to'],
      ['a malformed resourceId', 'from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z&resourceId=ana', 'query.resourceId'],
    ])('rejects %s with 400 naming the parameter', async (_what, qs, path) => {
      const body = expectProblem(await slots(qs), 400, 'VALIDATION_FAILED');
      expect(pathsOf(body)).toEqual([path]);
    });

    it('answers 404 for an unknown service', async () => {
      const res = await call('GET', `/v1/availability?serviceId=${NO_SUCH_ID}&from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z`);
      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('returns no slots beyond the horizon', async () => {
      // Default horizon is 90 days from 2030-01-01.
      const res = await slots('from=2030-06-03T00:00:00Z&to=2030-06-04T00:00:00Z');
      expect(res.statusCode).toBe(200);
      expect(res.json().slots).toEqual([]);
    });

    it('explains a bookable start and an unbookable one', async () => {
      const yes = await call('GET', `/v1/availability/explain?serviceId=${serviceId}&start=2030-01-07T13:00:00Z`);
      expect(yes.statusCode, yes.body).toBe(200);
      expect(yes.json()).toEqual({ bookable: true, reasons: [] });
      const no = await call('GET', `/v1/availability/explain?serviceId=${serviceId}&start=2030-01-06T13:00:00Z`); // a Sunday
      expect(no.statusCode).toBe(200);
      expect(no.json().bookable).toBe(false);
      expect(no.json().reasons.length).toBeGreaterThan(0);
    });
  });
});
