/** Local-calendar arithmetic on 'YYYY-MM-DD' strings (no clock, no zone: pure). */
import { dateToDayNumber, dayNumberToDate, daysFromCivil, weekdayOfDayNumber, WEEKDAYS } from '../../../../../shared/time/zone';

export interface DateRange { from: string; to: string }

function pad(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** 'YYYY-MM-DD' of a real calendar day, or null (2026-02-30, month 13…). */
export function ymd(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

function dayNo(date: string): number {
  const n = dateToDayNumber(date);
  if (n === null) throw new RangeError(`bad date ${date}`);
  return n;
}

export function plusDays(date: string, n: number): string {
  return dayNumberToDate(dayNo(date) + n);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return WEEKDAYS.indexOf(weekdayOfDayNumber(dayNo(date)));
}

export function weekStart(date: string): string {
  return plusDays(date, -weekdayIndex(date));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Same day-of-month n months later, clamped to the month's last day. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)))!;
}

export function monthRange(y: number, m: number): DateRange {
  return { from: ymd(y, m, 1)!, to: ymd(y, m, daysInMonth(y, m))! };
}

/** Next (or same) occurrence of month/day on or after `today`; null if it never exists. */
export function futureMonthDay(today: string, m: number, d: number): string | null {
  const [y] = parts(today);
  for (let yy = y; yy <= y + 8; yy++) {
    const c = ymd(yy, m, d);
    if (c !== null && c >= today) return c;
  }
  return null;
}

/** Next (or same) day numbered `d` on or after `today` (this month, else the next month that has it). */
export function futureDayOfMonth(today: string, d: number): string | null {
  const [y, m] = parts(today);
  for (let k = 0; k < 14; k++) {
    const idx = y * 12 + (m - 1) + k;
    const c = ymd(Math.floor(idx / 12), (idx % 12) + 1, d);
    if (c !== null && c >= today) return c;
  }
  return null;
}

/** "lunes 21": the next day numbered `d` that falls on weekday `wd` (within ~2 years). */
export function futureWeekdayDay(today: string, wd: number, d: number): string | null {
  const [y, m] = parts(today);
  for (let k = 0; k < 28; k++) {
    const idx = y * 12 + (m - 1) + k;
    const c = ymd(Math.floor(idx / 12), (idx % 12) + 1, d);
    if (c !== null && c >= today && weekdayIndex(c) === wd) return c;
  }
  return null;
}

/** n-th (1-based; -1 = last) weekday `wd` of a month. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, n: number): string | null {
  if (n > 0) {
    const first = ymd(y, m, 1)!;
    const off = (wd - weekdayIndex(first) + 7) % 7;
    return ymd(y, m, 1 + off + (n - 1) * 7);
  }
  const last = ymd(y, m, daysInMonth(y, m))!;
  return plusDays(last, -((weekdayIndex(last) - wd + 7) % 7));
}

/** Two-digit years: up to 20 years ahead of `today` are this century, the rest the previous one. */
export function expandYear(yy: number, today: string): number {
  if (yy >= 100) return yy;
  const [y] = parts(today);
  const century = Math.floor(y / 100) * 100;
  return century + yy <= y + 20 ? century + yy : century - 100 + yy;
}
