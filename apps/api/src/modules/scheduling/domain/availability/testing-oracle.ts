/**
 * A deliberately naive reference implementation of findSlots for property tests: Temporal for
 * every conversion, linear scans, exhaustive resource search. Slow and obvious; never used by
 * the engine. It encodes the same rules (see slots.ts, working-hours.ts, shared/time/zone.ts).
 */
import { Temporal } from 'temporal-polyfill';
import type { AvailabilityQuery, BusyInterval, Schedule, SeatSession, Slot } from './types';

const MIN = 60_000;
const WEEK: string[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The documented DST rule, straight from Temporal. */
export function oracleWallToInstant(date: Temporal.PlainDate, minutes: number, tz: string, side: 'start' | 'end'): number {
  const pdt = date.toPlainDateTime().add({ minutes });
  const earlier = pdt.toZonedDateTime(tz, { disambiguation: 'earlier' });
  if (!earlier.toPlainDateTime().equals(pdt)) return earlier.getTimeZoneTransition('next')!.epochMilliseconds;
  if (side === 'start') return earlier.epochMilliseconds;
  const later = pdt.toZonedDateTime(tz, { disambiguation: 'later' });
  return later.subtract({ nanoseconds: 1 }).offsetNanoseconds !== later.offsetNanoseconds ? earlier.epochMilliseconds : later.epochMilliseconds;
}

const toMin = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** UTC working intervals of the local dates [first, last], overlapping ones merged. */
export function oracleIntervals(s: Schedule, holidays: readonly string[], first: Temporal.PlainDate, last: Temporal.PlainDate): [number, number][] {
  const out: [number, number][] = [];
  for (let d = first; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) {
    const date = d.toString();
    if (holidays.includes(date)) continue;
    const override = [...s.overrides].reverse().find((o) => o.date === date);
    const hours = override ? override.intervals : (s.weekly[WEEK[d.dayOfWeek - 1] as keyof Schedule['weekly']] ?? []);
    const sorted = [...hours].sort((a, b) => toMin(a[0]) - toMin(b[0]));
    for (const [a, b] of sorted) {
      const S = oracleWallToInstant(d, toMin(a), s.timeZone, 'start');
      const E = oracleWallToInstant(d, toMin(b), s.timeZone, 'end');
      if (E <= S) continue;
      const prev = out[out.length - 1];
      if (prev && S < prev[1]) prev[1] = Math.max(prev[1], E);
      else out.push([S, E]);
    }
  }
  return out;
}

const localDay = (t: number, tz: string): Temporal.PlainDate => Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz).toPlainDate();
const overlaps = (a: number, b: number, c: number, d: number): boolean => d > c && a < d && c < b;

export function referenceSlots(q: AvailabilityQuery): Slot[] {
  const sv = q.service;
  const dur = sv.durationMinutes * MIN;
  const seats = q.seats ?? 1;
  if (seats > sv.capacity) return [];
  const sameDayEnd = sv.notSameDay ? localDay(q.now, q.businessTimeZone).add({ days: 1 }).toZonedDateTime(q.businessTimeZone).epochMilliseconds : -Infinity;
  const lo = Math.max(q.from, q.now + sv.minNoticeMinutes * MIN, sameDayEnd);
  const hi = Math.min(q.to, q.now + sv.horizonDays * 24 * 60 * MIN);
  if (!(hi > lo)) return [];
  const groups = sv.requirements.map((g) => ({ ids: [...new Set(g.resourceIds)], count: g.count }));
  if (groups.some((g) => g.count > g.ids.length)) return [];
  if (q.resourceId !== undefined && !groups.some((g) => g.ids.includes(q.resourceId!))) return [];

  const work = new Map<string, [number, number][]>();
  for (const id of new Set(groups.flatMap((g) => g.ids))) {
    const r = q.resources.find((x) => x.id === id);
    if (!r) continue;
    const tz = r.schedule.timeZone;
    work.set(id, oracleIntervals(r.schedule, q.holidays ?? [], localDay(lo, tz).subtract({ days: 3 }), localDay(hi, tz).add({ days: 3 })));
  }
  const free = (id: string, s: number, join?: SeatSession): boolean => {
    const r = q.resources.find((x) => x.id === id);
    if (!r || !(work.get(id) ?? []).some(([S, E]) => S <= s && s + dur <= E)) return false;
    const a = s - sv.bufferBeforeMinutes * MIN;
    const b = s + dur + sv.bufferAfterMinutes * MIN;
    const own = (x: BusyInterval): boolean => join !== undefined && x.kind === 'session' && x.serviceId === sv.id &&
      (join.refId !== undefined ? x.refId === join.refId : x.start === join.start && x.end === join.end);
    if (r.busy.some((x) => overlaps(a, b, x.blockStart, x.blockEnd) && !own(x))) return false;
    return !(q.externalBusy ?? []).some((e) => e.resourceId === id && overlaps(a, b, e.start, e.end));
  };
  /** First assignment in requirement order (exhaustive search). */
  const assign = (ok: (id: string) => boolean): string[] | null => {
    const chosen: string[] = [];
    const go = (gi: number, from: number, picked: number): boolean => {
      if (gi === groups.length) return q.resourceId === undefined || chosen.includes(q.resourceId);
      const g = groups[gi]!;
      if (picked === g.count) return go(gi + 1, 0, 0);
      for (let i = from; i < g.ids.length; i++) {
        const id = g.ids[i]!;
        if (chosen.includes(id) || !ok(id)) continue;
        chosen.push(id);
        if (go(gi, i + 1, picked + 1)) return true;
        chosen.pop();
      }
      return false;
    };
    return go(0, 0, 0) ? chosen : null;
  };

  const grid = new Set<number>();
  for (const intervals of work.values()) {
    for (const [S, E] of intervals) {
      for (let s = S; s + dur <= E; s += sv.slotIntervalMinutes * MIN) if (s >= lo && s < hi) grid.add(s);
    }
  }
  const joinable = sv.capacity > 1 ? (q.sessions ?? []).filter((x) => x.seatsTaken + seats <= sv.capacity && x.start >= lo && x.start < hi) : [];
  const starts = [...new Set([...grid, ...joinable.map((x) => x.start)])].sort((a, b) => a - b);
  const out: Slot[] = [];
  for (const s of starts) {
    let slot: Slot | null = null;
    for (const x of joinable.filter((j) => j.start === s)) {
      const ids = new Set(x.resourceIds);
      const chosen = assign((id) => ids.has(id) && free(id, s, x));
      if (chosen && chosen.length === ids.size) {
        slot = { start: s, end: s + dur, resourceIds: chosen, seatsLeft: sv.capacity - x.seatsTaken };
        break;
      }
    }
    if (!slot && grid.has(s)) {
      const chosen = assign((id) => free(id, s));
      if (chosen) slot = { start: s, end: s + dur, resourceIds: chosen, ...(sv.capacity > 1 ? { seatsLeft: sv.capacity } : {}) };
    }
    if (slot) out.push(slot);
  }
  return out;
}
