import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { calendarEn } from '../i18n/pages/calendar-en';
import { calendarEsAR } from '../i18n/pages/calendar-es-AR';
import { changes, movedTop, rescheduleBody, resizedBottom, snap } from './drag';
import { closedIntervals, hoursOn, workingIntervals, within } from './hours';
import { onResource, place } from './layout';
import { describeReasons, reasonsOf } from './reasons';
import { statusActions } from './status';
import { dayColumn, wallColumn } from './timeline';
import { clockChanges, firstOpenY, gridColumns, pickDate, shownResources, step, viewRange } from './view';

const iso = (ms: number) => new Date(ms).toISOString();
const LONDON_WEEKDAYS = { timeZone: 'Europe/London', weekly: { mon: [['09:00', '17:00']], sun: [['10:00', '12:00'], ['13:00', '16:00']] }, overrides: [] } as never;

describe('working hours on the calendar', () => {
  it('reads the weekly hours in the schedule’s zone, across the spring clock change', () => {
    const sunday = dayColumn('2026-03-29', 'Europe/London');
    const open = workingIntervals(LONDON_WEEKDAYS, new Set(), sunday.from, sunday.to);
    expect(open.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-29T09:00:00.000Z', '2026-03-29T11:00:00.000Z'], // 10:00–12:00 BST
      ['2026-03-29T12:00:00.000Z', '2026-03-29T15:00:00.000Z'],
    ]);
    expect(closedIntervals(open, sunday.from, sunday.to)).toHaveLength(3);
    expect(within(open, Date.parse('2026-03-29T09:00:00Z'), Date.parse('2026-03-29T10:00:00Z'))).toBe(true);
    expect(within(open, Date.parse('2026-03-29T10:30:00Z'), Date.parse('2026-03-29T11:30:00Z'))).toBe(false);
  });

  it('closes a holiday and lets a date’s override replace the weekly hours', () => {
    const schedule = { ...(LONDON_WEEKDAYS as object), overrides: [{ date: '2026-03-30', intervals: [['12:00', '14:00']] }] } as never;
    expect(hoursOn(schedule, new Set(), '2026-03-30')).toEqual([['12:00', '14:00']]);
    expect(hoursOn(schedule, new Set(['2026-03-30']), '2026-03-30')).toEqual([]);
    expect(hoursOn(schedule, new Set(), '2026-03-31')).toEqual([]);
  });

  it('shows a schedule kept in another zone at the right hours of the tenant’s day (Kolkata team, London office)', () => {
    const kolkata = { timeZone: 'Asia/Kolkata', weekly: { mon: [['09:00', '18:00']] }, overrides: [] } as never;
    const londonMonday = dayColumn('2026-03-30', 'Europe/London');
    const open = workingIntervals(kolkata, new Set(), londonMonday.from, londonMonday.to);
    expect(open.map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-03-30T03:30:00.000Z', '2026-03-30T12:30:00.000Z']]);
  });
});

describe('placing bookings in a column', () => {
  const column = dayColumn('2026-03-29', 'Europe/London');
  const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 29, h, m)).toISOString();
  it('puts a booking at its elapsed minutes, and overlapping ones side by side in as few lanes as needed', () => {
    const items = [
      { id: 'a', start: at(9), end: at(10), resourceIds: ['r1'] },
      { id: 'b', start: at(9, 30), end: at(10, 30), resourceIds: ['r1', 'r2'] },
      { id: 'c', start: at(10), end: at(11), resourceIds: ['r1'] },
      { id: 'd', start: at(12), end: at(12, 5), resourceIds: ['r1'] },
    ];
    const placed = place(items, column);
    const by = Object.fromEntries(placed.map((p) => [p.item.id, p]));
    expect(by.a).toMatchObject({ top: 9 * 60, height: 60, lane: 0, lanes: 2 });
    expect(by.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(by.c).toMatchObject({ lane: 0, lanes: 2 }); // reuses a's lane
    expect(by.d).toMatchObject({ lanes: 1, height: 15 }); // short, but big enough to grab
    expect(onResource(items, 'r2').map((i) => i.id)).toEqual(['b']);
  });

  it('clips a booking that runs past midnight (23:00Z is midnight BST) and leaves out those of other days', () => {
    const placed = place([
      { id: 'late', start: '2026-03-29T22:30:00Z', end: '2026-03-30T00:30:00Z' },
      { id: 'other', start: '2026-03-30T09:00:00Z', end: '2026-03-30T10:00:00Z' },
    ], column);
    expect(placed.map((p) => [p.item.id, p.top, p.height])).toEqual([['late', 22.5 * 60, 30]]);
  });
});

describe('dragging', () => {
  const column = wallColumn('2026-03-30', 'Europe/London');
  it('snaps to 15 minutes and keeps blocks inside the day', () => {
    expect(snap(67)).toBe(60);
    expect(snap(68)).toBe(75);
    expect(movedTop(600 + 20, 12, 60, column)).toBe(615);
    expect(movedTop(606, 0, 60, column)).toBe(600);
    expect(movedTop(-50, 0, 60, column)).toBe(0);
    expect(movedTop(1430, 0, 60, column)).toBe(1380);
    expect(resizedBottom(605, 600, column)).toBe(615);
    expect(resizedBottom(2000, 600, column)).toBe(1440);
  });

  it('turns a drop into a reschedule that pins the resources and sends a length only when it differs', () => {
    const booking = { start: '2026-03-30T09:00:00Z', end: '2026-03-30T10:00:00Z', resourceIds: ['van', 'crew1'] };
    const start = Date.parse('2026-03-30T11:00:00Z');
    const moved = { fromResourceId: 'crew1', toResourceId: 'crew2', start, end: start + 3600_000 };
    expect(rescheduleBody(booking, moved, 60)).toEqual({ start: '2026-03-30T11:00:00.000Z', resourceIds: ['van', 'crew2'] });
    expect(rescheduleBody(booking, { ...moved, end: start + 90 * 60_000 }, 60)).toMatchObject({ durationMinutes: 90 });
    expect(rescheduleBody(booking, { ...moved, toResourceId: 'van' }, 60).resourceIds).toEqual(['van', 'crew1']);
    expect(changes(booking, { fromResourceId: 'van', toResourceId: 'van', start: Date.parse(booking.start), end: Date.parse(booking.end) })).toBe(false);
    expect(changes(booking, moved)).toBe(true);
  });
});

describe('why a time cannot be booked', () => {
  const names = { resource: (id: string) => ({ r1: 'Carlos' } as Record<string, string>)[id], booking: (id: string) => (id === 'b1' ? 'Bia, 10:00–11:00' : undefined) };
  it('names the resource and the booking in the way, once per distinct reason, in the staff member’s language', () => {
    const reasons = [
      { code: 'booked', resourceId: 'r1', refId: 'b1', message: 'r1 is busy 13:00–14:00' },
      { code: 'booked', resourceId: 'r1', refId: 'b1', message: 'again' },
      { code: 'outside_hours', resourceId: 'r9' },
      { code: 'notice' },
      { code: 'something_new' },
    ];
    expect(describeReasons(reasons, calendarEn, names)).toEqual([
      'Carlos already has a booking then (Bia, 10:00–11:00).',
      'This resource is not working at this time.',
      'It is too soon: this service must be booked further ahead.',
      'This time is not available.',
    ]);
    expect(describeReasons([{ code: 'booked', resourceId: 'r1' }], calendarEsAR, names)).toEqual(['Carlos ya tiene un turno en ese horario.']);
  });

  it('takes reasons only from a refusal for the time itself', () => {
    const refused = new ApiError('SCHED_SLOT_UNAVAILABLE', 409, 'x', [], { reasons: [{ code: 'buffer', resourceId: 'r1', message: '…' }] });
    expect(reasonsOf(refused)).toEqual([{ code: 'buffer', resourceId: 'r1', message: '…' }]);
    expect(reasonsOf(new ApiError('SCHED_SLOT_TAKEN', 409))).toEqual([]);
    expect(reasonsOf(new Error('x'))).toEqual([]);
  });
});

describe('the calendar view', () => {
  const resource = (id: string, locationId: string | null) => ({
    id, name: id, kind: 'staff', timeZone: 'Europe/London', locationId, active: true, icalUrl: '', createdAt: '',
    schedule: { timeZone: 'Europe/London', weekly: { sun: [['07:00', '20:00']], mon: [['09:00', '17:00']] }, overrides: [] },
  }) as never;

  it('shows a location’s resources and those tied to none', () => {
    const all = [resource('a', 'L1'), resource('b', 'L2'), resource('c', null)];
    expect(shownResources(all, 'L1', 'all').map((r) => r.id)).toEqual(['a', 'c']);
    expect(shownResources(all, 'all', 'b').map((r) => r.id)).toEqual(['b']);
  });

  it('spans Monday to Sunday in the week view and flags the 23-hour Sunday', () => {
    const week = viewRange('week', '2026-03-26', 'Europe/London');
    expect(week.dates[0]).toBe('2026-03-23');
    expect(week.dates.at(-1)).toBe('2026-03-29');
    expect(new Date(week.to).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(clockChanges(week.dates, 'Europe/London').map((d) => [d.date, d.hours])).toEqual([['2026-03-29', 23]]);
    expect(clockChanges(['2026-03-30'], 'Europe/London')).toEqual([]);
  });

  it('builds one column per resource and day with its open hours, and scrolls to the first opening', () => {
    const columns = gridColumns('week', ['2026-03-29', '2026-03-30'], 'Europe/London', [resource('a', null), resource('b', null)], new Set(['2026-03-30']));
    expect(columns.map((c) => [c.key, c.firstOfDay, c.open.length])).toEqual([
      ['a|2026-03-29', true, 1], ['b|2026-03-29', false, 1], ['a|2026-03-30', true, 0], ['b|2026-03-30', false, 0],
    ]);
    expect(firstOpenY(columns)).toBe(7 * 60 - 30);
    const day = gridColumns('day', ['2026-03-29'], 'Europe/London', [resource('a', null)], new Set());
    expect(firstOpenY(day)).toBe(6 * 60 - 30); // 07:00 BST is six hours after midnight GMT
    expect(pickDate('2026-03-29', 0, 'Europe/London')).toBe('2026-03-29');
    expect(pickDate('nonsense', Date.parse('2026-03-29T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-29');
    expect(step('week', '2026-03-29', -1)).toBe('2026-03-22');
  });
});

describe('status changes from the calendar', () => {
  const start = '2026-03-04T13:00:00Z';
  const before = Date.parse(start) - 60_000;
  const after = Date.parse(start) + 60_000;
  it('marks completed or no-show only once the booking has started; cancels only what is still active', () => {
    expect(statusActions({ status: 'confirmed', start }, before)).toEqual({ complete: false, noShow: false, cancel: true, notStartedYet: true });
    expect(statusActions({ status: 'confirmed', start }, after)).toEqual({ complete: true, noShow: true, cancel: true, notStartedYet: false });
    expect(statusActions({ status: 'pending', start }, Date.parse(start))).toMatchObject({ complete: true, noShow: true });
    expect(statusActions({ status: 'completed', start }, after)).toEqual({ complete: false, noShow: true, cancel: false, notStartedYet: false });
    expect(statusActions({ status: 'no_show', start }, after)).toEqual({ complete: true, noShow: false, cancel: false, notStartedYet: false });
    expect(statusActions({ status: 'cancelled', start }, after)).toEqual({ complete: false, noShow: false, cancel: false, notStartedYet: false });
  });
});
