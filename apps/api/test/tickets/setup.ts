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

export { until } from '../harness/wait';

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
