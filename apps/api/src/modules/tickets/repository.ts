import type { Ticket, TicketEvent, TicketPriority, TicketSettings, TicketStatus } from '@frontdesk/contracts';
import { settingsTable } from '../../platform/db/settings-table';
import { decryptField, encryptField } from '../../platform/crypto/fields';
import { openDetails, sealDetails } from '../../platform/crypto/sealed-details';
import type { Queryable } from '../../platform/db/database';
import type { TicketState } from './domain/lifecycle';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';

/** For key rotation: subjects, notes and rating comments. */
export const encryptedTickets: EncryptedTable[] = [
  { table: 'tickets', columns: ['subject'] }, { table: 'ticket_events', key: ['id'], columns: [], json: ['detail'] },
  { table: 'ticket_ratings', key: ['tenant_id', 'ticket_id', 'resolution'], columns: ['comment'] },
];

export interface TicketRecord extends TicketState {
  id: string; conversationId: string; contactId: string | null; subject: string; source: Ticket['source']; updatedAt: number;
}
export interface NewTicket {
  conversationId: string; contactId: string | null; subject: string; priority: TicketPriority;
  assigneeId: string | null; source: Ticket['source']; at: number;
}
export interface TicketFilter { status?: TicketStatus; assigneeId?: string; conversationId?: string; limit: number }
export interface Rating { rating: number; comment: string | null; ratedAt: string; resolution: number }

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toRecord = (r: any): TicketRecord => ({
  id: r.id, conversationId: r.conversation_id, contactId: r.contact_id, subject: decryptField(r.subject), source: r.source,
  status: r.status, priority: r.priority, assigneeId: r.assignee_id, resolution: r.resolution,
  openedAt: r.opened_at.getTime(), firstResponseAt: ms(r.first_response_at), firstResponseMs: r.first_response_ms,
  resolvedAt: ms(r.resolved_at), closedAt: ms(r.closed_at), resolveMs: r.resolve_ms, resolutions: r.resolutions,
  updatedAt: r.updated_at.getTime(),
});

/** The API's view of a ticket and its latest rating. */
export const toTicket = (t: TicketRecord, satisfaction: Rating | null): Ticket => ({
  id: t.id, conversationId: t.conversationId, contactId: t.contactId, subject: t.subject, status: t.status, priority: t.priority,
  assigneeId: t.assigneeId, source: t.source, resolution: t.resolution, openedAt: iso(t.openedAt)!, firstResponseAt: iso(t.firstResponseAt),
  resolvedAt: iso(t.resolvedAt), closedAt: iso(t.closedAt), timeToFirstResponseMs: t.firstResponseMs, timeToResolveMs: t.resolveMs,
  resolutions: t.resolutions, satisfaction, updatedAt: iso(t.updatedAt)!,
});

export function ticketsRepository(db: Queryable) {
  return {
    async insert(tenantId: string, t: NewTicket): Promise<TicketRecord> {
      const [row] = await db.query(
        `INSERT INTO tickets (tenant_id, conversation_id, contact_id, subject, priority, assignee_id, source, opened_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING *`,
        [tenantId, t.conversationId, t.contactId, encryptField(t.subject), t.priority, t.assigneeId, t.source, new Date(t.at)]);
      return toRecord(row);
    },
    async get(tenantId: string, id: string, forUpdate = false): Promise<TicketRecord | undefined> {
      const [row] = await db.query(`SELECT * FROM tickets WHERE tenant_id=$1 AND id=$2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toRecord(row);
    },
    /** The conversation's newest ticket that is not closed (open, pending or resolved), locked. */
    async latestNotClosed(tenantId: string, conversationId: string): Promise<TicketRecord | undefined> {
      const [row] = await db.query(
        `SELECT * FROM tickets WHERE tenant_id=$1 AND conversation_id=$2 AND status <> 'closed'
          ORDER BY status IN ('open', 'pending') DESC, opened_at DESC, id DESC LIMIT 1 FOR UPDATE`, [tenantId, conversationId]);
      return row && toRecord(row);
    },
    /** Tickets in progress (open or pending) of a conversation whose first response is still due, created before `before` (database time). */
    async awaitingFirstResponse(tenantId: string, conversationId: string, before: Date): Promise<TicketRecord[]> {
      const rows = await db.query(
        `SELECT * FROM tickets WHERE tenant_id=$1 AND conversation_id=$2 AND status IN ('open', 'pending')
            AND first_response_at IS NULL AND created_at <= $3 FOR UPDATE`, [tenantId, conversationId, before]);
      return rows.map(toRecord);
    },
    async save(tenantId: string, t: TicketRecord, now: number): Promise<TicketRecord> {
      const [row] = await db.query(
        `UPDATE tickets SET status=$3, priority=$4, assignee_id=$5, resolution=$6, first_response_at=$7, first_response_ms=$8,
                resolved_at=$9, resolve_ms=$10, closed_at=$11, resolutions=$12, contact_id=$13, updated_at=$14
          WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, t.id, t.status, t.priority, t.assigneeId, t.resolution, date(t.firstResponseAt), t.firstResponseMs,
          date(t.resolvedAt), t.resolveMs, date(t.closedAt), t.resolutions, t.contactId, new Date(now)]);
      return toRecord(row);
    },
    /** Newest first. */
    async list(tenantId: string, f: TicketFilter): Promise<TicketRecord[]> {
      const rows = await db.query(
        `SELECT * FROM tickets WHERE tenant_id=$1 AND ($2::text IS NULL OR status=$2)
            AND ($3::uuid IS NULL OR assignee_id=$3) AND ($4::uuid IS NULL OR conversation_id=$4)
          ORDER BY opened_at DESC, id DESC LIMIT $5`,
        [tenantId, f.status ?? null, f.assigneeId ?? null, f.conversationId ?? null, f.limit]);
      return rows.map(toRecord);
    },
    /** Serialises the tickets of one conversation (two complaints at once make one ticket). */
    async lockConversation(tenantId: string, conversationId: string): Promise<void> {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('ticket:' || $1 || ':' || $2))`, [tenantId, conversationId]);
    },

    async record(tenantId: string, ticketId: string, e: { kind: TicketEvent['kind']; actor: TicketEvent['actor']; detail: Record<string, unknown>; at: number; sourceEventId?: number }) {
      await db.query(
        `INSERT INTO ticket_events (tenant_id, ticket_id, kind, actor, detail, source_event_id, at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [tenantId, ticketId, e.kind, e.actor, JSON.stringify(sealDetails(e.detail)), e.sourceEventId ?? null, new Date(e.at)]);
    },
    /** Whether a bus event was already acted on (a redelivery). */
    async handled(tenantId: string, sourceEventId: number): Promise<boolean> {
      const rows = await db.query(`SELECT 1 FROM ticket_events WHERE tenant_id=$1 AND source_event_id=$2 LIMIT 1`, [tenantId, sourceEventId]);
      return rows.length > 0;
    },
    async history(tenantId: string, ticketId: string): Promise<TicketEvent[]> {
      const rows = await db.query<{ kind: TicketEvent['kind']; actor: TicketEvent['actor']; detail: Record<string, unknown>; at: Date }>(
        `SELECT kind, actor, detail, at FROM ticket_events WHERE tenant_id=$1 AND ticket_id=$2 ORDER BY id`, [tenantId, ticketId]);
      return rows.map((r) => ({ kind: r.kind, actor: r.actor, detail: openDetails(r.detail), at: r.at.toISOString() }));
    },

    /** The first rating of this resolution; false when it already had one. */
    async rate(tenantId: string, ticketId: string, r: Rating & { conversationId: string | null }): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO ticket_ratings (tenant_id, ticket_id, resolution, rating, comment, conversation_id, rated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING RETURNING resolution`,
        [tenantId, ticketId, r.resolution, r.rating, encryptField(r.comment), r.conversationId, r.ratedAt]);
      return rows.length > 0;
    },
    /** The latest rating of each ticket. */
    async ratings(tenantId: string, ticketIds: string[]): Promise<Map<string, Rating>> {
      const rows = await db.query<{ ticket_id: string; rating: number; comment: string | null; rated_at: Date; resolution: number }>(
        `SELECT DISTINCT ON (ticket_id) ticket_id, rating, comment, rated_at, resolution FROM ticket_ratings
          WHERE tenant_id=$1 AND ticket_id = ANY($2::uuid[]) ORDER BY ticket_id, resolution DESC`, [tenantId, ticketIds]);
      return new Map(rows.map((r) => [r.ticket_id, { rating: r.rating, comment: decryptField(r.comment), ratedAt: r.rated_at.toISOString(), resolution: r.resolution }]));
    },

    settings: (tenantId: string): Promise<unknown> => settingsTable(db, 'ticket_settings').get(tenantId),
    saveSettings: (tenantId: string, settings: TicketSettings): Promise<void> => settingsTable(db, 'ticket_settings').save(tenantId, settings),
  };
}

const date = (t: number | null): Date | null => (t === null ? null : new Date(t));
