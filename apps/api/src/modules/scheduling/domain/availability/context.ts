/**
 * Per-query preparation shared by findSlots and explainStart, so both decide bookability with
 * the very same code: bounds, compiled schedules, working intervals and merged busy ranges.
 */
import { DAY_MS, MINUTE_MS, startOfNextLocalDay } from '../../../../shared/time/zone';
import { mergeIntervals } from './intervals';
import type { IntervalSet } from './intervals';
import { compileHolidays, compileSchedule, workingIntervals } from './working-hours';
import type { CompiledSchedule } from './working-hours';
import type { AvailabilityQuery, ExternalBusy, ResourceAvailabilityInput, SeatSession } from './types';

export interface ResourceState {
  id: string;
  input: ResourceAvailabilityInput | undefined; // undefined: missing from the query = unavailable
  schedule: CompiledSchedule | undefined;
  work: number[]; // flat [start, end, …] UTC working intervals, ascending, disjoint
  busy: IntervalSet; // merged block ranges (busy incl. buffers, external busy)
  external: ExternalBusy[];
  wi: number; // cursors for ascending scans
  bi: number;
  memoAt: number; // memo of the last free check
  memoFree: boolean;
}

export interface Group {
  members: ResourceState[]; // distinct, in requirement order
  count: number;
  requestedIdx: number; // index of the requested resource among members, or -1
}

export interface Context {
  q: AvailabilityQuery;
  lo: number; // allowed starts: [lo, hi)
  hi: number;
  noticeAt: number;
  sameDayEnd: number; // -Infinity unless notSameDay
  horizonAt: number;
  dur: number; // ms
  step: number;
  before: number;
  after: number;
  capacity: number;
  seats: number;
  groups: Group[];
  disjoint: boolean; // no resource appears in two groups → greedy allocation is exact
  resources: ResourceState[]; // every requirement resource once, in requirement order
  requested: ResourceState | null;
  impossible: boolean; // seats > capacity, requested resource not required, count > members
  holidays: Set<number>;
  joinable: Map<number, SeatSession[]>; // sessions with room for `seats`, by start
}

function minutes(name: string, v: number, min: number): number {
  if (!Number.isFinite(v) || v < min) throw new RangeError(`service.${name} must be a number >= ${min}`);
  return v * MINUTE_MS;
}

/**
 * `rangeFrom`/`rangeTo` limit the work (working intervals, busy ranges) to starts in that range,
 * further clipped to the bookable bounds [lo, hi) when `clip` (findSlots). explainStart does not
 * clip, so it can still tell what else is wrong with a start outside the bounds.
 */
export function prepare(q: AvailabilityQuery, rangeFrom: number, rangeTo: number, clip = true): Context {
  const sv = q.service;
  const dur = minutes('durationMinutes', sv.durationMinutes, Number.MIN_VALUE);
  const step = minutes('slotIntervalMinutes', sv.slotIntervalMinutes, Number.MIN_VALUE);
  const before = minutes('bufferBeforeMinutes', sv.bufferBeforeMinutes, 0);
  const after = minutes('bufferAfterMinutes', sv.bufferAfterMinutes, 0);
  const capacity = Math.max(1, Math.floor(sv.capacity));
  const seats = q.seats ?? 1;
  const noticeAt = q.now + (Number.isFinite(sv.minNoticeMinutes) ? sv.minNoticeMinutes : 0) * MINUTE_MS;
  const sameDayEnd = sv.notSameDay ? startOfNextLocalDay(q.now, q.businessTimeZone) : -Infinity;
  const horizonAt = q.now + sv.horizonDays * DAY_MS;
  const lo = Math.max(q.from, noticeAt, sameDayEnd);
  const hi = Math.min(q.to, horizonAt);

  const inputs = new Map<string, ResourceAvailabilityInput>();
  for (const r of q.resources) if (!inputs.has(r.id)) inputs.set(r.id, r);
  const holidays = compileHolidays(q.holidays);
  const states = new Map<string, ResourceState>();
  const resources: ResourceState[] = [];
  const groups: Group[] = [];
  let disjoint = true;
  let impossible = !(seats >= 1 && seats <= capacity);
  const from = clip ? Math.max(lo, rangeFrom) : rangeFrom;
  const to = clip ? Math.min(hi, rangeTo) : rangeTo;
  for (const g of sv.requirements) {
    const members: ResourceState[] = [];
    for (const id of g.resourceIds) {
      let st = states.get(id);
      if (st === undefined) {
        st = makeState(id, inputs.get(id), holidays, from, to, dur, before, after);
        states.set(id, st);
        resources.push(st);
      } else if (!members.includes(st)) {
        disjoint = false;
      }
      if (!members.includes(st)) members.push(st);
    }
    if (g.count > members.length) impossible = true;
    groups.push({ members, count: Math.max(0, Math.floor(g.count)), requestedIdx: -1 });
  }
  let requested: ResourceState | null = null;
  if (q.resourceId !== undefined) {
    requested = states.get(q.resourceId) ?? null;
    if (requested === null) impossible = true;
    for (const g of groups) g.requestedIdx = requested === null ? -1 : g.members.indexOf(requested);
  }
  addExternal(q, states);

  const joinable = new Map<number, SeatSession[]>();
  if (capacity > 1) {
    for (const x of q.sessions ?? []) {
      if (x.seatsTaken + seats > capacity || x.start < lo || x.start >= hi) continue;
      const list = joinable.get(x.start);
      if (list === undefined) joinable.set(x.start, [x]);
      else list.push(x);
    }
  }
  return {
    q, lo, hi, noticeAt, sameDayEnd, horizonAt, dur, step, before, after, capacity, seats,
    groups, disjoint, resources, requested, impossible, holidays, joinable,
  };
}

function makeState(
  id: string,
  input: ResourceAvailabilityInput | undefined,
  holidays: Set<number>,
  from: number,
  to: number,
  dur: number,
  before: number,
  after: number,
): ResourceState {
  const st: ResourceState = {
    id, input, schedule: undefined, work: [], busy: { starts: [], ends: [] }, external: [],
    wi: 0, bi: 0, memoAt: NaN, memoFree: false,
  };
  if (input === undefined) return st;
  st.schedule = compileSchedule(input.schedule);
  // One more day of margin on each side: intervals that touch across midnight in a fall-back hour
  // merge with their neighbour, so results never depend on where the window was cut.
  st.work = to > from ? workingIntervals(st.schedule, holidays, from - DAY_MS, to + DAY_MS) : [];
  // Only block ranges that can meet a buffered slot starting in [from, to) matter.
  const minEnd = from - before;
  const maxStart = to + dur + after;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const b of input.busy) {
    if (b.blockEnd > minEnd && b.blockStart < maxStart) {
      starts.push(b.blockStart);
      ends.push(b.blockEnd);
    }
  }
  st.busy = mergeIntervals(starts, ends);
  return st;
}

function addExternal(q: AvailabilityQuery, states: Map<string, ResourceState>): void {
  if (!q.externalBusy || q.externalBusy.length === 0) return;
  for (const e of q.externalBusy) states.get(e.resourceId)?.external.push(e);
  for (const st of states.values()) {
    if (st.external.length === 0 || st.input === undefined) continue;
    const starts = st.busy.starts.slice();
    const ends = st.busy.ends.slice();
    for (const e of st.external) {
      starts.push(e.start);
      ends.push(e.end);
    }
    st.busy = mergeIntervals(starts, ends);
  }
}
