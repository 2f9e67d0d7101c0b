import type { Queryable } from '../../../platform/db/database';

export interface TimerRow { conversationId: string; leadId: string; kind: 'first_response' | 'next_response'; startedAt: Date; dueAt: Date }
export interface SilenceRow { conversationId: string; leadId: string; waitingSince: Date }
export interface BreachRow {
  id: string; leadId: string; kind: 'first_response' | 'next_response' | 'leakage'; startedAt: string; breachedAt: string;
  escalatedTo: string | null; conversationId: string | null;
}

/** Response timers and SLA breaches. */
export function timersRepository(db: Queryable) {
  return {
    /** The customer wrote: a timer starts unless one is running, and the silence clock unless one is. */
    async customerWrote(tenantId: string, t: { conversationId: string; leadId: string; at: Date; dueAt: Date; staffOnly: boolean; eventId: number }): Promise<void> {
      await db.query(
        `INSERT INTO lead_timers AS t (tenant_id, conversation_id, lead_id, kind, started_at, due_at, staff_only, waiting_since, last_event)
         VALUES ($1, $2, $3, 'first_response', $4, $5, $6, $4, $7)
         ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
           lead_id = EXCLUDED.lead_id,
           kind = CASE WHEN t.stopped_at IS NULL THEN t.kind ELSE 'next_response' END,
           started_at = CASE WHEN t.stopped_at IS NULL THEN t.started_at ELSE EXCLUDED.started_at END,
           due_at = CASE WHEN t.stopped_at IS NULL THEN t.due_at ELSE EXCLUDED.due_at END,
           staff_only = CASE WHEN t.stopped_at IS NULL THEN t.staff_only ELSE EXCLUDED.staff_only END,
           breached_at = CASE WHEN t.stopped_at IS NULL THEN t.breached_at END,
           stopped_at = NULL,
           waiting_since = coalesce(t.waiting_since, EXCLUDED.waiting_since),
           leakage_at = CASE WHEN t.waiting_since IS NULL THEN NULL ELSE t.leakage_at END,
           last_event = EXCLUDED.last_event
         WHERE t.last_event < EXCLUDED.last_event`,
        [tenantId, t.conversationId, t.leadId, t.at, t.dueAt, t.staffOnly, t.eventId]);
    },
    /** A person was given the lead: their first answer is due (only a person's reply stops this timer). */
    async personDue(tenantId: string, t: { conversationId: string; leadId: string; at: Date; dueAt: Date }): Promise<void> {
      await db.query(
        `INSERT INTO lead_timers (tenant_id, conversation_id, lead_id, kind, started_at, due_at, staff_only)
         VALUES ($1, $2, $3, 'first_response', $4, $5, true)
         ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET lead_id = EXCLUDED.lead_id, kind = 'first_response',
           started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at, staff_only = true, stopped_at = NULL, breached_at = NULL`,
        [tenantId, t.conversationId, t.leadId, t.at, t.dueAt]);
    },
    /** We answered: the silence ends, and the timer stops when this reply counts for it (a reply seen first leaves a stopped timer). */
    async weReplied(tenantId: string, t: { conversationId: string; leadId: string; byStaff: boolean; at: Date; eventId: number }): Promise<void> {
      await db.query(
        `INSERT INTO lead_timers AS t (tenant_id, conversation_id, lead_id, kind, started_at, due_at, staff_only, stopped_at, last_event)
         VALUES ($1, $2, $3, 'first_response', $4, $4, false, $4, $6)
         ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET waiting_since = NULL, leakage_at = NULL, last_event = EXCLUDED.last_event,
           stopped_at = CASE WHEN t.stopped_at IS NULL AND ($5 OR NOT t.staff_only) THEN EXCLUDED.stopped_at ELSE t.stopped_at END
         WHERE t.last_event < EXCLUDED.last_event`,
        [tenantId, t.conversationId, t.leadId, t.at, t.byStaff, t.eventId]);
    },
    /** Our newest reply in the conversation after a customer's message, when it was handled before that message (events can arrive out of order). */
    async replyAfter(tenantId: string, conversationId: string, eventId: number): Promise<{ eventId: number; byStaff: boolean } | undefined> {
      const [row] = await db.query<{ id: string; author: string }>(
        `SELECT id, data->>'author' AS author FROM events
          WHERE tenant_id = $1 AND subject_id = $2 AND type = 'message.sent' AND id > $3 ORDER BY id DESC LIMIT 1`,
        [tenantId, conversationId, eventId]);
      return row && { eventId: Number(row.id), byStaff: row.author === 'staff' };
    },
    async overdue(tenantId: string, now: Date): Promise<TimerRow[]> {
      const rows = await db.query<{ conversation_id: string; lead_id: string; kind: TimerRow['kind']; started_at: Date; due_at: Date }>(
        `UPDATE lead_timers SET breached_at = due_at
          WHERE tenant_id = $1 AND stopped_at IS NULL AND breached_at IS NULL AND due_at <= $2
          RETURNING conversation_id, lead_id, kind, started_at, due_at`, [tenantId, now]);
      return rows.map((r) => ({ conversationId: r.conversation_id, leadId: r.lead_id, kind: r.kind, startedAt: r.started_at, dueAt: r.due_at }));
    },
    async silent(tenantId: string, since: Date, now: Date): Promise<SilenceRow[]> {
      const rows = await db.query<{ conversation_id: string; lead_id: string; waiting_since: Date }>(
        `UPDATE lead_timers SET leakage_at = $3
          WHERE tenant_id = $1 AND waiting_since IS NOT NULL AND leakage_at IS NULL AND waiting_since <= $2
          RETURNING conversation_id, lead_id, waiting_since`, [tenantId, since, now]);
      return rows.map((r) => ({ conversationId: r.conversation_id, leadId: r.lead_id, waitingSince: r.waiting_since }));
    },
    async addBreach(tenantId: string, b: Omit<BreachRow, 'id' | 'startedAt' | 'breachedAt'> & { startedAt: Date; breachedAt: Date }): Promise<string> {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO sla_breaches (tenant_id, lead_id, kind, started_at, breached_at, escalated_to, conversation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [tenantId, b.leadId, b.kind, b.startedAt, b.breachedAt, b.escalatedTo, b.conversationId]);
      return row!.id;
    },
    async hasTimer(tenantId: string, leadId: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM lead_timers WHERE tenant_id = $1 AND lead_id = $2 LIMIT 1`, [tenantId, leadId])).length > 0;
    },
    async running(tenantId: string, leadId: string) {
      const rows = await db.query<{ kind: TimerRow['kind']; started_at: Date; due_at: Date; conversation_id: string }>(
        `SELECT kind, started_at, due_at, conversation_id FROM lead_timers
          WHERE tenant_id = $1 AND lead_id = $2 AND stopped_at IS NULL AND breached_at IS NULL ORDER BY due_at`, [tenantId, leadId]);
      return rows.map((r) => ({ kind: r.kind, startedAt: r.started_at.toISOString(), dueAt: r.due_at.toISOString(), conversationId: r.conversation_id }));
    },
    /** Conversations whose response timer ran out and nobody has answered since (the inbox's "SLA breached" queue). */
    async breachedConversations(tenantId: string): Promise<string[]> {
      const rows = await db.query<{ conversation_id: string }>(
        `SELECT conversation_id FROM lead_timers WHERE tenant_id = $1 AND breached_at IS NOT NULL AND stopped_at IS NULL LIMIT 1000`, [tenantId]);
      return rows.map((r) => r.conversation_id);
    },
    /** Per lead, the earliest timer nobody has answered yet (running or breached), for lists. */
    async clocks(tenantId: string, leadIds: string[]) {
      const rows = await db.query<{ lead_id: string; kind: TimerRow['kind']; started_at: Date; due_at: Date; breached: boolean }>(
        `SELECT DISTINCT ON (lead_id) lead_id, kind, started_at, due_at, breached_at IS NOT NULL AS breached FROM lead_timers
          WHERE tenant_id = $1 AND lead_id = ANY($2::uuid[]) AND stopped_at IS NULL ORDER BY lead_id, due_at`, [tenantId, leadIds]);
      return new Map(rows.map((r) => [r.lead_id, { kind: r.kind, startedAt: r.started_at.toISOString(), dueAt: r.due_at.toISOString(), breached: r.breached }]));
    },
    async breaches(tenantId: string, leadId: string) {
      const rows = await db.query<{ kind: BreachRow['kind']; started_at: Date; breached_at: Date; escalated_to: string | null }>(
        `SELECT kind, started_at, breached_at, escalated_to FROM sla_breaches WHERE tenant_id = $1 AND lead_id = $2 ORDER BY breached_at, id`,
        [tenantId, leadId]);
      return rows.map((r) => ({ kind: r.kind, startedAt: r.started_at.toISOString(), breachedAt: r.breached_at.toISOString(), escalatedTo: r.escalated_to }));
    },
  };
}
