/**
 * Working hours: a resource's weekly schedule, date overrides and the tenant's holidays turned
 * into sorted UTC intervals. Temporal-free: one cached offset lookup per interval edge per day.
 */
import { DAY_MS, MINUTE_MS, dateToDayNumber, localDayNumber, localMsToInstant, parseWallTime, WEEKDAYS } from '../../../../shared/time/zone';
import type { Schedule, WallInterval } from './types';

/** A schedule parsed once per query: minutes after local midnight, flat [start, end, …]. */
export interface CompiledSchedule {
  timeZone: string;
  weekly: number[][]; // index 0 = Monday
  overrides: Map<number, number[]>; // day number → hours of that date ([] = closed)
}

/** What closes or changes a given local date, for explanations. */
export type DayKind = 'weekly' | 'override' | 'holiday';

/**
 * Malformed or inverted intervals are skipped here (validateSchedule reports them); intervals of
 * one day are sorted by start. Overlaps are merged later, when instants are known.
 */
function compileDay(intervals: readonly WallInterval[] | undefined): number[] {
  if (!Array.isArray(intervals)) return [];
  const pairs: [number, number][] = [];
  for (const iv of intervals) {
    if (!Array.isArray(iv)) continue;
    const s = typeof iv[0] === 'string' ? parseWallTime(iv[0], false) : null;
    const e = typeof iv[1] === 'string' ? parseWallTime(iv[1]) : null;
    if (s !== null && e !== null && e > s) pairs.push([s, e]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.flat();
}

export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const weekly = WEEKDAYS.map((d) => compileDay(schedule.weekly?.[d]));
  const overrides = new Map<number, number[]>();
  for (const o of schedule.overrides ?? []) {
    const day = typeof o?.date === 'string' ? dateToDayNumber(o.date) : null;
    if (day !== null) overrides.set(day, compileDay(o.intervals)); // a later duplicate wins
  }
  return { timeZone: schedule.timeZone, weekly, overrides };
}

export function compileHolidays(holidays: readonly string[] | undefined): Set<number> {
  const out = new Set<number>();
  for (const h of holidays ?? []) {
    const day = dateToDayNumber(h);
    if (day !== null) out.add(day);
  }
  return out;
}

export function dayKind(cs: CompiledSchedule, holidays: Set<number>, day: number): DayKind {
  if (holidays.has(day)) return 'holiday';
  return cs.overrides.has(day) ? 'override' : 'weekly';
}

/** Wall-clock hours (flat minutes) that apply on a local day number. */
export function hoursOfDay(cs: CompiledSchedule, holidays: Set<number>, day: number): number[] {
  if (holidays.has(day)) return [];
  return cs.overrides.get(day) ?? cs.weekly[(((day + 3) % 7) + 7) % 7]!;
}

/**
 * UTC working intervals (flat [start, end, …], ascending, disjoint; touching intervals are kept
 * apart) of every local date that can hold a start in [from, to). Intervals of one date that
 * overlap once resolved to instants (only possible around a fall-back hour) are merged.
 */
export function workingIntervals(cs: CompiledSchedule, holidays: Set<number>, from: number, to: number): number[] {
  const out: number[] = [];
  if (!(to > from)) return out;
  const tz = cs.timeZone;
  const first = localDayNumber(from, tz) - 1;
  const last = localDayNumber(to - 1, tz) + 1;
  for (let day = first; day <= last; day++) {
    const hours = hoursOfDay(cs, holidays, day);
    const base = day * DAY_MS;
    for (let i = 0; i < hours.length; i += 2) {
      const s = localMsToInstant(base + hours[i]! * MINUTE_MS, tz, 'start');
      const e = localMsToInstant(base + hours[i + 1]! * MINUTE_MS, tz, 'end');
      if (e <= s) continue; // entirely inside a spring-forward gap
      const n = out.length;
      if (n > 0 && s < out[n - 1]!) {
        if (e > out[n - 1]!) out[n - 1] = e;
      } else {
        out.push(s, e);
      }
    }
  }
  return out;
}
