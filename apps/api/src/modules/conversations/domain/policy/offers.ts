import { addDays, instantToLocal, localDate, wallClockToInstant } from '../../../../shared/time/zone';
import type { DateTimeMention, PartOfDay } from '../nlu/types';

const SEARCH_DAYS = 14;
const PARTS: Record<PartOfDay, [string, string]> = {
  // Noon to one is lunchtime ("mediodía", "hora do almoço"): nobody asking for the afternoon means 12:00.
  morning: ['00:00', '12:00'], afternoon: ['13:00', '18:00'], evening: ['17:00', '24:00'], night: ['18:00', '24:00'],
};

/** The window to search for what the customer asked: that day, that range, or the next two weeks. */
export function searchWindow(when: DateTimeMention | undefined, now: number, timeZone: string): { from: number; to: number } {
  const today = localDate(now, timeZone);
  const first = when?.date ?? when?.dateRange?.from ?? today;
  const last = when?.date ?? when?.dateRange?.to ?? addDays(today, SEARCH_DAYS - 1);
  const from = Math.max(now, wallClockToInstant(first, '00:00', timeZone, 'start'));
  return { from, to: wallClockToInstant(addDays(last, 1), '00:00', timeZone, 'start') };
}

interface Candidate { start: number }

/** How far a slot is from what was asked; slots outside an asked range are out (Infinity). */
function distance(slot: Candidate, when: DateTimeMention | undefined, timeZone: string): number {
  const time = instantToLocal(slot.start, timeZone).time;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const range = when?.timeRange ?? (when?.partOfDay ? { from: PARTS[when.partOfDay][0], to: PARTS[when.partOfDay][1] } : undefined);
  if (range && ((range.from && time < range.from) || (range.to && time >= range.to))) return Infinity;
  if (when?.time) return Math.abs(minutes(time) - minutes(when.time));
  return 0;
}

/**
 * Up to `count` slots nearest to what the customer asked (closest to the time, inside the
 * part of day or range), returned in time order; ties go to the earliest.
 */
export function pickOffers<T extends Candidate>(slots: T[], when: DateTimeMention | undefined, timeZone: string, count = 3): T[] {
  return slots
    .map((slot) => ({ slot, d: distance(slot, when, timeZone) }))
    .filter((x) => Number.isFinite(x.d))
    .sort((a, b) => a.d - b.d || a.slot.start - b.slot.start)
    .slice(0, count)
    .map((x) => x.slot)
    .sort((a, b) => a.start - b.start);
}
