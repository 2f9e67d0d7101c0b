/**
 * Daylight-saving time, on the real 2026 dates. Wall-clock schedules keep their local times;
 * wall times in a spring-forward gap move to the first instant after it; wall times that occur
 * twice use the earlier instant for a start and the later one for an end (see shared/time/zone.ts).
 */
import { describe, expect, it } from 'vitest';
import { findSlots } from './slots';
import { renderSlots } from './render';
import { DAY, EVERY_DAY, query, resource, schedule, service, utc, weekly } from './testing';
import type { Schedule } from './types';

function slotsOf(sched: Schedule, fromIso: string, days: number, minutes = 60) {
  const from = utc(fromIso);
  const q = query({
    service: service({ durationMinutes: minutes, requirements: [{ resourceIds: ['r'], count: 1 }] }),
    resources: [resource('r', sched)],
    from,
    to: from + days * DAY,
  });
  return renderSlots(findSlots(q), sched.timeZone);
}

const NINE_TO_FIVE = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];

describe.each([
  ['Europe/London', '2026-03-28', '+00:00', '+01:00', 'spring forward (Sun 29 Mar)'],
  ['Europe/London', '2026-10-24', '+01:00', '+00:00', 'fall back (Sun 25 Oct)'],
  ['America/New_York', '2026-03-07', '-05:00', '-04:00', 'spring forward (Sun 8 Mar)'],
  ['America/New_York', '2026-10-31', '-04:00', '-05:00', 'fall back (Sun 1 Nov)'],
])('%s 09:00–17:00 around %s', (tz, dayBefore, offBefore, offAfter) => {
  const sched = schedule(tz, weekly(EVERY_DAY, [['09:00', '17:00']]));
  const [y, m, d] = dayBefore.split('-').map(Number) as [number, number, number];
  const days = [0, 1, 2].map((i) => new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));

  it('starts at 09:00 local on the day before, of and after the change', () => {
    const rendered = slotsOf(sched, `${dayBefore}T00:00`, 4).filter((s) => days.includes(s.localStart.slice(0, 10)));
    for (const day of days) {
      expect(rendered.filter((s) => s.localStart.startsWith(day)).map((s) => s.localStart.slice(11))).toEqual(NINE_TO_FIVE);
    }
    expect(rendered.filter((s) => s.localStart.startsWith(days[0]!)).every((s) => s.utcOffset === offBefore)).toBe(true);
    expect(rendered.filter((s) => s.localStart.startsWith(days[2]!)).every((s) => s.utcOffset === offAfter)).toBe(true);
    // The same wall time is a different UTC time on either side of the change.
    const first = (day: string) => rendered.find((s) => s.localStart.startsWith(day))!.start;
    expect(first(days[0]!).slice(11)).not.toBe(first(days[2]!).slice(11));
  });
});

describe('schedules that span the gap or the repeated hour', () => {
  it('London 2026-03-29, 00:00–04:00 is three real hours (01:00–02:00 never happens)', () => {
    const s = slotsOf(schedule('Europe/London', {}, [{ date: '2026-03-29', intervals: [['00:00', '04:00']] }]), '2026-03-28T12:00', 2);
    expect(s.map((x) => x.localStart.slice(11))).toEqual(['00:00', '02:00', '03:00']);
    expect(s.map((x) => x.start)).toEqual(['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']);
  });

  it('London 2026-03-29, 01:30–03:00: the start in the gap moves to 02:00 BST', () => {
    const s = slotsOf(schedule('Europe/London', {}, [{ date: '2026-03-29', intervals: [['01:30', '03:00']] }]), '2026-03-28T12:00', 2, 30);
    expect(s.map((x) => x.localStart.slice(11))).toEqual(['02:00', '02:30']);
    expect(s[0]!.start).toBe('2026-03-29T01:00:00Z');
  });

  it('New York 2026-03-08, 02:30–04:00: the start in the gap moves to 03:00 EDT; 01:00–02:30 ends at 03:00 EDT', () => {
    const a = slotsOf(schedule('America/New_York', {}, [{ date: '2026-03-08', intervals: [['02:30', '04:00']] }]), '2026-03-07T12:00', 2, 30);
    expect(a.map((x) => x.localStart.slice(11))).toEqual(['03:00', '03:30']);
    const b = slotsOf(schedule('America/New_York', {}, [{ date: '2026-03-08', intervals: [['01:00', '02:30']] }]), '2026-03-07T12:00', 2, 30);
    expect(b.map((x) => x.localStart.slice(11))).toEqual(['01:00', '01:30']); // one real hour
  });

  it('London 2026-10-25, 00:00–03:00 is four real hours: 01:00 is offered twice', () => {
    const s = slotsOf(schedule('Europe/London', {}, [{ date: '2026-10-25', intervals: [['00:00', '03:00']] }]), '2026-10-24T12:00', 2);
    expect(s.map((x) => `${x.localStart.slice(11)}${x.utcOffset}`)).toEqual(['00:00+01:00', '01:00+01:00', '01:00+00:00', '02:00+00:00']);
    expect(s.map((x) => x.start)).toEqual(['2026-10-24T23:00:00Z', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z']);
  });

  it('London 2026-10-25, 01:30–02:30: start at the first 01:30, end at 02:30 GMT → two hours', () => {
    const s = slotsOf(schedule('Europe/London', {}, [{ date: '2026-10-25', intervals: [['01:30', '02:30']] }]), '2026-10-24T12:00', 2, 30);
    expect(s.map((x) => x.start)).toEqual(['2026-10-25T00:30:00Z', '2026-10-25T01:00:00Z', '2026-10-25T01:30:00Z', '2026-10-25T02:00:00Z']);
    expect(s.map((x) => x.localStart.slice(11))).toEqual(['01:30', '01:00', '01:30', '02:00']);
  });

  it('New York 2026-11-01, 00:00–01:30 ends at the second 01:30 (EST)', () => {
    const s = slotsOf(schedule('America/New_York', {}, [{ date: '2026-11-01', intervals: [['00:00', '01:30']] }]), '2026-10-31T12:00', 2, 30);
    expect(s).toHaveLength(5); // 00:00, 00:30, 01:00 EDT, 01:30 EDT, 01:00 EST
    expect(s.at(-1)!.start).toBe('2026-11-01T06:00:00Z');
    expect(s.at(-1)!.end).toBe('2026-11-01T06:30:00Z');
  });

  it('a 24-hour day is 23 or 25 real hours on the change days', () => {
    const allDay = schedule('Europe/London', weekly(EVERY_DAY, [['00:00', '24:00']]));
    const spring = slotsOf(allDay, '2026-03-28T12:00', 2).filter((s) => s.localStart.startsWith('2026-03-29'));
    const autumn = slotsOf(allDay, '2026-10-24T12:00', 2).filter((s) => s.localStart.startsWith('2026-10-25'));
    expect(spring).toHaveLength(23);
    expect(autumn).toHaveLength(25);
    expect(slotsOf(allDay, '2026-05-31T12:00', 2).filter((s) => s.localStart.startsWith('2026-06-01'))).toHaveLength(24);
    expect(spring.at(-1)!.end).toBe('2026-03-29T23:00:00Z');
    expect(autumn[0]!.start).toBe('2026-10-24T23:00:00Z');
    expect(autumn.at(-1)!.end).toBe('2026-10-26T00:00:00Z');
  });
});
