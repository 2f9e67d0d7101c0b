/** Is one resource free for a start? The single definition findSlots and explainStart share. */
import { containingInterval } from './intervals';
import type { Context, ResourceState } from './context';
import type { BusyInterval, SeatSession } from './types';

/**
 * Free for a new allocation at `s`: [s, s + duration) inside ONE working interval, and
 * [s - bufferBefore, s + duration + bufferAfter) clear of every block range. Uses per-resource
 * cursors, so for one resource `s` must never decrease between calls (true for an ascending scan
 * and for a fresh context). Memoised for repeated calls at the same `s`.
 */
export function freeAt(ctx: Context, r: ResourceState, s: number): boolean {
  if (r.memoAt === s) return r.memoFree;
  let ok = false;
  if (r.input !== undefined) {
    const w = r.work;
    const e = s + ctx.dur;
    let i = r.wi;
    while (i < w.length && w[i + 1]! <= s) i += 2;
    r.wi = i;
    if (i < w.length && w[i]! <= s && e <= w[i + 1]!) {
      const a = s - ctx.before;
      const b = e + ctx.after;
      const ends = r.busy.ends;
      let j = r.bi;
      while (j < ends.length && ends[j]! <= a) j++;
      r.bi = j;
      ok = j >= ends.length || r.busy.starts[j]! >= b;
    }
  }
  r.memoAt = s;
  r.memoFree = ok;
  return ok;
}

/** The busy entry that is session `x`'s own allocation (ignored when joining `x`). */
export function isOwnSessionEntry(ctx: Context, b: BusyInterval, x: SeatSession): boolean {
  if (b.kind !== 'session' || b.serviceId !== ctx.q.service.id) return false;
  return x.refId !== undefined ? b.refId === x.refId : b.start === x.start && b.end === x.end;
}

/** Free to seat one more party in session `x` at `s` (its own allocation does not count). */
export function freeToJoin(ctx: Context, r: ResourceState, s: number, x: SeatSession): boolean {
  if (r.input === undefined || containingInterval(r.work, s, s + ctx.dur) < 0) return false;
  const a = s - ctx.before;
  const b = s + ctx.dur + ctx.after;
  for (const bz of r.input.busy) {
    if (bz.blockEnd > bz.blockStart && bz.blockStart < b && bz.blockEnd > a && !isOwnSessionEntry(ctx, bz, x)) return false;
  }
  for (const e of r.external) if (e.end > e.start && e.start < b && e.end > a) return false;
  return true;
}

/** On the slot grid of some required resource: a working interval's start + k × step. */
export function onGrid(ctx: Context, s: number): boolean {
  for (const r of ctx.resources) {
    const i = containingInterval(r.work, s, s + ctx.dur);
    if (i >= 0 && (s - r.work[i]!) % ctx.step === 0) return true;
  }
  return false;
}

/** Inside the working hours of at least one required resource (ignoring the grid). */
export function inHoursOfAny(ctx: Context, s: number): boolean {
  return ctx.resources.some((r) => containingInterval(r.work, s, s + ctx.dur) >= 0);
}
