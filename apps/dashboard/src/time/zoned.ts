/**
 * Calendar days in a time zone, without a date library: the browser's Intl knows every zone's
 * rules. A day starts at the first instant whose local date is that day, which is not always
 * 00:00 (São Paulo's clocks skipped midnight until 2019) and does not always last 24 hours.
 */
export type LocalDate = string; // YYYY-MM-DD

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date at an instant in a zone. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The first instant whose local date in the zone is `date` (binary search: local dates only move forward). */
export function startOfDay(date: LocalDate, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Every zone's offset lies within ±14 hours of UTC, so the day starts within ±15 hours of UTC midnight.
  let lo = utcMidnight - 15 * 3600_000; // local date before `date`
  let hi = utcMidnight + 15 * 3600_000; // local date on or after `date`
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localDateOf(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface Range { from: number; to: number }

/** The local day that contains `ms`, as instants [from, to). */
export function dayAround(ms: number, timeZone: string): Range & { date: LocalDate } {
  const date = localDateOf(ms, timeZone);
  return { date, from: startOfDay(date, timeZone), to: startOfDay(addDays(date, 1), timeZone) };
}

/** The local week (Monday to Sunday) that contains `ms`, as instants [from, to). */
export function weekAround(ms: number, timeZone: string): Range & { monday: LocalDate; sunday: LocalDate } {
  const date = localDateOf(ms, timeZone);
  const monday = addDays(date, -weekdayOf(date));
  return { monday, sunday: addDays(monday, 6), from: startOfDay(monday, timeZone), to: startOfDay(addDays(monday, 7), timeZone) };
}
