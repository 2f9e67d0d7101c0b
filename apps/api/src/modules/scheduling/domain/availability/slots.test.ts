import { describe, expect, it } from 'vitest';
import { findSlots } from './slots';
import { renderSlots } from './render';
import { DAY, EVERY_DAY, MIN, MON_FRI, busy, query, resource, schedule, service, utc, weekly } from './testing';
import type { AvailabilityQuery, Slot } from './types';

const SP = 'America/Sao_Paulo';
const BA = 'America/Argentina/Buenos_Aires';
const LON = 'Europe/London';

/** Local 'HH:MM' of each slot start, as the business sees them. */
const times = (slots: Slot[], tz: string): string[] => renderSlots(slots, tz).map((s) => s.localStart.slice(11));
const starts = (slots: Slot[]): string[] => renderSlots(slots, 'UTC').map((s) => s.start);

// ---------------------------------------------------------------- Kumon (São Paulo, -03:00)
const kumonHours = schedule(SP, weekly(MON_FRI, [['08:00', '12:00'], ['14:00', '17:00']]));
const TUE = utc('2026-12-01T03:00'); // Tue 2026-12-01 00:00 local
function kumon(q: Partial<AvailabilityQuery> = {}, busyList = resource('ana', kumonHours).busy): AvailabilityQuery {
  return query({
    service: service({ durationMinutes: 60, requirements: [{ resourceIds: ['ana'], count: 1 }] }),
    resources: [resource('ana', kumonHours, busyList)],
    from: TUE,
    to: TUE + DAY,
    ...q,
  });
}
const KUMON_TUE = ['08:00', '09:00', '10:00', '11:00', '14:00', '15:00', '16:00'];

describe('Kumon: Mon–Fri 08–12 + 14–17, 60-min visit', () => {
  it('Tue 2026-12-01 offers 08,09,10,11,14,15,16 local = 11:00Z…', () => {
    const slots = findSlots(kumon());
    expect(times(slots, SP)).toEqual(KUMON_TUE);
    expect(starts(slots)).toEqual(['11', '12', '13', '14', '17', '18', '19'].map((h) => `2026-12-01T${h}:00:00Z`));
    expect(slots.every((s) => s.end - s.start === 60 * MIN && s.resourceIds.join() === 'ana' && s.seatsLeft === undefined)).toBe(true);
  });

  it('nothing on the weekend', () => {
    const sat = utc('2026-12-05T03:00');
    expect(findSlots(kumon({ from: sat, to: sat + 2 * DAY }))).toEqual([]);
  });

  it('an override closing the day removes it; an override with hours replaces the week', () => {
    const closed = { ...kumonHours, overrides: [{ date: '2026-12-01', intervals: [] }] };
    expect(findSlots(kumon({ resources: [resource('ana', closed)] }))).toEqual([]);
    const short = { ...kumonHours, overrides: [{ date: '2026-12-01', intervals: [['09:00', '11:30']] as [string, string][] }] };
    expect(times(findSlots(kumon({ resources: [resource('ana', short)] })), SP)).toEqual(['09:00', '10:00']);
    const other = { ...kumonHours, overrides: [{ date: '2026-12-02', intervals: [] }] };
    expect(times(findSlots(kumon({ resources: [resource('ana', other)] })), SP)).toEqual(KUMON_TUE);
  });

  it('a holiday closes the day', () => {
    expect(findSlots(kumon({ holidays: ['2026-12-01'] }))).toEqual([]);
    expect(times(findSlots(kumon({ holidays: ['2026-12-25'] })), SP)).toEqual(KUMON_TUE);
  });

  it('minimum notice: now 08:30 local + 120 min → from 10:30, first start 11:00', () => {
    const q = kumon({ now: utc('2026-12-01T11:30'), service: { ...kumon().service, minNoticeMinutes: 120 } });
    expect(times(findSlots(q), SP)).toEqual(['11:00', '14:00', '15:00', '16:00']);
  });

  it('notSameDay uses the business zone: 01:00 local Tue blocks Tue; 23:30 local Mon does not', () => {
    const rules = { ...kumon().service, notSameDay: true };
    const twoDays = { from: TUE, to: TUE + 2 * DAY };
    const tueNight = findSlots(kumon({ ...twoDays, now: utc('2026-12-01T04:00'), service: rules }));
    expect(renderSlots(tueNight, SP).map((s) => s.localStart.slice(0, 10))).toEqual(Array(7).fill('2026-12-02'));
    // 02:30Z is already Tuesday in UTC but still Monday 23:30 in São Paulo.
    const monNight = findSlots(kumon({ ...twoDays, now: utc('2026-12-01T02:30'), service: rules }));
    expect(monNight).toHaveLength(14);
  });

  it('horizon: starts must be earlier than now + horizonDays × 24 h', () => {
    const q = kumon({ now: utc('2026-11-30T12:00'), service: { ...kumon().service, horizonDays: 1 } });
    expect(times(findSlots(q), SP)).toEqual(['08:00']); // 11:00Z < 12:00Z; 12:00Z is not
  });

  it('existing booking with buffers blocks its neighbours both ways', () => {
    // Its own 15-min buffer after (block 12:00–13:15Z) also blocks the 10:00 local start.
    const b = busy(utc('2026-12-01T12:00'), utc('2026-12-01T13:00'), { after: 15, refId: 'bk1' });
    expect(times(findSlots(kumon({}, [b])), SP)).toEqual(['08:00', '11:00', '14:00', '15:00', '16:00']);
    // The new visit's own buffers count against a bare booking, and may extend outside hours.
    const bare = busy(utc('2026-12-01T12:00'), utc('2026-12-01T13:00'));
    const svc = { ...kumon().service, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 };
    expect(times(findSlots(kumon({ service: svc }, [bare])), SP)).toEqual(['11:00', '14:00', '15:00', '16:00']);
    expect(times(findSlots(kumon({ service: svc })), SP)).toEqual(KUMON_TUE);
    const after = { ...kumon().service, bufferAfterMinutes: 30 };
    expect(times(findSlots(kumon({ service: after }, [bare])), SP)).toEqual(['10:00', '11:00', '14:00', '15:00', '16:00']);
  });

  it('an unexpired hold blocks like a booking; external calendar events block too', () => {
    const hold = busy(utc('2026-12-01T17:00'), utc('2026-12-01T18:00'), { kind: 'hold', refId: 'h1' });
    expect(times(findSlots(kumon({}, [hold])), SP)).toEqual(['08:00', '09:00', '10:00', '11:00', '15:00', '16:00']);
    const q = kumon({ externalBusy: [{ resourceId: 'ana', start: utc('2026-12-01T11:30'), end: utc('2026-12-01T11:45') }, { resourceId: 'bob', start: TUE, end: TUE + DAY }] });
    expect(times(findSlots(q), SP)).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
  });

  it('window [from, to) holds the starts; busy may be unsorted', () => {
    const q = kumon({ from: utc('2026-12-01T12:00'), to: utc('2026-12-01T17:00') });
    expect(times(findSlots(q), SP)).toEqual(['09:00', '10:00', '11:00']);
    const list = [busy(utc('2026-12-01T19:00'), utc('2026-12-01T20:00')), busy(utc('2026-12-01T11:00'), utc('2026-12-01T12:00'))];
    expect(times(findSlots(kumon({}, list)), SP)).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00']);
  });

  it('slotInterval smaller than the duration', () => {
    const q = kumon({ service: { ...kumon().service, slotIntervalMinutes: 30 } });
    expect(times(findSlots(q), SP)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '14:00', '14:30', '15:00', '15:30', '16:00']);
  });

  it('a missing resource is unavailable', () => {
    expect(findSlots(kumon({ resources: [] }))).toEqual([]);
  });
});

// ---------------------------------------------------------------- BarberPro (Buenos Aires, siesta)
const shop = schedule(BA, weekly(['tue', 'wed', 'thu', 'fri', 'sat'], [['10:00', '13:00'], ['16:00', '20:30']]));
function barber(q: Partial<AvailabilityQuery> & { duration?: number } = {}): AvailabilityQuery {
  const { duration = 30, ...rest } = q;
  return query({
    service: service({ durationMinutes: duration, requirements: [{ resourceIds: ['juan', 'pedro', 'luis'], count: 1 }] }),
    resources: [resource('juan', shop), resource('pedro', shop), resource('luis', shop)],
    from: utc('2026-11-30T03:00'), // Mon 00:00 local
    to: utc('2026-12-02T03:00'),
    ...rest,
  });
}

describe('BarberPro: Tue–Sat 10–13 + 16–20:30, siesta, "anyone available"', () => {
  it('corte 30 min: 6 morning + 9 evening starts on Tuesday, none on Monday', () => {
    const slots = findSlots(barber());
    expect(times(slots, BA)).toEqual([
      '10:00', '10:30', '11:00', '11:30', '12:00', '12:30',
      '16:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00',
    ]);
    expect(renderSlots(slots, BA)[0]!.start).toBe('2026-12-01T13:00:00Z');
    expect(slots.every((s) => s.resourceIds.join() === 'juan')).toBe(true);
  });

  it('coloración 90 min fits inside each block, never across the siesta', () => {
    expect(times(findSlots(barber({ duration: 90 })), BA)).toEqual(['10:00', '11:30', '16:00', '17:30', '19:00']);
  });

  it('the first free barber takes the slot; a requested barber must be the one', () => {
    const juanBusy = busy(utc('2026-12-01T13:00'), utc('2026-12-01T13:30'), { refId: 'x' });
    const q = barber({ resources: [resource('juan', shop, [juanBusy]), resource('pedro', shop), resource('luis', shop)] });
    expect(findSlots(q)[0]).toEqual({ start: utc('2026-12-01T13:00'), end: utc('2026-12-01T13:30'), resourceIds: ['pedro'] });
    expect(findSlots({ ...q, resourceId: 'juan' })[0]!.start).toBe(utc('2026-12-01T13:30'));
    expect(findSlots({ ...q, resourceId: 'luis' })[0]!.resourceIds).toEqual(['luis']);
    expect(findSlots({ ...q, resourceId: 'nobody' })).toEqual([]);
  });
});

// ---------------------------------------------------------------- Speedy Van (London, van + crew)
const yard = schedule(LON, weekly(EVERY_DAY, [['07:00', '20:00']]));
const CREW = ['crew1', 'crew2', 'crew3', 'crew4'];
function move(busyOf: Record<string, ReturnType<typeof busy>[]> = {}, q: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  const ids = ['van', ...CREW];
  return query({
    service: service({
      durationMinutes: 120, bufferAfterMinutes: 30, slotIntervalMinutes: 60,
      requirements: [{ resourceIds: ['van'], count: 1 }, { resourceIds: CREW, count: 2 }],
    }),
    resources: ids.map((id) => resource(id, yard, busyOf[id] ?? [])),
    from: utc('2026-12-01T00:00'),
    to: utc('2026-12-02T00:00'),
    ...q,
  });
}
const allDay = busy(utc('2026-12-01T00:00'), utc('2026-12-02T00:00'));

describe('Speedy Van: one van + two crew, 30 min between van jobs', () => {
  it('07:00…18:00 with the first two free crew', () => {
    const slots = findSlots(move({ crew1: [allDay] }));
    expect(times(slots, LON)).toEqual(['07:00', '08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00']);
    expect(slots[0]!.resourceIds).toEqual(['van', 'crew2', 'crew3']);
  });

  it('the 30-min van buffer keeps jobs apart on both sides', () => {
    const job = busy(utc('2026-12-01T09:00'), utc('2026-12-01T11:00'), { after: 30, refId: 'job1' });
    expect(times(findSlots(move({ van: [job] })), LON)).toEqual(['12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00']);
  });

  it('van free but only one crew member free → no slot', () => {
    expect(findSlots(move({ crew1: [allDay], crew2: [allDay], crew3: [allDay] }))).toEqual([]);
  });

  it('a requested crew member is among the chosen ones', () => {
    expect(findSlots(move({}, { resourceId: 'crew4' }))[0]!.resourceIds).toEqual(['van', 'crew1', 'crew4']);
    expect(findSlots(move({}, { resourceId: 'van' }))[0]!.resourceIds).toEqual(['van', 'crew1', 'crew2']);
  });

  it('overlapping groups are solved exactly (no resource used twice)', () => {
    const q = move({}, {
      service: service({ durationMinutes: 120, slotIntervalMinutes: 60, requirements: [{ resourceIds: ['crew1', 'crew2'], count: 1 }, { resourceIds: ['crew1'], count: 1 }] }),
    });
    expect(findSlots(q)[0]!.resourceIds).toEqual(['crew2', 'crew1']);
  });
});

// ---------------------------------------------------------------- all together, seats
describe('"all staff together" and seats', () => {
  const staff = ['a', 'b', 'c'];
  const base = (q: Partial<AvailabilityQuery> = {}, capacity = 1): AvailabilityQuery =>
    query({
      service: service({ durationMinutes: 60, capacity, requirements: [{ resourceIds: staff, count: 3 }] }),
      resources: staff.map((id) => resource(id, kumonHours, id === 'c' ? [busy(utc('2026-12-01T12:00'), utc('2026-12-01T13:00'))] : [])),
      from: TUE,
      to: TUE + DAY,
      ...q,
    });

  it('needs every member free', () => {
    const slots = findSlots(base());
    expect(times(slots, SP)).toEqual(['08:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
    expect(slots[0]!.resourceIds).toEqual(staff);
  });

  it('a group session offers its remaining seats; new sessions offer full capacity', () => {
    const one = { resourceIds: ['ana'], count: 1 };
    const at = utc('2026-12-01T13:00');
    const own = busy(at, at + 60 * MIN, { kind: 'session', serviceId: 'svc', refId: 's1' });
    const q = kumon({ service: service({ durationMinutes: 60, capacity: 4, requirements: [one] }), sessions: [{ start: at, end: at + 60 * MIN, resourceIds: ['ana'], seatsTaken: 3 }] }, [own]);
    const slots = findSlots(q);
    expect(slots.map((s) => s.seatsLeft)).toEqual([4, 4, 1, 4, 4, 4, 4]);
    expect(slots[2]).toEqual({ start: at, end: at + 60 * MIN, resourceIds: ['ana'], seatsLeft: 1 });
    expect(findSlots({ ...q, seats: 2 }).map((s) => s.start)).not.toContain(at); // full for 2 seats
    expect(findSlots({ ...q, seats: 5 })).toEqual([]); // more seats than capacity
    // A session of another service is an ordinary booking.
    const foreign = { ...own, serviceId: 'other' };
    expect(findSlots({ ...q, resources: [resource('ana', kumonHours, [foreign])] }).map((s) => s.start)).not.toContain(at);
  });

  it('a full session leaves room for a new session on another resource', () => {
    const at = utc('2026-12-01T13:00');
    const own = busy(at, at + 60 * MIN, { kind: 'session', serviceId: 'svc' });
    const q = query({
      service: service({ durationMinutes: 60, capacity: 2, requirements: [{ resourceIds: ['ana', 'bia'], count: 1 }] }),
      resources: [resource('ana', kumonHours, [own]), resource('bia', kumonHours)],
      sessions: [{ start: at, end: at + 60 * MIN, resourceIds: ['ana'], seatsTaken: 2 }],
      from: at,
      to: at + 1,
    });
    expect(findSlots(q)).toEqual([{ start: at, end: at + 60 * MIN, resourceIds: ['bia'], seatsLeft: 2 }]);
    expect(findSlots({ ...q, sessions: [{ ...q.sessions![0]!, seatsTaken: 1 }] })[0]!.resourceIds).toEqual(['ana']);
  });
});
