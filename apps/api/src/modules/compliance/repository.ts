import type { ErasureRequest } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toRequest = (r: any): ErasureRequest => ({
  id: r.id, contactId: r.contact_id, status: r.status, source: r.source, reason: r.reason, requestedBy: r.requested_by,
  requestedAt: r.requested_at.toISOString(), decidedBy: r.decided_by, decidedAt: r.decided_at?.toISOString() ?? null,
  decisionNote: r.decision_note, pseudonym: r.pseudonym,
  receipt: r.receipt ? { counts: r.receipt.counts, completedAt: r.decided_at.toISOString() } : null,
});

export interface NewRequest { contactId: string; reason: string | null; source: 'staff' | 'customer'; requestedBy: Record<string, unknown>; at: Date }

/** The erasure_requests table. */
export function erasureRepository(db: Queryable) {
  return {
    /** Inserts a pending request, or returns the one already pending for this contact. */
    async insert(tenantId: string, r: NewRequest): Promise<{ created: boolean; request: ErasureRequest }> {
      const [row] = await db.query(
        `INSERT INTO erasure_requests (tenant_id, contact_id, reason, source, requested_by, requested_at) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (tenant_id, contact_id) WHERE status = 'pending' DO NOTHING RETURNING *`,
        [tenantId, r.contactId, r.reason, r.source, JSON.stringify(r.requestedBy), r.at]);
      if (row) return { created: true, request: toRequest(row) };
      const [pending] = await db.query(`SELECT * FROM erasure_requests WHERE tenant_id=$1 AND contact_id=$2 AND status = 'pending'`, [tenantId, r.contactId]);
      return { created: false, request: toRequest(pending) };
    },
    /** The contact a conversation belongs to (every conversation has one). */
    async contactOfConversation(tenantId: string, conversationId: string): Promise<string | undefined> {
      const [row] = await db.query<{ contact_id: string | null }>(`SELECT contact_id FROM conversations WHERE tenant_id=$1 AND id=$2`, [tenantId, conversationId]);
      return row?.contact_id ?? undefined;
    },
    async get(tenantId: string, id: string, forUpdate = false): Promise<ErasureRequest | undefined> {
      const [row] = await db.query(`SELECT * FROM erasure_requests WHERE tenant_id=$1 AND id=$2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toRequest(row);
    },
    async list(tenantId: string, status: string | undefined, limit: number): Promise<ErasureRequest[]> {
      const rows = await db.query(`SELECT * FROM erasure_requests WHERE tenant_id=$1 AND ($2::text IS NULL OR status = $2)
        ORDER BY requested_at DESC, id DESC LIMIT $3`, [tenantId, status ?? null, limit]);
      return rows.map(toRequest);
    },
    async decide(tenantId: string, id: string, d: { status: 'rejected' | 'completed'; by: Record<string, unknown>; at: Date; note: string | null;
      pseudonym?: string; counts?: Record<string, number> }): Promise<ErasureRequest> {
      const [row] = await db.query(
        `UPDATE erasure_requests SET status=$3, decided_by=$4, decided_at=$5, decision_note=$6, pseudonym=$7, receipt=$8
          WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, d.status, JSON.stringify(d.by), d.at, d.note, d.pseudonym ?? null, d.counts ? JSON.stringify({ counts: d.counts }) : null]);
      return toRequest(row);
    },
    /** Locks the contact row for the erasure; undefined if there is no such contact. */
    async lockContact(tenantId: string, contactId: string): Promise<{ erased: boolean } | undefined> {
      const [row] = await db.query<{ erased_at: Date | null }>(`SELECT erased_at FROM contacts WHERE tenant_id=$1 AND id=$2 FOR UPDATE`, [tenantId, contactId]);
      return row && { erased: row.erased_at !== null };
    },
    async locale(tenantId: string): Promise<string> {
      const [row] = await db.query<{ locale: string }>(`SELECT locale FROM tenants WHERE id=$1`, [tenantId]);
      return row?.locale ?? 'en';
    },
  };
}
