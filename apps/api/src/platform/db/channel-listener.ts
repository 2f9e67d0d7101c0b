import pg from 'pg';
import { withoutTenant } from './tenant-scope';

/** A notification for a key, or 'resync': the connection was lost, so something may have been missed. */
export type Notice<T> = T | 'resync';
type Subscriber<T> = (notice: Notice<T>) => void;

export interface ChannelListenerOptions<T> {
  url: string;
  /** The NOTIFY channel (sent by a trigger, delivered at commit). */
  channel: string;
  /** The subscribers' key a payload is for, and what they receive; undefined drops the payload. */
  parse(payload: string): { key: string; notice: T } | undefined;
  applicationName: string;
  onError?: (err: unknown) => void;
}

/**
 * One LISTEN connection per process for one channel. Subscribers are keyed (a conversation, a
 * tenant); the connection opens with the first subscriber and reconnects after a failure,
 * telling every subscriber to catch up ("resync").
 */
export function createChannelListener<T>(options: ChannelListenerOptions<T>) {
  const onError = options.onError ?? (() => undefined);
  const subscribers = new Map<string, Set<Subscriber<T>>>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let retryMs = 250;

  function deliver(payload: string | undefined) {
    const parsed = options.parse(payload ?? '');
    if (!parsed) return;
    for (const fn of subscribers.get(parsed.key) ?? []) fn(parsed.notice);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.url, application_name: options.applicationName });
    next.on('notification', (n) => deliver(n.payload));
    next.on('error', (err) => {
      onError(err);
      if (client === next) client = undefined;
      void next.end().catch(() => undefined);
      if (!closed && subscribers.size) setTimeout(() => void ensure().then(resyncAll, onError), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    });
    await next.connect();
    await next.query(`LISTEN ${options.channel}`);
    client = next;
    retryMs = 250;
  }

  function ensure(): Promise<void> {
    if (client || closed) return Promise.resolve();
    // Notifications run in the async context the connection was opened in: never a tenant's request's.
    connecting ??= withoutTenant(() => connect()).finally(() => { connecting = undefined; });
    return connecting;
  }

  function resyncAll() {
    for (const set of subscribers.values()) for (const fn of set) fn('resync');
  }

  return {
    /** Resolves once listening, so nothing committed after this call is missed. */
    async subscribe(key: string, fn: Subscriber<T>): Promise<() => void> {
      const set = subscribers.get(key) ?? new Set();
      set.add(fn);
      subscribers.set(key, set);
      const unsubscribe = () => {
        set.delete(fn);
        if (!set.size && subscribers.get(key) === set) subscribers.delete(key);
      };
      try {
        await ensure();
      } catch (err) {
        unsubscribe();
        throw err;
      }
      return unsubscribe;
    },
    async close(): Promise<void> {
      closed = true;
      subscribers.clear();
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
export type ChannelListener<T> = ReturnType<typeof createChannelListener<T>>;
