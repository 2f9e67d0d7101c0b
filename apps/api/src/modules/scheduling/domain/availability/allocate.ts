/**
 * Choosing resources for one start: from every requirement group, `count` distinct free
 * resources, never shared between groups, the requested resource (if any) among them.
 * Deterministic: the first free resources in requirement order.
 */
import type { Context, Group, ResourceState } from './context';

export type FreeCheck = (r: ResourceState) => boolean;

/** Chosen resources in requirement order, or null when the requirements cannot be met. */
export function allocate(ctx: Context, isFree: FreeCheck): ResourceState[] | null {
  if (ctx.impossible) return null;
  return ctx.disjoint ? allocateGreedy(ctx, isFree) : allocateSearch(ctx, isFree);
}

/** Groups share no resource: each group independently takes its first free members. */
function allocateGreedy(ctx: Context, isFree: FreeCheck): ResourceState[] | null {
  const chosen: ResourceState[] = [];
  const requested = ctx.requested;
  let requestedTaken = requested === null;
  for (const g of ctx.groups) {
    const ri = g.requestedIdx;
    if (ri >= 0) {
      if (g.count === 0 || !isFree(requested!)) return null;
      requestedTaken = true;
    }
    let picked = ri >= 0 ? 1 : 0;
    const members = g.members;
    for (let i = 0; i < members.length; i++) {
      if (picked >= g.count && i > ri) break;
      const m = members[i]!;
      if (i === ri) chosen.push(m);
      else if (picked < g.count && isFree(m)) {
        chosen.push(m);
        picked++;
      }
    }
    if (picked < g.count) return null;
  }
  return requestedTaken ? chosen : null;
}

/**
 * Groups overlap: depth-first search over combinations in requirement order, so the answer is
 * the first assignment a greedy pass would find whenever one exists. Pruned by counting the
 * free members still available to each group.
 */
function allocateSearch(ctx: Context, isFree: FreeCheck): ResourceState[] | null {
  const groups = ctx.groups;
  const used = new Set<ResourceState>();
  const chosen: ResourceState[] = [];
  const requested = ctx.requested;

  const pick = (gi: number, from: number, picked: number): boolean => {
    if (gi === groups.length) return requested === null || used.has(requested);
    const g: Group = groups[gi]!;
    if (picked === g.count) return pick(gi + 1, 0, 0);
    const members = g.members;
    let available = 0;
    for (let i = from; i < members.length; i++) if (!used.has(members[i]!) && isFree(members[i]!)) available++;
    if (available < g.count - picked) return false;
    for (let i = from; i < members.length; i++) {
      const m = members[i]!;
      if (used.has(m) || !isFree(m)) continue;
      used.add(m);
      chosen.push(m);
      if (pick(gi, i + 1, picked + 1)) return true;
      used.delete(m);
      chosen.pop();
    }
    return false;
  };
  return pick(0, 0, 0) ? chosen : null;
}
