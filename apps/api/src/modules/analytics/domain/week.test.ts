import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate, weekdayOf } from '../../../shared/time/zone';
import { homeWindows } from './week';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const hours = (w: { start: number; end: number }) => (w.end - w.start) / 3_600_000;
const shown = (now: string, timeZone: string) => {
  const { today, week } = homeWindows(at(now), timeZone);
  return {
    today: { from: today.from, start: iso(today.start), end: iso(today.end), hours: hours(today) },
    week: { from: week.from, to: week.to, start: iso(week.start), end: iso(week.end), hours: hours(week) },
  };
};

describe('the home page windows: today and this week, Monday-based, in the tenant zone', () => {
  it.each([
    ['London, the Sunday clocks go forward (23 h day, 167 h week)', '2026-03-29T12:00:00Z', 'Europe/London',
      { from: '2026-03-29', start: '2026-03-29T00:00:00Z', end: '2026-03-29T23:00:00Z', hours: 23 },
      { from: '2026-03-23', to: '2026-03-29', start: '2026-03-23T00:00:00Z', end: '2026-03-29T23:00:00Z', hours: 167 }],
    ['London, half past midnight on the Monday after: still Sunday in UTC, a new week here', '2026-03-29T23:30:00Z', 'Europe/London',
      { from: '2026-03-30', start: '2026-03-29T23:00:00Z', end: '2026-03-30T23:00:00Z', hours: 24 },
      { from: '2026-03-30', to: '2026-04-05', start: '2026-03-29T23:00:00Z', end: '2026-04-05T23:00:00Z', hours: 168 }],
    ['London, the Sunday clocks go back (25 h day, 169 h week)', '2026-10-25T12:00:00Z', 'Europe/London',
      { from: '2026-10-25', start: '2026-10-24T23:00:00Z', end: '2026-10-26T00:00:00Z', hours: 25 },
      { from: '2026-10-19', to: '2026-10-25', start: '2026-10-18T23:00:00Z', end: '2026-10-26T00:00:00Z', hours: 169 }],
    ['New York, the Sunday clocks go forward', '2026-03-08T20:00:00Z', 'America/New_York',
      { from: '2026-03-08', start: '2026-03-08T05:00:00Z', end: '2026-03-09T04:00:00Z', hours: 23 },
      { from: '2026-03-02', to: '2026-03-08', start: '2026-03-02T05:00:00Z', end: '2026-03-09T04:00:00Z', hours: 167 }],
    ['New York, Sunday evening after clocks went back: Monday in UTC, still this week here', '2026-11-02T03:00:00Z', 'America/New_York',
      { from: '2026-11-01', start: '2026-11-01T04:00:00Z', end: '2026-11-02T05:00:00Z', hours: 25 },
      { from: '2026-10-26', to: '2026-11-01', start: '2026-10-26T04:00:00Z', end: '2026-11-02T05:00:00Z', hours: 169 }],
    ['Kolkata (+05:30, no DST): Monday 01:30 is still Sunday in UTC', '2026-12-06T20:00:00Z', 'Asia/Kolkata',
      { from: '2026-12-07', start: '2026-12-06T18:30:00Z', end: '2026-12-07T18:30:00Z', hours: 24 },
      { from: '2026-12-07', to: '2026-12-13', start: '2026-12-06T18:30:00Z', end: '2026-12-13T18:30:00Z', hours: 168 }],
    ['São Paulo today (no DST since 2019)', '2026-12-06T17:00:00Z', 'America/Sao_Paulo',
      { from: '2026-12-06', start: '2026-12-06T03:00:00Z', end: '2026-12-07T03:00:00Z', hours: 24 },
      { from: '2026-11-30', to: '2026-12-06', start: '2026-11-30T03:00:00Z', end: '2026-12-07T03:00:00Z', hours: 168 }],
    ['São Paulo 2018, DST began at midnight: the day starts at 01:00', '2018-11-04T15:00:00Z', 'America/Sao_Paulo',
      { from: '2018-11-04', start: '2018-11-04T03:00:00Z', end: '2018-11-05T02:00:00Z', hours: 23 },
      { from: '2018-10-29', to: '2018-11-04', start: '2018-10-29T03:00:00Z', end: '2018-11-05T02:00:00Z', hours: 167 }],
    ['Buenos Aires (-03:00), a Monday just after midnight', '2026-12-07T03:00:00Z', 'America/Argentina/Buenos_Aires',
      { from: '2026-12-07', start: '2026-12-07T03:00:00Z', end: '2026-12-08T03:00:00Z', hours: 24 },
      { from: '2026-12-07', to: '2026-12-13', start: '2026-12-07T03:00:00Z', end: '2026-12-14T03:00:00Z', hours: 168 }],
  ])('%s', (_name, now, zone, today, week) => {
    expect(shown(now, zone)).toEqual({ today, week });
  });

  it('always holds now, starts on a Monday and spans seven local days', () => {
    const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Australia/Lord_Howe'];
    fc.assert(fc.property(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), (now, zone) => {
      const { today, week } = homeWindows(now, zone);
      expect(week.start <= today.start && today.start <= now && now < today.end && today.end <= week.end).toBe(true);
      expect(weekdayOf(week.from)).toBe('mon');
      expect(week.to).toBe(addDays(week.from, 6));
      expect(localDate(week.start, zone)).toBe(week.from);
      expect(localDate(week.end, zone)).toBe(addDays(week.from, 7));
      expect(localDate(now, zone)).toBe(today.from);
    }), { numRuns: 2000 });
  });
});
