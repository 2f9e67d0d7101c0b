import type { Resource } from '@frontdesk/contracts';
import { addDays, localDateOf, weekdayOf, type LocalDate } from '../time/zoned';
import { zonedInstant } from './timeline';

/**
 * A resource's working hours as instants, the way the availability engine reads them: a holiday
 * closes the day, a date's override replaces the weekly hours, and the hours are wall-clock
 * times in the schedule's own zone.
 */
export type Schedule = Resource['schedule'];
export interface Interval { start: number; end: number }

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall-clock hours that apply on a local date of the schedule's zone. */
export function hoursOn(schedule: Schedule, holidays: ReadonlySet<LocalDate>, date: LocalDate): [string, string][] {
  if (holidays.has(date)) return [];
  const override = schedule.overrides.find((o) => o.date === date);
  if (override) return override.intervals;
  return schedule.weekly[WEEKDAYS[weekdayOf(date)]!] ?? [];
}

/** The working intervals within [from, to), merged and in order. */
export function workingIntervals(schedule: Schedule, holidays: ReadonlySet<LocalDate>, from: number, to: number): Interval[] {
  const zone = schedule.timeZone;
  const raw: Interval[] = [];
  for (let date = localDateOf(from, zone), last = localDateOf(to - 1, zone); date <= last; date = addDays(date, 1)) {
    for (const [a, b] of hoursOn(schedule, holidays, date)) {
      raw.push({ start: Math.max(from, zonedInstant(date, toMinutes(a), zone)), end: Math.min(to, zonedInstant(date, toMinutes(b), zone)) });
    }
  }
  return merge(raw.filter((i) => i.end > i.start));
}

/** The parts of [from, to) outside the intervals (shaded as closed). */
export function closedIntervals(open: Interval[], from: number, to: number): Interval[] {
  const closed: Interval[] = [];
  let at = from;
  for (const i of open) {
    if (i.start > at) closed.push({ start: at, end: i.start });
    at = Math.max(at, i.end);
  }
  if (at < to) closed.push({ start: at, end: to });
  return closed;
}

export function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

export const within = (open: Interval[], start: number, end: number) => open.some((i) => i.start <= start && end <= i.end);
