import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';

interface RenderedSlot { start: string; localStart: string; utcOffset: string; resourceIds: string[] }

let app: TestApp;
const keys: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['kumon-vila-a', 'barberpro-palermo', 'speedy-van', 'flexoraa']) keys[name] = (await seedTenant(app, name)).key;
});

async function slots(tenant: string, serviceName: string, from: string, to: string, extra = ''): Promise<RenderedSlot[]> {
  const headers = app.auth(keys[tenant]!);
  const services: { id: string; name: string }[] = (await app.app.inject({ url: '/v1/services', headers })).json().items;
  const service = services.find((s) => s.name === serviceName);
  if (!service) throw new Error(`${tenant} has no service ${serviceName}: ${services.map((s) => s.name).join(', ')}`);
  const res = await app.app.inject({ url: `/v1/availability?serviceId=${service.id}&from=${from}&to=${to}${extra}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json().slots;
}

const localTimes = (list: RenderedSlot[]) => [...new Set(list.map((s) => s.localStart.slice(11)))];

describe('the blueprint tenants answer availability at once', () => {
  it('Kumon: weekday visits around the lunch break, none at weekends or on holidays', async () => {
    app.clock.set(Date.parse('2026-12-01T12:00:00Z'));
    const tuesday = await slots('kumon-vila-a', 'Avaliação diagnóstica', '2026-12-08T03:00:00Z', '2026-12-09T03:00:00Z');
    expect(localTimes(tuesday)).toEqual(['08:00', '09:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
    expect(tuesday.filter((s) => s.localStart.endsWith('08:00'))).toHaveLength(1);
    expect(tuesday[0]!.start).toBe('2026-12-08T11:00:00Z');
    expect(await slots('kumon-vila-a', 'Avaliação diagnóstica', '2026-12-12T03:00:00Z', '2026-12-14T03:00:00Z')).toEqual([]);
    expect(await slots('kumon-vila-a', 'Avaliação diagnóstica', '2026-12-25T03:00:00Z', '2026-12-26T03:00:00Z')).toEqual([]);
  });

  it('BarberPro: cuts every 15 minutes outside the siesta, Tuesday to Saturday', async () => {
    app.clock.set(Date.parse('2026-12-01T12:00:00Z'));
    const day = localTimes(await slots('barberpro-palermo', 'Corte', '2026-12-09T03:00:00Z', '2026-12-10T03:00:00Z'));
    expect(day[0]).toBe('10:00');
    expect(day).toContain('12:30');
    expect(day).not.toContain('12:45');
    expect(day.filter((t) => t >= '13:00' && t < '16:00')).toEqual([]);
    expect(day).toContain('16:00');
    expect(day.at(-1)).toBe('20:00');
    expect(await slots('barberpro-palermo', 'Corte', '2026-12-13T03:00:00Z', '2026-12-15T03:00:00Z')).toEqual([]);
  });

  it('BarberPro: only barbers who do colouring are offered for it', async () => {
    app.clock.set(Date.parse('2026-12-01T12:00:00Z'));
    const colouring = await slots('barberpro-palermo', 'Coloración', '2026-12-09T03:00:00Z', '2026-12-10T03:00:00Z');
    const cut = await slots('barberpro-palermo', 'Corte', '2026-12-09T03:00:00Z', '2026-12-10T03:00:00Z');
    expect(colouring.length).toBeGreaterThan(0);
    expect(new Set(colouring.flatMap((s) => s.resourceIds)).size).toBeLessThan(3);
    expect(new Set(cut.map((s) => s.resourceIds[0])).size).toBe(1); // "any available" takes the first free barber
  });

  it('Speedy Van: a full-day Luton job needs the van and two crew, starting 07:00–12:00 London time across DST (Easter Monday 29 Mar is a bank holiday)', async () => {
    app.clock.set(Date.parse('2027-03-20T12:00:00Z'));
    const before = await slots('speedy-van', 'Luton van + 2 crew (full day, 8 h)', '2027-03-27T00:00:00Z', '2027-03-28T00:00:00Z');
    const after = await slots('speedy-van', 'Luton van + 2 crew (full day, 8 h)', '2027-03-30T00:00:00Z', '2027-03-31T00:00:00Z');
    expect(localTimes(before)).toEqual(['07:00', '08:00', '09:00', '10:00', '11:00', '12:00']);
    expect(localTimes(after)).toEqual(['07:00', '08:00', '09:00', '10:00', '11:00', '12:00']);
    expect(before[0]!.start).toBe('2027-03-27T07:00:00Z');
    expect(after[0]!.start).toBe('2027-03-30T06:00:00Z');
    expect(after[0]!.utcOffset).toBe('+01:00');
    expect(before[0]!.resourceIds).toHaveLength(3);
  });

  it('Flexoraa: discovery calls every 30 minutes Monday to Saturday in Kolkata time', async () => {
    app.clock.set(Date.parse('2026-12-01T12:00:00Z'));
    const monday = await slots('flexoraa', 'Discovery call', '2026-12-06T18:30:00Z', '2026-12-07T18:30:00Z', '&timeZone=Asia/Kolkata');
    expect(localTimes(monday)).toHaveLength(18);
    expect(monday[0]).toMatchObject({ localStart: '2026-12-07T10:00', utcOffset: '+05:30', start: '2026-12-07T04:30:00Z' });
    expect(monday.at(-1)!.localStart).toBe('2026-12-07T18:30');
    expect(await slots('flexoraa', 'Discovery call', '2026-12-12T18:30:00Z', '2026-12-13T18:30:00Z')).toEqual([]);
  });
});
