/**
 * findSlots: every bookable start in a window, with the resources it would use. Pure and
 * viewer-independent: instants in, instants out. Per-slot work is number arithmetic only.
 */
import { allocate } from './allocate';
import { freeAt, freeToJoin } from './check';
import { prepare } from './context';
import type { Context, ResourceState } from './context';
import { unionSorted } from './intervals';
import type { AvailabilityQuery, SeatSession, Slot } from './types';

export function findSlots(q: AvailabilityQuery): Slot[] {
  const ctx = prepare(q, q.from, q.to);
  const out: Slot[] = [];
  if (ctx.impossible || !(ctx.hi > ctx.lo)) return out;
  const grid = gridStarts(ctx);
  const joins = [...ctx.joinable.keys()].sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  while (i < grid.length || j < joins.length) {
    const g = i < grid.length ? grid[i]! : Infinity;
    const x = j < joins.length ? joins[j]! : Infinity;
    const s = Math.min(g, x);
    if (g === s) i++;
    if (x === s) j++;
    const slot = evaluateStart(ctx, s, g === s);
    if (slot !== null) out.push(slot);
  }
  return out;
}

/**
 * Candidate starts: for each required resource and each of its working intervals, the
 * interval's start stepped by slotInterval while the slot still fits; union, ascending.
 */
function gridStarts(ctx: Context): number[] {
  const { lo, hi, dur, step } = ctx;
  const lists: number[][] = [];
  for (const r of ctx.resources) {
    const w = r.work;
    const list: number[] = [];
    for (let k = 0; k < w.length; k += 2) {
      const ws = w[k]!;
      const we = w[k + 1]!;
      let s = ws >= lo ? ws : ws + Math.ceil((lo - ws) / step) * step;
      for (; s + dur <= we && s < hi; s += step) list.push(s);
    }
    lists.push(list);
  }
  return unionSorted(lists);
}

/**
 * The slot at `s`, or null. Joining an existing session (seats) comes first; a new allocation
 * needs `s` on the grid. Starts must be evaluated in ascending order within one context.
 */
export function evaluateStart(ctx: Context, s: number, aligned: boolean): Slot | null {
  const sessions = ctx.joinable.get(s);
  if (sessions !== undefined) {
    for (const x of sessions) {
      const chosen = join(ctx, s, x);
      if (chosen !== null) return makeSlot(ctx, s, chosen, ctx.capacity - x.seatsTaken);
    }
  }
  if (!aligned) return null;
  const chosen = allocate(ctx, (r) => freeAt(ctx, r, s));
  return chosen === null ? null : makeSlot(ctx, s, chosen, ctx.capacity > 1 ? ctx.capacity : undefined);
}

/** Seats in session `x`: its own resources must still satisfy the requirements. */
function join(ctx: Context, s: number, x: SeatSession): ResourceState[] | null {
  const ids = new Set(x.resourceIds);
  const chosen = allocate(ctx, (r) => ids.has(r.id) && freeToJoin(ctx, r, s, x));
  return chosen !== null && chosen.length === ids.size ? chosen : null;
}

function makeSlot(ctx: Context, s: number, chosen: ResourceState[], seatsLeft: number | undefined): Slot {
  const slot: Slot = { start: s, end: s + ctx.dur, resourceIds: chosen.map((r) => r.id) };
  if (seatsLeft !== undefined) slot.seatsLeft = seatsLeft;
  return slot;
}
