import { describe, expect, it } from 'vitest';
import { compileHolidays, compileSchedule, dayKind, hoursOfDay, workingIntervals } from './working-hours';
import { DAY, MON_FRI, schedule, utc, weekly } from './testing';
import type { WallInterval } from './types';

const iso = (flat: number[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(`${new Date(flat[i]!).toISOString().slice(5, 16)}/${new Date(flat[i + 1]!).toISOString().slice(11, 16)}`);
  return out;
};
const day = (date: string): number => Math.floor(utc(`${date}T00:00`) / DAY);

describe('working hours', () => {
  const kumon = compileSchedule(schedule('America/Sao_Paulo', weekly(MON_FRI, [['14:00', '17:00'], ['08:00', '12:00']]), [
    { date: '2026-12-02', intervals: [['09:00', '10:00']] },
    { date: '2026-12-03', intervals: [] },
  ]));

  it('weekly hours (sorted), overrides and holidays per local date', () => {
    const none = new Set<number>();
    expect(hoursOfDay(kumon, none, day('2026-12-01'))).toEqual([480, 720, 840, 1020]);
    expect(hoursOfDay(kumon, none, day('2026-12-02'))).toEqual([540, 600]);
    expect(hoursOfDay(kumon, none, day('2026-12-03'))).toEqual([]);
    expect(hoursOfDay(kumon, none, day('2026-12-05'))).toEqual([]);
    const xmas = compileHolidays(['2026-12-01', 'not-a-date']);
    expect(hoursOfDay(kumon, xmas, day('2026-12-01'))).toEqual([]);
    expect(dayKind(kumon, xmas, day('2026-12-01'))).toBe('holiday');
    expect(dayKind(kumon, xmas, day('2026-12-02'))).toBe('override');
    expect(dayKind(kumon, xmas, day('2026-12-04'))).toBe('weekly');
  });

  it('UTC intervals for a window, with a day of margin each side', () => {
    const w = workingIntervals(kumon, new Set(), utc('2026-12-01T03:00'), utc('2026-12-03T03:00'));
    expect(iso(w)).toEqual([
      '11-30T11:00/15:00', '11-30T17:00/20:00', // Monday (margin)
      '12-01T11:00/15:00', '12-01T17:00/20:00',
      '12-02T12:00/13:00', // override
      // Thursday closed by override
    ]);
    expect(workingIntervals(kumon, new Set(), 10, 10)).toEqual([]);
  });

  it('skips malformed intervals instead of guessing', () => {
    const bad = compileSchedule(schedule('UTC', { mon: [['25:00', '26:00'], ['10:00', '09:00'], ['x', 'y'], ['09:00', '24:00']] as WallInterval[] }));
    expect(bad.weekly[0]).toEqual([540, 1440]);
  });

  it('merges intervals that overlap once resolved (touching wall intervals around a fall-back hour)', () => {
    const london = compileSchedule(schedule('Europe/London', {}, [{ date: '2026-10-25', intervals: [['00:00', '01:30'], ['01:30', '03:00']] }]));
    // 00:00–01:30 ends at the second 01:30 (01:30Z); 01:30–03:00 starts at the first (00:30Z).
    expect(iso(workingIntervals(london, new Set(), utc('2026-10-25T00:00'), utc('2026-10-25T12:00')))).toEqual(['10-24T23:00/03:00']);
    const touching = compileSchedule(schedule('UTC', { mon: [['08:00', '12:00'], ['12:00', '13:00']] }));
    expect(iso(workingIntervals(touching, new Set(), utc('2026-11-30T00:00'), utc('2026-11-30T23:00')))).toEqual(['11-30T08:00/12:00', '11-30T12:00/13:00']);
  });

  it('drops an interval entirely inside a spring-forward gap', () => {
    const ny = compileSchedule(schedule('America/New_York', {}, [{ date: '2026-03-08', intervals: [['02:00', '02:45'], ['09:00', '10:00']] }]));
    expect(iso(workingIntervals(ny, new Set(), utc('2026-03-08T05:00'), utc('2026-03-08T20:00')))).toEqual(['03-08T13:00/14:00']);
  });
});
