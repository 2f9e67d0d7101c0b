import type { InboundEvent } from './domain/types';

type Item = { tenantId: string; channelId: string; eventId: string; event: InboundEvent };
type Store = (items: Item[]) => Promise<Set<string>>;
interface Waiting { items: Item[]; resolve(stored: number): void; reject(err: unknown): void }

const MAX_IN_FLIGHT = 4;

/**
 * Group commit for webhooks: the events of requests arriving together are written in one
 * statement, and each request is answered once the statement holding its events has committed.
 * The database does one commit for many webhooks instead of one each.
 */
export function eventBatcher(store: Store) {
  let waiting: Waiting[] = [];
  let inFlight = 0;

  async function flush(): Promise<void> {
    const batch = waiting;
    waiting = [];
    inFlight++;
    try {
      const stored = await store(batch.flatMap((w) => w.items));
      const claimed = new Set<string>();
      for (const w of batch) {
        // The same event delivered twice in one batch counts as stored for the first request only.
        const mine = w.items.map((i) => `${i.channelId} ${i.eventId}`).filter((k) => stored.has(k) && !claimed.has(k));
        mine.forEach((k) => claimed.add(k));
        w.resolve(mine.length);
      }
    } catch (err) {
      batch.forEach((w) => w.reject(err));
    } finally {
      inFlight--;
      if (waiting.length) void flush();
    }
  }

  return function storeTogether(items: Item[]): Promise<number> {
    if (!items.length) return Promise.resolve(0);
    return new Promise<number>((resolve, reject) => {
      waiting.push({ items, resolve, reject });
      // Gather what arrives in this turn of the event loop; more flushes run while one commits.
      if (waiting.length === 1 && inFlight < MAX_IN_FLIGHT) setImmediate(() => void flush());
    });
  };
}
