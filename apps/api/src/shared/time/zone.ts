/**
 * Time-zone primitives. Pure: no clock, no env. Built on temporal-polyfill, with a per-zone
 * cache of UTC-offset transitions so that hot paths (availability, rendering) are plain number
 * arithmetic: Temporal is only consulted once per zone per ~397-day chunk.
 *
 * Wall-clock → instant (see `wallClockToInstant`) is deliberate about daylight-saving time.
 * A working interval [start, end) on a local date is the SMALLEST span of instants containing
 * every instant whose local wall-clock time on that date lies in [start, end). This gives:
 *   - times that do not exist (spring-forward gap, e.g. 01:30 on 2026-03-29 Europe/London,
 *     02:30 on 2026-03-08 America/New_York) resolve to the first instant after the gap
 *     (the transition instant: 02:00 BST / 03:00 EDT), for starts and ends alike. This is NOT
 *     Temporal's 'compatible' (which shifts by the gap length, e.g. 01:30 → 02:30 BST), so a
 *     gap never adds time that the wall clock did not show;
 *   - times that occur twice (fall back, e.g. 01:30 on 2026-10-25 London, 2026-11-01 New York)
 *     resolve to the EARLIER instant for a start and the LATER instant for an end, so the
 *     interval covers the whole wall-clock period (it is then one hour longer). One boundary
 *     case follows from the definition: an END at exactly the first repeated wall time (01:00 on
 *     2026-10-25 London) resolves to the earlier instant, because no instant of the repeated
 *     hour shows a wall time before 01:00 (a shift 22:00–01:00 ends when the clock first shows
 *     01:00, not an hour later).
 */
import { Temporal } from 'temporal-polyfill';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type WallSide = 'start' | 'end';
export interface LocalTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  iso: string; // YYYY-MM-DDTHH:MM
  offsetMinutes: number; // local = UTC + offset
  weekday: Weekday;
}

/** Monday first: index = (dayNumber + 3) mod 7, because 1970-01-01 was a Thursday. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const CHUNK_MS = 2 ** 35; // ≈ 397 days

// ---------------------------------------------------------------- civil calendar arithmetic

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n >= 1000 ? `${n}` : n >= 0 ? `000${n}`.slice(-4) : `-${pad4(-n)}`;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayNumberToDate(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Day number of a real calendar date 'YYYY-MM-DD', or null when malformed / impossible. */
export function dateToDayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const n = daysFromCivil(y, mo, d);
  return dayNumberToDate(n) === date ? n : null; // rejects 2026-02-30
}

/** Minutes after midnight of 'HH:MM' (00:00–23:59, plus '24:00' when allow24), or null. */
export function parseWallTime(time: string, allow24 = true): number | null {
  const m = TIME_RE.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return 1440;
  return h <= 23 ? h * 60 + min : null;
}

function requireDay(date: string): number {
  const n = dateToDayNumber(date);
  if (n === null) throw new RangeError(`Invalid date '${date}', expected YYYY-MM-DD`);
  return n;
}

export function addDays(date: string, n: number): string {
  return dayNumberToDate(requireDay(date) + n);
}

export function weekdayOf(date: string): Weekday {
  return weekdayOfDayNumber(requireDay(date));
}

export function weekdayOfDayNumber(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}

// ---------------------------------------------------------------- zones and offset cache

interface Chunk {
  start: number; // [start, end) epoch ms
  end: number;
  t: number[]; // transition instants inside the chunk, ascending
  o: number[]; // o[0] = offset (ms) at start; o[i + 1] = offset from t[i]
}
interface Zone {
  id: string;
  chunks: Map<number, Chunk>;
  last: Chunk | undefined;
}

const zones = new Map<string, Zone>();
const OFFSET_ID = /^[+-]/;

/** True for IANA zone names (case-insensitive, as Temporal accepts them), false for offsets. */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64 || OFFSET_ID.test(tz)) return false;
  if (zones.has(tz)) return true;
  try {
    new Temporal.ZonedDateTime(0n, tz);
    return true;
  } catch {
    return false;
  }
}

function zoneOf(tz: string): Zone {
  let z = zones.get(tz);
  if (z === undefined) {
    if (!isValidTimeZone(tz)) throw new RangeError(`Invalid time zone '${tz}'`);
    z = { id: tz, chunks: new Map(), last: undefined };
    zones.set(tz, z);
  }
  return z;
}

function buildChunk(z: Zone, idx: number): Chunk {
  const start = idx * CHUNK_MS;
  const end = start + CHUNK_MS;
  let zdt: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(z.id);
  const c: Chunk = { start, end, t: [], o: [zdt.offsetNanoseconds / 1e6] };
  for (;;) {
    zdt = zdt.getTimeZoneTransition('next');
    if (zdt === null || zdt.epochMilliseconds >= end) break;
    c.t.push(zdt.epochMilliseconds);
    c.o.push(zdt.offsetNanoseconds / 1e6);
  }
  return c;
}

function chunkAt(z: Zone, t: number): Chunk {
  const c = z.last;
  if (c !== undefined && t >= c.start && t < c.end) return c;
  const idx = Math.floor(t / CHUNK_MS);
  let found = z.chunks.get(idx);
  if (found === undefined) {
    found = buildChunk(z, idx);
    z.chunks.set(idx, found);
  }
  z.last = found;
  return found;
}

function offsetIn(z: Zone, t: number): number {
  const c = chunkAt(z, t);
  const tr = c.t;
  let i = 0;
  while (i < tr.length && t >= tr[i]!) i++;
  return c.o[i]!;
}

/** First offset transition strictly after t. */
function transitionAfter(z: Zone, t: number): number | null {
  let c = chunkAt(z, t);
  for (let guard = 0; guard < 3; guard++) {
    for (const tr of c.t) if (tr > t) return tr;
    c = chunkAt(z, c.end);
  }
  return null;
}

/** UTC offset (ms) in effect in `tz` at an instant: local = utc + offset. */
export function zoneOffsetMs(epochMs: number, tz: string): number {
  return offsetIn(zoneOf(tz), epochMs);
}

/**
 * Instant of a local wall-clock time expressed as "local ms" (day number × DAY_MS + ms of day),
 * resolved by the DST rules documented at the top of this file.
 */
export function localMsToInstant(localMs: number, tz: string, side: WallSide): number {
  const z = zoneOf(tz);
  const oE = offsetIn(z, localMs - DAY_MS);
  const oL = offsetIn(z, localMs + DAY_MS);
  const cE = localMs - oE;
  const cL = localMs - oL;
  const vE = offsetIn(z, cE) === oE;
  const vL = oE === oL ? vE : offsetIn(z, cL) === oL;
  if (vE && vL) {
    const early = Math.min(cE, cL);
    const late = Math.max(cE, cL);
    if (side === 'start') return early;
    // An end at exactly the transition (the first repeated wall time) is the earlier instant.
    return offsetIn(z, late - 1) === offsetIn(z, late) ? late : early;
  }
  if (vE) return cE;
  if (vL) return cL;
  if (oE !== oL) {
    const gapEnd = transitionAfter(z, Math.min(cE, cL));
    if (gapEnd !== null) return gapEnd;
  }
  return slowLocalMsToInstant(localMs, z.id, side); // two transitions within two days: rare
}

function slowLocalMsToInstant(localMs: number, tz: string, side: WallSide): number {
  const day = Math.floor(localMs / DAY_MS);
  const [y, mo, d] = dayNumberToDate(day).split('-').map(Number) as [number, number, number];
  const msOfDay = localMs - day * DAY_MS;
  const pdt = new Temporal.PlainDateTime(y, mo, d).add({ milliseconds: msOfDay });
  const earlier = pdt.toZonedDateTime(tz, { disambiguation: 'earlier' });
  if (earlier.toPlainDateTime().equals(pdt)) {
    if (side === 'start') return earlier.epochMilliseconds;
    const later = pdt.toZonedDateTime(tz, { disambiguation: 'later' });
    const justBefore = later.subtract({ nanoseconds: 1 });
    return justBefore.offsetNanoseconds === later.offsetNanoseconds ? later.epochMilliseconds : earlier.epochMilliseconds;
  }
  return earlier.getTimeZoneTransition('next')?.epochMilliseconds ?? earlier.epochMilliseconds;
}

/**
 * Epoch ms of wall-clock `time` ('HH:MM', '24:00' = next midnight) on local `date` in `tz`.
 * `side` says whether the time opens ('start') or closes ('end') an interval; it only matters
 * for wall times that occur twice (fall back): start → earlier instant, end → later instant.
 * Non-existent wall times (spring forward) resolve to the first instant after the gap.
 */
export function wallClockToInstant(date: string, time: string, tz: string, side: WallSide): number {
  const minutes = parseWallTime(time);
  if (minutes === null) throw new RangeError(`Invalid wall time '${time}', expected HH:MM`);
  return localMsToInstant(requireDay(date) * DAY_MS + minutes * MINUTE_MS, tz, side);
}

/** Local calendar fields of an instant in `tz`. Plain arithmetic after the first call per zone. */
export function instantToLocal(epochMs: number, tz: string): LocalTime {
  const off = offsetIn(zoneOf(tz), epochMs);
  const local = epochMs + off;
  const day = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS);
  const date = dayNumberToDate(day);
  const time = `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
  return { date, time, iso: `${date}T${time}`, offsetMinutes: off / MINUTE_MS, weekday: weekdayOfDayNumber(day) };
}

/** Local calendar date 'YYYY-MM-DD' of an instant in `tz`. */
export function localDate(epochMs: number, tz: string): string {
  return dayNumberToDate(localDayNumber(epochMs, tz));
}

/** Local day number (days since 1970-01-01) of an instant in `tz`. */
export function localDayNumber(epochMs: number, tz: string): number {
  return Math.floor((epochMs + offsetIn(zoneOf(tz), epochMs)) / DAY_MS);
}

/** First instant of the local day after the one containing `epochMs`. */
export function startOfNextLocalDay(epochMs: number, tz: string): number {
  return localMsToInstant((localDayNumber(epochMs, tz) + 1) * DAY_MS, tz, 'start');
}

/** 'YYYY-MM-DDTHH:MM:SSZ' (milliseconds omitted). */
export function formatUtc(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  const sec = Math.floor((epochMs - day * DAY_MS) / 1000);
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  return `${dayNumberToDate(day)}T${pad2(h)}:${pad2(m)}:${pad2(sec % 60)}Z`;
}

/** '+05:30' / '-03:00' / '+00:00' for an offset in minutes (seconds, if any, are truncated). */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.floor(Math.abs(offsetMinutes));
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
