/** The inbox's team work, pure: the thread with notes woven in, template previews, bookings split by time. */
export interface Timed { createdAt: string }
export type Entry<M, N> = { kind: 'message'; at: number; item: M } | { kind: 'note'; at: number; item: N };

/** Messages and private notes in one list by time; at the same instant the message comes first. */
export function interleave<M extends Timed, N extends Timed>(messages: readonly M[], notes: readonly N[]): Entry<M, N>[] {
  const entries: Entry<M, N>[] = [
    ...messages.map((item) => ({ kind: 'message' as const, at: Date.parse(item.createdAt), item })),
    ...notes.map((item) => ({ kind: 'note' as const, at: Date.parse(item.createdAt), item })),
  ];
  return entries.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1));
}

/** How many variables ({{1}}, {{2}}…) a template's body uses: the highest number in it. */
export function variableCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])));
}

/** The body with each {{n}} replaced by its value; an empty one shows as its placeholder still. */
export function previewTemplate(body: string, variables: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => variables[Number(n) - 1]?.trim() || whole);
}

/** Tags typed as "vip, Quote" → ['vip', 'quote'] (as the API stores them), each once. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

/** Bookings still to come (soonest first) and those gone by (latest first). */
export function splitBookings<B extends { start: string }>(bookings: readonly B[], now: number): { upcoming: B[]; past: B[] } {
  const upcoming = bookings.filter((b) => Date.parse(b.start) >= now).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = bookings.filter((b) => Date.parse(b.start) < now).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return { upcoming, past };
}
