import { addDays, instantToLocal, wallClockToInstant } from '../../../shared/time/zone';

/**
 * Starts of a weekly series at the same local wall-clock time as the first one, so a
 * 16:00 lesson stays at 16:00 across a DST change.
 */
export function weeklyStarts(first: number, timeZone: string, occurrences: number, intervalWeeks: number): number[] {
  const { date, time } = instantToLocal(first, timeZone);
  return Array.from({ length: occurrences }, (_, i) =>
    i === 0 ? first : wallClockToInstant(addDays(date, i * 7 * intervalWeeks), time, timeZone, 'start'));
}
