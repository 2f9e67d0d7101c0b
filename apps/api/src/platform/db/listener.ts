import pg from 'pg';

export interface MessageNotice { tenantId: string; conversationId: string; seq: number }
type Subscriber = (notice: MessageNotice | 'resync') => void;

const CHANNEL = 'frontdesk_messages';

/**
 * One LISTEN connection per process for new messages (a trigger NOTIFYs on insert, delivered
 * at commit). Subscribers are keyed by conversation; the connection opens with the first one
 * and reconnects after a failure, telling every subscriber to catch up ("resync").
 */
export function createMessageListener(url: string, onError: (err: unknown) => void = () => undefined) {
  const subscribers = new Map<string, Set<Subscriber>>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let retryMs = 250;

  const keyOf = (tenantId: string, conversationId: string) => `${tenantId} ${conversationId}`;

  function deliver(payload: string | undefined) {
    const [tenantId, conversationId, seq] = (payload ?? '').split(' ');
    if (!tenantId || !conversationId || !seq) return;
    const notice = { tenantId, conversationId, seq: Number(seq) };
    for (const fn of subscribers.get(keyOf(tenantId, conversationId)) ?? []) fn(notice);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: 'frontdesk-listener' });
    next.on('notification', (n) => deliver(n.payload));
    next.on('error', (err) => {
      onError(err);
      if (client === next) client = undefined;
      void next.end().catch(() => undefined);
      if (!closed && subscribers.size) setTimeout(() => void ensure().then(resyncAll, onError), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
    retryMs = 250;
  }

  function ensure(): Promise<void> {
    if (client || closed) return Promise.resolve();
    connecting ??= connect().finally(() => { connecting = undefined; });
    return connecting;
  }

  function resyncAll() {
    for (const set of subscribers.values()) for (const fn of set) fn('resync');
  }

  return {
    /** Resolves once listening, so nothing committed after this call is missed. */
    async subscribe(tenantId: string, conversationId: string, fn: Subscriber): Promise<() => void> {
      const key = keyOf(tenantId, conversationId);
      const set = subscribers.get(key) ?? new Set();
      set.add(fn);
      subscribers.set(key, set);
      const unsubscribe = () => {
        set.delete(fn);
        if (!set.size) subscribers.delete(key);
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
export type MessageListener = ReturnType<typeof createMessageListener>;
