import { decryptField, encryptField } from '../../../platform/crypto/fields';
import { openDetails } from '../../../platform/crypto/sealed-details';
import type { Queryable } from '../../../platform/db/database';

export interface TimelineItem { id: number; type: string; subjectId: string | null; data: Record<string, unknown>; occurredAt: string }
export interface Note { id: string; text: string; createdAt: string }

/** A lead's notes and everything that happened about it (read from the platform's events table). */
export function timelineRepository(db: Queryable) {
  return {
    async addNote(tenantId: string, leadId: string, text: string, at: Date): Promise<Note> {
      const [row] = await db.query<{ id: string; created_at: Date }>(
        `INSERT INTO lead_notes (tenant_id, lead_id, text, created_at) VALUES ($1, $2, $3, $4) RETURNING id, created_at`, [tenantId, leadId, encryptField(text), at]);
      return { id: row!.id, text, createdAt: row!.created_at.toISOString() };
    },
    async notes(tenantId: string, leadId: string): Promise<Note[]> {
      const rows = await db.query<{ id: string; text: string; created_at: Date }>(
        `SELECT id, text, created_at FROM lead_notes WHERE tenant_id = $1 AND lead_id = $2 ORDER BY created_at, id`, [tenantId, leadId]);
      return rows.map((r) => ({ id: r.id, text: decryptField(r.text), createdAt: r.created_at.toISOString() }));
    },
    /**
     * The lead's own events (lead.*, sla.*), its conversations' messages, its bookings' changes
     * and the payments of its contact, oldest first.
     */
    async events(tenantId: string, leadId: string, contactId: string): Promise<TimelineItem[]> {
      const rows = await db.query<{ id: number; type: string; subject_id: string | null; data: Record<string, unknown>; occurred_at: Date }>(
        `SELECT id, type, subject_id, data, occurred_at FROM events
          WHERE tenant_id = $1 AND (
                subject_id = $2
             OR (type IN ('message.received', 'message.sent')
                 AND subject_id IN (SELECT conversation_id FROM lead_conversations WHERE tenant_id = $1 AND lead_id = $2))
             OR (type LIKE 'booking.%' AND subject_id IN (SELECT booking_id FROM lead_bookings WHERE tenant_id = $1 AND lead_id = $2))
             OR (type LIKE 'payment.%' AND data->>'contactId' = $3))
          ORDER BY occurred_at, id`, [tenantId, leadId, contactId]);
      return rows.map((r) => ({ id: r.id, type: r.type, subjectId: r.subject_id, data: openDetails(r.data), occurredAt: new Date(r.occurred_at).toISOString() }));
    },
  };
}
