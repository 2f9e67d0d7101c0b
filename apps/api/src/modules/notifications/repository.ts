import { openDetails, sealDetails } from '../../platform/crypto/sealed-details';
import type { Queryable } from '../../platform/db/database';
import { settingsTable } from '../../platform/db/settings-table';
import type { NoticeKind, PlannedNotice } from './domain/plan';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';

/** For key rotation: notice variables. */
export const encryptedNotices: EncryptedTable = { table: 'notices', columns: [], json: ['variables'] };

export interface NoticeRow {
  id: string; tenantId: string; key: string; kind: NoticeKind; bookingId: string | null; contactId: string | null; ref: string | null;
  variables: Record<string, string>; dueAt: Date; status: 'scheduled' | 'sent' | 'skipped' | 'cancelled' | 'failed'; reason: string | null;
  conversationId: string | null; messageId: string | null; channelType: string | null; viaTemplate: boolean; attempts: number;
  createdAt: Date; updatedAt: Date;
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toNotice = (r: any): NoticeRow => ({
  id: r.id, tenantId: r.tenant_id, key: r.key, kind: r.kind, bookingId: r.booking_id, contactId: r.contact_id, ref: r.ref,
  variables: openDetails(r.variables) as Record<string, string>, dueAt: r.due_at, status: r.status, reason: r.reason, conversationId: r.conversation_id,
  messageId: r.message_id, channelType: r.channel_type, viaTemplate: r.via_template, attempts: r.attempts,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export function notificationsRepository(db: Queryable) {
  return {
    /**
     * Makes a booking's scheduled reminders and thank-you exactly `planned`: the ones no longer
     * planned are cancelled, new ones added, a cancelled one planned again comes back.
     */
    async reconcileBooking(tenantId: string, bookingId: string, planned: PlannedNotice[], reason: string): Promise<void> {
      await db.query(
        `UPDATE notices SET status = 'cancelled', reason = $4, updated_at = now()
          WHERE tenant_id = $1 AND booking_id = $2 AND status = 'scheduled' AND kind IN ('booking_reminder', 'booking_thank_you')
            AND NOT (key = ANY($3::text[]))`, [tenantId, bookingId, planned.map((p) => p.key), reason]);
      if (planned.length) await this.schedule(tenantId, planned.map((p) => ({ ...p, bookingId })), true);
    },
    /** Schedules notices by business key: a key seen before is never scheduled twice. */
    async schedule(tenantId: string, notices: (PlannedNotice & {
      bookingId?: string; contactId?: string; conversationId?: string; ref?: string; variables?: Record<string, string>;
    })[],
      revive = false): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO notices (tenant_id, key, kind, booking_id, contact_id, conversation_id, ref, variables, due_at)
         SELECT $1, n.key, n.kind, n.booking_id, n.contact_id, n.conversation_id, n.ref, coalesce(n.variables, '{}'), n.due_at
           FROM jsonb_to_recordset($2::jsonb)
             AS n(key text, kind text, booking_id uuid, contact_id uuid, conversation_id uuid, ref text, variables jsonb, due_at timestamptz)
         ON CONFLICT (tenant_id, key) DO UPDATE SET status = 'scheduled', reason = NULL, updated_at = now()
           WHERE $3 AND notices.status = 'cancelled'
         RETURNING id`,
        [tenantId, JSON.stringify(notices.map((n) => ({
          key: n.key, kind: n.kind, booking_id: n.bookingId ?? null, contact_id: n.contactId ?? null,
          conversation_id: n.conversationId ?? null, ref: n.ref ?? null,
          variables: sealDetails(n.variables ?? {}), due_at: new Date(n.dueAt).toISOString(),
        }))), revive]);
      return rows.map((r) => r.id);
    },
    async byKey(tenantId: string, key: string): Promise<NoticeRow | undefined> {
      const [row] = await db.query(`SELECT * FROM notices WHERE tenant_id = $1 AND key = $2`, [tenantId, key]);
      return row && toNotice(row);
    },
    /** Due notices across tenants, oldest first. */
    async due(now: Date, limit: number): Promise<{ tenantId: string; id: string }[]> {
      const rows = await db.query<{ tenant_id: string; id: string }>(
        `SELECT tenant_id, id FROM notices WHERE status = 'scheduled' AND due_at <= $1 ORDER BY due_at LIMIT $2`, [now, limit]);
      return rows.map((r) => ({ tenantId: r.tenant_id, id: r.id }));
    },
    /** The notice, locked for sending; nobody else sends it meanwhile, and a sent one is never sent again. */
    async claim(tenantId: string, id: string): Promise<NoticeRow | undefined> {
      const [row] = await db.query(
        `SELECT * FROM notices WHERE tenant_id = $1 AND id = $2 AND status = 'scheduled' FOR UPDATE SKIP LOCKED`, [tenantId, id]);
      return row && toNotice(row);
    },
    async finish(tenantId: string, id: string, outcome: {
      status: 'sent' | 'skipped' | 'failed'; reason?: string; contactId?: string; conversationId?: string; messageId?: string;
      channelType?: string; viaTemplate?: boolean;
    }): Promise<void> {
      await db.query(
        `UPDATE notices SET status = $3, reason = $4, contact_id = coalesce($5, contact_id), conversation_id = coalesce($6, conversation_id), message_id = $7,
           channel_type = $8, via_template = $9, attempts = attempts + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, outcome.status, outcome.reason ?? null, outcome.contactId ?? null, outcome.conversationId ?? null,
          outcome.messageId ?? null, outcome.channelType ?? null, outcome.viaTemplate ?? false]);
    },
    /** A send that threw: tried again later, given up after a few attempts. */
    async postpone(tenantId: string, id: string, error: string, maxAttempts: number): Promise<void> {
      await db.query(
        `UPDATE notices SET attempts = attempts + 1, reason = $3, updated_at = now(),
           due_at = due_at + make_interval(secs => least(2 ^ (attempts + 1), 300)),
           status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE status END
          WHERE tenant_id = $1 AND id = $2 AND status = 'scheduled'`, [tenantId, id, error.slice(0, 500), maxAttempts]);
    },
    /** The assistant made this change in the customer's conversation and said so there: no separate notice. */
    async skipSaidInConversation(tenantId: string, bookingId: string): Promise<void> {
      await db.query(`UPDATE notices SET status = 'skipped', reason = 'said in the conversation', updated_at = now()
        WHERE tenant_id = $1 AND booking_id = $2 AND status = 'scheduled'
          AND kind IN ('booking_confirmation', 'booking_rescheduled', 'booking_cancelled')`, [tenantId, bookingId]);
    },
    async ofBooking(tenantId: string, bookingId: string): Promise<NoticeRow[]> {
      return (await db.query(`SELECT * FROM notices WHERE tenant_id = $1 AND booking_id = $2 ORDER BY due_at, created_at`, [tenantId, bookingId])).map(toNotice);
    },
    async link(tenantId: string, bookingId: string, conversationId: string, contactId: string | null, saidAt: Date | null): Promise<void> {
      await db.query(
        `INSERT INTO booking_links (tenant_id, booking_id, conversation_id, contact_id, said_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, booking_id) DO UPDATE SET said_at = greatest(booking_links.said_at, EXCLUDED.said_at)`,
        [tenantId, bookingId, conversationId, contactId, saidAt]);
    },
    async linkOf(tenantId: string, bookingId: string): Promise<{ conversationId: string; contactId: string | null; saidAt: Date | null } | undefined> {
      const [row] = await db.query<{ conversation_id: string; contact_id: string | null; said_at: Date | null }>(
        `SELECT conversation_id, contact_id, said_at FROM booking_links WHERE tenant_id = $1 AND booking_id = $2`, [tenantId, bookingId]);
      return row && { conversationId: row.conversation_id, contactId: row.contact_id, saidAt: row.said_at };
    },
    settings: (tenantId: string): Promise<unknown> => settingsTable(db, 'notification_settings').get(tenantId),
    saveSettings: (tenantId: string, settings: unknown): Promise<void> => settingsTable(db, 'notification_settings').save(tenantId, settings),
  };
}
