import { expect } from 'vitest';
import type { TestApp } from '../harness/app';
import { encryptSame } from '../../src/platform/crypto/fields';

/** A web chat on a blueprint tenant: its conversation, its contact, and a way to write in it. */
export async function startChat(app: TestApp, slug: string) {
  const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  const [row] = await app.db.query<{ contact_id: string; tenant_id: string }>(
    `SELECT contact_id, tenant_id FROM conversations WHERE id=$1`, [conversationId]);
  const send = async (text: string): Promise<{ text: string }[]> => {
    const r = await app.app.inject({
      method: 'POST', url: `/v1/chat/${slug}/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().replies;
  };
  return { conversationId, contactId: row!.contact_id, tenantId: row!.tenant_id, send };
}

/** A channel row and a handle on it, as the channels worker would have stored them for a conversation. */
export async function addIdentity(app: TestApp, tenantId: string, contactId: string, conversationId: string | null, handle: string) {
  const [channel] = await app.db.query<{ id: string }>(
    `INSERT INTO channels (tenant_id, type, name, config, secrets) VALUES ($1, 'telegram', 'Telegram', '{}', 'unused') RETURNING id`, [tenantId]);
  await app.db.query(
    `INSERT INTO channel_identities (tenant_id, channel_id, handle, contact_id, conversation_id) VALUES ($1,$2,$3,$4,$5)`,
    [tenantId, channel!.id, encryptSame(handle), contactId, conversationId]); // as the channels module stores a handle
  return channel!.id;
}

export const contactOf = async (app: TestApp, conversationId: string) =>
  (await app.db.query<{ contact_id: string }>(`SELECT contact_id FROM conversations WHERE id=$1`, [conversationId]))[0]!.contact_id;
