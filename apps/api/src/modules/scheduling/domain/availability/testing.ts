/** Builders for the engine's tests (and the benchmark). Pure; fixed clocks only. */
import type {
  AvailabilityQuery, BusyInterval, ResourceAvailabilityInput, Schedule, ServiceRules, WallInterval, Weekday,
} from './types';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** '2026-12-01T11:00' (UTC, 'Z' optional) → epoch ms. */
export function utc(iso: string): number {
  const t = Date.parse(iso.endsWith('Z') ? iso : `${iso}Z`);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
}

export function weekly(days: Weekday[], intervals: WallInterval[]): Partial<Record<Weekday, WallInterval[]>> {
  const out: Partial<Record<Weekday, WallInterval[]>> = {};
  for (const d of days) out[d] = intervals.map((iv) => [iv[0], iv[1]]);
  return out;
}

export const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function schedule(timeZone: string, week: Partial<Record<Weekday, WallInterval[]>>, overrides: Schedule['overrides'] = []): Schedule {
  return { timeZone, weekly: week, overrides };
}

export function resource(id: string, sched: Schedule, busy: BusyInterval[] = []): ResourceAvailabilityInput {
  return { id, schedule: sched, busy };
}

/** A busy interval with its buffers (minutes) around the core [start, end). */
export function busy(
  start: number,
  end: number,
  opts: { before?: number; after?: number; kind?: BusyInterval['kind']; refId?: string; serviceId?: string } = {},
): BusyInterval {
  const b: BusyInterval = {
    start, end, blockStart: start - (opts.before ?? 0) * MIN, blockEnd: end + (opts.after ?? 0) * MIN, kind: opts.kind ?? 'booking',
  };
  if (opts.refId !== undefined) b.refId = opts.refId;
  if (opts.serviceId !== undefined) b.serviceId = opts.serviceId;
  return b;
}

export function service(rules: Partial<ServiceRules> & { requirements: ServiceRules['requirements'] }): ServiceRules {
  const duration = rules.durationMinutes ?? 60;
  return {
    id: 'svc',
    durationMinutes: duration,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: duration,
    minNoticeMinutes: 0,
    notSameDay: false,
    horizonDays: 365,
    capacity: 1,
    ...rules,
  };
}

/** A query over [from, to) with a clock well before it, unless overridden. */
export function query(q: Partial<AvailabilityQuery> & Pick<AvailabilityQuery, 'service' | 'resources' | 'from' | 'to'>): AvailabilityQuery {
  return { now: q.from - 7 * DAY, businessTimeZone: q.resources[0]?.schedule.timeZone ?? 'UTC', ...q };
}
