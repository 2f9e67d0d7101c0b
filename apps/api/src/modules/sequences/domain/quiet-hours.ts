import { DAY_MS, MINUTE_MS, addDays, localDate, localDayNumber, parseWallTime, wallClockToInstant, zoneOffsetMs } from '../../../shared/time/zone';

/** Local wall times 'HH:MM'; over midnight when start is after end (21:00–09:00). */
export interface QuietHours { start: string; end: string }

/** Whether an instant falls in the quiet hours, read on the wall clock of the zone. */
export function inQuietHours(at: number, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet) return false;
  const start = parseWallTime(quiet.start)! * MINUTE_MS;
  const end = parseWallTime(quiet.end)! * MINUTE_MS;
  const local = at + zoneOffsetMs(at, timeZone);
  const ofDay = local - localDayNumber(at, timeZone) * DAY_MS;
  if (start === end) return false;
  return start < end ? ofDay >= start && ofDay < end : ofDay >= start || ofDay < end;
}

/**
 * The first instant at or after `at` outside the quiet hours: `at` itself, or the end of the
 * quiet hours it falls in (that day's end, or the next day's when they run over midnight and
 * `at` is before midnight). An end that does not exist that day (spring forward) is the first
 * instant after the gap.
 */
export function outsideQuietHours(at: number, quiet: QuietHours | null, timeZone: string): number {
  if (!quiet || !inQuietHours(at, quiet, timeZone)) return at;
  const date = localDate(at, timeZone);
  // An end time that occurs twice (fall back) ends the quiet hours at whichever comes next.
  const candidates = [wallClockToInstant(date, quiet.end, timeZone, 'start'), wallClockToInstant(date, quiet.end, timeZone, 'end'),
    wallClockToInstant(addDays(date, 1), quiet.end, timeZone, 'start')];
  return candidates.find((end) => end > at) ?? at;
}
