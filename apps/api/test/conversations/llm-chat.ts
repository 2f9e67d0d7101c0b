import { expect } from 'vitest';
import type { TestApp } from '../harness/app';
import { openTurn } from '../harness/readable';

export interface Reply { text: string; options?: { id: string; label: string }[] }

/** A customer on the public web-chat API. */
export async function startChat(app: TestApp, slug: string) {
  const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  expect(res.statusCode, res.body).toBe(201);
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  const send = async (text: string): Promise<Reply[]> => {
    const r = await app.app.inject({
      method: 'POST', url: `/v1/chat/${slug}/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text },
    });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().replies as Reply[]).map(({ text: t, options }) => ({ text: t, ...(options ? { options } : {}) }));
  };
  return { conversationId, send };
}

/** What the last customer message's turn recorded (tool calls, LLM rounds, fallbacks). */
export async function lastTurnRecord(app: TestApp, conversationId: string): Promise<Record<string, unknown>[]> {
  const [row] = await app.db.query<{ tool_calls: unknown }>(
    `SELECT tool_calls FROM messages WHERE conversation_id = $1 AND direction = 'in' ORDER BY seq DESC LIMIT 1`, [conversationId]);
  return openTurn<Record<string, unknown>[]>(row?.tool_calls) ?? [];
}

/** The LLM entries of a turn's record: `{ skipped }`, `{ fallback }`, `{ tool }`, `{ answered }`… */
export const llmEntries = (record: Record<string, unknown>[]) =>
  record.filter((r) => 'llm' in r).map((r) => r.llm as Record<string, unknown>);

export async function configureLlm(app: TestApp, key: string, settings: Record<string, unknown>) {
  const res = await app.app.inject({ method: 'PUT', url: '/v1/assistant/llm', headers: app.auth(key), payload: settings });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
