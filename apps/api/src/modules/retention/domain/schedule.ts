import type { RetentionClass, RetentionSettings } from '@frontdesk/contracts';
import { instantToLocal } from '../../../shared/time/zone';

const DAY_MS = 86_400_000;
/** The local time from which the day's run is due (03:00: quiet for every tenant's customers). */
export const RUN_AT = '03:00';

/** The tenant's local date whose run is due at `now`, or undefined before 03:00 local or when that day already ran. */
export function dueDate(now: number, timeZone: string, lastRunDate: string | undefined): string | undefined {
  const local = instantToLocal(now, timeZone);
  if (local.time < RUN_AT) return undefined;
  return lastRunDate !== undefined && lastRunDate >= local.date ? undefined : local.date;
}

/** For every class with a limit: data older than this instant goes. */
export function cutoffs(settings: RetentionSettings, now: number): { dataClass: RetentionClass; days: number; before: Date }[] {
  return (Object.entries(settings.days) as [RetentionClass, number][])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dataClass, days]) => ({ dataClass, days, before: new Date(now - days * DAY_MS) }));
}
