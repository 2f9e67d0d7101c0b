import { describe, expect, it } from 'vitest';
import { dayColumn, hourMarks, wallColumn, wallMinutes, weekDates, zonedInstant } from './timeline';

const hhmm = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

describe('the calendar timeline', () => {
  it('gives London’s spring-forward Sunday 23 hour rows without 01:00, and the autumn one 25 with 01:00 twice', () => {
    const spring = dayColumn('2026-03-29', 'Europe/London');
    expect(spring.height).toBe(23 * 60);
    const springRows = hourMarks(spring).map((t) => hhmm(t, 'Europe/London'));
    expect(springRows).toHaveLength(23);
    expect(springRows.slice(0, 3)).toEqual(['00:00', '02:00', '03:00']);
    expect(springRows).not.toContain('01:00');

    const autumn = dayColumn('2026-10-25', 'Europe/London');
    expect(autumn.height).toBe(25 * 60);
    expect(hourMarks(autumn).map((t) => hhmm(t, 'Europe/London')).slice(0, 4)).toEqual(['00:00', '01:00', '01:00', '02:00']);
  });

  it('gives New York its 23- and 25-hour days and Kolkata, Buenos Aires and São Paulo 24 hours', () => {
    expect(dayColumn('2026-03-08', 'America/New_York').height).toBe(23 * 60);
    expect(dayColumn('2026-11-01', 'America/New_York').height).toBe(25 * 60);
    for (const zone of ['Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'America/Sao_Paulo']) {
      expect(dayColumn('2026-03-29', zone).height).toBe(24 * 60);
    }
    // Kolkata's hours start on its own half-hour offset: 00:00 local is 18:30Z the day before.
    expect(new Date(dayColumn('2026-03-29', 'Asia/Kolkata').from).toISOString()).toBe('2026-03-28T18:30:00.000Z');
  });

  it('turns wall times into instants, across gaps and repeats', () => {
    expect(new Date(zonedInstant('2026-03-29', 9 * 60, 'Europe/London')).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-28', 9 * 60, 'Europe/London')).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    // 01:30 does not exist on the spring Sunday: where the gap ends, 02:00 BST (01:00Z).
    expect(new Date(zonedInstant('2026-03-29', 90, 'Europe/London')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-08', 150, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // 01:30 happens twice in autumn: the first (BST, 00:30Z).
    expect(new Date(zonedInstant('2026-10-25', 90, 'Europe/London')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(zonedInstant('2026-01-10', 20 * 60, 'America/Argentina/Buenos_Aires')).toISOString()).toBe('2026-01-10T23:00:00.000Z');
    expect(new Date(zonedInstant('2026-01-10', 24 * 60, 'Asia/Kolkata')).toISOString()).toBe('2026-01-10T18:30:00.000Z');
    expect(wallMinutes(Date.parse('2026-03-29T08:15:00Z'), 'Europe/London')).toBe(9 * 60 + 15);
  });

  it('maps a day column by elapsed time and a week column by the wall clock', () => {
    const day = dayColumn('2026-03-29', 'Europe/London');
    const tenLocal = Date.parse('2026-03-29T09:00:00Z');
    expect(day.yOf(tenLocal)).toBe(9 * 60); // 10:00 BST is nine hours after midnight
    expect(day.at(9 * 60)).toBe(tenLocal);
    const wall = wallColumn('2026-03-29', 'Europe/London');
    expect(wall.yOf(tenLocal)).toBe(10 * 60);
    expect(wall.at(10 * 60)).toBe(tenLocal);
    expect(wall.yOf(wall.to)).toBe(1440);
    expect(weekDates('2026-03-23')).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
  });
});
