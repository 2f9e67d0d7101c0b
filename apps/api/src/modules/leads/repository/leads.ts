import type { LeadScore, LeadSettings, LeadStage, Temperature } from '@frontdesk/contracts';
import { decryptField, encryptField } from '../../../platform/crypto/fields';
import type { Queryable } from '../../../platform/db/database';
import type { MessageFact } from '../domain/activity';
import type { EncryptedTable } from '../../../platform/crypto/field-rotation';

/** For key rotation: lead answers and notes. */
export const encryptedLeads: EncryptedTable[] = [
  { table: 'leads', columns: [], json: ['fields'] }, { table: 'lead_notes', columns: ['text'] },
];

export interface LeadRow {
  id: string; contactId: string; stage: LeadStage; lostReason: string | null;
  source: { channel: string | null; campaign: string | null; referral: string | null };
  ownerId: string | null; tags: string[]; fields: Record<string, string>; staffFields: string[]; intents: string[];
  score: LeadScore | null; temperature: Temperature | null; routing: 'human' | 'assistant' | 'nurture' | null;
  createdAt: string; updatedAt: string;
}
export type LeadChange = Partial<Pick<LeadRow, 'contactId' | 'stage' | 'lostReason' | 'source' | 'ownerId' | 'tags' | 'fields'
  | 'staffFields' | 'intents' | 'score' | 'temperature' | 'routing'>>;
export interface LeadFilter { stage?: string; temperature?: string; owner?: string; contact?: string; source?: string; before?: { at: string; id: string }; limit: number }

const COLUMNS: Record<keyof LeadChange, string> = {
  contactId: 'contact_id', stage: 'stage', lostReason: 'lost_reason', source: 'source', ownerId: 'owner_id', tags: 'tags',
  fields: 'fields', staffFields: 'staff_fields', intents: 'intents', score: 'score', temperature: 'temperature', routing: 'routing',
};
const JSON_COLUMNS = new Set(['source', 'fields', 'score']);
/** The answers a lead gave (names, phones, ages, …) are stored encrypted, one value each; their keys stay readable. */
export const sealValues = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, encryptField(v)]));
export const openValues = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, decryptField(v)]));

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toLead = (r: any): LeadRow => ({
  id: r.id, contactId: r.contact_id, stage: r.stage, lostReason: r.lost_reason,
  source: { channel: null, campaign: null, referral: null, ...r.source }, ownerId: r.owner_id, tags: r.tags, fields: openValues(r.fields),
  staffFields: r.staff_fields, intents: r.intents, score: r.score, temperature: r.temperature, routing: r.routing,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

export function leadsRepository(db: Queryable) {
  const one = async (sql: string, params: unknown[]) => {
    const [row] = await db.query(sql, params);
    return row ? toLead(row) : undefined;
  };
  return {
    /** Lead changes of one tenant happen one at a time (released at commit). */
    async lockTenant(tenantId: string): Promise<void> {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('leads:' || $1))`, [tenantId]);
    },
    async settings(tenantId: string): Promise<{ settings: Partial<LeadSettings>; lastAgentId: string | null } | undefined> {
      const [row] = await db.query<{ settings: Partial<LeadSettings>; last_agent_id: string | null }>(
        `SELECT settings, last_agent_id FROM lead_settings WHERE tenant_id = $1`, [tenantId]);
      return row && { settings: row.settings, lastAgentId: row.last_agent_id };
    },
    async saveSettings(tenantId: string, settings: LeadSettings): Promise<void> {
      await db.query(`INSERT INTO lead_settings (tenant_id, settings) VALUES ($1, $2)
        ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()`, [tenantId, JSON.stringify(settings)]);
    },
    async setLastAgent(tenantId: string, agentId: string): Promise<void> {
      await db.query(`INSERT INTO lead_settings (tenant_id, settings, last_agent_id) VALUES ($1, '{}', $2)
        ON CONFLICT (tenant_id) DO UPDATE SET last_agent_id = EXCLUDED.last_agent_id`, [tenantId, agentId]);
    },

    get: (tenantId: string, id: string) => one(`SELECT * FROM leads WHERE tenant_id = $1 AND id = $2`, [tenantId, id]),
    byContact: (tenantId: string, contactId: string) => one(`SELECT * FROM leads WHERE tenant_id = $1 AND contact_id = $2`, [tenantId, contactId]),
    byConversation: (tenantId: string, conversationId: string) => one(
      `SELECT l.* FROM lead_conversations c JOIN leads l ON l.tenant_id = c.tenant_id AND l.id = c.lead_id
        WHERE c.tenant_id = $1 AND c.conversation_id = $2`, [tenantId, conversationId]),
    byBooking: (tenantId: string, bookingId: string) => one(
      `SELECT l.* FROM lead_bookings b JOIN leads l ON l.tenant_id = b.tenant_id AND l.id = b.lead_id
        WHERE b.tenant_id = $1 AND b.booking_id = $2`, [tenantId, bookingId]),
    async insert(tenantId: string, contactId: string, channel: string | null, at: Date): Promise<LeadRow> {
      const source = { channel, campaign: null, referral: null };
      const [row] = await db.query(`INSERT INTO leads (tenant_id, contact_id, source, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING *`,
        [tenantId, contactId, JSON.stringify(source), at]);
      return toLead(row);
    },
    async update(tenantId: string, id: string, change: LeadChange, at: Date): Promise<LeadRow> {
      const keys = (Object.keys(change) as (keyof LeadChange)[]).filter((k) => change[k] !== undefined);
      const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 4}`);
      const stored = (k: keyof LeadChange) => (k === 'fields' && change.fields ? sealValues(change.fields) : change[k]);
      const values = keys.map((k) => (JSON_COLUMNS.has(COLUMNS[k]) && change[k] !== null ? JSON.stringify(stored(k)) : change[k]));
      const [row] = await db.query(`UPDATE leads SET ${[...sets, 'updated_at = $3'].join(', ')} WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [tenantId, id, at, ...values]);
      return toLead(row);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      await db.query(`DELETE FROM leads WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    },
    /** Moves everything that belongs to one lead to another (two leads turned out to be one person). */
    async moveBelongings(tenantId: string, fromId: string, toId: string): Promise<void> {
      for (const table of ['lead_conversations', 'lead_bookings', 'lead_notes', 'lead_timers', 'sla_breaches']) {
        await db.query(`UPDATE ${table} SET lead_id = $3 WHERE tenant_id = $1 AND lead_id = $2`, [tenantId, fromId, toId]);
      }
    },
    async linkConversation(tenantId: string, leadId: string, conversationId: string): Promise<void> {
      await db.query(`INSERT INTO lead_conversations (tenant_id, conversation_id, lead_id) VALUES ($1, $2, $3)
        ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET lead_id = EXCLUDED.lead_id`, [tenantId, conversationId, leadId]);
    },
    /** Records that a turn event was applied; false when it (or a later turn) already was. */
    async claimTurn(tenantId: string, conversationId: string, eventId: number): Promise<boolean> {
      const rows = await db.query(`UPDATE lead_conversations SET last_turn_event = $3
        WHERE tenant_id = $1 AND conversation_id = $2 AND last_turn_event < $3 RETURNING 1`, [tenantId, conversationId, eventId]);
      return rows.length > 0;
    },
    async linkBooking(tenantId: string, leadId: string, bookingId: string): Promise<boolean> {
      const rows = await db.query(`INSERT INTO lead_bookings (tenant_id, booking_id, lead_id) VALUES ($1, $2, $3)
        ON CONFLICT (tenant_id, booking_id) DO NOTHING RETURNING 1`, [tenantId, bookingId, leadId]);
      return rows.length > 0;
    },
    async belongings(tenantId: string, leadId: string): Promise<{ conversationIds: string[]; bookingIds: string[] }> {
      const [row] = await db.query<{ c: string[]; b: string[] }>(
        `SELECT ARRAY(SELECT conversation_id FROM lead_conversations WHERE tenant_id = $1 AND lead_id = $2 ORDER BY conversation_id) AS c,
                ARRAY(SELECT booking_id FROM lead_bookings WHERE tenant_id = $1 AND lead_id = $2 ORDER BY booking_id) AS b`, [tenantId, leadId]);
      return { conversationIds: row!.c, bookingIds: row!.b };
    },
    /** Every message of the lead's conversations, oldest first (from the events they published). */
    async messages(tenantId: string, leadId: string): Promise<MessageFact[]> {
      const rows = await db.query<{ author: MessageFact['author']; at: Date }>(
        `SELECT e.data->>'author' AS author, e.occurred_at AS at FROM events e
          WHERE e.tenant_id = $1 AND e.type IN ('message.received', 'message.sent')
            AND e.subject_id IN (SELECT conversation_id FROM lead_conversations WHERE tenant_id = $1 AND lead_id = $2)
          ORDER BY e.occurred_at, e.id`, [tenantId, leadId]);
      return rows.map((r) => ({ author: r.author, at: new Date(r.at).getTime() }));
    },
    /** Open leads (not won or lost) per owner. */
    async openByOwner(tenantId: string): Promise<Map<string, number>> {
      const rows = await db.query<{ owner_id: string; n: number }>(
        `SELECT owner_id, count(*)::int AS n FROM leads WHERE tenant_id = $1 AND owner_id IS NOT NULL AND stage NOT IN ('won', 'lost')
          GROUP BY owner_id`, [tenantId]);
      return new Map(rows.map((r) => [r.owner_id, r.n]));
    },
    async list(tenantId: string, f: LeadFilter): Promise<LeadRow[]> {
      const rows = await db.query(
        `SELECT * FROM leads WHERE tenant_id = $1
            AND ($2::text IS NULL OR stage = $2) AND ($3::text IS NULL OR temperature = $3)
            AND ($4::uuid IS NULL OR owner_id = $4) AND ($5::text IS NULL OR source->>'channel' = $5)
            AND ($6::timestamptz IS NULL OR (created_at, id) < ($6, $7::uuid)) AND ($9::uuid IS NULL OR contact_id = $9)
          ORDER BY created_at DESC, id DESC LIMIT $8`,
        [tenantId, f.stage ?? null, f.temperature ?? null, f.owner ?? null, f.source ?? null, f.before?.at ?? null, f.before?.id ?? null, f.limit,
          f.contact ?? null]);
      return rows.map(toLead);
    },
  };
}
export type LeadsRepository = ReturnType<typeof leadsRepository>;
