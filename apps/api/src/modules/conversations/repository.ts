import type { AssistantProfile } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import type { ConversationState, Reply, ReplyOption } from './domain/policy/types';

export interface ConversationRow {
  id: string; channel: string; tokenHash: string | null; state: ConversationState;
  handledBy: 'assistant' | 'human'; humanUntil: Date | null; lastMessageAt: Date;
}
export interface MessageRecord {
  id: string; seq: number; direction: 'in' | 'out'; author: 'customer' | 'assistant' | 'staff'; text: string;
  options: ReplyOption[] | null; sources: string[] | null; createdAt: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toConversation = (r: any): ConversationRow => ({
  id: r.id, channel: r.channel, tokenHash: r.token_hash, state: r.state, handledBy: r.handled_by,
  humanUntil: r.human_until, lastMessageAt: r.last_message_at,
});
const toMessage = (r: any): MessageRecord => ({
  id: r.id, seq: r.seq, direction: r.direction, author: r.author, text: r.text, options: r.options,
  sources: r.sources, createdAt: r.created_at.toISOString(),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface NewMessage {
  direction: 'in' | 'out'; author: 'customer' | 'assistant' | 'staff'; text: string;
  options?: ReplyOption[]; understanding?: unknown; toolCalls?: unknown; sources?: string[]; clientMessageId?: string;
}

export function conversationsRepository(db: Queryable) {
  return {
    async insert(tenantId: string, channel: string, tokenHash: string | null, state: ConversationState): Promise<ConversationRow> {
      const [row] = await db.query(
        `INSERT INTO conversations (tenant_id, channel, token_hash, state) VALUES ($1,$2,$3,$4) RETURNING *`,
        [tenantId, channel, tokenHash, JSON.stringify(state)],
      );
      return toConversation(row);
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
      const rows = await db.query(`SELECT * FROM conversations WHERE tenant_id=$1 ORDER BY last_message_at DESC LIMIT $2`, [tenantId, limit]);
      return rows.map(toConversation);
    },
    async saveState(tenantId: string, id: string, state: ConversationState): Promise<void> {
      await db.query(`UPDATE conversations SET state=$3, last_message_at=now(), version=version+1 WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, JSON.stringify(state)]);
    },
    async setHandler(tenantId: string, id: string, handledBy: 'assistant' | 'human', until: Date | null): Promise<void> {
      await db.query(`UPDATE conversations SET handled_by=$3, human_until=$4 WHERE tenant_id=$1 AND id=$2`, [tenantId, id, handledBy, until]);
    },
    /** Stores a message; a repeated clientMessageId stores nothing and returns undefined. */
    async insertMessage(tenantId: string, conversationId: string, m: {
      direction: 'in' | 'out'; author: 'customer' | 'assistant' | 'staff'; text: string;
      options?: Reply['options']; understanding?: unknown; sources?: string[]; clientMessageId?: string;
    }): Promise<MessageRecord | undefined> {
      const [row] = await db.query(
        `INSERT INTO messages (tenant_id, conversation_id, direction, author, text, options, understanding, sources, client_message_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (tenant_id, conversation_id, client_message_id) DO NOTHING RETURNING *`,
        [tenantId, conversationId, m.direction, m.author, m.text, m.options ? JSON.stringify(m.options) : null,
          m.understanding ? JSON.stringify(m.understanding) : null, m.sources ? JSON.stringify(m.sources) : null, m.clientMessageId ?? null],
      );
      return row && toMessage(row);
    },
    /** Several messages in one statement, in order (a turn's inbound message and its replies). */
    async insertMessages(tenantId: string, conversationId: string, messages: NewMessage[]): Promise<void> {
      if (!messages.length) return;
      await db.query(
        `INSERT INTO messages (tenant_id, conversation_id, direction, author, text, options, understanding, tool_calls, sources, client_message_id)
         SELECT $1, $2, m.direction, m.author, m.text, m.options, m.understanding, m.tool_calls, m.sources, m.client_message_id
           FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (direction text, author text, text text, options jsonb,
                understanding jsonb, tool_calls jsonb, sources jsonb, client_message_id text)) WITH ORDINALITY
                AS m(direction, author, text, options, understanding, tool_calls, sources, client_message_id, n)
          ORDER BY m.n`,
        [tenantId, conversationId, JSON.stringify(messages.map((m) => ({
          direction: m.direction, author: m.author, text: m.text, options: m.options ?? null, understanding: m.understanding ?? null,
          tool_calls: m.toolCalls ?? null, sources: m.sources ?? null, client_message_id: m.clientMessageId ?? null,
        })))],
        'messages-insert',
      );
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
    async messages(tenantId: string, conversationId: string, afterSeq = 0, limit = 200): Promise<MessageRecord[]> {
      const rows = await db.query(
        `SELECT * FROM messages WHERE tenant_id=$1 AND conversation_id=$2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [tenantId, conversationId, afterSeq, limit]);
      return rows.map(toMessage);
    },
  };
}
