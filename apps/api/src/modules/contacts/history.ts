import type { ChannelIdentity, ContactEvent } from '@frontdesk/contracts';
import { decryptField, encryptSameAll } from '../../platform/crypto/fields';
import { openDetails, sealDetails } from '../../platform/crypto/sealed-details';
import type { Queryable } from '../../platform/db/database';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';

/** For key rotation: history details. */
export const encryptedHistory: EncryptedTable = { table: 'contact_events', key: ['id'], columns: [], json: ['detail'] };

type Kind = ContactEvent['kind'];

/** The contact_events ledger and the rows that belong to a contact (conversations, channel handles). */
export function contactHistory(db: Queryable) {
  return {
    async record(tenantId: string, contactId: string, kind: Kind, detail: Record<string, unknown>, channelId: string | null = null, at?: Date) {
      await db.query(
        `INSERT INTO contact_events (tenant_id, contact_id, kind, channel_id, detail, at) VALUES ($1,$2,$3,$4,$5, coalesce($6, now()))`,
        [tenantId, contactId, kind, channelId, JSON.stringify(sealDetails(detail)), at ?? null]);
    },
    async events(tenantId: string, contactId: string): Promise<ContactEvent[]> {
      const rows = await db.query<{ kind: Kind; channel_id: string | null; detail: Record<string, unknown>; at: Date }>(
        `SELECT kind, channel_id, detail, at FROM contact_events WHERE tenant_id=$1 AND contact_id=$2 ORDER BY at, id`, [tenantId, contactId]);
      return rows.map((r) => ({ kind: r.kind, channelId: r.channel_id, detail: openDetails(r.detail), at: r.at.toISOString() }));
    },
    async identities(tenantId: string, contactId: string): Promise<ChannelIdentity[]> {
      const rows = await db.query<{ channel_id: string; handle: string; conversation_id: string | null; status: ChannelIdentity['status'] }>(
        `SELECT channel_id, handle, conversation_id, status FROM channel_identities WHERE tenant_id=$1 AND contact_id=$2
          ORDER BY channel_id, handle`, [tenantId, contactId]);
      return rows.map((r) => ({ channelId: r.channel_id, handle: decryptField(r.handle), conversationId: r.conversation_id, status: r.status }));
    },
    /** Conversations, channel handles and past events of one contact become another's. */
    async moveAll(tenantId: string, fromId: string, toId: string): Promise<{ conversations: number; identities: number }> {
      const conversations = await db.query(
        `UPDATE conversations SET contact_id=$3 WHERE tenant_id=$1 AND contact_id=$2 RETURNING id`, [tenantId, fromId, toId]);
      const identities = await db.query(
        `UPDATE channel_identities SET contact_id=$3 WHERE tenant_id=$1 AND contact_id=$2 RETURNING handle`, [tenantId, fromId, toId]);
      await db.query(`UPDATE contact_events SET contact_id=$3 WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, fromId, toId]);
      await db.query(`UPDATE contact_consents SET contact_id=$3 WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, fromId, toId]);
      return { conversations: conversations.length, identities: identities.length };
    },
    /** One handle, and the conversation it opened, become another contact's. */
    async moveIdentity(tenantId: string, from: string, channelId: string, handle: string, to: string): Promise<string | null | undefined> {
      const [row] = await db.query<{ conversation_id: string | null }>(
        `UPDATE channel_identities SET contact_id=$5 WHERE tenant_id=$1 AND channel_id=$2 AND handle = ANY($3::text[]) AND contact_id=$4
          RETURNING conversation_id`, [tenantId, channelId, encryptSameAll(handle), from, to]);
      if (!row) return undefined;
      if (row.conversation_id) {
        await db.query(`UPDATE conversations SET contact_id=$4 WHERE tenant_id=$1 AND id=$2 AND contact_id=$3`,
          [tenantId, row.conversation_id, from, to]);
      }
      return row.conversation_id;
    },
    /** The contact a channel handle belongs to (a provider's opt-out signal names the handle). */
    async contactOfHandle(tenantId: string, channelId: string, handle: string): Promise<string | undefined> {
      const [row] = await db.query<{ contact_id: string }>(
        `SELECT contact_id FROM channel_identities WHERE tenant_id=$1 AND channel_id=$2 AND handle = ANY($3::text[])`, [tenantId, channelId, encryptSameAll(handle)]);
      return row?.contact_id;
    },
  };
}
