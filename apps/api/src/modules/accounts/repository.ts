import type { Queryable } from '../../platform/db/database';
import type { Location, Tenant, TenantCreate } from '@frontdesk/contracts';

interface TenantRow { id: string; slug: string; name: string; time_zone: string; locale: string; currency: string; created_at: Date }
interface LocationRow { id: string; name: string; address: string | null; time_zone: string; created_at: Date }

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id, slug: r.slug, name: r.name, timeZone: r.time_zone, locale: r.locale, currency: r.currency,
  createdAt: r.created_at.toISOString(),
});
const toLocation = (r: LocationRow): Location => ({
  id: r.id, name: r.name, address: r.address, timeZone: r.time_zone, createdAt: r.created_at.toISOString(),
});

export function accountsRepository(db: Queryable) {
  return {
    async insertTenant(t: TenantCreate, blueprint: string | null): Promise<Tenant> {
      const [row] = await db.query<TenantRow & Record<string, unknown>>(
        `INSERT INTO tenants (slug, name, time_zone, locale, currency, blueprint) VALUES ($1,$2,$3,$4,$5,$6) RETURNING *`,
        [t.slug, t.name, t.timeZone, t.locale, t.currency, blueprint],
      );
      return toTenant(row!);
    },
    async tenantBySlug(slug: string): Promise<Tenant | undefined> {
      const rows = await db.query<TenantRow & Record<string, unknown>>(`SELECT * FROM tenants WHERE slug = $1`, [slug]);
      return rows[0] && toTenant(rows[0]);
    },
    async tenantById(id: string): Promise<Tenant | undefined> {
      const rows = await db.query<TenantRow & Record<string, unknown>>(`SELECT * FROM tenants WHERE id = $1`, [id]);
      return rows[0] && toTenant(rows[0]);
    },
    async listTenants(): Promise<Tenant[]> {
      const rows = await db.query<TenantRow & Record<string, unknown>>(`SELECT * FROM tenants ORDER BY created_at, slug`);
      return rows.map(toTenant);
    },
    async insertApiKey(tenantId: string, name: string, prefix: string, keyHash: string) {
      const [row] = await db.query<{ id: string; created_at: Date }>(
        `INSERT INTO api_keys (tenant_id, name, prefix, key_hash) VALUES ($1,$2,$3,$4) RETURNING id, created_at`,
        [tenantId, name, prefix, keyHash],
      );
      return { id: row!.id, createdAt: row!.created_at.toISOString() };
    },
    async findApiKey(tenantId: string, keyHash: string): Promise<{ id: string } | undefined> {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM api_keys WHERE tenant_id = $1 AND key_hash = $2 AND revoked_at IS NULL`,
        [tenantId, keyHash], 'api-key-lookup',
      );
      return rows[0];
    },
    async insertLocation(tenantId: string, l: { name: string; address?: string; timeZone: string }): Promise<Location> {
      const [row] = await db.query<LocationRow & Record<string, unknown>>(
        `INSERT INTO locations (tenant_id, name, address, time_zone) VALUES ($1,$2,$3,$4) RETURNING *`,
        [tenantId, l.name, l.address ?? null, l.timeZone],
      );
      return toLocation(row!);
    },
    async listLocations(tenantId: string): Promise<Location[]> {
      const rows = await db.query<LocationRow & Record<string, unknown>>(
        `SELECT * FROM locations WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
      return rows.map(toLocation);
    },
    async locationExists(tenantId: string, id: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM locations WHERE tenant_id = $1 AND id = $2`, [tenantId, id])).length > 0;
    },
  };
}
export type AccountsRepository = ReturnType<typeof accountsRepository>;
