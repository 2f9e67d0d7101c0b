import { addDays, startOfDay, type LocalDate } from '../time/zoned';

/**
 * The calendar's vertical axis. A day column is the local day as it happened: elapsed time from
 * the day's first instant, so the spring-forward Sunday in London has 23 hour rows (01:00 never
 * happens) and the autumn one 25 (01:00 twice). A week column reads the wall clock instead
 * (00:00–24:00 for every day), so the days line up side by side.
 */
export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Column {
  date: LocalDate;
  /** The column's first and end instants (the local day). */
  from: number;
  to: number;
  /** Minutes from the column's top to its bottom. */
  height: number;
  /** Minutes from the column's top at an instant. */
  yOf(ms: number): number;
  /** The instant at `y` minutes from the top. */
  at(y: number): number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
/** The wall clock at an instant read as if it were UTC (its offset is the difference). */
function wallAsUtc(ms: number, timeZone: string): number {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Local hours and minutes at an instant (0–1439). */
export function wallMinutes(ms: number, timeZone: string): number {
  return Math.floor((((wallAsUtc(ms, timeZone) % DAY) + DAY) % DAY) / MINUTE);
}

/**
 * The instant a wall-clock time on a local date happens (minutes past 1440 run into the next
 * day). A repeated time (01:30 on London's autumn Sunday) is its first occurrence; a time the
 * clocks skip (01:30 in the spring) is moved forward by the gap (02:30 BST), as Temporal does.
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const candidates = [naive - DAY, naive + DAY].map((t) => naive - (wallAsUtc(t, timeZone) - t));
  const exact = candidates.filter((c) => wallAsUtc(c, timeZone) === naive);
  if (exact.length) return Math.min(...exact);
  // In a gap: the first instant whose wall clock is past the time, i.e. where the gap ends.
  let [lo, hi] = [Math.min(...candidates), Math.max(...candidates)];
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wallAsUtc(mid, timeZone) >= naive) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A local day as elapsed time: 23, 24 or 25 hours tall. */
export function dayColumn(date: LocalDate, timeZone: string): Column {
  const from = startOfDay(date, timeZone);
  const to = startOfDay(addDays(date, 1), timeZone);
  return { date, from, to, height: (to - from) / MINUTE, yOf: (ms) => (ms - from) / MINUTE, at: (y) => from + y * MINUTE };
}

/** A local day on the wall clock: always 24 hours tall; instants map through their local time. */
export function wallColumn(date: LocalDate, timeZone: string): Column {
  const from = startOfDay(date, timeZone);
  const to = startOfDay(addDays(date, 1), timeZone);
  const yOf = (ms: number) => (ms <= from ? wallMinutes(from, timeZone) : ms >= to ? 1440 : wallMinutes(ms, timeZone));
  return { date, from, to, height: 1440, yOf, at: (y) => zonedInstant(date, y, timeZone) };
}

/** Each hour line of a day column, as instants (labelled with their local time: 00:00, 02:00, 03:00 … on a 23-hour day). */
export function hourMarks(column: Column): number[] {
  const marks: number[] = [];
  for (let at = column.from; at < column.to; at += HOUR) marks.push(at);
  return marks;
}

/** The week's seven dates from Monday. */
export function weekDates(monday: LocalDate): LocalDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
