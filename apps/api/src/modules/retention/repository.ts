import { RetentionSettings, type RetentionClass, type RetentionRun } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import { settingsTable } from '../../platform/db/settings-table';

export const REMOVED = '[removed by retention]';

/**
 * What each data class removes, for one tenant, older than $2. Each statement touches only rows
 * not yet removed, so running it again changes nothing. $3 is the marker left in a message.
 */
const PURGE: Record<RetentionClass, string[]> = {
  // The message row, its order and counts stay; the words and what was read from them go.
  message_bodies: [
    `UPDATE messages SET text = $3, options = NULL, understanding = NULL, tool_calls = NULL
      WHERE tenant_id = $1 AND created_at < $2 AND text <> $3 AND NOT pending RETURNING 1`,
    `UPDATE outbox SET payload = jsonb_build_object('text', $3::text)
      WHERE tenant_id = $1 AND created_at < $2 AND status NOT IN ('queued', 'sending') AND payload->>'text' IS DISTINCT FROM $3 RETURNING 1`,
  ],
  // Conversations nobody wrote in since the cutoff; one with a support ticket stays with its ticket.
  closed_conversations: [
    `WITH gone AS (
       DELETE FROM conversations c WHERE c.tenant_id = $1 AND c.last_message_at < $2 AND $3::text IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = c.tenant_id AND t.conversation_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.pending)
       RETURNING c.id)
     , unlinked AS (UPDATE channel_identities SET conversation_id = NULL WHERE tenant_id = $1 AND conversation_id IN (SELECT id FROM gone))
     SELECT 1 FROM gone`,
  ],
  // The raw webhook bodies of handled events, and the record of refused webhook requests.
  inbound_payloads: [
    `UPDATE inbound_events SET payload = '{}'::jsonb
      WHERE tenant_id = $1 AND received_at < $2 AND (processed_at IS NOT NULL OR dead_at IS NOT NULL) AND payload <> '{}'::jsonb
        AND $3::text IS NOT NULL RETURNING 1`,
    `DELETE FROM webhook_rejections r USING channels ch
      WHERE ch.tenant_id = $1 AND r.channel_id = ch.id AND r.received_at < $2 AND $3::text IS NOT NULL RETURNING 1`,
  ],
  notices: [`DELETE FROM notices WHERE tenant_id = $1 AND status <> 'scheduled' AND updated_at < $2 AND $3::text IS NOT NULL RETURNING 1`],
  webhook_deliveries: [`DELETE FROM webhook_deliveries WHERE tenant_id = $1 AND status <> 'pending' AND created_at < $2 AND $3::text IS NOT NULL RETURNING 1`],
  cancelled_holds: [`DELETE FROM holds WHERE tenant_id = $1 AND expires_at < $2 AND $3::text IS NOT NULL RETURNING 1`],
};

export function retentionRepository(db: Queryable) {
  const settings = settingsTable(db, 'retention_settings');
  return {
    settings: async (tenantId: string) => RetentionSettings.parse((await settings.get(tenantId)) ?? {}),
    saveSettings: (tenantId: string, value: RetentionSettings) => settings.save(tenantId, value),
    /** Tenants with at least one limit, their zone and the local date of their last run. */
    async tenantsWithPolicies(tenantIds: string[]) {
      return db.query<{ tenant_id: string; time_zone: string; last_run: string | null }>(
        `SELECT s.tenant_id, t.time_zone, (SELECT max(local_date)::text FROM retention_runs r WHERE r.tenant_id = s.tenant_id) AS last_run
           FROM retention_settings s JOIN tenants t ON t.id = s.tenant_id
          WHERE s.tenant_id = ANY($1) AND s.settings->'days' <> '{}'::jsonb`, [tenantIds]);
    },
    /** One run per tenant at a time, across processes; false when another holds it. */
    async lock(tenantId: string): Promise<boolean> {
      const [row] = await db.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended('retention:' || $1, 0)) AS ok`, [tenantId]);
      return row!.ok;
    },
    async ran(tenantId: string, localDate: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM retention_runs WHERE tenant_id = $1 AND local_date = $2`, [tenantId, localDate])).length > 0;
    },
    async purge(tenantId: string, dataClass: RetentionClass, before: Date): Promise<number> {
      let rows = 0;
      for (const sql of PURGE[dataClass]) rows += (await db.query(sql, [tenantId, before, REMOVED])).length;
      return rows;
    },
    async recordRun(tenantId: string, localDate: string, startedAt: Date, results: RetentionRun['results']): Promise<void> {
      await db.query(`INSERT INTO retention_runs (tenant_id, local_date, started_at, results) VALUES ($1, $2, $3, $4)`,
        [tenantId, localDate, startedAt, JSON.stringify(results)]);
    },
    async runs(tenantId: string, limit: number): Promise<RetentionRun[]> {
      const rows = await db.query<{ id: string; local_date: string; started_at: Date; results: RetentionRun['results'] }>(
        `SELECT id, local_date::text, started_at, results FROM retention_runs WHERE tenant_id = $1 ORDER BY local_date DESC LIMIT $2`, [tenantId, limit]);
      return rows.map((r) => ({ id: r.id, localDate: r.local_date, startedAt: r.started_at.toISOString(), results: r.results }));
    },
  };
}
