import type { Column } from './timeline';

/**
 * Where each booking or hold sits in a resource's column: its top and height in minutes, and a
 * lane when items overlap (a group session, a double booking made by hand): overlapping items
 * share the width side by side, as few lanes as the overlap needs.
 */
export interface Timed { id: string; start: string; end: string }
export interface Placed<T extends Timed> { item: T; top: number; height: number; lane: number; lanes: number }

/** Minutes shorter than this still get a block one can grab. */
export const MIN_HEIGHT = 15;

export function place<T extends Timed>(items: readonly T[], column: Column): Placed<T>[] {
  const visible = items
    .map((item) => ({ item, s: Date.parse(item.start), e: Date.parse(item.end) }))
    .filter((x) => x.e > column.from && x.s < column.to)
    .sort((a, b) => a.s - b.s || b.e - a.e || a.item.id.localeCompare(b.item.id));
  const placed: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let clusterEnd = -Infinity;
  let laneEnds: number[] = [];
  const close = () => {
    const lanes = laneEnds.length;
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
    laneEnds = [];
  };
  for (const x of visible) {
    if (x.s >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= x.s);
    if (lane < 0) lane = laneEnds.push(x.e) - 1;
    else laneEnds[lane] = x.e;
    const top = column.yOf(Math.max(x.s, column.from));
    const bottom = column.yOf(Math.min(x.e, column.to));
    const p: Placed<T> = { item: x.item, top, height: Math.max(MIN_HEIGHT, bottom - top), lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
    clusterEnd = Math.max(clusterEnd, x.e);
  }
  close();
  return placed;
}

/** The items of one resource (a booking of a van and two crew shows in all three columns). */
export function onResource<T extends { resourceIds: string[] }>(items: readonly T[], resourceId: string): T[] {
  return items.filter((i) => i.resourceIds.includes(resourceId));
}
