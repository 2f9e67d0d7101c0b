import type { Database } from '../../../src/platform/db/database';

/**
 * Every row that belongs to one tenant, table by table, as sorted JSON text: the rows of each table
 * with a tenant_id column, its tenants row, and its people (users and their sessions).
 */
export async function tenantSnapshot(db: Database, tenantId: string): Promise<Record<string, string[]>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'tenant_id'
        AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
      ORDER BY table_name`);
  const snapshot: Record<string, string[]> = {};
  const rows = async (name: string, sql: string) => {
    snapshot[name] = (await db.query<{ row: string }>(sql, [tenantId])).map((r) => r.row).sort();
  };
  for (const { table_name: table } of tables) await rows(table, `SELECT to_jsonb(t)::text AS row FROM "${table}" t WHERE tenant_id = $1`);
  await rows('tenants', 'SELECT to_jsonb(t)::text AS row FROM tenants t WHERE id = $1');
  await rows('users', 'SELECT to_jsonb(u)::text AS row FROM users u WHERE id IN (SELECT user_id FROM memberships WHERE tenant_id = $1)');
  await rows('sessions', 'SELECT to_jsonb(s)::text AS row FROM sessions s WHERE user_id IN (SELECT user_id FROM memberships WHERE tenant_id = $1)');
  return snapshot;
}
