/**
 * Where a stream reader stands in the events log, gap-free although events commit out of id order.
 *
 * Each event row carries the id of the transaction that wrote it (`tx`). In a snapshot, every
 * transaction older than the snapshot's `xmin` has finished, so every event with `tx < xmin` is
 * visible in it. A reader that has been given every visible event with `tx >= watermark` of one
 * snapshot may therefore move its watermark to that snapshot's xmin: nothing below can appear
 * later. Events at or above the watermark that it already has are `seen` (by id).
 */
export interface Cursor {
  watermark: bigint;
  seen: ReadonlySet<number>;
}
export interface LoggedEvent { id: number; tx: bigint }

/** The token keeps at most this many ids; past that it keeps only the watermark (a resume may repeat those events). */
export const MAX_SEEN_IN_TOKEN = 50;
const MAX_XID8 = 2n ** 64n - 1n;
const TOKEN = new RegExp(`^(\\d{1,20})(?:-(\\d{1,15}(?:\\.\\d{1,15}){0,${MAX_SEEN_IN_TOKEN - 1}}))?$`);

/** The SSE id: "<watermark>" or "<watermark>-<id>.<id>…". */
export function encodeCursor(cursor: Cursor): string {
  if (!cursor.seen.size || cursor.seen.size > MAX_SEEN_IN_TOKEN) return String(cursor.watermark);
  return `${cursor.watermark}-${[...cursor.seen].sort((a, b) => a - b).join('.')}`;
}

/** A Last-Event-ID read back; undefined when it is not one of ours. */
export function decodeCursor(token: string | undefined): Cursor | undefined {
  const match = TOKEN.exec(token?.trim() ?? '');
  if (!match) return undefined;
  const watermark = BigInt(match[1]!);
  if (watermark > MAX_XID8) return undefined;
  return { watermark, seen: new Set(match[2] ? match[2].split('.').map(Number) : []) };
}

/**
 * After a pass that read every visible event with `tx >= cursor.watermark` (`encountered`, given
 * now or before) in a snapshot whose xmin is `xmin`: the new watermark and what is still seen.
 */
export function advance(cursor: Cursor, xmin: bigint, encountered: readonly LoggedEvent[]): Cursor {
  const watermark = xmin > cursor.watermark ? xmin : cursor.watermark;
  return { watermark, seen: new Set(encountered.filter((e) => e.tx >= watermark).map((e) => e.id)) };
}

/** A token from the future (another database, or made up) cannot be honoured. */
export const plausible = (cursor: Cursor, xmax: bigint): boolean => cursor.watermark <= xmax;
