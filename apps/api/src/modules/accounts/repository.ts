import type { Queryable } from '../../platform/db/database';
import type { Location, LocationUpdate, Tenant, TenantCreate, TenantUpdate } from '@frontdesk/contracts';

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
    /** Changes only the fields given (COALESCE keeps the others). */
    async updateTenant(id: string, t: TenantUpdate): Promise<Tenant | undefined> {
      const rows = await db.query<TenantRow & Record<string, unknown>>(
        `UPDATE tenants SET name = COALESCE($2, name), time_zone = COALESCE($3, time_zone), locale = COALESCE($4, locale)
         WHERE id = $1 RETURNING *`,
        [id, t.name ?? null, t.timeZone ?? null, t.locale ?? null],
      );
      return rows[0] && toTenant(rows[0]);
    },
    async listTenants(): Promise<Tenant[]> {
      const rows = await db.query<TenantRow & Record<string, unknown>>(`SELECT * FROM tenants ORDER BY created_at, slug`);
      return rows.map(toTenant);
    },
    async insertApiKey(tenantId: string, name: string, prefix: string, keyHash: string, scopes: readonly string[] = ['*']) {
      const [row] = await db.query<{ id: string; created_at: Date }>(
        `INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes) VALUES ($1,$2,$3,$4,$5) RETURNING id, created_at`,
        [tenantId, name, prefix, keyHash, scopes],
      );
      return { id: row!.id, createdAt: row!.created_at.toISOString() };
    },
    async findApiKey(tenantId: string, keyHash: string): Promise<{ id: string; scopes: string[] } | undefined> {
      const rows = await db.query<{ id: string; scopes: string[] }>(
        `SELECT id, scopes FROM api_keys WHERE tenant_id = $1 AND key_hash = $2 AND revoked_at IS NULL`,
        [tenantId, keyHash], 'api-key-lookup-scoped',
      );
      return rows[0];
    },
    async listApiKeys(tenantId: string) {
      const rows = await db.query<{ id: string; name: string; prefix: string; scopes: string[]; created_at: Date; revoked_at: Date | null }>(
        `SELECT id, name, prefix, scopes, created_at, revoked_at FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
      return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes, createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null }));
    },
    /** Revokes a live key; its hash, so a cache can forget it at once. */
    async revokeApiKey(tenantId: string, id: string): Promise<string | undefined> {
      return (await db.query<{ key_hash: string }>(
        `UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING key_hash`, [tenantId, id]))[0]?.key_hash;
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
    async location(tenantId: string, id: string): Promise<Location | undefined> {
      const rows = await db.query<LocationRow & Record<string, unknown>>(
        `SELECT * FROM locations WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
      return rows[0] && toLocation(rows[0]);
    },
    /** Changes only the fields given; an address of null clears it. */
    async updateLocation(tenantId: string, id: string, l: LocationUpdate): Promise<Location | undefined> {
      const rows = await db.query<LocationRow & Record<string, unknown>>(
        `UPDATE locations SET name = COALESCE($3, name), time_zone = COALESCE($4, time_zone),
           address = CASE WHEN $5 THEN $6 ELSE address END
         WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [tenantId, id, l.name ?? null, l.timeZone ?? null, l.address !== undefined, l.address || null],
      );
      return rows[0] && toLocation(rows[0]);
    },
    async locationExists(tenantId: string, id: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM locations WHERE tenant_id = $1 AND id = $2`, [tenantId, id])).length > 0;
    },
  };
}
export type AccountsRepository = ReturnType<typeof accountsRepository>;
