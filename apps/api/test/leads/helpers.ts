import { expect } from 'vitest';
import type { TestApp } from '../harness/app';

export interface Reply { text: string; options?: { id: string; label: string }[] }

/** A web chat with a business, as the customer sees it. */
export async function startChat(app: TestApp, slug: string) {
  const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  expect(res.statusCode).toBe(201);
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  const send = async (text: string): Promise<Reply[]> => {
    const r = await app.app.inject({
      method: 'POST', url: `/v1/chat/${slug}/conversations/${conversationId}/messages`, headers: { authorization: `Bearer ${token}` }, payload: { text },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().replies;
  };
  return { conversationId, send };
}

/** Polls until `fn` returns something truthy (the event handlers run as jobs, after the request). */
export async function until<T>(fn: () => Promise<T | undefined | null | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const api = (app: TestApp, key: string) => ({
  get: (url: string) => app.app.inject({ url, headers: app.auth(key) }),
  patch: (url: string, payload: object) => app.app.inject({ method: 'PATCH', url, headers: app.auth(key), payload }),
  post: (url: string, payload: object) => app.app.inject({ method: 'POST', url, headers: app.auth(key), payload }),
  put: (url: string, payload: object) => app.app.inject({ method: 'PUT', url, headers: app.auth(key), payload }),
});

/** The lead of a conversation, once the leads module has seen it. */
export async function leadOfConversation(app: TestApp, key: string, conversationId: string) {
  return until(async () => {
    const list = (await api(app, key).get('/v1/leads?limit=200')).json().items as { id: string; conversationIds: string[] }[];
    return list.find((l) => l.conversationIds.includes(conversationId));
  }, `the lead of conversation ${conversationId}`);
}

/** Waits until every event is relayed and the leads module has handled all of them. */
export async function leadsIdle(app: TestApp): Promise<void> {
  await until(async () => {
    const [row] = await app.db.query<{ unrelayed: number; pending: number }>(
      `SELECT (SELECT count(*)::int FROM events WHERE relayed_at IS NULL) AS unrelayed,
              (SELECT count(*)::int FROM pgboss.job WHERE name = 'events.leads' AND state IN ('created', 'retry', 'active')) AS pending`);
    return row!.unrelayed === 0 && row!.pending === 0;
  }, 'the leads module to catch up', 30_000);
}
