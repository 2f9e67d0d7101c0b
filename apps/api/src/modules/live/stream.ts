import type { Database } from '../../platform/db/database';
import type { ChannelListener } from '../../platform/db/channel-listener';
import { withTenant } from '../../platform/db/tenant-scope';
import type { EventStream } from '../../platform/http/sse';
import { advance, decodeCursor, encodeCursor, plausible, type Cursor } from './domain/cursor';
import { toFrame } from './domain/frames';
import { liveRepository, type LogPage } from './repository';

const PAGE = 500;
/** How far back a reconnecting client may resume; further back it gets `reset` and reloads. */
export const MAX_BACKLOG = 1000;
const RETRY_MS = 1000;
const END = { tx: 2n ** 64n - 1n, id: Number.MAX_SAFE_INTEGER };

export interface Follow {
  db: Database;
  listener: ChannelListener<string>;
  stream: EventStream;
  tenantId: string;
  /** The event types this reader may see (domain/frames.ts). */
  types: string[];
  /** The client's Last-Event-ID, when it reconnects. */
  lastEventId: string | undefined;
  onError(err: unknown): void;
}

/**
 * Follows a tenant's events log for one SSE client: on a reconnect, what it missed since its
 * Last-Event-ID; then `ready` (its cursor as the id); then each event as it commits, in any
 * process (woken by NOTIFY). Each frame's id is the cursor just after it (domain/cursor.ts).
 */
export async function followTenant(f: Follow): Promise<void> {
  const repo = liveRepository(f.db);
  const read = (after: { tx: bigint; id: number }) => withTenant(f.tenantId, () => repo.page(f.tenantId, f.types, after, PAGE));

  /** Every visible event from the cursor's watermark on (up to `max`), and the first page's snapshot. */
  async function readFrom(cursor: Cursor, max = Infinity): Promise<LogPage & { complete: boolean }> {
    const first = await read({ tx: cursor.watermark, id: 0 });
    const events = [...first.events];
    for (let page = first; page.events.length === PAGE && events.length <= max;) {
      const last = page.events.at(-1)!;
      page = await read({ tx: last.tx, id: last.id });
      events.push(...page.events);
    }
    return { ...first, events, complete: events.length <= max };
  }

  /** Sends what the cursor has not seen, each frame carrying the cursor after it; returns the cursor after the pass. */
  function give(cursor: Cursor, found: LogPage): Cursor {
    const given = new Set(cursor.seen);
    for (const event of found.events) {
      if (given.has(event.id)) continue;
      given.add(event.id);
      const frame = toFrame(event);
      if (frame) f.stream.send('change', encodeCursor({ watermark: cursor.watermark, seen: given }), frame);
    }
    return advance(cursor, found.xmin, found.events);
  }

  /** A fresh reader starts now: what is already visible counts as seen. */
  async function startNow(): Promise<Cursor> {
    const { xmin } = await read(END);
    const now = await readFrom({ watermark: xmin, seen: new Set() });
    return advance({ watermark: xmin, seen: new Set() }, now.xmin, now.events);
  }

  async function resume(token: string | undefined): Promise<Cursor> {
    if (token === undefined) return startNow();
    const asked = decodeCursor(token);
    let reason = 'unknown-cursor';
    if (asked) {
      const missed = await readFrom(asked, MAX_BACKLOG);
      if (plausible(asked, missed.xmax) && missed.complete) return give(asked, missed);
      if (plausible(asked, missed.xmax)) reason = 'too-far-behind';
    }
    f.stream.send('reset', undefined, { reason });
    return startNow();
  }

  let cursor: Cursor | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const wake = () => {
    if (f.stream.closed) return;
    if (running || !cursor) {
      again = true;
      return;
    }
    const from = cursor;
    running = readFrom(from).then((found) => { cursor = give(from, found); }, (err) => {
      f.onError(err);
      setTimeout(wake, RETRY_MS).unref();
    }).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        wake();
      }
    });
  };

  // Listen first, then read: an event committed in between is in the read or wakes a pass (seen ids are not sent twice).
  const unsubscribe = await f.listener.subscribe(f.tenantId, wake);
  f.stream.onClose(unsubscribe);
  cursor = await resume(f.lastEventId);
  f.stream.send('ready', encodeCursor(cursor), { resumed: f.lastEventId !== undefined });
  if (again) {
    again = false;
    wake();
  }
}
