import { expect } from 'vitest';
import type { TestApp } from '../harness/app';

/** A customer's web chat: its conversation and a way to write in it. */
export async function startChat(app: TestApp, slug: string) {
  const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  expect(res.statusCode, res.body).toBe(201);
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  const send = async (text: string): Promise<{ text: string }[]> => {
    const r = await app.app.inject({
      method: 'POST', url: `/v1/chat/${slug}/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().replies;
  };
  return { conversationId, send };
}

/** Polls until fn returns something truthy (event handlers run as jobs), failing after the deadline. */
export async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The staff API of one tenant. */
export function staffApi(app: TestApp, key: string) {
  const headers = app.auth(key);
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  return {
    call,
    tickets: async (query = '') => (await call('GET', `/v1/tickets${query}`)).body.items as Record<string, unknown>[],
    ticket: async (id: string) => (await call('GET', `/v1/tickets/${id}`)).body as Record<string, unknown> & { id: string },
    history: async (id: string) => (await call('GET', `/v1/tickets/${id}/history`)).body.items as { kind: string; actor: string; detail: Record<string, unknown> }[],
    patch: (id: string, body: unknown) => call('PATCH', `/v1/tickets/${id}`, body),
  };
}
