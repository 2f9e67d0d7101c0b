import { describe, expect, it } from 'vitest';
import { explainStart } from './explain';
import { DAY, MIN, MON_FRI, busy, query, resource, schedule, service, utc, weekly } from './testing';
import type { AvailabilityQuery, ReasonCode } from './types';

const SP = 'America/Sao_Paulo';
const hours = schedule(SP, weekly(MON_FRI, [['08:00', '12:00'], ['14:00', '17:00']]));
const TUE = utc('2026-12-01T03:00');
const AT_9 = utc('2026-12-01T12:00'); // 09:00 local

function q(over: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return query({
    service: service({ durationMinutes: 60, bufferAfterMinutes: 15, requirements: [{ resourceIds: ['ana'], count: 1 }] }),
    resources: [resource('ana', hours)],
    from: TUE,
    to: TUE + DAY,
    ...over,
  });
}
const codes = (over: Partial<AvailabilityQuery>, start = AT_9): ReasonCode[] =>
  explainStart({ ...q(over), start }).reasons.map((r) => r.code);

describe('explainStart', () => {
  it('a bookable start has no reasons and returns the slot', () => {
    expect(explainStart({ ...q(), start: AT_9 })).toEqual({
      bookable: true, reasons: [], slot: { start: AT_9, end: AT_9 + 60 * MIN, resourceIds: ['ana'] },
    });
  });

  it.each<[string, Partial<AvailabilityQuery>, number, ReasonCode[]]>([
    ['lunch break', {}, utc('2026-12-01T15:00'), ['outside_hours']],
    ['runs past closing', {}, utc('2026-12-01T14:30'), ['outside_hours']],
    ['saturday', {}, utc('2026-12-05T12:00'), ['not_in_window', 'outside_hours']],
    ['holiday', { holidays: ['2026-12-01'] }, AT_9, ['holiday']],
    ['closed by override', { resources: [resource('ana', { ...hours, overrides: [{ date: '2026-12-01', intervals: [] }] })] }, AT_9, ['closed_override']],
    ['core overlap with a booking', { resources: [resource('ana', hours, [busy(AT_9 + 30 * MIN, AT_9 + 90 * MIN, { refId: 'b1' })])] }, AT_9, ['booked']],
    ['core overlap with a hold', { resources: [resource('ana', hours, [busy(AT_9, AT_9 + 60 * MIN, { kind: 'hold', refId: 'h1' })])] }, AT_9, ['hold']],
    ['only our buffer after overlaps', { resources: [resource('ana', hours, [busy(AT_9 + 65 * MIN, AT_9 + 120 * MIN)])] }, AT_9, ['buffer']],
    ['only their buffer before overlaps', { resources: [resource('ana', hours, [busy(AT_9 + 90 * MIN, AT_9 + 120 * MIN, { before: 40 })])] }, AT_9, ['buffer']],
    ['external calendar', { externalBusy: [{ resourceId: 'ana', start: AT_9 + 10 * MIN, end: AT_9 + 20 * MIN }] }, AT_9, ['external_busy']],
    ['external calendar inside our buffer', { externalBusy: [{ resourceId: 'ana', start: AT_9 + 70 * MIN, end: AT_9 + 80 * MIN }] }, AT_9, ['buffer']],
    ['min notice', { now: AT_9 - 30 * MIN, service: service({ durationMinutes: 60, minNoticeMinutes: 60, requirements: [{ resourceIds: ['ana'], count: 1 }] }) }, AT_9, ['notice']],
    ['same day', { now: TUE + 60 * MIN, service: service({ durationMinutes: 60, notSameDay: true, requirements: [{ resourceIds: ['ana'], count: 1 }] }) }, AT_9, ['same_day']],
    ['horizon', { now: AT_9 - 2 * DAY, service: service({ durationMinutes: 60, horizonDays: 1, requirements: [{ resourceIds: ['ana'], count: 1 }] }) }, AT_9, ['horizon']],
    ['outside the window', { from: AT_9 + 1, to: AT_9 + DAY }, AT_9, ['not_in_window']],
    ['unknown required resource', { resources: [] }, AT_9, ['resource_missing']],
    ['requested resource not required', { resourceId: 'bob' }, AT_9, ['resource_missing']],
    ['off the slot grid', {}, AT_9 + 30 * MIN, ['not_aligned']],
  ])('%s', (_name, over, start, expected) => {
    const e = explainStart({ ...q(over), start });
    expect(e.bookable).toBe(false);
    expect(e.reasons.map((r) => r.code)).toEqual(expected);
    expect(e.reasons.every((r) => r.message.length > 0)).toBe(true);
  });

  it('names the resource and the reference that blocks', () => {
    const e = explainStart({ ...q({ resources: [resource('ana', hours, [busy(AT_9, AT_9 + 60 * MIN, { refId: 'b42' })])] }), start: AT_9 });
    expect(e.reasons).toEqual([expect.objectContaining({ code: 'booked', resourceId: 'ana', refId: 'b42' })]);
  });

  it('lists every unavailable resource of "any staff" and nothing for free ones', () => {
    const team = ['a', 'b', 'c'];
    const rules = service({ durationMinutes: 60, requirements: [{ resourceIds: team, count: 1 }] });
    const blocked = busy(AT_9, AT_9 + 60 * MIN);
    const all = q({ service: rules, resources: team.map((id) => resource(id, hours, [blocked])) });
    expect(explainStart({ ...all, start: AT_9 }).reasons.map((r) => r.resourceId)).toEqual(team);
    const oneFree = q({ service: rules, resources: team.map((id) => resource(id, hours, id === 'c' ? [] : [blocked])) });
    expect(explainStart({ ...oneFree, start: AT_9 }).slot?.resourceIds).toEqual(['c']);
    expect(explainStart({ ...oneFree, start: AT_9, resourceId: 'a' }).reasons.map((r) => `${r.code}:${r.resourceId}`)).toEqual(['booked:a']);
  });

  it('capacity_full when the session has no room or more seats than capacity are asked', () => {
    const own = busy(AT_9, AT_9 + 60 * MIN, { kind: 'session', serviceId: 'svc' });
    const rules = service({ durationMinutes: 60, capacity: 3, requirements: [{ resourceIds: ['ana'], count: 1 }] });
    const sessions = [{ start: AT_9, end: AT_9 + 60 * MIN, resourceIds: ['ana'], seatsTaken: 2 }];
    const base = q({ service: rules, sessions, resources: [resource('ana', hours, [own])] });
    expect(explainStart({ ...base, start: AT_9 })).toMatchObject({ bookable: true, slot: { seatsLeft: 1 } });
    expect(codes({ ...base, seats: 2 })).toEqual(['capacity_full', 'booked']);
    expect(codes({ ...base, seats: 4 })).toContain('capacity_full');
  });

  it('reports several reasons at once, query-level first', () => {
    const over = { now: AT_9, service: service({ durationMinutes: 60, minNoticeMinutes: 60, requirements: [{ resourceIds: ['ana'], count: 1 }] }), holidays: ['2026-12-01'] };
    expect(codes(over)).toEqual(['notice', 'holiday']);
  });
});
