import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { liveRoots, parseFrame, reconnectDelay, recentIds, rootsForAll, type LiveFrame } from '../live/keys';

/**
 * The dashboard's one live-update hook: a Server-Sent Events stream on GET /v1/stream for the
 * active tenant, mounted once in the shell. Each `change` frame marks the queries of its family
 * stale (live/keys.ts lists the query-key roots), so every open page re-reads what changed:
 * a booking made over WhatsApp is on an open calendar within a second, a message in the inbox.
 *
 * - The browser reconnects by itself after a dropped connection, sending the last frame's id as
 *   Last-Event-ID; when it gives up (a 401, a 503), we open a new stream after a back-off with
 *   `?lastEventId=` so nothing is missed. A stream that starts afresh (`ready` without `resumed`)
 *   re-reads the live queries read before it: a change in between would otherwise be missed.
 * - `reset` (the server cannot resume from our cursor): every query is read again.
 * - `end` (the session changed: sign-out elsewhere, a new role): the session is read again.
 */
export type LiveStatus = 'off' | 'connecting' | 'live';

let status: LiveStatus = 'off';
const watchers = new Set<() => void>();
function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  watchers.forEach((w) => w());
}

/** Whether the stream is caught up ('live'), on its way ('connecting') or not running. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore((w) => {
    watchers.add(w);
    return () => watchers.delete(w);
  }, () => status);
}

/** Opens the tenant's stream while mounted (the shell, once per tab); a tenant switch opens a new one. */
export function useLiveUpdates(tenantId: string | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!tenantId || typeof EventSource === 'undefined') return undefined;
    return follow(client);
  }, [client, tenantId]);
}

const BATCH_MS = 40;
const roots = new Set<string>(Object.values(liveRoots).flat());
const liveRoot = (root: unknown) => typeof root === 'string' && roots.has(root);
const resumed = (data: string) => {
  try {
    return (JSON.parse(data) as { resumed?: unknown }).resumed === true;
  } catch {
    return false;
  }
};

function follow(client: QueryClient): () => void {
  const seen = recentIds();
  let source: EventSource | undefined;
  let cursor: string | undefined;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pending: LiveFrame[] = [];
  let flush: ReturnType<typeof setTimeout> | undefined;

  /** Frames arriving together (a booking and its hold release) cost one re-read per query. */
  const queue = (frame: LiveFrame) => {
    pending.push(frame);
    flush ??= setTimeout(() => {
      const roots = rootsForAll(pending);
      pending = [];
      flush = undefined;
      for (const root of roots) void client.invalidateQueries({ queryKey: [root] });
    }, BATCH_MS);
  };

  const open = () => {
    setStatus('connecting');
    const url = cursor ? `/v1/stream?lastEventId=${encodeURIComponent(cursor)}` : '/v1/stream';
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    es.addEventListener('change', (e: MessageEvent<string>) => {
      if (e.lastEventId) cursor = e.lastEventId;
      const frame = parseFrame(e.data);
      if (frame && seen.fresh(frame.id)) queue(frame);
    });
    es.addEventListener('ready', (e: MessageEvent<string>) => {
      if (e.lastEventId) cursor = e.lastEventId;
      attempts = 0;
      setStatus('live');
      // A fresh stream starts from now: what was read before it may have missed a change in between.
      if (!resumed(e.data)) void client.invalidateQueries({ predicate: (q) => liveRoot(q.queryKey[0]) && q.state.dataUpdatedAt > 0 });
    });
    es.addEventListener('reset', () => void client.invalidateQueries());
    es.addEventListener('end', () => void client.invalidateQueries({ queryKey: ['session'] }));
    es.onerror = () => {
      if (es.readyState === EventSource.CONNECTING) return setStatus('connecting');
      if (es.readyState !== EventSource.CLOSED) return undefined;
      // The browser gave up on this one: a new stream later, from our cursor if we have one.
      setStatus('connecting');
      retry = setTimeout(open, reconnectDelay(++attempts));
      return undefined;
    };
  };

  open();
  return () => {
    clearTimeout(retry);
    clearTimeout(flush);
    source?.close();
    setStatus('off');
  };
}
