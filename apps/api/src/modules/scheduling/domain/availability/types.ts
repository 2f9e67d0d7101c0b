/** Public types of the availability engine. All instants are epoch milliseconds (UTC). */
import type { Weekday } from '../../../../shared/time/zone';

export type { Weekday };

/** ["08:00","12:00"]: 24-hour wall-clock times, end > start, "24:00" allowed as an end. */
export type WallInterval = [string, string];

export interface Schedule {
  timeZone: string; // IANA
  weekly: Partial<Record<Weekday, WallInterval[]>>; // several intervals a day (lunch, siesta)
  overrides: { date: string; intervals: WallInterval[] }[]; // replaces that date's weekly hours; [] = closed
}

/** Half-open [start, end). */
export interface BusyInterval {
  start: number;
  end: number; // the core appointment time
  blockStart: number;
  blockEnd: number; // what it blocks on the resource, buffers included
  kind: 'booking' | 'hold' | 'external' | 'session';
  refId?: string;
  serviceId?: string;
}

export interface ResourceAvailabilityInput {
  id: string;
  schedule: Schedule;
  busy: BusyInterval[]; // may be unsorted
}

export interface RequirementGroup {
  resourceIds: string[];
  count: number;
}

export interface ServiceRules {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number; // step between candidate starts (caller resolves the default)
  minNoticeMinutes: number; // earliest start = now + notice
  notSameDay: boolean; // no start on now's local date (businessTimeZone)
  horizonDays: number; // start < now + horizonDays × 24 h
  capacity: number; // seats; 1 = exclusive
  /** ALL groups at once; from each pick `count` distinct free resources (never shared between groups). */
  requirements: RequirementGroup[];
}

/** An existing group session of THIS service. */
export interface SeatSession {
  start: number;
  end: number;
  resourceIds: string[];
  seatsTaken: number;
  /** When set, only the busy entry with this refId is recognised as the session's own allocation. */
  refId?: string;
}

export interface ExternalBusy {
  resourceId: string;
  start: number;
  end: number;
}

export interface AvailabilityQuery {
  now: number;
  from: number;
  to: number; // window [from, to): slots whose start lies in it
  businessTimeZone: string; // tenant zone: notSameDay
  service: ServiceRules;
  resources: ResourceAvailabilityInput[]; // every resource the requirements mention (missing = unavailable)
  holidays?: string[]; // 'YYYY-MM-DD', closed for every resource (each in its own schedule zone)
  externalBusy?: ExternalBusy[];
  sessions?: SeatSession[];
  resourceId?: string; // the customer asked for this resource: it must be among the chosen ones
  seats?: number; // seats wanted (default 1)
}

export interface Slot {
  start: number;
  end: number;
  resourceIds: string[];
  seatsLeft?: number; // only for services with capacity > 1
}

export type ReasonCode =
  | 'outside_hours'
  | 'closed_override'
  | 'holiday'
  | 'booked'
  | 'hold'
  | 'buffer'
  | 'external_busy'
  | 'notice'
  | 'horizon'
  | 'same_day'
  | 'not_in_window'
  | 'resource_missing'
  | 'not_aligned'
  | 'capacity_full';

export interface Reason {
  code: ReasonCode;
  resourceId?: string;
  refId?: string;
  message: string;
}

export interface Explanation {
  bookable: boolean;
  reasons: Reason[];
  /** The slot findSlots would return for this start (resources chosen, seats left). */
  slot?: Slot;
}

export interface RenderedSlot {
  start: string; // 2026-12-01T11:00:00Z
  end: string;
  localStart: string; // YYYY-MM-DDTHH:MM in the viewer's zone
  localEnd: string;
  utcOffset: string; // '+05:30': offset of localStart
  resourceIds: string[];
  seatsLeft?: number;
}

export interface ScheduleIssue {
  path: string; // weekly.mon[1], overrides[0].intervals[0], timeZone
  message: string;
}
