/**
 * Which cached queries a live change makes stale. The dashboard keys its queries by a root name
 * first (`['bookings', tenantId, …]`), and TanStack Query matches keys by prefix, so one root
 * invalidates every query under it. Pages that want live updates key their queries with one of
 * these roots:
 *
 * - bookings and holds → `bookings`, `booking`, `holds`, `calendar`, `summary` (calendar and home)
 * - messages and conversations → `conversations`, `conversation`, `thread`, `inbox`
 * - leads and SLA clocks → `leads`, `lead`, `customers`, `customer`
 */
export const liveRoots = {
  booking: ['bookings', 'booking', 'holds', 'calendar', 'summary', 'customers', 'customer'],
  hold: ['holds', 'calendar', 'bookings'],
  message: ['conversations', 'conversation', 'thread', 'inbox'],
  conversation: ['conversations', 'conversation', 'thread', 'inbox'],
  lead: ['leads', 'lead', 'customers', 'customer', 'conversations', 'inbox'],
  sla: ['leads', 'lead', 'inbox'],
} as const satisfies Record<string, readonly string[]>;

/** A `change` frame as GET /v1/stream sends it (ids, times and statuses only). */
export interface LiveFrame { id: number; type: string; subjectId: string | null; at: string; data: Record<string, unknown> }

/** The query-key roots an event type touches (`booking.created` → the booking family's). */
export function rootsFor(type: string): readonly string[] {
  const family = type.split('.')[0] as keyof typeof liveRoots;
  return Object.hasOwn(liveRoots, family) ? liveRoots[family] : [];
}

/** The distinct roots a batch of frames touches. */
export function rootsForAll(frames: readonly LiveFrame[]): string[] {
  return [...new Set(frames.flatMap((f) => rootsFor(f.type)))];
}

/** Parses a `change` frame's data; undefined for anything that is not one. */
export function parseFrame(data: string): LiveFrame | undefined {
  try {
    const value = JSON.parse(data) as Partial<LiveFrame>;
    if (typeof value.id !== 'number' || typeof value.type !== 'string') return undefined;
    return { id: value.id, type: value.type, subjectId: value.subjectId ?? null, at: String(value.at ?? ''), data: value.data ?? {} };
  } catch {
    return undefined;
  }
}

/** Remembers the last frame ids seen, so a frame repeated after a resume is handled once. */
export function recentIds(capacity = 500) {
  const seen = new Set<number>();
  return {
    /** True the first time an id is offered. */
    fresh(id: number): boolean {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > capacity) seen.delete(seen.values().next().value!);
      return true;
    },
  };
}

/** Wait before the n-th reconnect attempt (1 s, 2 s, 4 s … at most 30 s). */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
