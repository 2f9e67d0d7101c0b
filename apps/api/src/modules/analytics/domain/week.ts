import { DAY_MS, WEEKDAYS, dayNumberToDate, localDayNumber, localMsToInstant, weekdayOfDayNumber } from '../../../shared/time/zone';

/** A run of whole local days: its first and last date, and the instants it starts and ends (end excluded). */
export interface LocalDays { from: string; to: string; start: number; end: number }

export interface HomeWindows {
  /** The local day containing `now`. */
  today: LocalDays;
  /** Monday to Sunday, in the zone, around `now`. */
  week: LocalDays;
}

/** Days [first, first + count) of the zone; each starts at its first instant (a midnight lost to DST starts at the gap's end). */
function days(first: number, count: number, timeZone: string): LocalDays {
  const startOf = (day: number) => localMsToInstant(day * DAY_MS, timeZone, 'start');
  return { from: dayNumberToDate(first), to: dayNumberToDate(first + count - 1), start: startOf(first), end: startOf(first + count) };
}

/** Today and this week (Monday-based) in the tenant's zone: the windows the home page counts in. */
export function homeWindows(now: number, timeZone: string): HomeWindows {
  const today = localDayNumber(now, timeZone);
  const monday = today - WEEKDAYS.indexOf(weekdayOfDayNumber(today));
  return { today: days(today, 1, timeZone), week: days(monday, 7, timeZone) };
}
