import type { Queryable } from './database';

/** A module's settings per tenant: one JSON document in its own table `(tenant_id PK, settings jsonb, updated_at)`. */
export function settingsTable(db: Queryable, table: string) {
  return {
    async get(tenantId: string): Promise<unknown> {
      const [row] = await db.query<{ settings: unknown }>(`SELECT settings FROM ${table} WHERE tenant_id = $1`, [tenantId]);
      return row?.settings;
    },
    async save(tenantId: string, settings: unknown): Promise<void> {
      await db.query(
        `INSERT INTO ${table} (tenant_id, settings) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()`, [tenantId, JSON.stringify(settings)]);
    },
  };
}
