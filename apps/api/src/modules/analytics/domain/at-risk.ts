import { dayNumberToDate, localDayNumber } from '../../../shared/time/zone';

export type VisitStatus = 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
/** One booking of a customer: when it starts and what became of it. */
export interface Visit { start: number; status: VisitStatus }

/**
 * Why a customer is at risk of not coming back, and the tenant-local date (YYYY-MM-DD) since when.
 * - `lapsed`: a regular (3 or more completed visits on different days) with nothing booked ahead,
 *   whose days since the last visit exceed 1.5 × their usual interval (the median gap between visits).
 * - `missed`: their last two or more bookings whose time has come were no-shows or cancellations,
 *   with no visit in between (flagged even if they booked again: the next one is at risk too).
 */
export type AtRisk =
  | { reason: 'lapsed'; since: string; lastVisit: string; visits: number; usualIntervalDays: number; daysSince: number }
  | { reason: 'missed'; since: string; missedInARow: number };

export const REGULAR_AFTER_VISITS = 3;
export const OVERDUE_FACTOR = 1.5;
export const MISSED_IN_A_ROW = 2;

const isUpcoming = (v: Visit, now: number) => v.start > now && (v.status === 'pending' || v.status === 'confirmed');
const byStart = (a: Visit, b: Visit) => a.start - b.start;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Days are the tenant's calendar days, never 24-hour spans: a weekly client is 7 days apart across
 * a DST change (one week is 167 or 169 hours), and "days since" turns over at the tenant's midnight.
 */
function lapsed(visits: readonly Visit[], now: number, timeZone: string): AtRisk | null {
  if (visits.some((v) => isUpcoming(v, now))) return null;
  const completed = visits.filter((v) => v.status === 'completed' && v.start <= now).sort(byStart);
  const days = [...new Set(completed.map((v) => localDayNumber(v.start, timeZone)))];
  if (days.length < REGULAR_AFTER_VISITS) return null;
  const gaps = days.slice(1).map((day, i) => day - days[i]!);
  const usual = median(gaps);
  const last = days[days.length - 1]!;
  const daysSince = localDayNumber(now, timeZone) - last;
  const threshold = usual * OVERDUE_FACTOR;
  if (daysSince <= threshold) return null;
  return {
    reason: 'lapsed', since: dayNumberToDate(last + Math.floor(threshold) + 1),
    lastVisit: new Date(completed[completed.length - 1]!.start).toISOString(), visits: days.length, usualIntervalDays: usual, daysSince,
  };
}

function missed(visits: readonly Visit[], now: number, timeZone: string): AtRisk | null {
  const settled = visits.filter((v) => v.start <= now && v.status !== 'pending' && v.status !== 'confirmed').sort(byStart);
  let streak = 0;
  while (streak < settled.length && settled[settled.length - 1 - streak]!.status !== 'completed') streak += 1;
  if (streak < MISSED_IN_A_ROW) return null;
  const first = settled[settled.length - streak]!;
  return { reason: 'missed', since: dayNumberToDate(localDayNumber(first.start, timeZone)), missedInARow: streak };
}

/** Whether a customer with these bookings is at risk at `now`, and why (missed visits weigh first). */
export function atRiskOf(visits: readonly Visit[], now: number, timeZone: string): AtRisk | null {
  return missed(visits, now, timeZone) ?? lapsed(visits, now, timeZone);
}
