/** Instants shown as wall clocks in the visitor's and the business's zones, and the visitor's days as a window. Pure. */
import type { FieldError } from '../../../shared/errors';
import { dateToDayNumber, formatOffset, instantToLocal, wallClockToInstant, addDays } from '../../../shared/time/zone';

export const MAX_DAYS = 62;

export interface LocalSpan { timeZone: string; date: string; time: string; endDate: string; endTime: string; utcOffset: string }

export function localSpan(start: number, end: number, timeZone: string): LocalSpan {
  const s = instantToLocal(start, timeZone);
  const e = instantToLocal(end, timeZone);
  return { timeZone, date: s.date, time: s.time, endDate: e.date, endTime: e.time, utcOffset: formatOffset(s.offsetMinutes) };
}

/**
 * The instants of the visitor's days `from`..`to` (inclusive) in their zone: from the first
 * instant of `from` to the first instant of the day after `to` (23 or 25 hours on a DST day).
 */
export function visitorWindow(from: string, to: string, timeZone: string): { from: number; to: number } | { errors: FieldError[] } {
  const first = dateToDayNumber(from);
  const last = dateToDayNumber(to);
  if (first === null) return { errors: [{ path: 'query.from', message: 'is not a date' }] };
  if (last === null) return { errors: [{ path: 'query.to', message: 'is not a date' }] };
  if (last < first) return { errors: [{ path: 'query.to', message: 'must not be before from' }] };
  if (last - first >= MAX_DAYS) return { errors: [{ path: 'query.to', message: `the range may span at most ${MAX_DAYS} days` }] };
  return { from: wallClockToInstant(from, '00:00', timeZone, 'start'), to: wallClockToInstant(addDays(to, 1), '00:00', timeZone, 'start') };
}
