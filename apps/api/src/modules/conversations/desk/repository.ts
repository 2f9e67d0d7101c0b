import type { Queryable } from '../../../platform/db/database';
import { decryptField, encryptField } from '../../../platform/crypto/fields';
import { toConversation, type ConversationRow } from '../repository';
import { QUEUES, type Queue } from '../domain/desk';

export interface NoteRow { id: string; conversationId: string; authorId: string | null; text: string; createdAt: string }
export interface QueueScope { now: Date; userId: string | null; breached: string[]; tag?: string | undefined }

/*
 * The queues as SQL over `c` (a conversation with the direction of its newest message).
 * $2 the app's now, $3 the signed-in staff member (null for an API key: "mine" is then empty),
 * $4 the conversations whose lead has a running SLA breach (from the leads module).
 */
const WHERE: Record<Queue, string> = {
  all: 'true',
  open: `c.last_message_at > $2::timestamptz - interval '30 days' AND coalesce(c.state->>'stage', '') <> 'opted_out'`,
  mine: 'c.assignee_id = $3::uuid',
  unassigned: 'c.assignee_id IS NULL',
  waiting: `(c.handled_by = 'assistant' OR c.human_until <= $2::timestamptz) AND c.last_direction = 'in'`,
  breached: 'c.id = ANY($4::uuid[])',
};
// `params` names every parameter's type, whether or not the queue's condition uses it.
const SCOPED = `WITH params AS (SELECT $1::uuid, $2::timestamptz, $3::uuid, $4::uuid[]), c AS (
  SELECT c.*, (SELECT m.direction FROM messages m WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) AS last_direction
    FROM conversations c WHERE c.tenant_id = $1 AND c.channel <> 'test')`; // staff's test chats stay out of the inbox
const params = (tenantId: string, s: QueueScope) => [tenantId, s.now, s.userId, s.breached];

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toNote = (r: any): NoteRow => ({
  id: r.id, conversationId: r.conversation_id, authorId: r.author_id, text: decryptField(r.text), createdAt: r.created_at.toISOString(),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The inbox as a team's queue: assignment, tags, private notes and the queues' lists. */
export function deskRepository(db: Queryable) {
  return {
    async list(tenantId: string, queue: Queue, scope: QueueScope, limit: number): Promise<ConversationRow[]> {
      const rows = await db.query(
        `${SCOPED} SELECT * FROM c WHERE ${WHERE[queue]} AND ($5::text IS NULL OR $5 = ANY(c.tags)) ORDER BY c.last_message_at DESC, c.id LIMIT $6`,
        [...params(tenantId, scope), scope.tag ?? null, limit], `conversations-queue-${queue}`);
      return rows.map(toConversation);
    },
    async counts(tenantId: string, scope: QueueScope): Promise<Record<Queue, number>> {
      const columns = QUEUES.map((q) => `count(*) FILTER (WHERE ${WHERE[q]})::int AS "${q}"`).join(', ');
      const [row] = await db.query<Record<Queue, number>>(`${SCOPED} SELECT ${columns} FROM c`, params(tenantId, scope), 'conversations-queue-counts');
      return row!;
    },
    /**
     * Sets what is given (the assignee, the tags) in one statement; false when the conversation does
     * not exist. A non-member assignee fails the foreign key (23503).
     */
    async update(tenantId: string, id: string, patch: { assigneeId?: string | null | undefined; tags?: string[] | undefined }): Promise<boolean> {
      const rows = await db.query(
        `UPDATE conversations SET assignee_id = CASE WHEN $3 THEN $4::uuid ELSE assignee_id END, tags = coalesce($5::text[], tags)
          WHERE tenant_id = $1 AND id = $2 RETURNING 1`,
        [tenantId, id, patch.assigneeId !== undefined, patch.assigneeId ?? null, patch.tags ?? null]);
      return rows.length > 0;
    },
    /** Taking over a conversation nobody has makes it yours. */
    async claim(tenantId: string, id: string, userId: string): Promise<void> {
      await db.query(`UPDATE conversations SET assignee_id = $3 WHERE tenant_id = $1 AND id = $2 AND assignee_id IS NULL`, [tenantId, id, userId]);
    },
    async addNote(tenantId: string, conversationId: string, authorId: string | null, text: string): Promise<NoteRow> {
      const [row] = await db.query(
        `INSERT INTO conversation_notes (tenant_id, conversation_id, author_id, text) VALUES ($1, $2, $3, $4) RETURNING *`,
        [tenantId, conversationId, authorId, encryptField(text)]);
      return toNote(row);
    },
    async notes(tenantId: string, conversationId: string): Promise<NoteRow[]> {
      const rows = await db.query(
        `SELECT * FROM conversation_notes WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY created_at, id LIMIT 500`, [tenantId, conversationId]);
      return rows.map(toNote);
    },
  };
}
