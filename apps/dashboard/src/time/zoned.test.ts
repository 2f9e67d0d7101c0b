import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayAround, localDateOf, startOfDay, weekAround, weekdayOf } from './zoned';

const iso = (ms: number) => new Date(ms).toISOString();
const hours = (r: { from: number; to: number }) => (r.to - r.from) / 3600_000;

describe('days in a time zone', () => {
  it.each([
    // zone, local date, first instant, length in hours
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00.000Z', 23], // clocks go forward at 01:00
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00.000Z', 25], // and back at 02:00 BST
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', 23],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z', 25],
    ['America/Sao_Paulo', '2018-11-04', '2018-11-04T03:00:00.000Z', 23], // midnight itself was skipped: the day began at 01:00
    ['America/Sao_Paulo', '2018-02-17', '2018-02-17T02:00:00.000Z', 25], // 23:00–00:00 happened twice
    ['America/Sao_Paulo', '2026-11-25', '2026-11-25T03:00:00.000Z', 24],
    ['America/Argentina/Buenos_Aires', '2026-12-09', '2026-12-09T03:00:00.000Z', 24],
    ['Asia/Kolkata', '2026-11-25', '2026-11-24T18:30:00.000Z', 24],
  ])('%s %s starts at %s and lasts %i hours', (zone, date, start, length) => {
    const day = dayAround(Date.parse(start) + 3600_000, zone);
    expect(day.date).toBe(date);
    expect(iso(day.from)).toBe(start);
    expect(hours(day)).toBe(length);
  });

  it('finds the local date at an instant', () => {
    const at = Date.parse('2026-12-10T01:30:00Z');
    expect(localDateOf(at, 'America/Argentina/Buenos_Aires')).toBe('2026-12-09');
    expect(localDateOf(at, 'Asia/Tokyo')).toBe('2026-12-10');
    expect(localDateOf(at, 'Asia/Kolkata')).toBe('2026-12-10');
  });

  it('counts weeks from Monday, across a change of clocks', () => {
    const week = weekAround(Date.parse('2026-10-28T12:00:00Z'), 'Europe/London'); // a Wednesday
    expect(week.monday).toBe('2026-10-26');
    expect(week.sunday).toBe('2026-11-01');
    expect(iso(week.from)).toBe('2026-10-26T00:00:00.000Z');
    const before = weekAround(Date.parse('2026-10-21T12:00:00Z'), 'Europe/London');
    expect(iso(before.from)).toBe('2026-10-18T23:00:00.000Z'); // Monday 19 October, 00:00 BST
    expect(hours(before)).toBe(7 * 24 + 1);
    expect(weekdayOf('2026-12-06')).toBe(6); // a Sunday
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('starts every day at its first instant, in every zone the blueprints and tests use', () => {
    const zones = ['Europe/London', 'America/New_York', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(fc.property(fc.integer({ min: Date.parse('2015-01-01'), max: Date.parse('2035-01-01') }), fc.constantFrom(...zones), (ms, zone) => {
      const day = dayAround(ms, zone);
      expect(localDateOf(day.from, zone)).toBe(day.date);
      expect(localDateOf(day.from - 1, zone) < day.date).toBe(true);
      expect(day.from <= ms && ms < day.to).toBe(true);
      expect(hours(day)).toBeGreaterThanOrEqual(23);
      expect(hours(day)).toBeLessThanOrEqual(25);
    }), { numRuns: 300 });
  });

  it('starts a day at midnight when midnight exists', () => {
    expect(iso(startOfDay('2026-07-01', 'Europe/London'))).toBe('2026-06-30T23:00:00.000Z');
  });
});
