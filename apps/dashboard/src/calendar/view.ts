import type { Resource } from '@frontdesk/contracts';
import { addDays, localDateOf, weekAround, type LocalDate, type Range } from '../time/zoned';
import { closedIntervals, workingIntervals, type Interval } from './hours';
import { dayColumn, wallColumn, weekDates, type Column } from './timeline';

/**
 * What the calendar shows: a day (one elapsed-time column per resource) or a week (per day, one
 * wall-clock column per resource), for the resources of a location, with their open and closed hours.
 */
export type ViewKind = 'day' | 'week';

export interface GridColumn {
  key: string;
  resource: Resource;
  date: LocalDate;
  column: Column;
  open: Interval[];
  closed: Interval[];
  /** The first column of its day (the week view draws a stronger line there). */
  firstOfDay: boolean;
}

/** The resources on the calendar: a location's (and those tied to none), or just one. */
export function shownResources(resources: readonly Resource[], locationId: string, resourceId: string): Resource[] {
  return resources.filter((r) => (resourceId === 'all' || r.id === resourceId)
    && (locationId === 'all' || r.locationId === locationId || r.locationId === null));
}

export function viewRange(view: ViewKind, date: LocalDate, timeZone: string): Range & { dates: LocalDate[] } {
  const dates = view === 'day' ? [date] : weekDates(weekAround(dayColumn(date, timeZone).from, timeZone).monday);
  return { dates, from: dayColumn(dates[0]!, timeZone).from, to: dayColumn(dates.at(-1)!, timeZone).to };
}

export function gridColumns(view: ViewKind, dates: readonly LocalDate[], timeZone: string, resources: readonly Resource[], holidays: ReadonlySet<string>): GridColumn[] {
  return dates.flatMap((date) => resources.map((resource, i) => {
    const column = view === 'day' ? dayColumn(date, timeZone) : wallColumn(date, timeZone);
    const open = workingIntervals(resource.schedule, holidays, column.from, column.to);
    return { key: `${resource.id}|${date}`, resource, date, column, open, closed: closedIntervals(open, column.from, column.to), firstOfDay: i === 0 };
  }));
}

/** Where to scroll first: half an hour before the earliest opening in view (08:00 when all are closed). */
export function firstOpenY(columns: readonly GridColumn[]): number {
  const tops = columns.flatMap((c) => c.open.slice(0, 1).map((i) => c.column.yOf(i.start)));
  return Math.max(0, (tops.length ? Math.min(...tops) : 8 * 60) - 30);
}

/** The days in view whose length is not 24 hours (the clocks change). */
export function clockChanges(dates: readonly LocalDate[], timeZone: string): { date: LocalDate; from: number; hours: number }[] {
  return dates.map((date) => {
    const c = dayColumn(date, timeZone);
    return { date, from: c.from, hours: c.height / 60 };
  }).filter((d) => d.hours !== 24);
}

/** A YYYY-MM-DD from the address, or today in the zone. */
export function pickDate(asked: string | null, now: number, timeZone: string): LocalDate {
  return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : localDateOf(now, timeZone);
}

export const step = (view: ViewKind, date: LocalDate, direction: 1 | -1) => addDays(date, (view === 'day' ? 1 : 7) * direction);
