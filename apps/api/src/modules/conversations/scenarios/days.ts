import { addDays, weekdayOf, type Weekday } from '../../../shared/time/zone';

/**
 * The day vocabulary of scenario expectations, read in the tenant's time zone relative to the
 * day the scenario starts: `today`, `tomorrow`, `+Nd` (N days later), a weekday name (the first
 * such day after the start day, 1–7 days later) or an absolute `YYYY-MM-DD`.
 */
const WEEKDAYS: Record<string, Weekday> = {
  monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat', sunday: 'sun',
  mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun',
};
const OFFSET = /^\+(\d{1,3})d$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const DAY_VOCABULARY = 'today, tomorrow, +Nd (e.g. +3d), a weekday (monday … sunday) or YYYY-MM-DD';

export function isDayExpression(expr: string): boolean {
  const e = expr.trim().toLowerCase();
  return e === 'today' || e === 'tomorrow' || OFFSET.test(e) || e in WEEKDAYS || ISO_DATE.test(e);
}

/** The local date (YYYY-MM-DD) an expression means, seen from `startDate`. */
export function resolveDay(expr: string, startDate: string): string {
  const e = expr.trim().toLowerCase();
  if (e === 'today') return startDate;
  if (e === 'tomorrow') return addDays(startDate, 1);
  const offset = OFFSET.exec(e);
  if (offset) return addDays(startDate, Number(offset[1]));
  const weekday = WEEKDAYS[e];
  if (weekday) {
    for (let n = 1; n <= 7; n++) if (weekdayOf(addDays(startDate, n)) === weekday) return addDays(startDate, n);
  }
  if (ISO_DATE.test(e)) return e;
  throw new Error(`"${expr}" is not a day: use ${DAY_VOCABULARY}`);
}

/** A day as the assistant writes it in its options, in the tenant's locale: "sex., 27 de nov.", "Sat 28 Nov". */
export function dayLabel(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(Date.UTC(y, m - 1, d, 12));
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The `{day}` placeholders in an expected text that are not days (empty when all are). */
export function badPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((e) => !isDayExpression(e));
}

/** Writes each `{day}` placeholder out with `label`, e.g. "{friday}, 09:00" → "sex., 27 de nov., 09:00". */
export function expandDays(text: string, startDate: string, label: (date: string) => string): string {
  return text.replace(PLACEHOLDER, (_, expr: string) => label(resolveDay(expr, startDate)));
}
