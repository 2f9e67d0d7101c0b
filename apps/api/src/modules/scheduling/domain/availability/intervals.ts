/** Sorted half-open interval sets stored as parallel number arrays. */

export interface IntervalSet {
  starts: number[];
  ends: number[];
}

/**
 * Sorts and merges [starts[i], ends[i]) into disjoint ascending intervals. Empty intervals are
 * dropped; touching intervals are merged (they block the same instants either way).
 */
export function mergeIntervals(starts: number[], ends: number[]): IntervalSet {
  const n = starts.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (starts[i]! < starts[i - 1]!) sorted = false;
  let order: number[] | null = null;
  if (!sorted) {
    order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => starts[a]! - starts[b]!);
  }
  const out: IntervalSet = { starts: [], ends: [] };
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k]!;
    const s = starts[i]!;
    const e = ends[i]!;
    if (!(e > s)) continue;
    const m = out.ends.length;
    if (m > 0 && s <= out.ends[m - 1]!) {
      if (e > out.ends[m - 1]!) out.ends[m - 1] = e;
    } else {
      out.starts.push(s);
      out.ends.push(e);
    }
  }
  return out;
}

/** Index of the first element of the ascending `arr` that is > x (arr.length if none). */
export function upperBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does [a, b) overlap any interval of the disjoint ascending set? O(log n). */
export function overlapsAny(set: IntervalSet, a: number, b: number): boolean {
  const i = upperBound(set.ends, a); // first interval ending after a
  return i < set.starts.length && set.starts[i]! < b;
}

/**
 * Index (into a flat [s0, e0, s1, e1, …] disjoint ascending list) of the interval that contains
 * [a, b), or -1. O(log n).
 */
export function containingInterval(flat: readonly number[], a: number, b: number): number {
  let lo = 0;
  let hi = flat.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (flat[2 * mid + 1]! <= a) lo = mid + 1;
    else hi = mid;
  }
  const i = 2 * lo;
  return i < flat.length && flat[i]! <= a && b <= flat[i + 1]! ? i : -1;
}

/** Ascending union of ascending arrays, duplicates removed. Identical arrays are taken once. */
export function unionSorted(lists: readonly number[][]): number[] {
  const distinct: number[][] = [];
  for (const l of lists) {
    if (l.length > 0 && !distinct.some((d) => sameArray(d, l))) distinct.push(l);
  }
  if (distinct.length === 0) return [];
  if (distinct.length === 1) return distinct[0]!.slice();
  const all = Float64Array.from(distinct.flat()).sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]!);
  return out;
}

function sameArray(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
