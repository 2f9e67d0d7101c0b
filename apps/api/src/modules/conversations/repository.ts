import type { AssistantProfile } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import { decryptField, encryptField } from '../../platform/crypto/fields';
import { openState, openTurn, sealState, sealTurn } from './at-rest';
import type { ConversationState, Reply, ReplyOption } from './domain/policy/types';

export interface ConversationRow {
  id: string; tenantId: string; channel: string; tokenHash: string | null; state: ConversationState;
  handledBy: 'assistant' | 'human'; humanUntil: Date | null; lastMessageAt: Date; contactId: string | null; channelId: string | null;
  assigneeId: string | null; tags: string[];
}
export interface MessageRecord {
  id: string; seq: number; direction: 'in' | 'out'; author: 'customer' | 'assistant' | 'staff'; text: string;
  options: ReplyOption[] | null; sources: string[] | null; createdAt: string;
  delivery?: { status: string; at: string; error: { code: string; title: string; detail?: string } | null } | null;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
export const toConversation = (r: any): ConversationRow => ({
  id: r.id, tenantId: r.tenant_id, channel: r.channel, tokenHash: r.token_hash, state: openState(r.state), handledBy: r.handled_by,
  humanUntil: r.human_until, lastMessageAt: r.last_message_at, contactId: r.contact_id, channelId: r.channel_id,
  assigneeId: r.assignee_id ?? null, tags: r.tags ?? [],
});
const toMessage = (r: any): MessageRecord => ({
  id: r.id, seq: Number(r.seq), direction: r.direction, author: r.author, text: decryptField(r.text), options: r.options,
  sources: r.sources, createdAt: r.created_at.toISOString(), delivery: r.delivery ?? null,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface NewMessage {
  direction: 'in' | 'out'; author: 'customer' | 'assistant' | 'staff'; text: string;
  options?: ReplyOption[]; understanding?: unknown; toolCalls?: unknown; sources?: string[]; clientMessageId?: string;
}

export function conversationsRepository(db: Queryable) {
  return {
    async insert(tenantId: string, channel: string, tokenHash: string | null, state: ConversationState, contactId: string | null): Promise<ConversationRow> {
      const [row] = await db.query(
        `INSERT INTO conversations (tenant_id, channel, token_hash, state, contact_id) VALUES ($1,$2,$3,$4,$5) RETURNING *`,
        [tenantId, channel, tokenHash, JSON.stringify(sealState(state)), contactId],
      );
      return toConversation(row);
    },
    async setContact(tenantId: string, id: string, contactId: string): Promise<void> {
      await db.query(`UPDATE conversations SET contact_id=$3 WHERE tenant_id=$1 AND id=$2`, [tenantId, id, contactId]);
    },
    /** A customer message, stored before anything reads it; a repeated clientMessageId stores nothing. */
    async insertPending(tenantId: string, conversationId: string, text: string, clientMessageId?: string): Promise<{ seq: number } | undefined> {
      const [row] = await db.query<{ seq: string }>(
        `INSERT INTO messages (tenant_id, conversation_id, direction, author, text, client_message_id, pending)
         VALUES ($1,$2,'in','customer',$3,$4,true) ON CONFLICT (tenant_id, conversation_id, client_message_id) DO NOTHING RETURNING seq`,
        [tenantId, conversationId, encryptField(text), clientMessageId ?? null], 'messages-insert-pending');
      return row && { seq: Number(row.seq) };
    },
    /** A message from a channel, in the customer's words (or the option they tapped), not yet read. */
    async insertPendingFromChannel(tenantId: string, conversationId: string, m: { text: string; optionId?: string; providerMessageId: string; sentAt: Date }) {
      const [row] = await db.query<{ seq: string }>(
        `INSERT INTO messages (tenant_id, conversation_id, direction, author, text, client_message_id, provider_message_id, option_id, sent_at, pending)
         VALUES ($1,$2,'in','customer',$3,$4,$4,$5,$6,true) ON CONFLICT (tenant_id, conversation_id, client_message_id) DO NOTHING RETURNING seq`,
        [tenantId, conversationId, encryptField(m.text), m.providerMessageId, m.optionId ?? null, m.sentAt]);
      return row && { seq: Number(row.seq) };
    },
    /**
     * A customer message stored unread, and every unread message of the conversation with it, in
     * one statement (the caller holds the conversation's lock). A repeated clientMessageId stores
     * nothing: `seq` is then the first delivery's.
     */
    async storeAndReadPending(tenantId: string, conversationId: string, text: string, clientMessageId?: string) {
      const [row] = await db.query<{ own_seq: string | null; existing_seq: string | null; pending: { seq: number; text: string; optionId: string | null }[] }>(
        `WITH ins AS (
           INSERT INTO messages (tenant_id, conversation_id, direction, author, text, client_message_id, pending)
           VALUES ($1,$2,'in','customer',$3,$4,true)
           ON CONFLICT (tenant_id, conversation_id, client_message_id) DO NOTHING
           RETURNING seq, text, option_id, created_at)
         SELECT (SELECT seq FROM ins) AS own_seq,
                (SELECT seq FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND client_message_id=$4) AS existing_seq,
                coalesce((SELECT jsonb_agg(jsonb_build_object('seq', p.seq, 'text', p.text, 'optionId', p.option_id) ORDER BY p.at, p.seq)
                  FROM (SELECT seq, text, option_id, coalesce(sent_at, created_at) AS at FROM messages
                         WHERE tenant_id=$1 AND conversation_id=$2 AND pending
                        UNION ALL SELECT seq, text, option_id, created_at FROM ins) p), '[]'::jsonb) AS pending`,
        [tenantId, conversationId, encryptField(text), clientMessageId ?? null], 'messages-store-read-pending');
      return { seq: Number(row!.own_seq ?? row!.existing_seq), pending: row!.pending.map((m) => ({ ...m, seq: Number(m.seq), text: decryptField(m.text) })) };
    },
    /** Unread customer messages in the order the customer sent them. */
    async pendingMessages(tenantId: string, conversationId: string): Promise<{ seq: number; text: string; optionId: string | null }[]> {
      const rows = await db.query<{ seq: string; text: string; option_id: string | null }>(
        `SELECT seq, text, option_id FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND pending
          ORDER BY coalesce(sent_at, created_at), seq`,
        [tenantId, conversationId], 'messages-pending');
      return rows.map((r) => ({ seq: Number(r.seq), text: decryptField(r.text), optionId: r.option_id }));
    },
    async insertForChannel(tenantId: string, channel: string, channelId: string, state: ConversationState, contactId: string): Promise<ConversationRow> {
      const [row] = await db.query(
        `INSERT INTO conversations (tenant_id, channel, channel_id, state, contact_id) VALUES ($1,$2,$3,$4,$5) RETURNING *`,
        [tenantId, channel, channelId, JSON.stringify(sealState(state)), contactId]);
      return toConversation(row);
    },
    /** Marks the burst as read; the last message keeps what the turn understood and which tools it used. */
    async markRead(tenantId: string, conversationId: string, lastSeq: number, turn: { understanding?: unknown; toolCalls?: unknown }): Promise<void> {
      await db.query(
        `UPDATE messages SET pending = false,
                understanding = CASE WHEN seq = $3 THEN $4::jsonb END, tool_calls = CASE WHEN seq = $3 THEN $5::jsonb END
          WHERE tenant_id=$1 AND conversation_id=$2 AND pending AND seq <= $3`,
        [tenantId, conversationId, lastSeq, sealTurn(turn.understanding), sealTurn(turn.toolCalls)], 'messages-mark-read');
    },
    /** Conversations with a message nobody read for this long (its request died). */
    async strandedConversations(olderThanMs: number): Promise<{ tenantId: string; conversationId: string }[]> {
      const rows = await db.query<{ tenant_id: string; conversation_id: string }>(
        `SELECT DISTINCT tenant_id, conversation_id FROM messages
          WHERE pending AND created_at < now() - make_interval(secs => $1::float8 / 1000) LIMIT 500`, [olderThanMs]);
      return rows.map((r) => ({ tenantId: r.tenant_id, conversationId: r.conversation_id }));
    },
    /** Locks the conversation for this transaction: turns of one conversation run one at a time. */
    async lock(tenantId: string, id: string): Promise<ConversationRow | undefined> {
      const [row] = await db.query(`SELECT * FROM conversations WHERE tenant_id=$1 AND id=$2 FOR UPDATE`, [tenantId, id]);
      return row && toConversation(row);
    },
    async get(tenantId: string, id: string): Promise<ConversationRow | undefined> {
      const [row] = await db.query(`SELECT * FROM conversations WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
      return row && toConversation(row);
    },
    async list(tenantId: string, limit: number) {
      // Staff's test chats are not customers' conversations: they stay out of the inbox.
      const rows = await db.query(`SELECT * FROM conversations WHERE tenant_id=$1 AND channel <> 'test' ORDER BY last_message_at DESC LIMIT $2`, [tenantId, limit]);
      return rows.map(toConversation);
    },
    async setHandler(tenantId: string, id: string, handledBy: 'assistant' | 'human', until: Date | null): Promise<void> {
      await db.query(`UPDATE conversations SET handled_by=$3, human_until=$4 WHERE tenant_id=$1 AND id=$2`, [tenantId, id, handledBy, until]);
    },
    /** Stores a message; a repeated clientMessageId stores nothing and returns undefined. */
    async texts(tenantId: string, ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await db.query<{ id: string; text: string }>(`SELECT id, text FROM messages WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
      return new Map(rows.map((r) => [r.id, decryptField(r.text)]));
    },
    async setAwaiting(tenantId: string, id: string, awaiting: ConversationState['awaiting'] | null): Promise<void> {
      await db.query(`UPDATE conversations SET state = CASE WHEN $3::jsonb IS NULL THEN state - 'awaiting' ELSE jsonb_set(state, '{awaiting}', $3::jsonb) END,
        version = version + 1 WHERE tenant_id=$1 AND id=$2`, [tenantId, id, awaiting ? JSON.stringify(awaiting) : null]);
    },
    async insertMessage(tenantId: string, conversationId: string, m: {
      direction: 'in' | 'out'; author: 'customer' | 'assistant' | 'staff'; text: string;
      options?: Reply['options']; understanding?: unknown; sources?: string[]; clientMessageId?: string;
    }): Promise<MessageRecord | undefined> {
      const [row] = await db.query(
        `INSERT INTO messages (tenant_id, conversation_id, direction, author, text, options, understanding, sources, client_message_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (tenant_id, conversation_id, client_message_id) DO NOTHING RETURNING *`,
        [tenantId, conversationId, m.direction, m.author, encryptField(m.text), m.options ? JSON.stringify(m.options) : null,
          sealTurn(m.understanding), m.sources ? JSON.stringify(m.sources) : null, m.clientMessageId ?? null],
      );
      return row && toMessage(row);
    },
    /**
     * The end of a turn in one statement: the new state, the burst marked read (its last message
     * keeping what was understood and which tools ran), and the replies, in order.
     */
    async finishTurn(tenantId: string, conversationId: string, turn: {
      state: ConversationState; lastSeq: number; understanding: unknown; toolCalls: unknown; replies: NewMessage[];
    }): Promise<MessageRecord[]> {
      const rows = await db.query(
        `WITH saved AS (
           UPDATE conversations SET state=$3, last_message_at=now(), version=version+1 WHERE tenant_id=$1 AND id=$2
         ), read AS (
           UPDATE messages SET pending = false,
                  understanding = CASE WHEN seq = $4 THEN $5::jsonb END, tool_calls = CASE WHEN seq = $4 THEN $6::jsonb END
            WHERE tenant_id=$1 AND conversation_id=$2 AND pending AND seq <= $4
         )
         INSERT INTO messages (tenant_id, conversation_id, direction, author, text, options, sources)
         SELECT $1, $2, 'out', 'assistant', m.text, m.options, m.sources
           FROM ROWS FROM (jsonb_to_recordset($7::jsonb) AS (text text, options jsonb, sources jsonb)) WITH ORDINALITY AS m(text, options, sources, n)
          ORDER BY m.n
         RETURNING *`,
        [tenantId, conversationId, JSON.stringify(sealState(turn.state)), turn.lastSeq, sealTurn(turn.understanding),
          sealTurn(turn.toolCalls), JSON.stringify(turn.replies.map((r) => ({ text: encryptField(r.text), options: r.options ?? null, sources: r.sources ?? null })))],
        'turn-finish');
      return rows.map(toMessage).sort((a, b) => a.seq - b.seq);
    },
    async profile(tenantId: string): Promise<AssistantProfile | undefined> {
      const [row] = await db.query<{ profile: AssistantProfile }>(`SELECT profile FROM assistant_profiles WHERE tenant_id=$1`, [tenantId]);
      return row?.profile;
    },
    async saveProfile(tenantId: string, profile: AssistantProfile): Promise<void> {
      await db.query(
        `INSERT INTO assistant_profiles (tenant_id, profile) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET profile = EXCLUDED.profile, updated_at = now()`,
        [tenantId, JSON.stringify(profile)]);
    },
    async messageByClientId(tenantId: string, conversationId: string, clientMessageId: string) {
      const [row] = await db.query(`SELECT * FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND client_message_id=$3`,
        [tenantId, conversationId, clientMessageId]);
      return row && toMessage(row);
    },
    async messagesBySeq(tenantId: string, conversationId: string, seqs: number[]): Promise<MessageRecord[]> {
      const rows = await db.query(
        `SELECT * FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND seq = ANY($3::bigint[]) ORDER BY seq`,
        [tenantId, conversationId, seqs]);
      return rows.map(toMessage);
    },
    /** The tool calls recorded with the last customer message before `seq` (the message that ended the turn). */
    async toolCallsBefore(tenantId: string, conversationId: string, seq: number): Promise<unknown[]> {
      const [row] = await db.query<{ tool_calls: unknown }>(
        `SELECT tool_calls FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND direction='in' AND seq < $3 ORDER BY seq DESC LIMIT 1`,
        [tenantId, conversationId, seq]);
      const opened = openTurn(row?.tool_calls);
      return Array.isArray(opened) ? opened : [];
    },
    async messages(tenantId: string, conversationId: string, afterSeq = 0, limit = 200): Promise<MessageRecord[]> {
      const rows = await db.query(
        `SELECT * FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [tenantId, conversationId, afterSeq, limit]);
      return rows.map(toMessage);
    },
  };
}
