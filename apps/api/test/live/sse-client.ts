export interface SseEvent { event: string; id: string | undefined; data: unknown }

/**
 * A real Server-Sent Events client over HTTP (fetch reading the body as it arrives), keeping every
 * event and the last id the way EventSource does; `until` waits for what the test expects.
 */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let lastEventId: string | undefined;
  let ended = false;
  const notify = () => waiters.forEach((w) => w());
  const done = (async () => {
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n').filter((l) => l && !l.startsWith(':'));
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trimStart();
          const id = field('id');
          if (id !== undefined) lastEventId = id;
          const data = field('data');
          if (data !== undefined) events.push({ event: field('event') ?? 'message', id, data: JSON.parse(data) });
        }
        notify();
      }
    } catch { /* aborted */ }
    ended = true;
    notify();
  })();
  /** Resolves once `ok()` holds; fails if the stream ends first. */
  const until = async (ok: () => boolean): Promise<void> => {
    while (!ok()) {
      if (ended) throw new Error(`stream ended; got ${JSON.stringify(events.map((e) => e.event === 'change' ? (e.data as { type: string }).type : e.event))}`);
      await new Promise<void>((resolve) => {
        const w = () => { waiters.delete(w); resolve(); };
        waiters.add(w);
      });
    }
  };
  return {
    res, events, until, done,
    get lastEventId() { return lastEventId; },
    get ended() { return ended; },
    /** The `change` frames' payloads. */
    changes: () => events.filter((e) => e.event === 'change').map((e) => e.data as { id: number; type: string; subjectId: string | null; data: Record<string, unknown> }),
    close: () => controller.abort(),
  };
}
export type SseClient = Awaited<ReturnType<typeof openSse>>;
