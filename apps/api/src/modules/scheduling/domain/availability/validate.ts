/**
 * validateSchedule: every problem of a schedule at once, each with a field path
 * (`timeZone`, `weekly.mon[1]`, `overrides[0].intervals[0]`). Pure; the HTTP layer turns the
 * list into a 400. The engine itself skips what this function rejects.
 */
import { WEEKDAYS, dateToDayNumber, isValidTimeZone, parseWallTime } from '../../../../shared/time/zone';
import type { Schedule, ScheduleIssue } from './types';

const WEEKDAY_SET = new Set<string>(WEEKDAYS);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks one day's list of intervals; returns nothing for a valid (possibly empty) list. */
function checkDay(list: unknown, path: string, out: ScheduleIssue[]): void {
  if (!Array.isArray(list)) {
    out.push({ path, message: 'must be a list of ["HH:MM","HH:MM"] intervals' });
    return;
  }
  const ok: { s: number; e: number; i: number }[] = [];
  list.forEach((iv: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!Array.isArray(iv) || iv.length !== 2 || typeof iv[0] !== 'string' || typeof iv[1] !== 'string') {
      out.push({ path: p, message: 'must be a pair ["HH:MM","HH:MM"]' });
      return;
    }
    const s = parseWallTime(iv[0], false);
    const e = parseWallTime(iv[1], true);
    if (s === null) out.push({ path: p, message: `start '${iv[0]}' is not a time 00:00–23:59` });
    if (e === null) out.push({ path: p, message: `end '${iv[1]}' is not a time 00:00–24:00` });
    if (s === null || e === null) return;
    if (e <= s) out.push({ path: p, message: `end ${iv[1]} must be after start ${iv[0]}` });
    else ok.push({ s, e, i });
  });
  ok.sort((a, b) => a.s - b.s || a.i - b.i);
  for (let k = 1; k < ok.length; k++) {
    const prev = ok[k - 1]!;
    const cur = ok[k]!;
    if (cur.s < prev.e) {
      const [first, second] = prev.i < cur.i ? [prev, cur] : [cur, prev];
      out.push({ path: `${path}[${second.i}]`, message: `overlaps ${path}[${first.i}]` });
    }
  }
}

export function validateSchedule(schedule: Schedule): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const sc: unknown = schedule;
  if (!isRecord(sc)) return [{ path: '', message: 'must be an object' }];
  if (!isValidTimeZone(sc.timeZone)) {
    out.push({ path: 'timeZone', message: `'${String(sc.timeZone)}' is not an IANA time zone (e.g. America/Sao_Paulo)` });
  }
  if (!isRecord(sc.weekly)) {
    out.push({ path: 'weekly', message: 'must be an object keyed by weekday (mon…sun)' });
  } else {
    for (const [day, list] of Object.entries(sc.weekly)) {
      if (!WEEKDAY_SET.has(day)) out.push({ path: `weekly.${day}`, message: 'unknown weekday; use mon, tue, wed, thu, fri, sat, sun' });
      else if (list !== undefined) checkDay(list, `weekly.${day}`, out);
    }
  }
  if (!Array.isArray(sc.overrides)) {
    out.push({ path: 'overrides', message: 'must be a list' });
    return out;
  }
  const seen = new Map<string, number>();
  sc.overrides.forEach((o: unknown, i) => {
    const p = `overrides[${i}]`;
    if (!isRecord(o)) {
      out.push({ path: p, message: 'must be an object { date, intervals }' });
      return;
    }
    if (typeof o.date !== 'string' || dateToDayNumber(o.date) === null) {
      out.push({ path: `${p}.date`, message: `'${String(o.date)}' is not a date YYYY-MM-DD` });
    } else if (seen.has(o.date)) {
      out.push({ path: `${p}.date`, message: `duplicate override for ${o.date} (see overrides[${seen.get(o.date)}])` });
    } else {
      seen.set(o.date, i);
    }
    checkDay(o.intervals, `${p}.intervals`, out);
  });
  return out;
}
