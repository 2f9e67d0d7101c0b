/**
 * The visitor's days and times, pure: which days a page of the day list shows (on the visitor's
 * own calendar, so a day may last 23 or 25 hours; the API counts them in the visitor's zone), the
 * free times grouped by the visitor's date, and whether the business's clock reads differently.
 */
import { addDays, type LocalDate } from '../time/zoned';

export const DAYS_PER_PAGE = 14;
/** How far ahead the day list goes (pages of two weeks: about four months). */
export const MAX_PAGES = 9;

export interface LocalTime { date: string; time: string }
export interface SlotLike { start: string; resourceIds: string[]; visitorTime: LocalTime; businessTime: LocalTime }

export interface DayWindow { from: LocalDate; to: LocalDate; dates: LocalDate[] }

/** Page `page` (0 = starting today) of the visitor's days. */
export function dayWindow(today: LocalDate, page: number, length = DAYS_PER_PAGE): DayWindow {
  const from = addDays(today, page * length);
  const dates = Array.from({ length }, (_, i) => addDays(from, i));
  return { from, to: dates[dates.length - 1]!, dates };
}

/** The free times of each of the visitor's days, earliest first. */
export function slotsByDay<S extends SlotLike>(slots: readonly S[]): Map<LocalDate, S[]> {
  const days = new Map<LocalDate, S[]>();
  for (const slot of distinctStarts([...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)))) {
    const list = days.get(slot.visitorTime.date) ?? [];
    list.push(slot);
    days.set(slot.visitorTime.date, list);
  }
  return days;
}

/** The first of the window's days with a free time (what a phone opens on), if any. */
export function firstOpenDay(window: DayWindow, byDay: Map<LocalDate, unknown[]>): LocalDate | undefined {
  return window.dates.find((d) => (byDay.get(d)?.length ?? 0) > 0);
}

/** The business's wall clock differs from the visitor's at this time (another zone, or another offset today). */
export function businessClockDiffers(slot: SlotLike): boolean {
  return slot.visitorTime.date !== slot.businessTime.date || slot.visitorTime.time !== slot.businessTime.time;
}

/** A local date as an instant that falls on that date in UTC (for Intl formatting with timeZone UTC). */
export function dateAsUtcNoon(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 12);
}

/**
 * Two zone names that keep the same clock around `at` and half a year later (either side of any
 * daylight-saving change): the browser may name Buenos Aires `America/Buenos_Aires` while the
 * business says `America/Argentina/Buenos_Aires`.
 */
export function sameClock(a: string, b: string, at: number): boolean {
  if (a === b) return true;
  const read = (zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  const [fa, fb] = [read(a), read(b)];
  return [at, at + 182 * 86_400_000].every((t) => fa.format(t) === fb.format(t));
}

/** One choice per start: "anyone" may offer a start with several people, and any of them will do. */
export function distinctStarts<S extends SlotLike>(slots: readonly S[]): S[] {
  const seen = new Set<string>();
  return slots.filter((s) => !seen.has(s.start) && seen.add(s.start));
}
